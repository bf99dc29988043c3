/* tslint:disable */
/* eslint-disable */

/**
 * The follow-up calendar of a document on a date.
 */
export function calendar(text: string, on: string): string;

/**
 * The catalogue of problem codes.
 */
export function catalogue(): string;

/**
 * The annual follow-up of `year`: observations as text in `format` ("csv"
 * or "json"), or empty for the agreement's key figures; options as JSON.
 */
export function follow_up(agreement: string, year: number, observations: string, format: string, options: string): string;

/**
 * The embedded North Jutland agreement 2024, as `{"ok": agreement}`.
 */
export function nordjylland_2024(): string;

/**
 * Parses and validates a document: `{"ok": agreement}` or `{"problems": [...]}` (errors only block).
 */
export function parse(text: string): string;

/**
 * The embedded minutes of Politisk Klynge Vest, 6 September 2021, as `{"ok": minutes}`.
 */
export function politisk_klynge_vest_2021(): string;

/**
 * Progress for one question in its JSON form: `{"ok": progress}`, or
 * `{"progress_error": code, "message": …}` for unusable input.
 */
export function progress(input: string): string;

/**
 * The readable report of a document on a date, in `en` or `da`.
 */
export function report(text: string, on: string, lang_code: string): string;

/**
 * The validity status of a document on a date.
 */
export function status_on(text: string, on: string): string;

/**
 * Every problem in a document, parse errors and warnings included: `{"ok": [...]}`.
 */
export function validate(text: string): string;

/**
 * Every problem in minutes, checked against the embedded agreement: `{"ok": [...]}`.
 */
export function validate_minutes(text: string): string;
