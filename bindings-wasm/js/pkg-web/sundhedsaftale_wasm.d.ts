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

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly calendar: (a: number, b: number, c: number, d: number) => [number, number];
    readonly catalogue: () => [number, number];
    readonly follow_up: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => [number, number];
    readonly nordjylland_2024: () => [number, number];
    readonly parse: (a: number, b: number) => [number, number];
    readonly politisk_klynge_vest_2021: () => [number, number];
    readonly progress: (a: number, b: number) => [number, number];
    readonly report: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
    readonly status_on: (a: number, b: number, c: number, d: number) => [number, number];
    readonly validate: (a: number, b: number) => [number, number];
    readonly validate_minutes: (a: number, b: number) => [number, number];
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
