// The loaded wasm-bindgen module, set once by the entry point that loads it
// (node or browser); the API in api.js reads it through this live binding.
// Nothing here is part of the package's API: the entry points re-export
// api.js only.
export let native = null;

export function bind(module) {
  native = module;
}

// The Excel module, once `loadExcel()` has loaded it (null until then).
export let excel = null;

export function bindExcel(module) {
  excel = module;
}

/**
 * Module-private (api.js and elements.js): a method of `ParsedAgreement`
 * giving the agreement to use now: itself while it is open, or one parsed
 * again from the same source when the module restarted since (an element
 * keeps working after a restart; a page's own object still says it was lost).
 */
export const RENEW = Symbol("sundhedsaftale.renew");

/** What `ready(source)` may load the module from; TypeError for anything else. */
export function checkSource(source) {
  const ok =
    source === undefined ||
    typeof source === "string" ||
    source instanceof URL ||
    (typeof Response === "function" && source instanceof Response) ||
    (typeof Request === "function" && source instanceof Request) ||
    source instanceof Promise ||
    source instanceof ArrayBuffer ||
    ArrayBuffer.isView(source) ||
    source instanceof WebAssembly.Module;
  if (!ok) {
    const what = source === null ? "null" : Array.isArray(source) ? "an array" : `a ${typeof source === "object" ? source.constructor?.name ?? "object" : typeof source}`;
    throw new TypeError(`sundhedsaftale: \`source\` must be a URL (string or URL), a Response, the module's bytes or a WebAssembly.Module, not ${what}`);
  }
}
