#!/usr/bin/env bash
# Runs one phase of `make test` under a header and says how long it took:
#   scripts/phase.sh "TITLE" COMMAND [ARGS...]
# With GOLMOK_PHASE_LOG set, appends "seconds<TAB>title<TAB>result" to that file.
set -uo pipefail
title=$1
shift
if [[ -t 1 ]]; then bold=$'\e[1m' green=$'\e[32m' red=$'\e[31m' off=$'\e[0m'; else bold= green= red= off=; fi
printf '\n%s==> %s%s\n' "$bold" "$title" "$off"
start=$(date +%s)
"$@"
status=$?
elapsed=$(($(date +%s) - start))
if ((status == 0)); then
  printf '%s<== %s: ok (%ss)%s\n' "$green" "$title" "$elapsed" "$off"
  result=ok
else
  printf '%s<== %s: FAILED (exit %s, %ss)%s\n' "$red" "$title" "$status" "$elapsed" "$off" >&2
  result=FAILED
fi
[[ -n "${GOLMOK_PHASE_LOG:-}" ]] && printf '%s\t%s\t%s\n' "$elapsed" "$title" "$result" >>"$GOLMOK_PHASE_LOG"
exit "$status"
