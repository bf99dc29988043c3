// The loaded wasm-bindgen module, set once by the entry point that loads it
// (node or browser); the API in api.js reads it through this live binding.
export let native = null;

export function bind(module) {
  native = module;
}
