// The wasm features every browser Golmok supports has, which wasm-opt may use: the one
// list for the build (scripts/build-wasm.mjs) and the size breakdown of make bench.
export const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

// Exports nothing calls, removed before wasm-opt -Oz so the code behind them goes too:
// wasm-streams' stream classes (see withoutStreamClasses in scripts/build-wasm.mjs).
// A chunk has no such exports; the pattern then matches nothing.
export const DEAD_EXPORTS = ['--remove-exports', '--pass-arg=remove-exports@*intounderlying*'];
