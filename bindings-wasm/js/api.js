// The JS API over the wasm module. The module returns JSON envelopes
// ({ok} | {problems} | {progress_error} | {argument}); this layer unwraps
// them, so callers get plain values or a thrown ValidationError,
// ProgressError or RangeError. It is shared by the node and browser entry
// points, which differ only in how the module loads (see native.js).
import { native } from "./native.js";

/** A document has problems; `errors` lists every one, in English. */
export class ValidationError extends Error {
  /** @param {Array<object>} problems native problems, messages in both languages */
  constructor(problems) {
    const list = localise(problems, "en");
    const lines = list.map((p) => `  ${p.severity} ${p.code} at ${p.path || "/"}: ${p.message}`);
    super(`${list.length} problem${list.length === 1 ? "" : "s"} in the document:\n${lines.join("\n")}`);
    this.name = "ValidationError";
    this.errors = list;
    Object.defineProperty(this, "_problems", { value: problems, enumerable: false });
  }

  /** The problems with messages in `lang` ("en" or "da"). */
  errorsIn(lang) {
    return localise(this._problems, lang);
  }
}

function localise(problems, lang) {
  if (lang !== "en" && lang !== "da") throw new RangeError(`unknown language ${lang} (use "en" or "da")`);
  return problems.map((p) => ({
    code: p.code,
    path: p.path,
    severity: p.severity,
    message: p.message[lang],
    messages: { en: p.message.en, da: p.message.da },
    context: p.context,
  }));
}

/** Progress cannot be measured from these inputs (e.g. a zero base); `code` says why. */
export class ProgressError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.name = "ProgressError";
    this.code = code;
  }
}

function loaded() {
  if (native === null) throw new Error("sundhedsaftale: the wasm module is not loaded yet; await ready() first");
  return native;
}

function unwrap(envelope) {
  const result = JSON.parse(envelope);
  if ("ok" in result) return result.ok;
  if ("problems" in result) throw new ValidationError(result.problems);
  if ("progress_error" in result) throw new ProgressError(result.progress_error, result.message);
  throw new RangeError(result.argument);
}

function text(agreement) {
  return typeof agreement === "string" ? agreement : JSON.stringify(agreement);
}

export const nordjylland2024 = () => unwrap(loaded().nordjylland_2024());
export const parse = (json) => unwrap(loaded().parse(json));
export const validate = (json, { lang = "en" } = {}) => localise(unwrap(loaded().validate(json)), lang);
export const statusOn = (agreement, on) => unwrap(loaded().status_on(text(agreement), on));
export const calendar = (agreement, on) => unwrap(loaded().calendar(text(agreement), on));
export const report = (agreement, on, { lang = "en" } = {}) => unwrap(loaded().report(text(agreement), on, lang));
export const catalogue = () => unwrap(loaded().catalogue());
export const politiskKlyngeVest2021 = () => unwrap(loaded().politisk_klynge_vest_2021());
export const validateMinutes = (minutes, { lang = "en" } = {}) =>
  localise(unwrap(loaded().validate_minutes(text(minutes))), lang);
export const progress = (input) => unwrap(loaded().progress(JSON.stringify(input)));
export function followUp(agreement, year, { observations, format, targets = [], weights, smallCountThreshold } = {}) {
  let observed = "";
  let kind = format ?? "csv";
  if (Array.isArray(observations)) {
    observed = JSON.stringify(observations);
    kind = "json";
  } else if (typeof observations === "string") {
    observed = observations;
  }
  const options = { targets };
  if (weights !== undefined) options.weights = weights;
  if (smallCountThreshold !== undefined) options.small_count_threshold = smallCountThreshold;
  return unwrap(loaded().follow_up(text(agreement), year, observed, kind, JSON.stringify(options)));
}
