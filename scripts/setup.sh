#!/usr/bin/env bash
# Installs everything the build and the tests need, and nothing that is already there:
# on a machine that has it all this takes a second or two. Safe to run again and again.
#
#   - Rust: the wasm32 target, rustfmt and clippy (rustup and cargo must exist)
#   - Trunk (pinned), wasm-bindgen-cli (the version Cargo.lock pins) and wasm-split-cli
#     (pinned; splits the release wasm into chunks), via cargo install
#   - Debian packages: Chromium and its WebDriver (e2e and wasm tests), CJK and emoji fonts
#     (screenshots), brotli (make bench), PostgreSQL (the server's tests on PostgreSQL),
#     nginx (the load balancer of the scaled shape)
#   - npm devDependencies (wasm-opt from binaryen, esbuild, playwright-core, axe-core) via `npm ci`
#   - schemathesis from PyPI, pinned with everything it runs on
#     (tests/schemathesis/requirements.txt), in a virtual environment in .tools/schemathesis
#
# `scripts/setup.sh --bench` also installs what only `make bench` uses: twiggy (cargo),
# wrk (Debian) and Lighthouse (npm, in bench/).
#
# Only the package registries are used: crates.io, npm, PyPI, Debian. Trunk is never left to
# download its own tools: scripts/env.sh puts the pinned ones first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
TWIGGY_VERSION=0.8.0
# postgresql: the server's tests run on PostgreSQL too (scripts/with-postgres.sh makes a
# throwaway cluster of its own, with TLS from openssl; the cluster the package may set up
# is not used). nginx:
# the load balancer of the scaled shape (scripts/scaled.sh), which make test runs once.
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji brotli postgresql openssl nginx)
bench=false
if [[ "${1:-}" == "--bench" ]]; then
  bench=true
  APT_PACKAGES+=(wrk)
fi

step() { printf '  setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# --- Rust ---------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup is missing: the wasm32 target is installed with rustup"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
missing_components=()
cargo fmt --version >/dev/null 2>&1 || missing_components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || missing_components+=(clippy)
if ((${#missing_components[@]})); then
  step "adding Rust components ${missing_components[*]}"
  rustup component add "${missing_components[@]}"
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "could not read the wasm-bindgen version from Cargo.lock"

version_of() { "$@" 2>/dev/null | awk '{ print $2; exit }'; }

if [[ "$(version_of trunk --version)" != "$TRUNK_VERSION" ]]; then
  step "installing trunk $TRUNK_VERSION (cargo install, a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [[ "$(version_of wasm-bindgen --version)" != "$WASM_BINDGEN_VERSION" ]] ||
  [[ "$(version_of wasm-bindgen-test-runner --version)" != "$WASM_BINDGEN_VERSION" ]]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
  # Not --locked: a crate version its lockfile pins is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# It prints no version of its own; cargo's install list knows which one is there.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" ||
  ! command -v wasm-split-cli >/dev/null; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (cargo install, a few minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if $bench && [[ "$(version_of twiggy --version)" != "$TWIGGY_VERSION" ]]; then
  step "installing twiggy $TWIGGY_VERSION (cargo install, a minute or two)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

# --- Debian packages ----------------------------------------------------------------
missing_packages=()
for package in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing_packages+=("$package")
done
if ((${#missing_packages[@]})); then
  command -v apt-get >/dev/null || die "missing ${missing_packages[*]} and no apt-get to install them"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "missing ${missing_packages[*]}: run as root or install sudo"
    sudo=(sudo)
  fi
  step "installing ${missing_packages[*]} (apt-get)"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing_packages[@]}"
fi

# --- npm ----------------------------------------------------------------------------
command -v node >/dev/null || die "node is missing: install Node.js 20 or newer"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || die "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

# node_modules matches package-lock.json when every locked package is installed at its
# locked version; then there is nothing for `npm ci` to do.
npm_in_step() {
  (cd "$1" && node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [path, meta] of Object.entries(lock.packages)) {
      if (!path) continue;
      // Optional packages for other platforms (the esbuild binaries) are not installed here.
      if (meta.optional && !fs.existsSync(path)) continue;
      const pkg = JSON.parse(fs.readFileSync(path + "/package.json", "utf8"));
      if (pkg.version !== meta.version) process.exit(1);
    }
  ' 2>/dev/null)
}
if ! npm_in_step .; then
  step "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
if $bench && ! npm_in_step bench; then
  step "installing Lighthouse for make bench (npm ci in bench/)"
  (cd bench && npm ci --no-audit --no-fund)
fi

# --- Python: schemathesis -------------------------------------------------------------
# The venv remembers the requirements it was made from: the same file, nothing to do.
st_venv=.tools/schemathesis
st_requirements=tests/schemathesis/requirements.txt
if ! cmp -s "$st_requirements" "$st_venv/requirements.txt" || [[ ! -x "$st_venv/bin/schemathesis" ]]; then
  command -v python3 >/dev/null || die "python3 is missing: schemathesis needs Python 3.10 or newer"
  step "installing schemathesis (PyPI, pinned) into $st_venv"
  rm -rf "$st_venv"
  python3 -m venv "$st_venv" || die "python3 -m venv failed: install python3-venv"
  "$st_venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$st_requirements"
  cp "$st_requirements" "$st_venv/requirements.txt"
fi

# --- Sanity: what the build and the tests will run ----------------------------------
tools=(trunk wasm-bindgen wasm-bindgen-test-runner wasm-split-cli wasm-opt chromium chromedriver brotli "$st_venv/bin/schemathesis")
$bench && tools+=(twiggy wrk)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || die "$tool is still not on PATH"
done
step "ok (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version | head -1), node $(node --version), $("$st_venv/bin/schemathesis" --version))"
