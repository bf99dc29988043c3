// Node entry point: the module is instantiated synchronously on import,
// from the same file the browser loads.
import { readFileSync } from "node:fs";
import * as module from "./pkg/sundhedsaftale_wasm.js";
import { bind, bindExcel, checkSource, excel } from "./native.js";

module.initSync({ module: readFileSync(new URL("./pkg/sundhedsaftale_wasm_bg.wasm", import.meta.url)) });
bind(module);

export * from "./api.js";
/** Already loaded under node; provided so code can be shared with the browser entry point (`source` is checked, not used). */
export async function ready(source) {
  checkSource(source);
}

/**
 * Loads the Excel module (the workbook reader, kept out of the main module
 * so that pages download it only when they read a workbook). Once loaded,
 * `readObservations` and `followUp` read `xlsx` tables.
 */
export async function loadExcel() {
  if (excel !== null) return;
  const reader = await import("./pkg/sundhedsaftale_wasm_excel.js");
  reader.initSync({ module: readFileSync(new URL("./pkg/sundhedsaftale_wasm_excel_bg.wasm", import.meta.url)) });
  bindExcel(reader);
}
