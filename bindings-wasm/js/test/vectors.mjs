// Reads the language-neutral vectors in the repository's tests/ folder and
// applies their JSON Patch (add, remove, replace), exactly as the Rust and
// Python suites do.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repo = fileURLToPath(new URL("../../../", import.meta.url));
export const embeddedText = readFileSync(join(repo, "core/data/nordjylland_2024.json"), "utf8");
export const minutesText = readFileSync(join(repo, "core/data/politisk_klynge_vest_2021_09_06.json"), "utf8");
const bases = { nordjylland_2024: embeddedText, politisk_klynge_vest_2021: minutesText };

export function vectors(folder) {
  const dir = join(repo, "tests", folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
}

const unescape = (s) => s.replaceAll("~1", "/").replaceAll("~0", "~");

function apply(doc, op) {
  const segments = op.path.split("/").slice(1).map(unescape);
  const last = segments.pop();
  const target = segments.reduce((node, s) => node[Array.isArray(node) ? Number(s) : s], doc);
  const isArray = Array.isArray(target);
  if (op.op === "add" && isArray) {
    if (last === "-") target.push(op.value);
    else target.splice(Number(last), 0, op.value);
  } else if ((op.op === "add" || op.op === "replace") && !isArray) target[last] = op.value;
  else if (op.op === "replace") target[Number(last)] = op.value;
  else if (op.op === "remove" && isArray) target.splice(Number(last), 1);
  else if (op.op === "remove") {
    if (!(last in target)) throw new Error(`nothing to remove at ${op.path}`);
    delete target[last];
  } else throw new Error(`unsupported patch op ${op.op}`);
}

/** A file of the repository, by its path from the repository's root. */
export const repoFile = (path) => readFileSync(join(repo, path), "utf8");

/** The document a vector describes: its `text`, or its base (an embedded
 * document, or a `document` file of the repository) with `patch` applied. */
export function documentText(vector) {
  if (vector.text !== undefined) return vector.text;
  let doc;
  if (vector.document !== undefined) doc = JSON.parse(repoFile(vector.document));
  else if (vector.base in bases) doc = JSON.parse(bases[vector.base]);
  else throw new Error(`unknown base ${vector.base}`);
  for (const op of vector.patch ?? []) apply(doc, op);
  // `prefix`: text before the document, such as a byte-order mark.
  return (vector.prefix ?? "") + JSON.stringify(doc);
}

/** Sorted [code, path, severity] triples. */
export const keys = (problems) => problems.map((p) => [p.code, p.path, p.severity].join(" ")).sort();

/** `result` minus `base`, as multisets. */
export function newProblems(result, base) {
  const left = [...result];
  for (const b of base) {
    const i = left.indexOf(b);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}
