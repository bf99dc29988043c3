// Progress and the annual follow-up from JS: the shared progress vectors, and tidy rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ProgressError, followUp, nordjylland2024, progress } from "../index.node.js";
import { repo, vectors } from "./vectors.mjs";

const close = (name, field, got, want) => {
  // Bit for bit: Rust, Python and JS share one `pow` (Object.is also tells -0 from 0).
  if (typeof want === "number") assert.ok(Object.is(got, want), `${name}: ${field} = ${got}, expected ${want}`);
  else assert.deepEqual(got, want, `${name}: ${field}`);
};

for (const [name, vector] of vectors("progress")) {
  test(`progress vector ${name}`, () => {
    const expected = vector.expected;
    if ("error" in expected) {
      assert.throws(() => progress(vector.input), (e) => e instanceof ProgressError && e.code === expected.error);
      return;
    }
    const got = progress(vector.input);
    for (const [field, want] of Object.entries(expected)) {
      if (field === "thresholds") for (const t of ["high", "medium", "low"]) close(name, t, got.thresholds[t], want[t]);
      else close(name, field, got[field], want);
    }
  });
}

test("follow-up on the key figures and on a CSV, with discretion", () => {
  const agreement = nordjylland2024();
  const own = followUp(agreement, 2025);
  const chronic = own.rows.find((r) => r.indicator === "kf-kroniske-sygdomme");
  assert.deepEqual([chronic.baseline_value, chronic.latest_value, chronic.status, chronic.score], [45, 54, "deterioration", -5]);
  const csv = readFileSync(join(repo, "tests/observations/synthetic-readmissions.csv"), "utf8");
  const result = followUp(agreement, 2024, { observations: csv });
  const rows = result.rows.filter((r) => r.indicator === "genindlaeggelser-30-dage");
  const at = (g) => rows.find((r) => r.geography === g);
  assert.deepEqual(at("municipality:825").hidden, { kind: "small_count", threshold: 5 });
  assert.deepEqual(at("municipality:810").hidden, { kind: "complementary", protects: "municipality:825", via: "cluster:nord" });
  assert.equal(at("region:1081").contributed, 11);
  assert.throws(
    () => followUp(agreement, 2024, { observations: "indicator,geography,period,value\nnope,region:1081,2021,1\n" }),
    (e) => e.name === "ValidationError" && e.errors[0].code === "unknown_reference" && e.errors[0].path === "/2/indicator", // row 2 of the text, after its header
  );
});

test("a CSV of bad rows keeps the cap and counts every row", () => {
  // Every row names an indicator the agreement does not follow up: the module
  // reads and checks them in one pass, keeping a hundred problems.
  const rows = 80_000;
  const lines = ["indicator,geography,period,value"];
  for (let i = 0; i < rows; i++) lines.push(`no-such-indicator,municipality:851,2024,${i}`);
  let errors;
  assert.throws(
    () => followUp(nordjylland2024(), 2024, { observations: lines.join("\n") + "\n" }),
    (e) => e.name === "ValidationError" && (errors = e.errors) !== undefined,
  );
  assert.ok(errors.length <= 101, `${errors.length} problems retained`);
  assert.equal(errors.filter((p) => p.code === "unknown_reference").length, 100);
  const more = errors.filter((p) => p.code === "more_problems").map((p) => p.context.count);
  assert.deepEqual(more, [rows - 100], "every row counted once");
});
