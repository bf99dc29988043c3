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

  /**
   * The problems with messages in `lang` ("en" or "da"). With `redact`, every
   * value echoed from the input is replaced by its type and length
   * (`<string:11>`), for logs that must hold no personal data.
   */
  errorsIn(lang, { redact = false } = {}) {
    const problems = redact ? unwrap(call("redact", JSON.stringify(this._problems))) : this._problems;
    return localise(problems, lang);
  }
}

/** `lang`, if it is "en" or "da"; RangeError otherwise. */
function checkLang(lang) {
  if (lang !== "en" && lang !== "da") throw new RangeError(`unknown language ${lang} (use "en" or "da")`);
  return lang;
}

function localise(problems, lang) {
  checkLang(lang);
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

/** The largest input, in UTF-16 code units (about bytes for most documents), passed to the module: 16 MiB. */
export const DEFAULT_INPUT_LIMIT = 16 * 1024 * 1024;
let inputLimit = DEFAULT_INPUT_LIMIT;

/** Sets the input size limit (see `DEFAULT_INPUT_LIMIT`); larger inputs throw `RangeError` before reaching the module. */
export function setInputLimit(units) {
  if (!Number.isInteger(units) || units <= 0) throw new RangeError(`the input limit must be a positive integer, not ${units}`);
  inputLimit = units;
}

/**
 * Calls the module's export `name`. Text over the input limit is refused
 * before it reaches the module. If the module traps anyway (memory
 * exhausted), its instance is replaced by a fresh one, so that this call
 * fails with a clear error and every later call works as before.
 */
function call(name, ...args) {
  for (const a of args) {
    if (typeof a === "string" && a.length > inputLimit) {
      throw new RangeError(`sundhedsaftale: an input of ${a.length} characters is over the limit of ${inputLimit} (setInputLimit changes it)`);
    }
  }
  const module = loaded();
  try {
    return module[name](...args);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    module.__restart();
    generation += 1;
    throw new Error(`sundhedsaftale: the WebAssembly module failed on this input (${e.message}) and was restarted; later calls work`, { cause: e });
  }
}

/** Counts the module's restarts: an agreement parsed before one is gone. */
let generation = 0;

// Frees an agreement's memory once its object is collected, if it was not freed before.
const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ handle, born }) => {
        if (born === generation && native !== null) native.close(handle);
      })
    : null;

function followUpArguments({ observations, format, targets = [], weights, smallCountThreshold, dialect } = {}) {
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
  if (dialect !== undefined) options.dialect = { separator: dialect.separator, decimal_comma: dialect.decimalComma ?? false };
  return [observed, kind, JSON.stringify(options)];
}

/** Module-private: how minutes queries reach a parsed agreement's number. */
const HANDLE = Symbol("handle");

/**
 * A parsed, validated agreement, held in the module's memory: its queries
 * parse nothing again and return only what was asked. Freed when the object
 * is collected, or at once with `free()`. `JSON.stringify` gives the document.
 */
export class ParsedAgreement {
  #handle;
  #born;
  #summary;
  #data = null;

  /** @param {number} handle the module's number for the open agreement */
  constructor(handle) {
    this.#handle = handle;
    this.#born = generation;
    this.#summary = this.#ask("agreement_summary");
    registry?.register(this, { handle, born: generation }, this);
  }

  /** The module's number for this agreement; throws if it was freed or lost in a restart. */
  #open() {
    if (this.#handle === null) throw new Error("sundhedsaftale: this agreement was freed");
    if (this.#born !== generation) {
      throw new Error("sundhedsaftale: this agreement was lost when the module restarted; parse it again");
    }
    return this.#handle;
  }

  #ask(name, ...args) {
    return unwrap(call(name, this.#open(), ...args));
  }

  /** The agreement's id. */
  get id() {
    return this.#summary.id;
  }

  /** The agreement's title. */
  get title() {
    return this.#summary.title;
  }

  /** The validity status on a date; throws RangeError for a malformed date. */
  statusOn(on) {
    return this.#ask("agreement_status_on", on);
  }

  /** The follow-up calendar on a date. */
  calendar(on) {
    return this.#ask("agreement_calendar", on);
  }

  /** The readable report on a date. */
  report(on, { lang = "en" } = {}) {
    return this.#ask("agreement_report", on, lang);
  }

  /** Every problem, warnings included, with messages in `lang`. */
  validate({ lang = "en" } = {}) {
    return localise(this.#ask("agreement_validate"), lang);
  }

  /** The organisations with a role on a date (party, bound or covered), each with its role. */
  rolesOn(on) {
    return this.#ask("agreement_roles_on", on);
  }

  /** The parties on a date: none before entry into force or after expiry. */
  partiesOn(on) {
    return this.#ask("agreement_parties_on", on);
  }

  /** The clusters of the agreement's region existing on a date. */
  clustersOn(on) {
    return this.#ask("agreement_clusters_on", on);
  }

  /** The cluster a municipality (code or id as the document writes it) belongs to on a date, or null. */
  clusterOf(municipality, on) {
    return this.#ask("agreement_cluster_of", municipality, on);
  }

  /** The bodies existing on a date. */
  bodiesOn(on) {
    return this.#ask("agreement_bodies_on", on);
  }

  /** Who sits in a body on a date: post, membership and person; RangeError for an unknown body. */
  membersOn(body, on) {
    return this.#ask("agreement_members_on", idOf(body), on);
  }

  /** A body's composition on a date, one report per rule set that applies; RangeError for an unknown body. */
  composition(body, on) {
    return this.#ask("agreement_composition", idOf(body), on);
  }

  /** The organisation with this id, or undefined. */
  organisation(id) {
    return this.#document().organisations.find((o) => o.id === id);
  }

  /** The body with this id, or undefined. */
  body(id) {
    return this.#document().bodies.find((b) => b.id === id);
  }

  /** The cluster with this id, or undefined. */
  cluster(id) {
    return this.#document().clusters.find((c) => c.id === id);
  }

  /** The person with this id, or undefined. */
  person(id) {
    return this.#document().people.find((p) => p.id === id);
  }

  /** The document, parsed once and kept for lookups (callers get copies through toJSON). */
  #document() {
    this.#data ??= this.toJSON();
    return this.#data;
  }

  /** The module's number for this agreement, for queries that take an agreement (minutes). */
  [HANDLE]() {
    return this.#open();
  }

  /** The annual follow-up of `year`; options as for `followUp`. */
  followUp(year, options = {}) {
    return this.#ask("agreement_follow_up", year, ...followUpArguments(options));
  }

  /** The document, as plain data. */
  toJSON() {
    return this.#ask("agreement_data");
  }

  /** Frees the agreement's memory now; later queries throw. */
  free() {
    if (this.#handle === null) return;
    if (this.#born === generation) loaded().close(this.#handle);
    registry?.unregister(this);
    this.#handle = null;
  }
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

export const nordjylland2024 = () => unwrap(call("nordjylland_2024"));
/** The embedded North Jutland agreement 2024 as a `ParsedAgreement`, without a round trip through JSON text. */
export const openNordjylland2024 = () => new ParsedAgreement(unwrap(call("open_nordjylland_2024")));
/** Parses and validates JSON text into a `ParsedAgreement`; throws ValidationError listing every error. */
export const parse = (json) => new ParsedAgreement(unwrap(call("open", json)));
export const validate = (json, { lang = "en" } = {}) => localise(unwrap(call("validate", json)), lang);
export const statusOn = (agreement, on) =>
  agreement instanceof ParsedAgreement ? agreement.statusOn(on) : unwrap(call("status_on", text(agreement), on));
export const calendar = (agreement, on) =>
  agreement instanceof ParsedAgreement ? agreement.calendar(on) : unwrap(call("calendar", text(agreement), on));
export const report = (agreement, on, { lang = "en" } = {}) =>
  agreement instanceof ParsedAgreement
    ? agreement.report(on, { lang })
    : unwrap(call("report", text(agreement), on, lang));
export const catalogue = () => unwrap(call("catalogue"));

let labelTable = null;
/** Every labelled code (`{kind, code, en, da}`): statuses, levels, validity states, kinds of body, … */
export function labels() {
  labelTable ??= unwrap(call("labels"));
  return labelTable.map((l) => ({ ...l }));
}
/** The label of `code` of `kind` in `lang` ("en" or "da"); undefined for an unknown code. */
export function label(kind, code, lang = "da") {
  checkLang(lang);
  labelTable ??= unwrap(call("labels"));
  return labelTable.find((l) => l.kind === kind && l.code === code)?.[lang];
}
export const politiskKlyngeVest2021 = () => unwrap(call("politisk_klynge_vest_2021"));
/** The known composition rule sets (before and from the 2022 reorganisation). */
export const ruleSets = () => unwrap(call("rule_sets"));

function idOf(item) {
  return typeof item === "string" ? item : item.id;
}

/** Runs `query` on a parsed agreement; a document or text is parsed for the call and freed after. */
function withParsed(agreement, query) {
  if (agreement instanceof ParsedAgreement) return query(agreement);
  const parsed = parse(text(agreement));
  try {
    return query(parsed);
  } finally {
    parsed.free();
  }
}

/**
 * Minutes of a meeting, checked against an agreement (the embedded North
 * Jutland agreement unless one is given). Holds the minutes as data; the
 * queries throw ValidationError when the minutes have errors.
 */
export class ParsedMinutes {
  #text;
  #data = undefined;

  /** @param {string | object} minutes JSON text or the minutes as data */
  constructor(minutes) {
    this.#text = text(minutes);
  }

  /** The minutes as plain data (read from the text when first asked; SyntaxError if it is not JSON). */
  get data() {
    this.#data ??= JSON.parse(this.#text);
    return this.#data;
  }

  /** Asks the module about these minutes, against `agreement` (the embedded one when absent). */
  #ask(name, agreement, ...args) {
    if (agreement === undefined || agreement === null) return unwrap(call(name, this.#text, ...args, undefined));
    return withParsed(agreement, (a) => unwrap(call(name, this.#text, ...args, a[HANDLE]())));
  }

  /** Every problem, warnings included, with messages in `lang`. */
  problems({ agreement, lang = "en" } = {}) {
    return localise(this.#ask("minutes_problems", agreement), lang);
  }

  /** The readable report, in `lang`. */
  report({ agreement, lang = "en" } = {}) {
    return this.#ask("minutes_report", agreement, checkLang(lang));
  }

  /** Who attended, per party (a regional unit counts for its region). */
  attendanceByParty({ agreement } = {}) {
    return this.#ask("minutes_attendance_by_party", agreement);
  }

  /** The attendance's composition, one report per rule set that applies on the meeting's date. */
  composition({ agreement } = {}) {
    return this.#ask("minutes_composition", agreement);
  }

  toJSON() {
    return this.data;
  }
}

/** Holds minutes (JSON text or data) for checking and queries; see `ParsedMinutes`. */
export const parseMinutes = (minutes) => new ParsedMinutes(minutes);
/** Every problem in minutes (JSON text or data), checked against `agreement` (the embedded one by default). */
export const validateMinutes = (minutes, { lang = "en", agreement } = {}) =>
  new ParsedMinutes(minutes).problems({ lang, agreement });
export const progress = (input) => unwrap(call("progress", JSON.stringify(input)));
export function followUp(agreement, year, options = {}) {
  if (agreement instanceof ParsedAgreement) return agreement.followUp(year, options);
  return unwrap(call("follow_up", text(agreement), year, ...followUpArguments(options)));
}
/** The organisations with a role on a date; see `ParsedAgreement.rolesOn`. */
export const rolesOn = (agreement, on) => withParsed(agreement, (a) => a.rolesOn(on));
/** The parties on a date; see `ParsedAgreement.partiesOn`. */
export const partiesOn = (agreement, on) => withParsed(agreement, (a) => a.partiesOn(on));
/** The clusters on a date; see `ParsedAgreement.clustersOn`. */
export const clustersOn = (agreement, on) => withParsed(agreement, (a) => a.clustersOn(on));
/** The bodies on a date; see `ParsedAgreement.bodiesOn`. */
export const bodiesOn = (agreement, on) => withParsed(agreement, (a) => a.bodiesOn(on));
/** Who sits in a body on a date; see `ParsedAgreement.membersOn`. */
export const membersOn = (agreement, body, on) => withParsed(agreement, (a) => a.membersOn(body, on));
/** A body's composition on a date; see `ParsedAgreement.composition`. */
export const composition = (agreement, body, on) => withParsed(agreement, (a) => a.composition(body, on));
