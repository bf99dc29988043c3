/** Severity of a problem: errors mean broken data, warnings deviations from advisory rules. */
export type Severity = "error" | "warning";
export type Lang = "en" | "da";

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

export type ValidityState =
  | "not_yet_in_force"
  | "in_force"
  | "in_force_awaiting_successor"
  | "expired"
  | "replaced"
  | "terminated"
  | "not_known";

export type DateRole = "in_force_from" | "nominal_end" | "successor_in_force_from" | "termination_effective";

/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface ValidityStatus {
  on: IsoDate;
  state: ValidityState;
  decided_by: { role: DateRole; date: IsoDate }[];
  /** The first day after the nominal period; null when the entry date or duration is not known. */
  nominal_end: IsoDate | null;
  /** The last day of the nominal period; null when not known. */
  last_nominal_day: IsoDate | null;
}

export interface CalendarEntry {
  requirement: string;
  kind: "annual_follow_up" | "midterm_status" | "final_status" | "action_plan";
  year: number | null;
  due: IsoDate | null;
  due_basis: "stated" | "interpretation";
  status: "done" | "overdue" | "due_next" | "upcoming" | "no_deadline";
  completed_on: IsoDate | null;
}

export interface CodeInfo {
  code: string;
  severity: Severity;
  /** What the code means. */
  meaning: string;
  template_en: string;
  template_da: string;
}

import type { HealthAgreement, Minutes } from "./model";

/** Every type of the model's JSON form (generated from core's JSON Schemas). */
export type * from "./model";

/** A health agreement document, every field typed (see `HealthAgreement` in model.d.ts). */
export type Agreement = HealthAgreement;

/** Resolves once the wasm module is loaded (a no-op under node). */
export function ready(source?: string | URL | Response | BufferSource): Promise<void>;
/** The embedded North Jutland health agreement 2024. */
/** The largest input, in UTF-16 code units (about bytes), passed to the module by default: 16 MiB. */
export const DEFAULT_INPUT_LIMIT: number;
/** Sets the input size limit; larger inputs throw `RangeError` before they reach the module. */
export function setInputLimit(units: number): void;
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
  statusOn(on: IsoDate): ValidityStatus;
  /** The follow-up calendar on a date. */
  calendar(on: IsoDate): CalendarEntry[];
  /** The readable report on a date. */
  report(on: IsoDate, options?: { lang?: Lang }): string;
  /** Every problem, warnings included. */
  validate(options?: { lang?: Lang }): Problem[];
  /** The annual follow-up of `year`; options as for `followUp`. */
  followUp(year: number, options?: FollowUpOptions): FollowUp;
  /** The document, as plain data. */
  toJSON(): Agreement;
  /** Frees the agreement's memory now; later queries throw. */
  free(): void;
}
/** Parses and validates JSON text into a `ParsedAgreement`; throws ValidationError listing every error. */
export function parse(json: string): ParsedAgreement;
/** Every problem in JSON text, parse errors and warnings included. */
export function validate(json: string, options?: { lang?: Lang }): Problem[];
/** The validity status on a date; throws RangeError for a malformed date. */
export function statusOn(agreement: ParsedAgreement | Agreement | string, on: IsoDate): ValidityStatus;
/** The follow-up calendar on a date. */
export function calendar(agreement: ParsedAgreement | Agreement | string, on: IsoDate): CalendarEntry[];
/** The readable report on a date. */
export function report(agreement: ParsedAgreement | Agreement | string, on: IsoDate, options?: { lang?: Lang }): string;
/** The embedded minutes of Politisk Klynge Vest, 6 September 2021 (shape: core/schema/minutes.schema.json). */
export function politiskKlyngeVest2021(): Minutes;
/** Every problem in minutes (JSON text or object), checked against the embedded agreement. */
export function validateMinutes(minutes: string | object, options?: { lang?: Lang }): Problem[];
/** Thrown when progress cannot be measured from the inputs; `code` says why. */
export class ProgressError extends Error {
  readonly name: "ProgressError";
  readonly code: "zero_base" | "zero_target" | "target_equals_base" | "target_not_after_base" | "not_finite" | "range_missing";
}

/** A period code: 2021, 2021S1, 2021Q3, 2021-03 or 2021-01-01/2021-06-30. */
export type PeriodCode = string;
export type Direction = "higher_is_better" | "lower_is_better" | "optimal_range" | "unknown";
export type ProgressStatus =
  | "target_achieved"
  | "substantial_progress"
  | "moderate_progress"
  | "limited_progress"
  | "deterioration"
  | "not_available";

export interface ProgressPoint {
  period: PeriodCode;
  value: number;
}

export interface Thresholds {
  high: number;
  medium: number;
  low: number;
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

/** A progress result with every component. */
export interface Progress {
  method: "without_target" | "with_target";
  base: ProgressPoint;
  current: ProgressPoint;
  target: ProgressPoint | null;
  base_year: number;
  current_year: number;
  observed_growth: number | null;
  target_growth: number | null;
  sign: number;
  direction: number;
  x: number | null;
  thresholds: Thresholds;
  coefficient: number;
  score: number | null;
  status: ProgressStatus;
  not_available: "single_period" | "base_after_current" | "sign_change" | "direction_unknown" | null;
}

/** A target for the follow-up: the most specific one that applies to a series wins. */
export interface Target {
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

/** One indicator at one place and stratum: a tidy row. */
export interface FollowUpRow {
  focus_area: string;
  indicator: string;
  indicator_name: string;
  level: "municipality" | "cluster" | "region" | "country";
  geography: string;
  geography_name: string | null;
  stratum: string;
  baseline_period: PeriodCode | null;
  baseline_value: number | null;
  latest_period: PeriodCode | null;
  latest_value: number | null;
  change: number | null;
  target_value: number | null;
  target_period: PeriodCode | null;
  status: ProgressStatus;
  score: number | null;
  progress: Progress | null;
  contributed: number;
  missing: string[];
  hidden: { kind: "small_count"; threshold: number } | { kind: "complementary"; protects: string; via: string } | null;
  note: string | null;
}

export interface FollowUp {
  year: number;
  rows: FollowUpRow[];
  roll_ups: {
    focus_area: string | null;
    geography: string;
    score: number | null;
    status: ProgressStatus;
    scored: number;
    not_available: number;
  }[];
  problems: Omit<Problem, "message" | "messages">[];
}

/** Progress from base to current by the Open SDG method; throws ProgressError for unusable input. */
export function progress(input: ProgressInput): Progress;
/**
 * The annual follow-up of `year`; observations as CSV text or an array of
 * observation objects, or none for the agreement's key figures.
 */
export function followUp(agreement: ParsedAgreement | Agreement | string, year: number, options?: FollowUpOptions): FollowUp;
/** Options of a follow-up. */
export interface FollowUpOptions {
  observations?: string | object[];
  format?: "csv" | "json";
  targets?: Target[];
  weights?: { [geography: string]: number };
  smallCountThreshold?: number;
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
