# Sourced by the scripts and the Makefile: the pinned tools come first on PATH (cargo
# installs, then node_modules/.bin for wasm-opt). Trunk looks for wasm-bindgen and
# wasm-opt of its pinned versions on PATH and would otherwise try to download them.
golmok_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$golmok_root/node_modules/.bin:$PATH"
unset golmok_root
