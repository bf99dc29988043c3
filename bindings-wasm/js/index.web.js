// Browser entry point (ESM): call `await ready()` once before anything else.
import init, * as module from "./pkg/sundhedsaftale_wasm.js";
import { bind, bindExcel, checkSource } from "./native.js";

export * from "./api.js";

let loaded = null;

/** Loads the wasm module; `source` may be a URL, Response, or bytes (defaults to the file beside this one). */
export function ready(source) {
  try {
    checkSource(source);
  } catch (error) {
    return Promise.reject(error);
  }
  loaded ??= init(source === undefined ? undefined : { module_or_path: source }).then(() => bind(module));
  return loaded;
}

let excelLoaded = null;

/**
 * Loads the Excel module (the workbook reader, from the file beside this
 * one), which pages download only when they read a workbook. Once loaded,
 * `readObservations` and `followUp` read `xlsx` tables.
 */
export function loadExcel() {
  excelLoaded ??= import("./pkg/sundhedsaftale_wasm_excel.js").then(async (reader) => {
    await reader.default();
    bindExcel(reader);
  });
  return excelLoaded;
}
