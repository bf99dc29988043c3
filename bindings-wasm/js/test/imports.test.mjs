// No import circle in the JS package: every static import, re-export,
// dynamic `import()` and type import between its own files (the generated
// `pkg/` and other packages are leaves). Needs no WebAssembly build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/gm;

/** The package's own files that `text` (the file `from`) imports. */
function importsOf(from, text, files) {
  const out = new Set();
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith(".")) continue;
    const base = normalize(join(dirname(from), spec));
    // `./index` in a declaration file means `index.d.ts`.
    const found = [base, `${base}.d.ts`, base.replace(/\.js$/, ".d.ts")].find((f) => files.has(f));
    if (found !== undefined && found !== from) out.add(found);
  }
  return out;
}

/** Every circle a depth-first search closes, first file repeated at the end. */
function circles(graph) {
  const found = [];
  const state = new Map();
  const visit = (node, path) => {
    state.set(node, 1);
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 1) found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, path);
    }
    path.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node, []);
  return found;
}

function graphOf(files) {
  const names = new Set(files.keys());
  return new Map([...files].map(([f, text]) => [f, importsOf(f, text, names)]));
}

function packageFiles() {
  const files = new Map();
  for (const f of readdirSync(PACKAGE)) {
    if (/\.(m?js|d\.ts)$/.test(f)) files.set(f, readFileSync(join(PACKAGE, f), "utf8"));
  }
  return files;
}

test("the JS package has no import circle", () => {
  const graph = graphOf(packageFiles());
  // The edges are read: the API binds the native module, the entry points re-export the API.
  assert.ok(graph.get("api.js").has("native.js"));
  assert.ok(graph.get("index.node.js").has("api.js"));
  assert.ok(graph.get("elements.js").has("index.web.js"));
  assert.ok(graph.get("elements.d.ts").has("index.d.ts"));
  assert.deepEqual(circles(graph), []);
});

test("a circle fails, through any kind of import", () => {
  const files = new Map([
    ["a.js", 'import { b } from "./b.js";\n// import { c } from "./c.js";\n'],
    ["b.js", 'export * from "./c.js";\n'],
    ["c.js", 'const a = await import("./a.js");\nimport "node:fs";\n'],
    ["d.d.ts", 'import type { E } from "./e";\n'],
    ["e.d.ts", 'export type { D } from "./d";\n'],
  ]);
  assert.deepEqual(circles(graphOf(files)), [
    ["a.js", "b.js", "c.js", "a.js"],
    ["d.d.ts", "e.d.ts", "d.d.ts"],
  ]);
});
