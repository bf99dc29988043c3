// The JS API over the wasm module. The module returns JSON envelopes
// ({ok} | {problems} | {progress_error} | {argument}); this layer unwraps
// them, so callers get plain values or a thrown ValidationError,
// ProgressError or RangeError. It is shared by the node and browser entry
// points, which differ only in how the module loads (see native.js).
//
// Every export and method checks its arguments with the checkers below
// before anything reaches the module: a value of the wrong type is a
// TypeError naming the argument, never a trap of the module.
import { RENEW, excel, native } from "./native.js";

// ---- Argument checks -------------------------------------------------------

/** The longest date, language, id or code passed on (longer ones are refused in JS). */
const SHORT_LIMIT = 1024;

/** How a value is named in a message (a symbol is never interpolated: that would throw). */
function describe(value) {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  switch (typeof value) {
    case "string":
      return value.length > 40 ? `a string of ${value.length} characters` : `the string ${JSON.stringify(value)}`;
    case "number":
      return `the number ${value}`;
    case "bigint":
      return "a bigint";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "boolean":
      return `${value}`;
    default: {
      const name = Object.getPrototypeOf(value)?.constructor?.name;
      return name && name !== "Object" ? `a ${name}` : "an object";
    }
  }
}

/** TypeError: argument `name` is not what `expected` says. */
function wrongType(name, expected, value) {
  return new TypeError(`sundhedsaftale: \`${name}\` must be ${expected}, not ${describe(value)}`);
}

const isPlainObject = (value) => {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Text over the input limit is refused, naming the argument. */
function withinLimit(value, name) {
  if (value.length > inputLimit) {
    throw new RangeError(
      `sundhedsaftale: \`${name}\` is ${value.length} characters long, over the input limit of ${inputLimit} (setInputLimit changes it)`,
    );
  }
  return value;
}

/** A string of any length up to the input limit (a document, minutes, observations). */
function textArg(value, name, expected = "a string") {
  if (typeof value !== "string") throw wrongType(name, expected, value);
  return withinLimit(value, name);
}

/** A short string: an id, a code, a language (at most SHORT_LIMIT characters). */
function shortTextArg(value, name, expected = "a string") {
  if (typeof value !== "string") throw wrongType(name, expected, value);
  if (value.length > SHORT_LIMIT) {
    throw new RangeError(`sundhedsaftale: \`${name}\` is ${value.length} characters long; at most ${SHORT_LIMIT} are taken`);
  }
  return value;
}

/** A Date's calendar day in the local time zone, as YYYY-MM-DD (years outside 0–9999 are not dates there). */
function localDay(date) {
  const year = date.getFullYear();
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : String(year);
  return `${yyyy}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/**
 * A date: a `Date` (its calendar day in the local time zone) or a
 * YYYY-MM-DD string, which the module checks (RangeError when it is not a
 * date). An invalid Date is a RangeError; any other value a TypeError.
 */
function dateArg(value, name = "on") {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`sundhedsaftale: \`${name}\` is an invalid Date`);
    return localDay(value);
  }
  if (typeof value !== "string") throw wrongType(name, "a Date or a YYYY-MM-DD string", value);
  if (value.length > SHORT_LIMIT) {
    throw new RangeError(`sundhedsaftale: \`${name}\` is not a date in the form YYYY-MM-DD (a string of ${value.length} characters)`);
  }
  return value;
}

/** A point of a document's history: a Date as its local day, or text (a YYYY-MM-DD day or an edition's id). */
function momentArg(value, name) {
  if (value instanceof Date) return dateArg(value, name);
  if (typeof value !== "string") throw wrongType(name, "a Date, a YYYY-MM-DD string or an edition's id", value);
  return shortTextArg(value, name);
}

/** A year: an integer from 1000 to 9999. */
function yearArg(value, name = "year") {
  if (typeof value !== "number") throw wrongType(name, "an integer year", value);
  if (!Number.isInteger(value) || value < 1000 || value > 9999) {
    throw new RangeError(`sundhedsaftale: \`${name}\` must be an integer year from 1000 to 9999, not ${value}`);
  }
  return value;
}

/**
 * A number that JSON can carry: NaN and the infinities would cross as `null`
 * and silently mean "the default", so they are a RangeError here.
 */
function finiteArg(value, name) {
  if (!Number.isFinite(value)) throw new RangeError(`sundhedsaftale: \`${name}\` must be a finite number, not ${value}`);
}

/** A language, "en" or "da" (`fallback` when undefined): TypeError for a non-string, RangeError for another. */
function langArg(value, name = "lang", fallback = undefined) {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string") throw wrongType(name, '"en" or "da"', value);
  return checkLang(value, name);
}

/**
 * An options object: undefined (every option at its default) or a plain
 * object naming only `known` options; TypeError otherwise, naming the option.
 */
function optionsArg(value, name, known) {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw wrongType(name, `an object of options (${known.join(", ")})`, value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new TypeError(`sundhedsaftale: \`${name}\` has an unknown option \`${key}\` (known: ${known.join(", ")})`);
    }
  }
  return value;
}

/** Data as JSON text for the module: TypeError when it cannot be written as JSON. */
function jsonArg(value, name) {
  let json;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`sundhedsaftale: \`${name}\` cannot be written as JSON (${error.message})`, { cause: error });
  }
  if (typeof json !== "string") throw wrongType(name, "data that JSON can hold", value);
  return withinLimit(json, name);
}

/** An agreement: a `ParsedAgreement` (returned as it is), the document's JSON text, or the document as a plain object (returned as text). */
function agreementArg(value, name = "agreement") {
  if (value instanceof ParsedAgreement) return value;
  if (typeof value === "string") return withinLimit(value, name);
  if (isPlainObject(value)) return jsonArg(value, name);
  throw wrongType(name, "a ParsedAgreement, the agreement's JSON text or the document as a plain object", value);
}

/** Minutes: their JSON text, or the minutes as a plain object; returned as text. */
function minutesArg(value, name = "minutes") {
  if (typeof value === "string") return withinLimit(value, name);
  if (isPlainObject(value)) return jsonArg(value, name);
  throw wrongType(name, "the minutes' JSON text or the minutes as a plain object", value);
}

/** A body: its id, or the body (an object with a string `id`). */
function bodyArg(value, name = "body") {
  if (typeof value === "string") return shortTextArg(value, name);
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.id === "string") {
    return shortTextArg(value.id, `${name}.id`);
  }
  throw wrongType(name, "a body's id or the body", value);
}

/** A document has problems; `errors` lists every one, in English. */
export class ValidationError extends Error {
  /** @param {Array<object>} problems native problems, messages in both languages */
  constructor(problems) {
    const isProblem = (p) => isPlainObject(p) && isPlainObject(p.message) && typeof p.message.en === "string" && typeof p.message.da === "string";
    if (!Array.isArray(problems) || !problems.every(isProblem)) {
      throw wrongType("problems", "an array of problems, each with its message in en and da", problems);
    }
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
  errorsIn(lang, options) {
    langArg(lang);
    const { redact = false } = optionsArg(options, "options", ["redact"]);
    if (typeof redact !== "boolean") throw wrongType("options.redact", "a boolean", redact);
    const problems = redact ? unwrap(call("redact", JSON.stringify(this._problems))) : this._problems;
    return localise(problems, lang);
  }
}

/** `lang`, if it is "en" or "da"; RangeError otherwise. */
function checkLang(lang, name = "lang") {
  if (lang !== "en" && lang !== "da") {
    const shown = typeof lang === "string" && lang.length > 40 ? `of ${lang.length} characters` : lang;
    throw new RangeError(`sundhedsaftale: \`${name}\`: unknown language ${shown} (use "en" or "da")`);
  }
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
    shortTextArg(code, "code");
    textArg(message, "message");
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
  if (typeof units !== "number") throw wrongType("units", "a positive integer", units);
  if (!Number.isInteger(units) || units <= 0) {
    throw new RangeError(`sundhedsaftale: \`units\`: the input limit must be a positive integer, not ${units}`);
  }
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
    // The last guard: the module takes text, numbers, bytes (checked by
    // bytesOf) and absent options only (the checkers above ensure it;
    // anything else would trap it).
    if (typeof a !== "string" && typeof a !== "number" && a !== undefined && !(a instanceof Uint8Array)) {
      throw new TypeError(`sundhedsaftale: internal: the module's ${name} was given ${describe(a)}`);
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

/**
 * Diagnostics: how many times the module was replaced by a fresh instance
 * after a trap (memory exhausted) since the package loaded. An agreement
 * parsed before a restart is lost; no argument of the wrong type causes one.
 */
export const moduleRestarts = () => generation;

// Frees an agreement's memory once its object is collected, if it was not freed before.
const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ handle, born }) => {
        if (born === generation && native !== null) native.close(handle);
      })
    : null;

const FOLLOW_UP_OPTIONS = ["observations", "format", "mapping", "targets", "weights", "smallCountThreshold", "minCoverage", "aggregateTolerance", "dialect"];

/** A file's bytes as a Uint8Array (an ArrayBuffer or any typed array), within the input limit; else undefined. */
function bytesOf(value, name) {
  if (!(value instanceof ArrayBuffer || ArrayBuffer.isView(value))) return undefined;
  const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (bytes.length > inputLimit) throw new RangeError(`sundhedsaftale: \`${name}\` is ${bytes.length} bytes long, over the input limit of ${inputLimit} (setInputLimit changes it)`);
  return bytes;
}

/**
 * A workbook read into a sheet's JSON by the Excel module: the mapping's
 * `sheet`, else the first sheet whose header has its place and period.
 */
function workbookSheet(value, name, mapping) {
  if (excel === null) throw new Error("sundhedsaftale: reading a workbook needs the Excel module: `await loadExcel()` once first");
  const bytes = bytesOf(value, name);
  if (bytes === undefined) throw wrongType(name, "the workbook's bytes (an ArrayBuffer or a typed array)", value);
  const text = (v) => (typeof v === "string" ? v : undefined);
  const sheet = text(mapping.sheet);
  let answer;
  try {
    answer = excel.read_workbook(bytes, sheet, sheet === undefined ? text(mapping.place) : undefined, sheet === undefined ? text(mapping.period) : undefined);
  } catch (error) {
    // A trap (a bug met by these bytes) must not leave the reader unusable, nor cross as a trap.
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    excel.__restart();
    throw new Error("sundhedsaftale: the Excel module could not read this workbook and was restarted", { cause: error });
  }
  // The sheet passes on to the main module as it came: no parse and write again.
  return answer.startsWith('{"ok":') ? answer.slice(6, -1) : unwrap(answer);
}

/** The formats of tables as published, read through a mapping. */
const PUBLISHED = ["statbank", "jsonstat", "xlsx"];

/**
 * A published table's content as text: a string, or the bytes of a file
 * (an ArrayBuffer or a typed array, as a dropped file gives them), read as
 * UTF-8 (a byte-order mark is left out); bytes that are not UTF-8 are a
 * ValidationError, `invalid_encoding`.
 */
function tableText(value, name) {
  if (typeof value === "string") return withinLimit(value, name);
  const bytes = bytesOf(value, name);
  if (bytes === undefined) throw wrongType(name, "the table as a string, an ArrayBuffer or a typed array", value);
  try {
    return withinLimit(new TextDecoder("utf-8", { fatal: true }).decode(bytes), name);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Not UTF-8: the module says so as Rust and Python do (invalid_encoding, at the first bad byte).
    unwrap(call("text_problem", bytes));
    throw error;
  }
}

/**
 * The follow-up's options, checked, as the module's arguments. Observations
 * left out (undefined) mean the agreement's key figures; a string is CSV (or
 * JSON, by `format`) text, so an empty one is an empty file; an array is
 * JSON observations.
 */
function followUpArguments(value) {
  const { observations, format, mapping, targets = [], weights, smallCountThreshold, minCoverage, aggregateTolerance, dialect } = optionsArg(value, "options", FOLLOW_UP_OPTIONS);
  let observed;
  let kind = format === undefined ? "csv" : shortTextArg(format, "options.format", '"csv", "json", "statbank", "jsonstat" or "xlsx"');
  const published = PUBLISHED.includes(kind);
  if (kind !== "csv" && kind !== "json" && !published) {
    throw new RangeError(`sundhedsaftale: \`options.format\`: unknown format ${JSON.stringify(kind)} (use "csv", "json", "statbank", "jsonstat" or "xlsx")`);
  }
  if (published !== (mapping !== undefined)) {
    throw new TypeError(published ? `sundhedsaftale: a ${kind} table needs \`options.mapping\`` : "sundhedsaftale: `options.mapping` is for a published table (format statbank, jsonstat or xlsx)");
  }
  if (published) {
    if (!isPlainObject(mapping)) throw wrongType("options.mapping", "a mapping object { indicator, place, period, … }", mapping);
    if (observations === undefined) throw new TypeError(`sundhedsaftale: a ${kind} table needs \`options.observations\``);
    if (kind === "xlsx") {
      observed = workbookSheet(observations, "options.observations", mapping);
      kind = "sheet";
    } else observed = tableText(observations, "options.observations");
  } else if (Array.isArray(observations)) {
    observed = jsonArg(observations, "options.observations");
    kind = "json";
  } else if (typeof observations === "string") {
    observed = withinLimit(observations, "options.observations");
  } else if (observations !== undefined) {
    throw wrongType("options.observations", "CSV or JSON text or an array of observations", observations);
  }
  if (!Array.isArray(targets)) throw wrongType("options.targets", "an array of targets", targets);
  const options = { targets };
  if (published) options.mapping = mapping;
  if (weights !== undefined) {
    if (!isPlainObject(weights)) throw wrongType("options.weights", "an object of weights by geography", weights);
    options.weights = weights;
  }
  if (smallCountThreshold !== undefined) {
    if (typeof smallCountThreshold !== "number") throw wrongType("options.smallCountThreshold", "a number", smallCountThreshold);
    finiteArg(smallCountThreshold, "options.smallCountThreshold");
    options.small_count_threshold = smallCountThreshold;
  }
  if (minCoverage !== undefined) {
    // Its range (0 to 1) is the module's to check: option_out_of_range, as in Rust and Python.
    if (typeof minCoverage !== "number") throw wrongType("options.minCoverage", "a number from 0 to 1", minCoverage);
    finiteArg(minCoverage, "options.minCoverage");
    options.min_coverage = minCoverage;
  }
  if (aggregateTolerance !== undefined) {
    if (typeof aggregateTolerance !== "number") throw wrongType("options.aggregateTolerance", "a number from 0 to 1", aggregateTolerance);
    finiteArg(aggregateTolerance, "options.aggregateTolerance");
    options.aggregate_tolerance = aggregateTolerance;
  }
  if (dialect !== undefined) {
    if (!isPlainObject(dialect)) throw wrongType("options.dialect", "an object { separator, decimalComma }", dialect);
    const separator = shortTextArg(dialect.separator, "options.dialect.separator");
    const decimalComma = dialect.decimalComma ?? false;
    if (typeof decimalComma !== "boolean") throw wrongType("options.dialect.decimalComma", "a boolean", decimalComma);
    options.dialect = { separator, decimal_comma: decimalComma };
  }
  return [observed, kind, jsonArg(options, "options")];
}

/** Module-private: how minutes queries reach a parsed agreement's number. */
const HANDLE = Symbol("handle");
/** Module-private: only the functions of this module construct a `ParsedAgreement`. */
const CONSTRUCT = Symbol("construct");

/**
 * A parsed, validated agreement, held in the module's memory: its queries
 * parse nothing again and return only what was asked. Freed when the object
 * is collected, or at once with `free()`. `JSON.stringify` gives the document.
 * Made by `parse` and `openNordjylland2024`, not constructed.
 */
export class ParsedAgreement {
  #handle;
  #born;
  #summary;
  #data = null;
  /** How to parse it again from its source after a restart (for the elements), or undefined. */
  #origin;

  /** Module-private: use `parse` or `openNordjylland2024`. */
  constructor(token, handle, origin) {
    if (token !== CONSTRUCT) {
      throw new TypeError("sundhedsaftale: a ParsedAgreement is made by parse() or openNordjylland2024(), not constructed");
    }
    this.#handle = handle;
    this.#born = generation;
    this.#origin = origin;
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

  /** The validity status on a date (a Date's local calendar day, or YYYY-MM-DD); RangeError for a malformed date. */
  statusOn(on) {
    return this.#ask("agreement_status_on", dateArg(on));
  }

  /**
   * What holds on a date beyond the document, with messages in `lang`: its
   * region no longer existing then (`region_ceased`), or else the law
   * possibly having ended it (`ended_by_law_unconfirmed`).
   */
  problemsOn(on, options) {
    const day = dateArg(on);
    const { lang } = optionsArg(options, "options", ["lang"]);
    return localise(this.#ask("agreement_problems_on", day), langArg(lang, "options.lang", "en"));
  }

  /**
   * The agreement as in force on a date (a Date's local calendar day, or
   * YYYY-MM-DD): its amendments dated on or before it applied to its
   * content, as a new `ParsedAgreement` whose every query answers as the
   * document then stood. `ValidationError` (`as_of_needs_original`) for a
   * day before the one this document already stands as of.
   */
  asOf(on) {
    const day = dateArg(on);
    const handle = this.#ask("agreement_as_of", day);
    const origin = this.#origin && (() => this[RENEW]().asOf(day));
    return new ParsedAgreement(CONSTRUCT, handle, origin);
  }

  /**
   * What differs in the content between two points of the document's
   * history, each a day (a Date or YYYY-MM-DD) or an edition's id, in either
   * order: each difference with its JSON Pointer, its part, the part before
   * and after, and `message_en` / `message_da`.
   */
  diff(from, to) {
    return this.#ask("agreement_diff", momentArg(from, "from"), momentArg(to, "to"));
  }

  /** The follow-up calendar on a date. */
  calendar(on) {
    return this.#ask("agreement_calendar", dateArg(on));
  }

  /** The readable report on a date, in `lang` ("en" by default). */
  report(on, options) {
    const day = dateArg(on);
    const { lang } = optionsArg(options, "options", ["lang"]);
    return this.#ask("agreement_report", day, langArg(lang, "options.lang", "en"));
  }

  /** Every problem, warnings included, with messages in `lang`. */
  validate(options) {
    const { lang } = optionsArg(options, "options", ["lang"]);
    const language = langArg(lang, "options.lang", "en");
    return localise(this.#ask("agreement_validate"), language);
  }

  /** The organisations with a role on a date (party, bound or covered), each with its role. */
  rolesOn(on) {
    return this.#ask("agreement_roles_on", dateArg(on));
  }

  /** The parties on a date: none before entry into force or after expiry. */
  partiesOn(on) {
    return this.#ask("agreement_parties_on", dateArg(on));
  }

  /** The clusters of the agreement's region existing on a date. */
  clustersOn(on) {
    return this.#ask("agreement_clusters_on", dateArg(on));
  }

  /** The cluster a municipality (code or id as the document writes it) belongs to on a date, or null. */
  clusterOf(municipality, on) {
    const id = shortTextArg(municipality, "municipality", "a municipality's id or code as a string");
    return this.#ask("agreement_cluster_of", id, dateArg(on));
  }

  /** The bodies existing on a date. */
  bodiesOn(on) {
    return this.#ask("agreement_bodies_on", dateArg(on));
  }

  /** Who sits in a body on a date: post, membership and person; RangeError for an unknown body. */
  membersOn(body, on) {
    const id = bodyArg(body);
    return this.#ask("agreement_members_on", id, dateArg(on));
  }

  /** A body's composition on a date, one report per rule set that applies; RangeError for an unknown body. */
  composition(body, on) {
    const id = bodyArg(body);
    return this.#ask("agreement_composition", id, dateArg(on));
  }

  /** The organisation with this id, or undefined. */
  organisation(id) {
    shortTextArg(id, "id");
    return this.#document().organisations.find((o) => o.id === id);
  }

  /** The body with this id, or undefined. */
  body(id) {
    shortTextArg(id, "id");
    return this.#document().bodies.find((b) => b.id === id);
  }

  /** The cluster with this id, or undefined. */
  cluster(id) {
    shortTextArg(id, "id");
    return this.#document().clusters.find((c) => c.id === id);
  }

  /** The person with this id, or undefined. */
  person(id) {
    shortTextArg(id, "id");
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

  /** Module-private (elements): this agreement while open, else one parsed again from its source when known. */
  [RENEW]() {
    if (this.#handle === null || this.#born === generation || this.#origin === undefined) return this;
    return this.#origin();
  }

  /** The annual follow-up of `year`; options as for `followUp`. */
  followUp(year, options) {
    const y = yearArg(year);
    return this.#ask("agreement_follow_up", y, ...followUpArguments(options));
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

/** The embedded North Jutland agreement 2024, as plain data. */
export const nordjylland2024 = () => unwrap(call("nordjylland_2024"));
/** The embedded North Jutland agreement 2024 as a `ParsedAgreement`, without a round trip through JSON text. */
export const openNordjylland2024 = () => new ParsedAgreement(CONSTRUCT, unwrap(call("open_nordjylland_2024")), openNordjylland2024);
/** Parses and validates JSON text into a `ParsedAgreement`; throws ValidationError listing every error. */
export function parse(json) {
  const text = textArg(json, "json", "the agreement's JSON text");
  return new ParsedAgreement(CONSTRUCT, unwrap(call("open", text)), () => parse(text));
}
/** Every problem in JSON text, parse errors and warnings included. */
export function validate(json, options) {
  const text = textArg(json, "json", "the agreement's JSON text");
  const { lang } = optionsArg(options, "options", ["lang"]);
  const language = langArg(lang, "options.lang", "en");
  return localise(unwrap(call("validate", text)), language);
}
/** The validity status on a date; see `ParsedAgreement.statusOn`. */
export function statusOn(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return a instanceof ParsedAgreement ? a.statusOn(day) : unwrap(call("status_on", a, day));
}
/** The follow-up calendar on a date; see `ParsedAgreement.calendar`. */
export function calendar(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return a instanceof ParsedAgreement ? a.calendar(day) : unwrap(call("calendar", a, day));
}
/** The readable report on a date; see `ParsedAgreement.report`. */
export function report(agreement, on, options) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  const { lang } = optionsArg(options, "options", ["lang"]);
  const language = langArg(lang, "options.lang", "en");
  return a instanceof ParsedAgreement ? a.report(day, { lang: language }) : unwrap(call("report", a, day, language));
}
/** The catalogue of problem codes. */
export const catalogue = () => unwrap(call("catalogue"));

let labelTable = null;
/** Every labelled code (`{kind, code, en, da}`): statuses, levels, validity states, kinds of body, … */
export function labels() {
  labelTable ??= unwrap(call("labels"));
  return labelTable.map((l) => ({ ...l }));
}
/** The label of `code` of `kind` in `lang` ("en" or "da"); undefined for an unknown code. */
export function label(kind, code, lang) {
  shortTextArg(kind, "kind");
  shortTextArg(code, "code");
  const language = langArg(lang, "lang", "da");
  labelTable ??= unwrap(call("labels"));
  return labelTable.find((l) => l.kind === kind && l.code === code)?.[language];
}
/** The embedded minutes of Politisk Klynge Vest, 6 September 2021, as plain data. */
export const politiskKlyngeVest2021 = () => unwrap(call("politisk_klynge_vest_2021"));
/** The known composition rule sets (before and from the 2022 reorganisation). */
export const ruleSets = () => unwrap(call("rule_sets"));

/** Runs `query` on a parsed agreement; a document or text (checked by agreementArg) is parsed for the call and freed after. */
function withParsed(agreement, query) {
  if (agreement instanceof ParsedAgreement) return query(agreement);
  const parsed = parse(agreement);
  try {
    return query(parsed);
  } finally {
    parsed.free();
  }
}

const MINUTES_OPTIONS = ["agreement"];
const MINUTES_LANG_OPTIONS = ["agreement", "lang"];

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
    this.#text = minutesArg(minutes);
  }

  /** The minutes as plain data (read from the text when first asked; SyntaxError if it is not JSON). */
  get data() {
    this.#data ??= JSON.parse(this.#text);
    return this.#data;
  }

  /** Asks the module about these minutes, against `agreement` (the embedded one when absent or null). */
  #ask(name, agreement, ...args) {
    if (agreement === undefined || agreement === null) return unwrap(call(name, this.#text, ...args, undefined));
    return withParsed(agreementArg(agreement, "options.agreement"), (a) => unwrap(call(name, this.#text, ...args, a[HANDLE]())));
  }

  /** Every problem, warnings included, with messages in `lang`. */
  problems(options) {
    const { agreement, lang } = optionsArg(options, "options", MINUTES_LANG_OPTIONS);
    const language = langArg(lang, "options.lang", "en");
    return localise(this.#ask("minutes_problems", agreement), language);
  }

  /** The readable report, in `lang`. */
  report(options) {
    const { agreement, lang } = optionsArg(options, "options", MINUTES_LANG_OPTIONS);
    return this.#ask("minutes_report", agreement, langArg(lang, "options.lang", "en"));
  }

  /** Who attended, per party (a regional unit counts for its region). */
  attendanceByParty(options) {
    const { agreement } = optionsArg(options, "options", MINUTES_OPTIONS);
    return this.#ask("minutes_attendance_by_party", agreement);
  }

  /** The attendance's composition, one report per rule set that applies on the meeting's date. */
  composition(options) {
    const { agreement } = optionsArg(options, "options", MINUTES_OPTIONS);
    return this.#ask("minutes_composition", agreement);
  }

  toJSON() {
    return this.data;
  }
}

/** Holds minutes (JSON text or data) for checking and queries; see `ParsedMinutes`. */
export const parseMinutes = (minutes) => new ParsedMinutes(minutes);
/** Every problem in minutes (JSON text or data), checked against `agreement` (the embedded one by default). */
export function validateMinutes(minutes, options) {
  const parsed = new ParsedMinutes(minutes);
  const { lang, agreement } = optionsArg(options, "options", MINUTES_LANG_OPTIONS);
  return parsed.problems({ lang, agreement });
}
/** Progress from base to current by the Open SDG method; throws ProgressError for unusable input. */
export function progress(input) {
  if (!isPlainObject(input)) throw wrongType("input", "an object { base, current, direction, … }", input);
  return unwrap(call("progress", jsonArg(input, "input")));
}
/** The national reference data on a date: the country, the regions, the municipalities with their region then. */
export function places(on) {
  return unwrap(call("places_on", dateArg(on)));
}

/**
 * The place a text names on a date, written as people and Statistics
 * Denmark write it (`851`, `Aalborg Kommune`, `081`, `Hele landet`); throws
 * ValidationError when it names none (unknown, misspelt with a suggestion,
 * ambiguous, or not existing then).
 */
export function place(text, on) {
  return unwrap(call("place_on", shortTextArg(text, "text"), dateArg(on)));
}

/**
 * Observations from a table as published, read through its mapping:
 * `source` is the table as text or as a file's bytes (an ArrayBuffer or a
 * typed array), `format` "statbank" (Statistics Denmark's CSV) or
 * "jsonstat" (JSON-stat 2.0), or "xlsx" (a workbook's bytes, once
 * `await loadExcel()` has loaded the Excel module, which pages that never
 * read a workbook do not download). Throws ValidationError with every
 * problem, each at the file's own row and column (`/14/INDHOLD`) or the
 * cube's cell (`/value/17`).
 */
export function readObservations(source, options) {
  const { format, mapping } = optionsArg(options, "options", ["format", "mapping"]);
  const kind = shortTextArg(format, "options.format", '"statbank", "jsonstat" or "xlsx"');
  if (!PUBLISHED.includes(kind)) throw new RangeError(`sundhedsaftale: \`options.format\`: unknown format ${JSON.stringify(kind)} (use "statbank", "jsonstat" or "xlsx")`);
  if (!isPlainObject(mapping)) throw wrongType("options.mapping", "a mapping object { indicator, place, period, … }", mapping);
  const mappingText = jsonArg(mapping, "options.mapping");
  if (kind === "xlsx") return unwrap(call("read_published", workbookSheet(source, "source", mapping), "sheet", mappingText));
  return unwrap(call("read_published", tableText(source, "source"), kind, mappingText));
}

/** The annual follow-up of `year`; see `ParsedAgreement.followUp`. */
export function followUp(agreement, year, options) {
  const a = agreementArg(agreement);
  const y = yearArg(year);
  if (a instanceof ParsedAgreement) return a.followUp(y, options);
  return unwrap(call("follow_up", a, y, ...followUpArguments(options)));
}
/** The organisations with a role on a date; see `ParsedAgreement.rolesOn`. */
export function rolesOn(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return withParsed(a, (p) => p.rolesOn(day));
}
/** The parties on a date; see `ParsedAgreement.partiesOn`. */
export function partiesOn(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return withParsed(a, (p) => p.partiesOn(day));
}
/** The clusters on a date; see `ParsedAgreement.clustersOn`. */
export function clustersOn(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return withParsed(a, (p) => p.clustersOn(day));
}
/** The bodies on a date; see `ParsedAgreement.bodiesOn`. */
export function bodiesOn(agreement, on) {
  const a = agreementArg(agreement);
  const day = dateArg(on);
  return withParsed(a, (p) => p.bodiesOn(day));
}
/** Who sits in a body on a date; see `ParsedAgreement.membersOn`. */
export function membersOn(agreement, body, on) {
  const a = agreementArg(agreement);
  const id = bodyArg(body);
  const day = dateArg(on);
  return withParsed(a, (p) => p.membersOn(id, day));
}
/** A body's composition on a date; see `ParsedAgreement.composition`. */
export function composition(agreement, body, on) {
  const a = agreementArg(agreement);
  const id = bodyArg(body);
  const day = dateArg(on);
  return withParsed(a, (p) => p.composition(id, day));
}
