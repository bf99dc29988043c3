// Node entry point: the module is instantiated synchronously on import.
import * as module from "./pkg-node/sundhedsaftale_wasm.js";
import { bind } from "./native.js";

bind(module);

export * from "./api.js";
/** Already loaded under node; provided so code can be shared with the browser entry point. */
export async function ready() {}
