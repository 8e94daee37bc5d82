// How wasm-opt is run: the one list for the build (scripts/build-wasm.mjs) and the size
// breakdown of make bench.

// Its passes. `-Oz` alone makes the fewest bytes, but what travels is gzip or brotli:
// flattening the code and rebuilding its control flow (`--flatten --rereloop`), then
// optimising for speed before size and until nothing changes, leaves 4% more bytes that
// repeat more. Measured on the main wasm as it ships: 1.6 KB less gzip and 2 KB less
// brotli than `-Oz` (on wasm-bindgen's output alone, `-Os` saved 0.3 KB of gzip and
// `-O2 -Os` 0.6 KB, against these passes' 2.0 KB), for 17 s of build instead of 4.
// Last, the functions in the order of their names (which the input still has): the many
// copies of one generic function (tachys' `build`, `rebuild`, `drop_in_place` for each
// view) then sit side by side, within reach of the compressor's window. The same bytes in
// another order: 0.55 KB less gzip and 1.2 KB less brotli on the first load, 7 KB less
// gzip over every file. (`--merge-similar-functions` makes fewer bytes that compress
// worse: +0.4 KB gzip.)
export const PASSES = ['--flatten', '--rereloop', '-O2', '-Os', '--converge', '--reorder-functions-by-name'];

// The wasm features every browser Golmok supports has, which wasm-opt may use.
export const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

// Exports nothing calls, removed before wasm-opt's passes so the code behind them goes too:
// wasm-streams' stream classes (see withoutStreamClasses in scripts/build-wasm.mjs).
// A chunk has no such exports; the pattern then matches nothing.
export const DEAD_EXPORTS = ['--remove-exports', '--pass-arg=remove-exports@*intounderlying*'];
