// The JS boundary checks every argument before anything reaches the module:
// the wrong-type table (test/argument-table.mjs, also run in the browser),
// dates, options, empty observations and the restart counter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as sa from "../index.node.js";
import { runTable } from "./argument-table.mjs";

test("the wrong-type table covers every export and method of the package, and every call throws what it should, naming the argument, without a restart", async (t) => {
  const run = await runTable(sa);
  assert.deepEqual(run.specified, run.enumerated);
  t.diagnostic(`${run.specified.length} functions and methods, ${run.calls} calls, ${run.assertions} assertions`);
  assert.deepEqual(run.failures, []);
  assert.equal(run.restarts, 0);
  assert.ok(run.stillOpen, "an agreement parsed before the table still answers");
  assert.ok(run.calls > 900, `only ${run.calls} calls`);
});

test("a Date is its calendar day in the local time zone", () => {
  const a = sa.openNordjylland2024();
  assert.deepEqual(a.statusOn(new Date(2026, 0, 1)), a.statusOn("2026-01-01"));
  assert.equal(a.statusOn(new Date(2024, 5, 30, 23, 59)).on, "2024-06-30");
  assert.deepEqual(sa.calendar(sa.nordjylland2024(), new Date(2026, 10, 24)), a.calendar("2026-11-24"));
  assert.deepEqual(a.membersOn("ssu", new Date(2024, 0, 1)), a.membersOn("ssu", "2024-01-01"));
  assert.equal(sa.report(a, new Date(2026, 0, 1), { lang: "da" }), a.report("2026-01-01", { lang: "da" }));
  // The same instant is another day east of UTC: the local day counts, not the UTC one.
  const script = `import { openNordjylland2024 } from ${JSON.stringify(new URL("../index.node.js", import.meta.url).href)};
    console.log(openNordjylland2024().statusOn(new Date("2024-06-30T22:30:00Z")).on);`;
  const day = (tz) => execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TZ: tz }, encoding: "utf8" }).trim();
  assert.equal(day("UTC"), "2024-06-30");
  assert.equal(day("Europe/Copenhagen"), "2024-07-01");
  assert.throws(() => a.statusOn(new Date("x")), { name: "RangeError", message: "sundhedsaftale: `on` is an invalid Date" });
  assert.throws(() => a.statusOn(5), { name: "TypeError", message: "sundhedsaftale: `on` must be a Date or a YYYY-MM-DD string, not the number 5" });
  // A malformed date string is the module's RangeError, as before.
  assert.throws(() => a.statusOn("2024-1-1"), { name: "RangeError", message: "`2024-1-1` is not a date in the form YYYY-MM-DD" });
  a.free();
});

test("options are checked field by field; an unknown option is a TypeError naming it", () => {
  const a = sa.openNordjylland2024();
  assert.throws(() => a.report("2024-01-01", { language: "da" }), { name: "TypeError", message: /`options` has an unknown option `language` \(known: lang\)/ });
  assert.throws(() => a.followUp(2024, { dialect: { separator: ";", decimalComma: "yes" } }), { name: "TypeError", message: /`options.dialect.decimalComma` must be a boolean/ });
  assert.throws(() => a.followUp(2024, { targets: [{ value: 1n }] }), { name: "TypeError", message: /`options` cannot be written as JSON/ });
  assert.throws(() => sa.label("status", "deterioration", "de"), { name: "RangeError", message: /`lang`: unknown language de/ });
  assert.throws(() => new sa.ParsedAgreement(0), { name: "TypeError", message: /made by parse\(\) or openNordjylland2024\(\), not constructed/ });
  a.free();
});

test("empty observations text is an empty CSV file (missing_field three times); no observations are the key figures", () => {
  const a = sa.openNordjylland2024();
  const expected = ["missing_field /indicator", "missing_field /geography", "missing_field /period"];
  for (const run of [() => a.followUp(2024, { observations: "" }), () => sa.followUp(sa.nordjylland2024(), 2024, { observations: "", format: "csv" })]) {
    assert.throws(run, (e) => e instanceof sa.ValidationError && assert.deepEqual(e.errors.map((p) => `${p.code} ${p.path}`), expected) === undefined);
  }
  const own = a.followUp(2024);
  assert.ok(own.rows.length > 0);
  assert.deepEqual(a.followUp(2024, { observations: undefined }), own);
  assert.deepEqual(a.followUp(2024, {}), own);
  a.free();
});

test("moduleRestarts counts the restarts after a trap, and only those", () => {
  const big = '{"schema_version": 1, "organisations": [' + "0,".repeat(7_000_000) + "0]}";
  const before = sa.moduleRestarts();
  assert.throws(() => sa.parse(big), /was restarted; later calls work/);
  assert.equal(sa.moduleRestarts(), before + 1);
  assert.equal(sa.openNordjylland2024().statusOn(new Date(2025, 0, 1)).state, "in_force");
  assert.equal(sa.moduleRestarts(), before + 1);
});

test("ready checks its source under node too", async () => {
  await sa.ready();
  await assert.rejects(sa.ready(5), { name: "TypeError", message: /`source` must be a URL/ });
  assert.ok(fileURLToPath(import.meta.url).endsWith("arguments.test.mjs"));
});
