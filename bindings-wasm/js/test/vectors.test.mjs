// The shared vectors, run against the WebAssembly build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError, followUp, nordjylland2024, parse, statusOn, validate, validateMinutes } from "../index.node.js";
import { documentText, embeddedText, keys, minutesText, newProblems, repoFile, vectors } from "./vectors.mjs";

const base = keys(validate(embeddedText));
const invalid = vectors("invalid");

test("there are at least 30 invalid vectors", () => {
  assert.ok(invalid.length >= 30, `only ${invalid.length}`);
});

for (const [name, vector] of invalid) {
  test(`invalid vector ${name}`, () => {
    const text = documentText(vector);
    const got = newProblems(keys(validate(text)), base);
    const want = vector.expected.map((e) => [e.code, e.path, e.severity].join(" ")).sort();
    assert.deepEqual(got, want);
    const blocks = vector.expected.some((e) => e.severity === "error");
    if (blocks) {
      assert.throws(() => parse(text), (err) => err instanceof ValidationError && err.errors.length > 0);
    } else {
      assert.doesNotThrow(() => parse(text));
    }
  });
}

const minutesBase = keys(validateMinutes(minutesText));
for (const [name, vector] of vectors("invalid-minutes")) {
  test(`invalid minutes vector ${name}`, () => {
    const got = newProblems(keys(validateMinutes(documentText(vector))), minutesBase);
    assert.deepEqual(got, vector.expected.map((e) => [e.code, e.path, e.severity].join(" ")).sort());
  });
}

for (const [name, vector] of vectors("valid")) {
  test(`valid vector ${name}`, () => {
    const agreement = parse(documentText(vector));
    for (const expected of vector.status) {
      const got = statusOn(agreement, expected.on);
      assert.equal(got.state, expected.state, `${name} on ${expected.on}`);
      assert.deepEqual(got.decided_by, expected.decided_by, `${name} on ${expected.on}`);
    }
  });
}

for (const [name, vector] of vectors("follow-up")) {
  test(`follow-up vector ${name}`, () => {
    const agreement = parse(documentText(vector));
    // Inline observations, or a CSV file of the repository.
    const options =
      vector.observations_csv !== undefined
        ? { observations: repoFile(vector.observations_csv), format: "csv" }
        : { observations: vector.observations };
    // Options in their JSON form, as the package names them (`min_coverage` is `minCoverage`).
    for (const [k, v] of Object.entries(vector.options ?? {})) options[k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())] = v;
    let result = null;
    let problems;
    try {
      result = followUp(agreement, vector.year, options);
      problems = result.problems;
    } catch (err) {
      assert.ok(err instanceof ValidationError && vector.expected_problems !== undefined, String(err));
      problems = err.errors;
    }
    // The follow-up's problems, or the errors that stopped it: exactly these
    // codes, paths and severities, and the context values listed.
    if (vector.expected_problems !== undefined) {
      assert.deepEqual(keys(problems), keys(vector.expected_problems));
      for (const e of vector.expected_problems) {
        const found = problems.find((p) => p.code === e.code && p.path === e.path);
        for (const [k, v] of Object.entries(e.context ?? {})) assert.deepEqual(found.context[k], v, `${k} of ${e.path}`);
      }
    }
    if (result === null) return;
    // Strict deep equality compares every number with Object.is: bit for bit.
    for (const want of vector.expected) {
      const matching = result.rows.filter((r) => ["indicator", "geography", "stratum"].every((k) => r[k] === want[k]));
      assert.equal(matching.length, 1, JSON.stringify(want));
      for (const [k, v] of Object.entries(want)) assert.deepEqual(matching[0][k], v, `${k} of ${JSON.stringify(want)}`);
    }
    // Roll-ups, found by focus area (null: the agreement) and place; every listed field exact.
    for (const want of vector.expected_roll_ups ?? []) {
      const matching = result.roll_ups.filter((r) => ["focus_area", "geography"].every((k) => (r[k] ?? null) === want[k]));
      assert.equal(matching.length, 1, JSON.stringify(want));
      for (const [k, v] of Object.entries(want)) assert.deepEqual(matching[0][k], v, `${k} of ${JSON.stringify(want)}`);
    }
  });
}

for (const [name, vector] of vectors("invalid-observations")) {
  test(`invalid observations vector ${name}`, () => {
    let problems;
    try {
      // A vector may patch the embedded agreement (an indicator of another unit).
      const agreement = vector.patch !== undefined ? parse(documentText(vector)) : nordjylland2024();
      problems = followUp(agreement, vector.year, { observations: vector.csv, format: "csv" }).problems;
    } catch (err) {
      assert.ok(err instanceof ValidationError, String(err));
      problems = err.errors;
    }
    assert.deepEqual(keys(problems), keys(vector.expected));
  });
}

for (const [name, vector] of vectors("report")) {
  test(`report vector ${name}: the report shows what the queries answer on each date`, () => {
    const agreement = parse(documentText(vector));
    for (const check of vector.checks) {
      assert.deepEqual(
        agreement.partiesOn(check.on).map((o) => o.name),
        check.parties,
        `${name} on ${check.on}`,
      );
      for (const [body, sets] of Object.entries(check.compositions)) {
        assert.deepEqual(agreement.composition(body, check.on).map((r) => r.rule_set), sets, `${name} on ${check.on}: ${body}`);
      }
      const text = agreement.report(check.on, { lang: check.lang });
      for (const s of check.report_includes) assert.ok(text.includes(s), `${name} on ${check.on}: missing ${s}`);
      for (const s of check.report_excludes) assert.ok(!text.includes(s), `${name} on ${check.on}: ${s}`);
    }
    agreement.free();
  });
}

const reform = vectors("reform");
test("there are at least 4 reform vectors", () => {
  assert.ok(reform.length >= 4, `only ${reform.length}`);
});

for (const [name, vector] of reform) {
  test(`reform vector ${name}: answers across 1 January 2027`, () => {
    const text = documentText(vector);
    const { patch: _patch, ...unpatched } = vector;
    const got = newProblems(keys(validate(text)), keys(validate(documentText(unpatched))));
    assert.deepEqual(got, keys(vector.expected), name);
    if (vector.expected.some((e) => e.severity === "error")) {
      assert.throws(
        () => parse(text),
        (err) =>
          err instanceof ValidationError &&
          JSON.stringify(keys(err.errors.filter((p) => p.severity === "error"))) ===
            JSON.stringify(keys(vector.expected.filter((e) => e.severity === "error"))),
      );
      assert.deepEqual(vector.on, []);
      return;
    }
    const agreement = parse(text);
    for (const check of vector.on) {
      const status = agreement.statusOn(check.on);
      assert.equal(status.state, check.state, `${name} on ${check.on}`);
      assert.deepEqual(status.affected_by_law ?? null, check.affected_by_law, `${name} on ${check.on}`);
      assert.deepEqual(keys(agreement.problemsOn(check.on)), keys(check.problems), `${name} on ${check.on}`);
      assert.deepEqual(
        agreement.calendar(check.on).map((e) => e.due ?? null),
        check.calendar_due,
        `${name} on ${check.on}`,
      );
      for (const report of check.report) {
        const rendered = agreement.report(check.on, { lang: report.lang });
        for (const s of report.includes) assert.ok(rendered.includes(s), `${name} on ${check.on}: missing ${s}`);
        for (const s of report.excludes) assert.ok(!rendered.includes(s), `${name} on ${check.on}: ${s}`);
      }
    }
    agreement.free();
  });
}

const history = vectors("history");
test("there are at least 8 history vectors", () => {
  assert.ok(history.length >= 8, `only ${history.length}`);
});

/** The value at a JSON Pointer in plain data, or null. */
function atPointer(data, pointer) {
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (data === null || typeof data !== "object" || !(part in data)) return null;
    data = data[part];
  }
  return data ?? null;
}

/** The first problem of a ValidationError, as the vectors give an error. */
function firstError(err) {
  assert.ok(err instanceof ValidationError, String(err));
  return { code: err.errors[0].code, path: err.errors[0].path };
}

for (const [name, vector] of history) {
  test(`history vector ${name}: the document through time`, () => {
    const text = documentText(vector);
    const { patch: _patch, ...unpatched } = vector;
    const got = newProblems(keys(validate(text)), keys(validate(documentText(unpatched))));
    assert.deepEqual(got, keys(vector.expected), name);
    if (vector.expected.some((e) => e.severity === "error")) {
      assert.throws(() => parse(text), ValidationError);
      assert.deepEqual([...vector.status, ...vector.as_of, ...vector.diff], []);
      return;
    }
    const agreement = parse(text);
    for (const check of vector.status) {
      const status = agreement.statusOn(check.on);
      assert.equal(status.state, check.state, `${name} on ${check.on}`);
      assert.deepEqual(status.approvals, check.approvals, `${name} on ${check.on}`);
      assert.equal(status.awaiting_approval.length, check.awaiting_approval, `${name} on ${check.on}`);
      assert.deepEqual(status.region_ceased ?? null, check.region_ceased, `${name} on ${check.on}`);
    }
    for (const check of vector.as_of) {
      let amended;
      try {
        amended = agreement.asOf(check.on);
      } catch (err) {
        assert.deepEqual(firstError(err), check.error, `${name} as of ${check.on}`);
        continue;
      }
      assert.equal(check.error, null, `${name} as of ${check.on}`);
      const doc = amended.toJSON();
      for (const [pointer, value] of Object.entries(check.values)) {
        assert.deepEqual(atPointer(doc, pointer), value, `${name} as of ${check.on}: ${pointer}`);
      }
      amended.free();
    }
    for (const check of vector.diff) {
      let differences;
      try {
        differences = agreement.diff(check.from, check.to);
      } catch (err) {
        assert.deepEqual(firstError(err), check.error, `${name}: ${check.from} → ${check.to}`);
        continue;
      }
      assert.equal(check.error, null, `${name}: ${check.from} → ${check.to}`);
      assert.deepEqual(
        differences.map(({ op, path, part, message_en, message_da }) => ({ op, path, part, message_en, message_da })),
        check.differences,
        `${name}: ${check.from} → ${check.to}`,
      );
    }
    agreement.free();
  });
}

test("diff takes Dates, and names an argument of the wrong type", () => {
  const agreement = parse(repoFile("examples/data/midtjylland_2019.json"));
  const byDate = agreement.diff(new Date(2019, 6, 1), new Date(2019, 11, 31));
  assert.deepEqual(byDate.map((d) => d.path), ["/focus_areas/2/objectives/0", "/focus_areas/2/objectives/1"]);
  assert.throws(() => agreement.diff("2019-07-01", null), (err) => err instanceof TypeError && /`to`/.test(err.message));
  assert.throws(() => agreement.diff(2019, "2019-07-01"), (err) => err instanceof TypeError && /`from`/.test(err.message));
  const later = agreement.asOf("2019-12-31");
  assert.throws(
    () => later.asOf("2019-07-01"),
    (err) => err instanceof ValidationError && JSON.stringify(keys(err.errors)) === JSON.stringify(["as_of_needs_original /amended_as_of error"]),
  );
  later.free();
  agreement.free();
});
