// The browser (ESM, --target web) build, loaded from its bytes as a page would load it from a URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as web from "../index.web.js";

test("the web build loads with ready() and answers like the node build", async () => {
  assert.throws(() => web.nordjylland2024(), /await ready\(\) first/);
  await web.ready(readFileSync(new URL("../pkg/sundhedsaftale_wasm_bg.wasm", import.meta.url)));
  const a = web.nordjylland2024();
  assert.equal(web.statusOn(a, "2024-01-01").state, "in_force");
  assert.throws(() => web.parse("{"), (e) => e.name === "ValidationError" && e.errors[0].code === "json_syntax");
});
