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
