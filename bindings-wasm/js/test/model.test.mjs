// The model's date-aware queries from JS: parties, clusters, bodies,
// members, composition and minutes, on a parsed agreement and as free
// functions. The facts are the embedded North Jutland agreement's and the
// 2021 minutes' (seeds 000 and 004).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as sa from "../index.node.js";

const parsed = sa.parse(JSON.stringify(sa.nordjylland2024()));

test("parties and roles follow the agreement's validity", () => {
  const parties = parsed.partiesOn("2024-06-01");
  assert.equal(parties.length, 12); // the region and its 11 municipalities
  assert.equal(parties.filter((o) => o.kind === "municipality").length, 11);
  assert.deepEqual(parsed.partiesOn("2023-06-01"), []); // not yet in force
  const roles = Object.fromEntries(parsed.rolesOn("2024-06-01").map((r) => [r.organisation.id, r.role]));
  assert.equal(roles["plo-nordjylland"], "bound_non_party");
  assert.equal(roles["private-providers"], "covered_non_party");
  assert.equal(roles["aalborg"], "party");
  assert.deepEqual(sa.partiesOn(sa.nordjylland2024(), "2024-06-01"), parties);
});

test("clusters change on 1 July 2022, and a municipality finds its cluster on a date", () => {
  assert.deepEqual(parsed.clustersOn("2024-06-01").map((c) => c.id), ["nord", "midt", "syd", "vest"]);
  assert.deepEqual(parsed.clustersOn("2021-09-06").map((c) => c.id), ["klynge-vest-foer-2022"]);
  assert.equal(parsed.clusterOf("thisted", "2024-06-01").id, "vest");
  assert.equal(parsed.clusterOf("thisted", "2021-09-06").id, "klynge-vest-foer-2022");
  assert.equal(parsed.clusterOf("aalborg", "2021-09-06"), null);
  assert.equal(parsed.cluster("vest").name, parsed.clusterOf("thisted", "2024-06-01").name);
});

test("bodies and members on a date", () => {
  const before = parsed.bodiesOn("2021-09-06").map((b) => b.id);
  const after = parsed.bodiesOn("2024-06-01").map((b) => b.id);
  assert.ok(before.includes("politisk-klynge-vest") && !before.includes("ssu"));
  assert.ok(after.includes("ssu") && !after.includes("politisk-klynge-vest"));
  const members = parsed.membersOn("ssu", "2024-01-01");
  assert.equal(members[0].person.name, "Mads Duedahl");
  assert.equal(members[0].membership.role, "chair");
  assert.equal(members[0].post.on_behalf_of, "region-nordjylland");
  // A body object works as well as its id; before the reorganisation the SSU had no one.
  assert.deepEqual(parsed.membersOn(parsed.body("ssu"), "2024-01-01"), members);
  assert.deepEqual(parsed.membersOn("ssu", "2022-06-30"), []);
  assert.throws(() => parsed.membersOn("nope", "2024-01-01"), { name: "RangeError", message: "no body `nope` in nordjylland-2024" });
  assert.throws(() => parsed.membersOn("ssu", "2024-02-30"), RangeError);
});

test("composition reports count only the members who sit that day", () => {
  const [report, ...more] = parsed.composition("ssu", "2024-01-01");
  assert.equal(more.length, 0);
  assert.equal(report.rule_set, "organisering-fra-2022");
  assert.equal(report.rules_for, "health_collaboration_committee");
  const sitting = new Set(parsed.membersOn("ssu", "2024-01-01").map((s) => s.membership.person));
  for (const finding of report.findings) {
    assert.equal(finding.count, finding.counted.length);
    for (const person of finding.counted) assert.ok(sitting.has(person), `${person} counted but not sitting`);
  }
  assert.deepEqual(sa.composition(sa.nordjylland2024(), "ssu", "2024-01-01"), [report]);
  assert.throws(() => sa.composition(parsed, "nope", "2024-01-01"), RangeError);
});

test("minutes: problems, attendance by party and composition, against the embedded or a given agreement", () => {
  const minutes = sa.parseMinutes(sa.politiskKlyngeVest2021());
  const problems = minutes.problems();
  assert.deepEqual(
    problems.map((p) => [p.code, p.path, p.severity]),
    [["recommendation_addressed_elsewhere", "/meeting/agenda/2/recommendations/0/addressed_to", "warning"]],
  );
  assert.deepEqual(minutes.problems({ agreement: parsed, lang: "da" }), minutes.problems({ lang: "da" }));
  // An agreement as text or data is parsed for the call; a freed one is refused.
  assert.deepEqual(minutes.problems({ agreement: JSON.stringify(sa.nordjylland2024()) }), minutes.problems());
  const freed = sa.openNordjylland2024();
  freed.free();
  assert.throws(() => minutes.composition({ agreement: freed }), /this agreement was freed/);
  const byParty = Object.fromEntries(minutes.attendanceByParty({ agreement: parsed }).map((p) => [p.party, p]));
  assert.equal(byParty["thisted"].present.length, 5);
  assert.equal(byParty["morsoe"].apologies.length, 2);
  assert.deepEqual(byParty["plo-nordjylland"].present, []);
  const [report] = minutes.composition();
  assert.equal(report.body, "politisk-klynge-vest");
  assert.equal(report.rule_set, "organisering-foer-2022");
  assert.equal(report.date, minutes.data.meeting.date);
  assert.match(minutes.report({ lang: "da" }), /^4\. møde i Politisk Klynge Vest/);
  // Minutes with errors: the queries throw, problems() lists them.
  const broken = structuredClone(minutes.data);
  broken.meeting.body = "no-such-body";
  assert.throws(() => sa.parseMinutes(broken).composition(), (e) => e instanceof sa.ValidationError && e.errors.some((p) => p.path === "/meeting/body"));
  assert.deepEqual(sa.validateMinutes(broken).find((p) => p.path === "/meeting/body").code, "unknown_reference");
  assert.throws(() => minutes.report({ lang: "de" }), RangeError);
});

test("minutes that are not JSON give a problem, not an exception, from problems() and validateMinutes", () => {
  const expected = [["json_syntax", "", "error"]];
  assert.deepEqual(sa.validateMinutes("{").map((p) => [p.code, p.path, p.severity]), expected);
  assert.deepEqual(sa.parseMinutes("{").problems().map((p) => [p.code, p.path, p.severity]), expected);
  assert.throws(() => sa.parseMinutes("{").attendanceByParty(), (e) => e instanceof sa.ValidationError && e.errors[0].code === "json_syntax");
  assert.throws(() => sa.parseMinutes("{").data, SyntaxError);
});

test("the rule sets", () => {
  assert.deepEqual(sa.ruleSets().map((r) => r.id), ["organisering-foer-2022", "organisering-fra-2022"]);
});
