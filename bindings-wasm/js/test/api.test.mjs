// The JS API as a user meets it, and the size of what a web page downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as sa from "../index.node.js";

test("the embedded agreement loads and has its parts", () => {
  const a = sa.nordjylland2024();
  assert.equal(a.id, "nordjylland-2024");
  assert.equal(a.focus_areas.length, 3);
  assert.deepEqual(a.focus_areas.map((f) => f.key_figures.length), [6, 6, 9]);
});

test("statusOn accepts an object or JSON text, and rejects a malformed date with RangeError", () => {
  const a = sa.nordjylland2024();
  assert.equal(sa.statusOn(a, "2027-06-30").state, "in_force");
  assert.equal(sa.statusOn(JSON.stringify(a), "2027-07-01").state, "in_force_awaiting_successor");
  assert.throws(() => sa.statusOn(a, "30-06-2027"), RangeError);
});

test("parse gives a handle whose queries agree with the text functions, until it is freed", () => {
  const data = sa.nordjylland2024();
  const text = JSON.stringify(data);
  const parsed = sa.parse(text);
  assert.ok(parsed instanceof sa.ParsedAgreement);
  assert.equal(parsed.id, "nordjylland-2024");
  assert.equal(parsed.title, data.title);
  assert.deepEqual(parsed.statusOn("2027-07-01"), sa.statusOn(text, "2027-07-01"));
  assert.deepEqual(parsed.calendar("2026-11-23"), sa.calendar(text, "2026-11-23"));
  assert.equal(parsed.report("2026-01-01", { lang: "da" }), sa.report(text, "2026-01-01", { lang: "da" }));
  assert.deepEqual(parsed.validate({ lang: "da" }), sa.validate(text, { lang: "da" }));
  assert.deepEqual(parsed.followUp(2025), sa.followUp(text, 2025));
  // The free functions take a handle too, and the handle is the document as JSON.
  assert.deepEqual(sa.statusOn(parsed, "2027-07-01"), parsed.statusOn("2027-07-01"));
  assert.deepEqual(JSON.parse(JSON.stringify(parsed)), data);
  assert.throws(() => parsed.statusOn("2027-13-01"), RangeError);
  parsed.free();
  parsed.free();
  assert.throws(() => parsed.statusOn("2027-07-01"), /this agreement was freed/);
  assert.throws(() => sa.statusOn(parsed, "2027-07-01"), /this agreement was freed/);
});

test("ValidationError is a real Error with every problem, in both languages", () => {
  const a = sa.nordjylland2024();
  a.organisations[10].code = 852;
  a.focus_areas[0].key_figures[0].value = 147;
  let err;
  try {
    sa.parse(JSON.stringify(a));
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof sa.ValidationError && err instanceof Error);
  assert.equal(err.name, "ValidationError");
  assert.deepEqual(err.errors.filter((p) => p.severity === "warning").map((p) => p.code), [
    "composition_rule_not_met",
    "composition_rule_not_met",
  ]);
  assert.deepEqual(err.errors.filter((p) => p.severity === "error").map((p) => `${p.code} ${p.path}`).sort(), [
    "municipality_code_mismatch /organisations/10/code",
    "party_missing /roles",
    "percentage_out_of_range /focus_areas/0/key_figures/0/value",
  ]);
  const mismatch = err.errorsIn("da").find((p) => p.code === "municipality_code_mismatch");
  assert.match(mismatch.message, /^Kommunen `Aalborg Kommune` har kode 852/);
  assert.equal(mismatch.context.expected, "851");
  assert.match(err.message, /^5 problems in the document:\n  /);
});

test("validate returns warnings for the embedded agreement and never throws on bad JSON", () => {
  const warnings = sa.validate(JSON.stringify(sa.nordjylland2024()), { lang: "da" });
  assert.deepEqual(warnings.map((p) => `${p.severity} ${p.code} ${p.path}`), [
    "warning composition_rule_not_met /bodies/0",
    "warning composition_rule_not_met /bodies/0",
  ]);
  assert.match(warnings[0].message, /ikke opfyldt/);
  const [syntax] = sa.validate("{\"schema_version\": 1,");
  assert.equal(syntax.code, "json_syntax");
  assert.equal(syntax.path, "");
});

test("calendar and report", () => {
  const a = sa.nordjylland2024();
  const next = sa.calendar(a, "2026-11-23").filter((e) => e.status === "due_next");
  assert.deepEqual(next.map((e) => [e.requirement, e.year, e.due]), [["aarlig-opfoelgning", 2026, "2026-12-31"]]);
  assert.match(sa.report(a, "2026-11-23", { lang: "da" }), /^Sundhedsaftale 2024 — Region Nordjylland\n/);
});

test("the catalogue lists every code once", () => {
  const codes = sa.catalogue().map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(codes.includes("overlapping_memberships"));
  const entry = sa.catalogue().find((c) => c.code === "dispute_without_interim_responsible");
  assert.equal(entry.meaning, "A dispute does not say who carries the task while it is being settled.");
  assert.equal(entry.severity, "error");
});

test("the npm tarball ships the module once and the Excel module beside it, with their glue, the entry points, the elements, types, README and licences", () => {
  const pack = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: new URL("..", import.meta.url), encoding: "utf8" });
  const files = JSON.parse(pack)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), ["pkg/sundhedsaftale_wasm_bg.wasm", "pkg/sundhedsaftale_wasm_excel_bg.wasm"]);
  for (const f of ["api.js", "index.d.ts", "model.d.ts", "index.node.js", "index.web.js", "native.js", "elements.js", "elements.d.ts",
    "package.json", "pkg/sundhedsaftale_wasm.js", "pkg/sundhedsaftale_wasm_excel.js", "README.md", "LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(files.includes(f), f);
  }
  assert.ok(files.every((f) => !f.startsWith("test/") && !f.startsWith("node_modules/")), files.join(" "));
});

test("a document that exhausts the module's memory is followed by a working call", () => {
  // 14 MB of small numbers where objects belong: explaining the failure needs
  // more memory than the module may take, so it traps inside the module.
  const big = '{"schema_version": 1, "organisations": [' + "0,".repeat(7_000_000) + "0]}";
  assert.ok(big.length < sa.DEFAULT_INPUT_LIMIT);
  const before = sa.parse(JSON.stringify(sa.nordjylland2024()));
  assert.throws(() => sa.parse(big), (e) => e instanceof Error && /was restarted; later calls work/.test(e.message));
  const again = sa.parse(JSON.stringify(sa.nordjylland2024()));
  assert.equal(again.id, "nordjylland-2024");
  assert.equal(sa.statusOn(again, "2025-01-01").state, "in_force");
  // An agreement parsed before the restart is gone with the old instance, and says so.
  assert.throws(() => before.statusOn("2025-01-01"), /lost when the module restarted/);
  before.free();
});

test("inputs over the limit are refused before they reach the module", () => {
  sa.setInputLimit(1000);
  try {
    assert.throws(() => sa.validate("x".repeat(1001)), RangeError);
    assert.throws(() => sa.setInputLimit(0), RangeError);
  } finally {
    sa.setInputLimit(sa.DEFAULT_INPUT_LIMIT);
  }
  assert.equal(sa.parse(JSON.stringify(sa.nordjylland2024())).id, "nordjylland-2024");
});

test("errorsIn can redact every echoed value, keeping codes and paths", () => {
  const doc = JSON.parse(JSON.stringify(sa.nordjylland2024()));
  doc.bodies[0].posts[0].memberships[0].person = "010170-1234";
  let err;
  try {
    sa.parse(JSON.stringify(doc));
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof sa.ValidationError);
  assert.ok(JSON.stringify(err.errors).includes("010170-1234"));
  for (const lang of ["en", "da"]) {
    const redacted = err.errorsIn(lang, { redact: true });
    assert.ok(!JSON.stringify(redacted).includes("010170-1234"));
    assert.deepEqual(redacted.map((p) => [p.code, p.path]), err.errors.map((p) => [p.code, p.path]));
    assert.ok(redacted.some((p) => p.message.includes("<string:11>")));
  }
});

test("a stated CSV dialect is used as given", () => {
  const csv = "indicator|geography|period|numerator|denominator\ngenindlaeggelser-30-dage|region:1081|2024|125,0|1.000\n";
  const { rows } = sa.followUp(sa.nordjylland2024(), 2024, {
    observations: csv,
    dialect: { separator: "|", decimalComma: true },
  });
  const row = rows.find((r) => r.indicator === "genindlaeggelser-30-dage" && r.geography === "region:1081");
  assert.equal(row.latest_value, 12.5);
});

test("every code a page shows has an English and a Danish label", () => {
  const table = sa.labels();
  assert.ok(table.length > 100);
  assert.equal(sa.label("validity_state", "in_force"), "i kraft");
  assert.equal(sa.label("validity_state", "in_force", "en"), "in force");
  assert.equal(sa.label("status", "no_such_status"), undefined);
  assert.throws(() => sa.label("status", "deterioration", "de"), RangeError);
  // Every status a follow-up row can carry is in the table, in both languages.
  const rows = sa.followUp(sa.nordjylland2024(), 2025).rows;
  for (const status of new Set(rows.map((r) => r.status))) {
    assert.ok(sa.label("status", status, "en") && sa.label("status", status, "da"), status);
  }
  table[0].en = "changed";
  assert.notEqual(sa.labels()[0].en, "changed", "callers get copies");
});
