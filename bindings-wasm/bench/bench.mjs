// Benchmarks of the JS package against ajv, run in one node process and
// printed as ratios with the goal beside them (`make bench`, through
// scripts/bench-js.sh, which pins the peers).
//
// - N1 validate: every problem of the embedded agreement, 1,000 times:
//   the package's `validate(text)` (parse + all its checks) against ajv
//   compiled from the project's JSON Schema (`JSON.parse` + the schema's
//   checks, which are far fewer).
// - N2 parse: the agreement parsed and checked, 1,000 times: the package's
//   `parse(text)` (a handle kept in the module) against `JSON.parse` + ajv.
// - N3 a query on a parsed agreement (`statusOn`), against the same query
//   on JSON text, which parses the agreement again.
// - N4 the adversarial families of 1 MB (families.mjs), each validated in a
//   fresh process against `JSON.parse` of the same text there, with the
//   growth of resident memory and whether the module trapped.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse, statusOn, validate } from "../js/index.node.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const text = readFileSync(`${repo}core/data/nordjylland_2024.json`, "utf8");
const schema = JSON.parse(readFileSync(`${repo}core/schema/health-agreement.schema.json`, "utf8"));

// Formats JSON Schema leaves open (uint32, double, …) are the generator's
// notes on Rust types; ajv is told to accept them, and checks `date`.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv, ["date"]);
for (const f of ["double", "int32", "uint8", "uint16", "uint32"]) ajv.addFormat(f, true);
const ajvValidate = ajv.compile(schema);
if (!ajvValidate(JSON.parse(text))) throw new Error(`ajv rejects the embedded agreement: ${JSON.stringify(ajvValidate.errors)}`);

function medianMicros(run, rounds = 3, n = 1000) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run();
    times.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const ajvVersion = JSON.parse(readFileSync(new URL("./node_modules/ajv/package.json", import.meta.url), "utf8")).version;
const floor = medianMicros(() => JSON.parse(text));
const peer = medianMicros(() => ajvValidate(JSON.parse(text)));
const ours = medianMicros(() => validate(text));
const oursParse = medianMicros(() => parse(text).free());
const parsed = parse(text);
const query = medianMicros(() => parsed.statusOn("2026-01-01"));
const reparse = medianMicros(() => statusOn(text, "2026-01-01"));
console.log(`N1/N2 the embedded agreement (${Buffer.byteLength(text)} bytes), 1,000 times each, median of 3, node ${process.version}:`);
console.log(`  JSON.parse (floor)                     ${floor.toFixed(1).padStart(8)} µs`);
console.log(`  JSON.parse + ajv ${ajvVersion} (compiled schema) ${peer.toFixed(1).padStart(8)} µs`);
console.log(`  sundhedsaftale validate(text)          ${ours.toFixed(1).padStart(8)} µs = ${(peer / ours).toFixed(2)}× ajv's speed (goal: ≥ 1×)`);
console.log(`  sundhedsaftale parse(text)             ${oursParse.toFixed(1).padStart(8)} µs = ${(peer / oursParse).toFixed(2)}× ajv's speed (goal: ≥ 1×)`);
const wasm = readFileSync(new URL("../js/pkg/sundhedsaftale_wasm_bg.wasm", import.meta.url));
const gz = gzipSync(wasm, { level: 9 }).length;
console.log(`S1 module size: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzipped (goal: ≤ 250 KB gzipped) = ${(gz / 1024 / 250).toFixed(2)}× the goal`);
// Before the published-table readers (StatBank CSV, JSON-stat, mappings),
// measured with this build script at commit b5d8020.
const BEFORE_READERS_GZ = 540_107;
console.log(`S1 with the readers: ${(gz / 1024).toFixed(0)} KB gzipped against ${(BEFORE_READERS_GZ / 1024).toFixed(0)} KB before them (b5d8020) = ${(gz / BEFORE_READERS_GZ).toFixed(3)}×`);
// The Excel module, loaded only when a page reads a workbook.
const excel = readFileSync(new URL("../js/pkg/sundhedsaftale_wasm_excel_bg.wasm", import.meta.url));
const excelGz = gzipSync(excel, { level: 9 }).length;
console.log(`S1b the Excel module (fetched only to read a workbook): ${(excelGz / 1024).toFixed(0)} KB gzipped = ${(excelGz / gz).toFixed(3)}× the module every page loads`);
console.log(`N3 statusOn on a parsed agreement ${query.toFixed(1)} µs, on JSON text ${reparse.toFixed(1)} µs: ${(reparse / query).toFixed(0)}× faster`);
console.log("N4 adversarial families of 1 MB, each in a fresh node process (goal: ≤ 100 ms and ≤ 100 MB each, no trap):");
for (const family of ["memberships", "clusters", "targets", "references", "people", "agenda"]) {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL("./families.mjs", import.meta.url)), family], { encoding: "utf8" });
  const r = JSON.parse(out.trim().split("\n").pop());
  console.log(
    `  ${family.padEnd(12)} ${r.bytes} bytes, ${r.problems} problems: ${r.ms.toFixed(1)} ms = ${(r.ms / r.parseMs).toFixed(2)}× JSON.parse (${r.parseMs.toFixed(1)} ms); resident memory +${r.grewMB.toFixed(0)} MB; restarts ${r.restarts}`,
  );
}
