/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const calendar: (a: number, b: number, c: number, d: number) => [number, number];
export const catalogue: () => [number, number];
export const follow_up: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => [number, number];
export const nordjylland_2024: () => [number, number];
export const parse: (a: number, b: number) => [number, number];
export const politisk_klynge_vest_2021: () => [number, number];
export const progress: (a: number, b: number) => [number, number];
export const report: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
export const status_on: (a: number, b: number, c: number, d: number) => [number, number];
export const validate: (a: number, b: number) => [number, number];
export const validate_minutes: (a: number, b: number) => [number, number];
export const __wbindgen_externrefs: WebAssembly.Table;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_start: () => void;
