// The adversarial families of core/benches/document_size.rs, in node: one
// item copied until the document reaches about 1 MB, so that every copy
// collides with the others. Run as `node families.mjs <family>` in a fresh
// process (bench.mjs does, once per family), it prints one JSON line: the
// document's size, the problems found, the median time of validating it
// and the growth of the process's resident memory (the module's memory
// never shrinks, so each family needs its own process), and whether the
// module restarted (a trap).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { moduleRestarts, validate, validateMinutes } from "../js/index.node.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const agreementText = readFileSync(`${repo}core/data/nordjylland_2024.json`, "utf8");
const minutesText = readFileSync(`${repo}core/data/politisk_klynge_vest_2021_09_06.json`, "utf8");
export const FAMILIES = ["memberships", "clusters", "targets", "references", "people", "agenda"];
const BYTES = 1_000_000;

/** The embedded agreement stripped to its skeleton, as the Rust benchmark strips it. */
function skeleton() {
  const doc = JSON.parse(agreementText);
  for (const key of ["foreword", "notes", "guiding_principles", "signatories", "collaboration_agreements", "dispute_rules"]) delete doc[key];
  doc.indicators = [doc.indicators[0]];
  doc.vision.elaboration = [];
  doc.roles = [{ ...doc.roles[0], text: "Parter." }];
  for (const area of doc.focus_areas) {
    for (const key of ["description", "definitions", "target_groups", "key_figures"]) delete area[key];
    area.objectives = [area.objectives[0]];
  }
  for (const body of doc.bodies) {
    delete body.tasks;
    delete body.source;
  }
  return doc;
}

/** `doc` with `item(k)` pushed onto `list` until the text reaches about BYTES. */
function grown(doc, list, item) {
  const each = JSON.stringify(item(0)).length + 1;
  const copies = Math.floor(Math.max(0, BYTES - JSON.stringify(doc).length) / each);
  for (let k = 0; k < copies; k++) list.push(item(k));
  return JSON.stringify(doc);
}

/** [kind, text] of a family's 1 MB member. */
function member(family) {
  const doc = skeleton();
  switch (family) {
    case "memberships": {
      const list = doc.bodies[0].posts[0].memberships;
      const m = list[0];
      return ["agreement", grown(doc, list, () => m)];
    }
    case "clusters": {
      const c = doc.clusters[0];
      return ["agreement", grown(doc, doc.clusters, (k) => ({ ...c, id: `klynge-${k}` }))];
    }
    case "targets":
      doc.indicators[0].targets = [];
      return ["agreement", grown(doc, doc.indicators[0].targets, () => ({ kind: "value", value: 10, due: "2026" }))];
    case "references":
      return ["agreement", grown(doc, doc.roles[0].organisations, (k) => `ukendt-${k}`)];
    case "people":
      return ["agreement", grown(doc, doc.people, (k) => ({ id: k % 2 === 0 ? "Person" : "person", name: "Navn Navnesen" }))];
    case "agenda": {
      const minutes = JSON.parse(minutesText);
      return ["minutes", grown(minutes, minutes.meeting.agenda, (k) => ({ id: `punkt-${k}`, number: "1", title: "Punkt", introduced_by: "bente-bang" }))];
    }
    default:
      throw new Error(`no family ${family}`);
  }
}

if (process.argv[2]) {
  const family = process.argv[2];
  const [kind, text] = member(family);
  const run = () => (kind === "minutes" ? validateMinutes(text) : validate(text));
  const before = process.memoryUsage().rss;
  const problems = run().length;
  const median = (f) => {
    const times = [];
    for (let r = 0; r < 5; r++) {
      const start = process.hrtime.bigint();
      f();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const ms = median(run);
  const grew = (process.memoryUsage().rss - before) / 1024 / 1024;
  // The baseline, in the same process on the same text.
  const parseMs = median(() => JSON.parse(text));
  console.log(JSON.stringify({ family, bytes: Buffer.byteLength(text), problems, ms, parseMs, grewMB: grew, restarts: moduleRestarts() }));
}
