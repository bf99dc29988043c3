// The corruption corpus (tests/corpus/, written by scripts/gen-corpus.py),
// run against the WebAssembly build with the Rust suite's rule: a
// corruption is caught when it gives a problem the uncorrupted document has
// not, at or under one of its expected pointers; at least 95 % of those not
// marked arguable must be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError, followUp, nordjylland2024, validate, validateMinutes } from "../index.node.js";
import { documentText, embeddedText, minutesText, repoFile } from "./vectors.mjs";

const triples = (problems) => problems.map((p) => JSON.stringify([p.code, p.path, p.severity]));
const atOrUnder = (path, expected) => path === expected || path.startsWith(`${expected}/`);

function observationProblems(csv) {
  try {
    return followUp(nordjylland2024(), 2024, { observations: csv, format: "csv" }).problems;
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.errors;
  }
}

const corpus = (file) => JSON.parse(repoFile(`tests/corpus/${file}`));

function run(label, cases, baseName, problemsOf, base) {
  const rates = new Map();
  const missed = [];
  for (const raw of cases) {
    if (raw.arguable !== undefined) continue;
    const c = { ...raw, base: baseName };
    const found = triples(problemsOf(c));
    for (const b of base) {
      const i = found.indexOf(b);
      if (i >= 0) found.splice(i, 1);
    }
    const caught = found.some((t) => c.expected.some((e) => atOrUnder(JSON.parse(t)[1], e)));
    const [got, all] = rates.get(c.family) ?? [0, 0];
    rates.set(c.family, [got + (caught ? 1 : 0), all + 1]);
    if (!caught) missed.push(`${label}: ${c.description} (expected at ${c.expected}; new: ${found})`);
  }
  return [rates, missed];
}

test("at least 95 % of the corpus is caught where expected", () => {
  const csv = repoFile("tests/observations/synthetic-readmissions.csv");
  const agreementOf = (c) => validate(documentText(c));
  const minutesOf = (c) => validateMinutes(documentText(c));
  const agreementBase = triples(validate(embeddedText));
  const minutesBase = triples(validateMinutes(minutesText));
  const review = corpus("review-2026-12-03.json").files;
  const runs = [
    ["agreements", run("agreements", corpus("agreements.json").cases, "nordjylland_2024", agreementOf, agreementBase)],
    ["minutes", run("minutes", corpus("minutes.json").cases, "politisk_klynge_vest_2021", minutesOf, minutesBase)],
    ["observations", run("observations", corpus("observations.json").cases, "", (c) => observationProblems(c.csv), triples(observationProblems(csv)))],
    ["review agreements", run("review", review.agreements, "nordjylland_2024", agreementOf, agreementBase)],
    ["review minutes", run("review", review.minutes, "politisk_klynge_vest_2021", minutesOf, minutesBase)],
  ];
  let caught = 0;
  let total = 0;
  const missed = [];
  for (const [name, [rates, misses]] of runs) {
    for (const [family, [c, n]] of [...rates].sort()) {
      console.log(`corpus ${name} / ${family}: ${c} of ${n} caught (${Math.round((100 * c) / n)} %)`);
      caught += c;
      total += n;
    }
    missed.push(...misses);
  }
  console.log(`corpus: ${caught} of ${total} non-arguable corruptions caught (${((100 * caught) / total).toFixed(1)} %)`);
  assert.ok(total >= 300, `only ${total}`);
  assert.ok(caught / total >= 0.95, missed.join("\n"));
});
