// Browser entry point (ESM): call `await ready()` once before anything else.
import init, * as native from "./pkg-web/sundhedsaftale_wasm.js";
import { makeApi } from "./api.js";

export { ProgressError, ValidationError } from "./api.js";

const api = makeApi(native);
let loaded = null;

/** Loads the wasm module; `source` may be a URL, Response, or bytes (defaults to the file beside this one). */
export function ready(source) {
  loaded ??= init(source === undefined ? undefined : { module_or_path: source });
  return loaded.then(() => undefined);
}

export const {
  nordjylland2024,
  parse,
  validate,
  statusOn,
  calendar,
  report,
  catalogue,
  politiskKlyngeVest2021,
  validateMinutes,
  progress,
  followUp,
} = api;
