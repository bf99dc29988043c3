/** Severity of a problem: errors mean broken data, warnings deviations from advisory rules. */
export type Severity = "error" | "warning";
export type Lang = "en" | "da";
/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;
/**
 * A date argument: a YYYY-MM-DD string, or a `Date`, which stands for its
 * calendar day in the local time zone (`new Date()` is today where the code
 * runs). An invalid Date or a malformed string throws RangeError; any other
 * value TypeError.
 */
export type DateInput = IsoDate | Date;

/** A JSON value, as found in a problem's context. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One problem found in a document. */
export interface Problem {
  /** Stable snake_case code; see `catalogue()`. */
  code: string;
  /** JSON Pointer (RFC 6901) to the offending place; "" is the whole document. */
  path: string;
  severity: Severity;
  /** The message in the language asked for. */
  message: string;
  /** The message in both languages. */
  messages: { en: string; da: string };
  /** Values that explain the problem. */
  context: { [key: string]: JsonValue };
}

/** Thrown when a document has errors; `errors` lists every problem. */
export class ValidationError extends Error {
  readonly name: "ValidationError";
  readonly errors: Problem[];
  /** The problems in `lang`; with `redact`, echoed input values become their type and length (`<string:11>`). */
  errorsIn(lang: Lang, options?: { redact?: boolean }): Problem[];
}

/*
 * Every function and method checks its arguments before anything reaches the
 * WebAssembly module: a value of the wrong type throws TypeError naming the
 * argument; a text over the input limit, a malformed date or an unknown
 * language or format throws RangeError. Options objects name only the options
 * listed (an unknown one is a TypeError).
 */

export interface CodeInfo {
  code: string;
  severity: Severity;
  /** What the code means. */
  meaning: string;
  template_en: string;
  template_da: string;
}

import type {
  Body,
  CalendarEntry,
  Cluster,
  CompositionReport,
  Difference,
  Direction,
  FollowUpRow,
  HealthAgreement,
  AgreementRole,
  Membership,
  Minutes,
  Organisation,
  PartyAttendance,
  Person,
  Post,
  Progress,
  RollUpRow,
  RuleSet,
  Status,
  Thresholds,
  ValidityStatus,
  SourceMapping,
  Observation,
  PlaceOn,
} from "./model.js";

/** Every type of the model's JSON form (generated from core's JSON Schemas). */
export type * from "./model.js";

/** A health agreement document, every field typed (see `HealthAgreement` in model.d.ts). */
export type Agreement = HealthAgreement;

/** Resolves once the wasm module is loaded (a no-op under node). */
export function ready(source?: string | URL | Response | BufferSource): Promise<void>;
/**
 * Loads the Excel module (the workbook reader, from the file beside the
 * package's), which pages download only when they read a workbook. Once it
 * is loaded, `readObservations` and `followUp` read `xlsx` tables.
 */
export function loadExcel(): Promise<void>;
/** The largest input, in UTF-16 code units (about bytes), passed to the module by default: 16 MiB. */
export const DEFAULT_INPUT_LIMIT: number;
/** Sets the input size limit; larger inputs throw `RangeError` before they reach the module. */
export function setInputLimit(units: number): void;
/**
 * Diagnostics: how many times the module was replaced by a fresh instance
 * after a trap (memory exhausted) since the package loaded. An agreement
 * parsed before a restart is lost; no argument of the wrong type causes one.
 */
export function moduleRestarts(): number;
/** The embedded North Jutland health agreement 2024. */
export function nordjylland2024(): Agreement;
/**
 * A parsed, validated agreement held in the module's memory: its queries
 * parse nothing again and return only what was asked. Freed when the object
 * is collected, or at once with `free()`; `JSON.stringify` gives the document.
 */
export class ParsedAgreement {
  private constructor();
  /** The agreement's id. */
  readonly id: string;
  /** The agreement's title. */
  readonly title: string;
  /** The validity status on a date; throws RangeError for a malformed date. */
  statusOn(on: DateInput): ValidityStatus;
  /**
   * What holds on a date beyond the document: its region no longer existing
   * then (`region_ceased`), or else the law possibly having ended it
   * (`ended_by_law_unconfirmed`).
   */
  problemsOn(on: DateInput, options?: { lang?: Lang }): Problem[];
  /**
   * The agreement as in force on a date: its amendments dated on or before
   * it applied to its content, as a new agreement; throws ValidationError
   * (`as_of_needs_original`) for a day before the one it stands as of.
   */
  asOf(on: DateInput): ParsedAgreement;
  /**
   * What differs in the content between two days or editions (a Date, a
   * YYYY-MM-DD day or an edition's id), in either order.
   */
  diff(from: DateInput | string, to: DateInput | string): Difference[];
  /** The follow-up calendar on a date. */
  calendar(on: DateInput): CalendarEntry[];
  /** The readable report on a date. */
  report(on: DateInput, options?: { lang?: Lang }): string;
  /** Every problem, warnings included. */
  validate(options?: { lang?: Lang }): Problem[];
  /** The organisations with a role on a date (party, bound or covered), each with its role. */
  rolesOn(on: DateInput): RoleOn[];
  /** The parties on a date: none before entry into force or after expiry. */
  partiesOn(on: DateInput): Organisation[];
  /** The clusters of the agreement's region existing on a date. */
  clustersOn(on: DateInput): Cluster[];
  /** The cluster a municipality (its id in the document) belongs to on a date, or null. */
  clusterOf(municipality: string, on: DateInput): Cluster | null;
  /** The bodies existing on a date. */
  bodiesOn(on: DateInput): Body[];
  /** Who sits in a body on a date; RangeError for an unknown body. */
  membersOn(body: string | Body, on: DateInput): Sitting[];
  /** A body's composition on a date, one report per rule set that applies; RangeError for an unknown body. */
  composition(body: string | Body, on: DateInput): CompositionReport[];
  /** The organisation with this id. */
  organisation(id: string): Organisation | undefined;
  /** The body with this id. */
  body(id: string): Body | undefined;
  /** The cluster with this id. */
  cluster(id: string): Cluster | undefined;
  /** The person with this id. */
  person(id: string): Person | undefined;
  /** The annual follow-up of `year`; options as for `followUp`. */
  followUp(year: number, options?: FollowUpOptions): FollowUp;
  /** The document, as plain data. */
  toJSON(): Agreement;
  /** Frees the agreement's memory now; later queries throw. */
  free(): void;
}
/** The embedded North Jutland agreement 2024 as a `ParsedAgreement`, without a round trip through JSON text. */
export function openNordjylland2024(): ParsedAgreement;
/** Parses and validates JSON text into a `ParsedAgreement`; throws ValidationError listing every error. */
export function parse(json: string): ParsedAgreement;
/** Every problem in JSON text, parse errors and warnings included. */
export function validate(json: string, options?: { lang?: Lang }): Problem[];
/** The validity status on a date; throws RangeError for a malformed date. */
export function statusOn(agreement: AgreementInput, on: DateInput): ValidityStatus;
/** The follow-up calendar on a date. */
export function calendar(agreement: AgreementInput, on: DateInput): CalendarEntry[];
/** The readable report on a date. */
export function report(agreement: AgreementInput, on: DateInput, options?: { lang?: Lang }): string;
/** The embedded minutes of Politisk Klynge Vest, 6 September 2021 (shape: core/schema/minutes.schema.json). */
export function politiskKlyngeVest2021(): Minutes;
/** An organisation with its role on a date. */
export interface RoleOn {
  organisation: Organisation;
  role: AgreementRole;
}
/** A person sitting in a body on a date. */
export interface Sitting {
  post: Post;
  membership: Membership;
  /** The person, or null when the membership's person id does not resolve. */
  person: Person | null;
}
/** What an agreement-taking query is given: a parsed agreement, the document, or its JSON text. */
export type AgreementInput = ParsedAgreement | Agreement | string;
/** The organisations with a role on a date. */
export function rolesOn(agreement: AgreementInput, on: DateInput): RoleOn[];
/** The parties on a date. */
export function partiesOn(agreement: AgreementInput, on: DateInput): Organisation[];
/** The clusters on a date. */
export function clustersOn(agreement: AgreementInput, on: DateInput): Cluster[];
/** The bodies on a date. */
export function bodiesOn(agreement: AgreementInput, on: DateInput): Body[];
/** Who sits in a body on a date; RangeError for an unknown body. */
export function membersOn(agreement: AgreementInput, body: string | Body, on: DateInput): Sitting[];
/** A body's composition on a date; RangeError for an unknown body. */
export function composition(agreement: AgreementInput, body: string | Body, on: DateInput): CompositionReport[];
/** The known composition rule sets. */
export function ruleSets(): RuleSet[];
/** Which agreement minutes are checked against: the embedded North Jutland agreement when absent. */
export interface MinutesOptions {
  agreement?: AgreementInput;
}
/**
 * Minutes of a meeting, checked against an agreement (the embedded North
 * Jutland agreement unless one is given). The queries other than `problems`
 * throw ValidationError when the minutes have errors.
 */
export class ParsedMinutes {
  private constructor();
  /** The minutes as plain data; SyntaxError if the text given is not JSON. */
  readonly data: Minutes;
  /** Every problem, warnings included. */
  problems(options?: MinutesOptions & { lang?: Lang }): Problem[];
  /** The readable report. */
  report(options?: MinutesOptions & { lang?: Lang }): string;
  /** Who attended, per party. */
  attendanceByParty(options?: MinutesOptions): PartyAttendance[];
  /** The attendance's composition, one report per rule set that applies on the meeting's date. */
  composition(options?: MinutesOptions): CompositionReport[];
  toJSON(): Minutes;
}
/** Holds minutes (JSON text or data) for checking and queries; nothing is checked until asked. */
export function parseMinutes(minutes: string | Minutes): ParsedMinutes;
/** Every problem in minutes (JSON text or data), checked against `agreement` (the embedded one by default). */
export function validateMinutes(minutes: string | Minutes, options?: MinutesOptions & { lang?: Lang }): Problem[];
/** Thrown when progress cannot be measured from the inputs; `code` says why. */
export class ProgressError extends Error {
  readonly name: "ProgressError";
  readonly code: "zero_base" | "zero_target" | "target_equals_base" | "target_not_after_base" | "not_finite" | "range_missing";
}

/** A period code: 2021, 2021S1, 2021Q3, 2021-03 or 2021-01-01/2021-06-30. */
export type PeriodCode = string;
/** A progress status (alias of the generated `Status`). */
export type ProgressStatus = Status;

export interface ProgressPoint {
  period: PeriodCode;
  value: number;
}

export interface ProgressInput {
  base: ProgressPoint;
  current: ProgressPoint;
  direction: Direction;
  target?: ProgressPoint;
  limit?: number;
  range?: { low: number; high: number; due?: PeriodCode };
  thresholds?: { without_target: Thresholds; with_target: Thresholds };
}

/** A target for the follow-up: the most specific one that applies to a series wins. */
export interface FollowUpTarget {
  /** The indicator or key figure; required here, implied for a target written under an indicator. */
  indicator: string;
  geography?: string;
  /** `dimension: category` pairs, e.g. `{ sex: "kvinder" }`; absent: the total and every stratum without its own. */
  stratum?: Record<string, string>;
  /** The period progress is measured from; absent: the first with data. */
  base_period?: PeriodCode;
  kind: "value" | "relative_change" | "range";
  value?: number;
  change_percent?: number;
  baseline?: PeriodCode;
  due?: PeriodCode;
  low?: number;
  high?: number;
}

export interface FollowUp {
  year: number;
  rows: FollowUpRow[];
  /** One row per focus area and place, and per place over every focus area (`focus_area` null). */
  roll_ups: RollUpRow[];
  problems: Omit<Problem, "message" | "messages">[];
}

/** Progress from base to current by the Open SDG method; throws ProgressError for unusable input. */
export function progress(input: ProgressInput): Progress;
/**
 * The annual follow-up of `year` (an integer from 1000 to 9999); observations
 * as CSV text or an array of observation objects, or none for the
 * agreement's key figures.
 */
export function followUp(agreement: AgreementInput, year: number, options?: FollowUpOptions): FollowUp;
/** The national reference data on a date: the country, the regions, the municipalities with their region then. */
export function places(on: DateInput): PlaceOn[];
/** The place a text names on a date (by code or name); throws ValidationError when it names none. */
export function place(text: string, on: DateInput): PlaceOn;
/**
 * Observations from a table as published, read through its mapping; throws
 * ValidationError with every problem, each at the file's own row and
 * column (`/14/INDHOLD`, row 14 as a spreadsheet shows it) or the cube's
 * cell (`/value/17`).
 */
export function readObservations(
  source: string | ArrayBuffer | ArrayBufferView,
  options: { format: "statbank" | "jsonstat" | "xlsx"; mapping: SourceMapping },
): Observation[];
/** Options of a follow-up. */
export interface FollowUpOptions {
  /**
   * CSV (or, with `format: "json"`, JSON) text, or an array of observation
   * objects. Left out: the agreement's own key figures. An empty text is an
   * empty file: ValidationError, `missing_field` for `indicator`,
   * `geography` and `period`, as in Rust and Python.
   */
  observations?: string | object[] | ArrayBuffer | ArrayBufferView;
  /**
   * `csv` (tidy, the default) or `json`; or a table as published, read
   * through `mapping`: `statbank` (Statistics Denmark's CSV) or `jsonstat`
   * (JSON-stat 2.0), as text or a file's bytes, or `xlsx` (a workbook's
   * bytes, once `loadExcel()` has loaded the Excel module).
   */
  format?: "csv" | "json" | "statbank" | "jsonstat" | "xlsx";
  /** How a published table maps onto an indicator (core/schema/source-mapping.schema.json). */
  mapping?: SourceMapping;
  targets?: FollowUpTarget[];
  weights?: { [geography: string]: number };
  smallCountThreshold?: number;
  /**
   * The least coverage, from 0 to 1, at which an aggregate is scored as its
   * place's progress (default 1: every municipality observed). Below it a
   * row has values but no status or score, and `not_scored: "partial_coverage"`.
   */
  minCoverage?: number;
  /**
   * How far, relative, a place observed as a whole may be from the sum of
   * its municipalities (all observed) before `aggregate_disagrees_with_parts`
   * is reported; from 0 to 1, default 0.01.
   */
  aggregateTolerance?: number;
  /** How CSV is written; absent: detected from the header line (`;` means decimal commas too). */
  dialect?: { separator: string; decimalComma?: boolean };
}
/** The catalogue of problem codes. */
export function catalogue(): CodeInfo[];
/** A labelled code with its English and Danish label. */
export interface LabelEntry {
  /** The kind of code, in snake case: "validity_state", "status", "level", "body_kind", … */
  kind: string;
  /** The code as the JSON form writes it ("in_force"). */
  code: string;
  en: string;
  da: string;
}
/** Every labelled code: statuses, levels, validity states, kinds of body, … */
export function labels(): LabelEntry[];
/** The label of `code` of `kind` in `lang` (Danish by default); undefined for an unknown code. */
export function label(kind: string, code: string, lang?: Lang): string | undefined;
