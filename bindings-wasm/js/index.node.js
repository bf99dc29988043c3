// Node entry point: the module is instantiated synchronously on import.
import * as native from "./pkg-node/sundhedsaftale_wasm.js";
import { makeApi } from "./api.js";

export { ProgressError, ValidationError } from "./api.js";
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
} = makeApi(native);
/** Already loaded under node; provided so code can be shared with the browser entry point. */
export async function ready() {}
