// What Danish output must not hold, by the rules the Rust and Python tests
// use (core/tests/support/danish.rs, bindings-python/tests/test_danish.py):
// no word of the shared list of English words (tests/danish/english-words.json),
// no snake_case code and no place id, outside backticks and JSON Pointers.
// The elements' text in <code> and <pre> is left out by the caller.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ENGLISH = new Set(JSON.parse(readFileSync(join(repo, "tests", "danish", "english-words.json"), "utf8")).words);

/** What offends in one line of Danish text, each as a short note; empty when it reads as Danish. */
export function offences(line) {
  const text = line
    .replace(/`[^`]*(`|$)/g, " ")
    .split(/\s+/)
    .filter((w) => !w.replace(/^[(«"»[]+/, "").startsWith("/"))
    .join(" ");
  const found = ["municipality:", "region:", "cluster:", "country:"].filter((l) => text.includes(l)).map((l) => `place id ${l}`);
  for (const token of text.match(/[a-z0-9_]+/g) ?? []) {
    if (token.includes("_") && token.split("_").filter((p) => /[a-z]/.test(p)).length >= 2) found.push(`code ${token}`);
  }
  for (const word of text.match(/\p{L}+/gu) ?? []) if (ENGLISH.has(word.toLowerCase())) found.push(`English ${word}`);
  return found;
}

/** Each line of `lines` that offends, with what offends in it. */
export function offending(lines) {
  return lines.map((line) => [line, offences(line)]).filter(([, found]) => found.length).map(([line, found]) => `${line} ⟵ ${found.join(", ")}`);
}
