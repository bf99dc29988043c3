// Node entry point: the module is instantiated synchronously on import,
// from the same file the browser loads.
import { readFileSync } from "node:fs";
import * as module from "./pkg/sundhedsaftale_wasm.js";
import { bind, checkSource } from "./native.js";

module.initSync({ module: readFileSync(new URL("./pkg/sundhedsaftale_wasm_bg.wasm", import.meta.url)) });
bind(module);

export * from "./api.js";
/** Already loaded under node; provided so code can be shared with the browser entry point (`source` is checked, not used). */
export async function ready(source) {
  checkSource(source);
}
