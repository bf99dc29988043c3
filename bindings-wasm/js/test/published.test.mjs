// The shared vectors of tests/published/: published tables read through
// their mappings, as Rust and Python read them. Workbooks are read by the
// Excel module, loaded once here as a page loads it when it needs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ValidationError, followUp, loadExcel, nordjylland2024, place, places, readObservations } from "../index.node.js";
import { keys, repo, vectors } from "./vectors.mjs";

const published = vectors("published");

test("a workbook before the Excel module is loaded says how to load it", () => {
  const v = published.find(([n]) => n === "004-xlsx.json")[1];
  assert.throws(() => readObservations(source(v), { format: "xlsx", mapping: v.mapping }), { name: "Error", message: /`await loadExcel\(\)` once first/ });
});

/** The vector's table: its file's bytes (as a dropped file gives them), or its text. */
const source = (v) => (v.file ? readFileSync(join(repo, v.file)) : v.text);

function outcome(v) {
  try {
    const observations = readObservations(source(v), { format: v.format, mapping: v.mapping });
    if (v.year === undefined) return { observations, problems: [] };
    const result = followUp(nordjylland2024(), v.year, { observations: source(v), format: v.format, mapping: v.mapping });
    return { observations, problems: [], rows: result.rows };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { problems: e.errors };
  }
}

test("there are at least 15 published vectors", () => assert.ok(published.length >= 15));

for (const [name, v] of published) {
  test(`published ${name}`, async () => {
    await loadExcel();
    const { observations, problems } = outcome(v);
    if (v.expected_observations) assert.deepEqual(observations, v.expected_observations, name);
    if (v.expected) {
      assert.deepEqual(keys(problems), keys(v.expected), name);
      for (const e of v.expected) {
        const p = problems.find((p) => p.code === e.code && p.path === e.path);
        for (const [k, want] of Object.entries(e.context ?? {})) assert.deepEqual(p.context[k] ?? null, want, `${name}: ${k}`);
      }
    }
    for (const e of v.expected_rows ?? []) {
      const at = outcome(v).rows.filter((r) => r.geography === e.geography && r.stratum === e.stratum);
      assert.ok(at.length, `${name}: ${e.geography}`);
      for (const r of at) assert.deepEqual(Object.fromEntries(Object.keys(e).map((k) => [k, r[k] ?? null])), e, `${name}: ${e.geography}`);
    }
  });
}

test("one table as StatBank codes and text, JSON-stat and a workbook gives one follow-up", async () => {
  await loadExcel();
  const rows = Object.fromEntries(published.filter(([, v]) => v.expected_observations && v.year).map(([n, v]) => [n, outcome(v).rows]));
  assert.equal(Object.keys(rows).length, 4);
  for (const [name, v] of published) {
    if (v.same_follow_up_as && rows[name]) assert.deepEqual(rows[name], rows[v.same_follow_up_as], name);
  }
});

test("published tables' arguments are checked before the module sees them", async () => {
  await loadExcel();
  const m = published[0][1].mapping;
  assert.throws(() => readObservations(5, { format: "statbank", mapping: m }), { name: "TypeError", message: /`source` must be the table as a string, an ArrayBuffer or a typed array/ });
  assert.throws(() => readObservations("a;b", { format: "xlsx", mapping: m }), { name: "TypeError", message: /`source` must be the workbook's bytes/ });
  assert.throws(() => readObservations("", { format: "excel", mapping: m }), { name: "RangeError", message: /unknown format "excel"/ });
  assert.throws(() => readObservations("", { format: "statbank", mapping: null }), { name: "TypeError", message: /`options.mapping` must be a mapping object/ });
  assert.throws(() => followUp(nordjylland2024(), 2024, { observations: "x", format: "statbank" }), { name: "TypeError", message: /a statbank table needs `options.mapping`/ });
  assert.throws(() => followUp(nordjylland2024(), 2024, { observations: "x", mapping: m }), { name: "TypeError", message: /`options.mapping` is for a published table/ });
  // Bytes that are not UTF-8 (a Windows-1252 export) say so, as in Rust and Python.
  assert.throws(
    () => readObservations(new Uint8Array([0x4f, 0x4d, 0x52, 0xc5, 0x44, 0x45]), { format: "statbank", mapping: m }),
    (e) => e instanceof ValidationError && e.errors.map((p) => [p.code, p.path].join(" ")).join() === "invalid_encoding ",
  );
  // A mapping's own problem is marked as the mapping's.
  assert.throws(
    () => readObservations("OMRÅDE;TID\r\n851;2024\r\n", { format: "statbank", mapping: { indicator: "x", place: "OMRÅDE" } }),
    (e) => e instanceof ValidationError && e.errors[0].code === "missing_field" && e.errors[0].path === "/period" && e.errors[0].context.document === "mapping",
  );
});

for (const [name, v] of vectors("places")) {
  test(`places ${name}`, () => {
    for (const c of v.counts) {
      const all = places(c.on);
      for (const level of ["region", "municipality", "country"]) assert.equal(all.filter((p) => p.level === level).length, c[level], `${c.on} ${level}`);
    }
    for (const c of v.found) {
      const p = place(c.text, new Date(`${c.on}T12:00:00`));
      for (const [k, want] of Object.entries(c)) if (k !== "text" && k !== "on") assert.equal(p[k], want, `${c.text}: ${k}`);
    }
    for (const c of v.not_found) {
      assert.throws(() => place(c.text, c.on), (e) => e instanceof ValidationError && e.errors.length === 1 && e.errors[0].code === c.code, c.text);
    }
    assert.throws(() => place(851, "2024-01-01"), { name: "TypeError", message: /`text` must be a string/ });
  });
}
