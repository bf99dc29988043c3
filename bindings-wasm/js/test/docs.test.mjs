// The README's JS example and the JS examples run as written. The README
// example imports "sundhedsaftale", which resolves here through the
// package's self-reference (package.json "name" + "exports").
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repo } from "./vectors.mjs";

test("the README's JS example runs", () => {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  const file = fileURLToPath(new URL("./.readme-example.mjs", import.meta.url));
  writeFileSync(file, blocks[0]);
  try {
    const out = execFileSync(process.execPath, [file], { encoding: "utf8" }).split("\n");
    assert.equal(out[0], "in_force");
    assert.equal(out[1], "missing_field /id");
  } finally {
    rmSync(file);
  }
});

test("the JS examples run", () => {
  const dir = join(repo, "examples", "js");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".mjs"))) {
    const out = execFileSync(process.execPath, [join(dir, f)], { encoding: "utf8" });
    assert.ok(out.trim().length > 0, f);
  }
  const out = execFileSync(process.execPath, [join(dir, "validate.mjs")], { encoding: "utf8" });
  assert.match(out, /^error municipality_code_mismatch \/organisations\/10\/code: Kommunen `Aalborg Kommune` har kode 852/m);
  assert.match(out, /^error non_positive_duration \/validity\/nominal_duration_months: /m);
});

test("the package README's example prints what its comments say", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const [block] = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  const expected = [...block.matchAll(/^console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length >= 5);
  const file = fileURLToPath(new URL("./.readme-example.mjs", import.meta.url));
  writeFileSync(file, block);
  try {
    assert.deepEqual(execFileSync(process.execPath, [file], { encoding: "utf8" }).trimEnd().split("\n"), expected);
  } finally {
    rmSync(file);
  }
});
