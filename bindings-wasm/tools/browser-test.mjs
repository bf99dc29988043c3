// The web components in a real browser: serves the repository on
// 127.0.0.1, opens examples/web/index.html in headless Chromium (Debian's,
// driven by playwright-core) and checks what each element shows against
// what the node build of the same package answers. Run by
// scripts/browser-test.sh; screenshots go to $SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as sa from "../js/index.node.js";
import { documentText, keys, vectors } from "../js/test/vectors.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const screenshots = process.env.SCREENSHOTS ?? join(repo, "target", "screenshots");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

/** The README's page: its html block, as printed. */
function readmePage() {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  return blocks[0];
}

let server;
let origin;
let browser;
let page;
const consoleErrors = [];
const foreignRequests = [];

before(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    // The README's page names no icon; the browser asks for one anyway.
    if (path.endsWith("/favicon.ico")) return response.writeHead(204).end();
    try {
      // /readme/ is a site holding the README's page and the package in node_modules.
      const body =
        path === "/readme/index.html"
          ? readmePage()
          : path.startsWith("/readme/node_modules/sundhedsaftale/")
            ? await readFile(join(repo, "bindings-wasm/js", path.slice("/readme/node_modules/sundhedsaftale/".length)))
            : await readFile(join(repo, path));
      response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => !request.url().startsWith(origin) && foreignRequests.push(request.url()));
  await page.goto(`${origin}/examples/web/index.html`);
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Waits until element `id` has rendered (its shadow root holds an h2). */
async function rendered(id) {
  await page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector("h2, [role=alert]") !== null, id, { timeout: 20000 });
  assert.equal(await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector("[role=alert]")?.textContent ?? null, id), null, `${id} shows an error`);
}

/** Runs `query(shadowRoot)` in the page for element `id`. */
const inShadow = (id, query, arg) =>
  page.evaluate(([id, source, arg]) => new Function("root", "arg", `return (${source})(root, arg)`)(document.getElementById(id).shadowRoot, arg), [id, query.toString(), arg]);

const agreement = sa.openNordjylland2024();
const doc = agreement.toJSON();

test("the overview shows the title, status, vision, focus areas, parties and clusters on its date", async () => {
  await rendered("overview");
  const shown = await inShadow("overview", (root) => ({
    title: root.querySelector("h2").textContent,
    status: root.querySelector("[part~=status] .badge").dataset.status,
    statusText: root.querySelector("[part~=status] .badge").textContent,
    vision: root.querySelector("blockquote").textContent,
    areas: [...root.querySelectorAll("details > summary")].map((s) => s.textContent),
    objectives: [...root.querySelectorAll("details ol")].map((o) => o.children.length),
    parties: [...root.querySelectorAll("ul[data-role=party] li")].map((li) => li.dataset.id),
    clusters: [...root.querySelectorAll("[part~=clusters] tbody tr")].map((tr) => tr.dataset.id),
    headings: [...root.querySelectorAll("h3")].map((h) => h.textContent),
  }));
  assert.equal(shown.title, doc.title);
  assert.equal(shown.status, agreement.statusOn("2024-06-01").state);
  assert.equal(shown.statusText, sa.label("validity_state", shown.status, "da"));
  assert.equal(shown.vision, doc.vision.text);
  assert.deepEqual(shown.areas, doc.focus_areas.map((f) => f.name));
  assert.deepEqual(shown.objectives, doc.focus_areas.map((f) => f.objectives.length));
  assert.deepEqual(shown.parties, agreement.partiesOn("2024-06-01").map((o) => o.id));
  assert.deepEqual(shown.clusters, agreement.clustersOn("2024-06-01").map((c) => c.id));
  assert.ok(shown.headings.includes("Pejlemærker"), "Danish by default");
  await page.locator("#overview").screenshot({ path: join(screenshots, "overview.png") });
});

test("the calendar (lang=en) marks due and overdue entries", async () => {
  await rendered("calendar");
  const rows = await inShadow("calendar", (root) =>
    [...root.querySelectorAll("tbody tr")].map((tr) => [tr.dataset.requirement, tr.dataset.due, tr.querySelector(".badge").textContent, tr.children[1].textContent]),
  );
  const expected = agreement.calendar("2026-11-24");
  const requirements = new Map(doc.follow_up.requirements.map((r) => [r.id, r]));
  const responsible = (id) =>
    [...(requirements.get(id).responsible_bodies ?? []).map((b) => agreement.body(b).name), ...(requirements.get(id).responsible_clusters ?? []).map((c) => agreement.cluster(c).name)].join(", ");
  assert.deepEqual(rows, expected.map((e) => [e.requirement, e.status, sa.label("due_status", e.status, "en"), responsible(e.requirement)]));
  assert.ok(rows.some(([, status]) => status === "overdue") && rows.some(([, status]) => status === "due_next"));
  assert.equal(await inShadow("calendar", (root) => root.querySelector("h2").textContent), "Follow-up calendar");
  await page.locator("#calendar").screenshot({ path: join(screenshots, "calendar.png") });
});

test("the follow-up shows every row from the observations URL, labelled, with a chart per indicator", async () => {
  await rendered("follow-up");
  const csv = readFileSync(join(repo, "tests/observations/synthetic-readmissions.csv"), "utf8");
  const result = agreement.followUp(2024, { observations: csv });
  const shown = await inShadow("follow-up", (root) =>
    [...root.querySelectorAll("section[data-indicator]")].map((s) => ({
      indicator: s.dataset.indicator,
      rows: [...s.querySelectorAll("tbody tr")].map((tr) => [
        tr.dataset.geography,
        tr.querySelector("td.status").textContent,
        tr.querySelector("td.status").dataset.notScored ?? tr.querySelector("td.status").dataset.hidden ?? null,
        tr.querySelector("td.coverage").textContent,
      ]),
      chart: s.querySelector("svg[role=img]")?.querySelectorAll("g[data-geography]").length ?? 0,
    })),
  );
  const expected = [...new Set(result.rows.map((r) => r.indicator))].map((indicator) => {
    const rows = result.rows.filter((r) => r.indicator === indicator);
    return {
      indicator,
      // A partial aggregate (the country from 11 of 98 municipalities) says it is not scored, and how much it covers.
      rows: rows.map((r) => [
        r.geography,
        // A hidden value says why it is hidden, not merely that no status is available.
        r.hidden ? sa.label("hidden_kind", r.hidden.kind, "da") : r.not_scored ? sa.label("not_scored", r.not_scored, "da") : sa.label("status", r.status, "da"),
        r.not_scored ?? r.hidden?.kind ?? null,
        r.coverage == null ? "–" : `${Math.round(r.coverage * 100)} %`,
      ]),
      chart: rows.filter((r) => r.baseline_value != null && r.latest_value != null).length,
    };
  });
  assert.deepEqual(shown, expected);
  assert.ok(shown.some((s) => s.chart > 0), "at least one indicator has a chart");
  assert.ok(
    shown.some((s) => s.rows.some(([place, , notScored]) => place === "country:DK" && notScored === "partial_coverage")),
    "the national row built from one region is shown but not scored",
  );
  assert.ok(
    shown.some((s) => s.rows.some(([place, status, why]) => place === "municipality:825" && why === "small_count" && status === "skjult: lille antal")),
    "Læsø's small count says it is hidden, in Danish",
  );
  // The roll-up: per scored place, each focus area's status and the overall one.
  const rollUp = await inShadow("follow-up", (root) =>
    [...root.querySelectorAll("[part~=roll-up] tbody tr")].map((tr) => [
      tr.dataset.geography,
      [...tr.querySelectorAll("td")].map((td) => [td.dataset.focusArea, td.querySelector(".badge")?.dataset.status ?? null]),
    ]),
  );
  const scored = [...new Set(result.roll_ups.filter((r) => r.scored > 0).map((r) => r.geography))];
  assert.deepEqual(
    rollUp,
    scored.map((place) => [
      place,
      [...doc.focus_areas.map((f) => f.id), ""].map((area) => [
        area,
        result.roll_ups.find((r) => (r.focus_area ?? "") === area && r.geography === place)?.status ?? null,
      ]),
    ]),
  );
  await page.locator("#follow-up").screenshot({ path: join(screenshots, "follow-up.png") });
});

test("the validator shows the exact codes and paths of a shared invalid vector, and marks them in the document", async () => {
  await rendered("validator");
  const [, vector] = vectors("invalid").find(([name]) => name.startsWith("013-"));
  const text = documentText(vector);
  await page.evaluate((text) => (document.getElementById("validator").value = text), text);
  const shown = await inShadow("validator", (root) =>
    [...root.querySelectorAll("li[data-code]")].map((li) => ({
      key: [li.dataset.code, li.dataset.path, li.dataset.severity].join(" "),
      line: li.dataset.line,
      marked: root.querySelector(`pre mark[data-line="${li.dataset.line}"]`) !== null,
    })),
  );
  const expected = keys(sa.validate(text));
  assert.deepEqual(shown.map((s) => s.key).sort(), expected);
  for (const e of vector.expected) assert.ok(expected.includes([e.code, e.path, e.severity].join(" ")), `${e.code} at ${e.path}`);
  assert.ok(shown.every((s) => s.marked), "every problem's line is marked");
  // Keyboard: Enter on a problem makes its place the current mark.
  await page.locator("#validator").locator("li[data-code]").first().press("Enter");
  assert.equal(await inShadow("validator", (root) => root.querySelectorAll("pre mark.current").length), 1);
  assert.match(await inShadow("validator", (root) => root.querySelector("#summary").textContent), /fejl/);
  await page.locator("#validator").screenshot({ path: join(screenshots, "validator.png") });
  // A syntax error is marked at the line the parser reported.
  await page.evaluate(() => (document.getElementById("validator").value = '{\n  "schema_version": 1,\n  "id": }'));
  const syntax = await inShadow("validator", (root) => [...root.querySelectorAll("li[data-code]")].map((li) => [li.dataset.code, li.dataset.path, li.dataset.line]));
  assert.deepEqual(syntax, [["json_syntax", "", "3"]]);
});

test('lang="en" switches every label, and src shows another region\'s agreement', async () => {
  await page.evaluate(() => document.getElementById("overview").setAttribute("lang", "en"));
  await page.waitForFunction(() => [...document.getElementById("overview").shadowRoot.querySelectorAll("h3")].some((h) => h.textContent === "Focus areas"));
  const english = await inShadow("overview", (root) => ({
    headings: [...root.querySelectorAll("h3")].map((h) => h.textContent),
    status: root.querySelector("[part~=status] .badge").textContent,
    roles: [...root.querySelectorAll("[part~=parties] h4")].map((h) => h.textContent),
  }));
  assert.ok(english.headings.includes("Focus areas") && !english.headings.includes("Pejlemærker"));
  assert.equal(english.status, sa.label("validity_state", "in_force", "en"));
  assert.deepEqual(english.roles, ["party", "bound_non_party", "covered_non_party"].map((r) => sa.label("agreement_role", r, "en")));
  await page.locator("#overview").screenshot({ path: join(screenshots, "overview-en.png") });

  await page.evaluate(() => document.getElementById("overview").setAttribute("src", "../data/syddanmark_2019.json"));
  const title = JSON.parse(readFileSync(join(repo, "examples/data/syddanmark_2019.json"), "utf8")).title;
  await page.waitForFunction((title) => document.getElementById("overview").shadowRoot.querySelector("h2")?.textContent === title, title, { timeout: 20000 });
  // A document that does not parse is shown as an alert listing its problems.
  await page.evaluate(() => document.getElementById("overview").setAttribute("src", "../data/syddanmark_2019_synthetic.csv"));
  await page.waitForFunction(() => document.getElementById("overview").shadowRoot.querySelector("[role=alert]") !== null, null, { timeout: 20000 });
  assert.deepEqual(await inShadow("overview", (root) => [...root.querySelectorAll("[role=alert] li code")].map((c) => c.textContent)), ["json_syntax", "/"]);
  await page.evaluate(() => document.getElementById("overview").setAttribute("src", "../data/syddanmark_2019.json"));
  await page.waitForFunction((title) => document.getElementById("overview").shadowRoot.querySelector("h2")?.textContent === title, title, { timeout: 20000 });
});

test("the agreement and observations properties take data from the page", async () => {
  const syddanmarkText = readFileSync(join(repo, "examples/data/syddanmark_2019.json"), "utf8");
  await page.evaluate((text) => (document.getElementById("calendar").agreement = JSON.parse(text)), syddanmarkText);
  const syddanmark = sa.parse(syddanmarkText);
  const expected = syddanmark.calendar("2026-11-24").map((e) => [e.requirement, e.status]);
  await page.waitForFunction(
    (expected) =>
      JSON.stringify([...document.getElementById("calendar").shadowRoot.querySelectorAll("tbody tr")].map((tr) => [tr.dataset.requirement, tr.dataset.due])) ===
      JSON.stringify(expected),
    expected,
    { timeout: 20000 },
  );
  // Observations as data: one municipality's two years.
  const observations = [
    { indicator: "genindlaeggelser-30-dage", geography: "municipality:851", period: "2022", numerator: 10, denominator: 100 },
    { indicator: "genindlaeggelser-30-dage", geography: "municipality:851", period: "2024", numerator: 8, denominator: 100 },
  ];
  await page.evaluate((observations) => (document.getElementById("follow-up").observations = observations), observations);
  const row = agreement.followUp(2024, { observations }).rows.find((r) => r.geography === "municipality:851");
  await page.waitForFunction(
    (status) => document.getElementById("follow-up").shadowRoot.querySelector('section[data-indicator="genindlaeggelser-30-dage"] tr[data-geography="municipality:851"] .badge')?.textContent === status,
    sa.label("status", row.status, "da"),
    { timeout: 20000 },
  );
  // A published table dropped as a file: JSON-stat bytes and their mapping, as node answers them.
  const vector = JSON.parse(readFileSync(join(repo, "tests/published/003-jsonstat.json"), "utf8"));
  const bytes = readFileSync(join(repo, vector.file));
  const aalborg = agreement
    .followUp(2024, { observations: bytes, format: "jsonstat", mapping: vector.mapping })
    .rows.find((r) => r.geography === "municipality:851" && Object.keys(r.stratum ?? {}).length === 0);
  await page.evaluate(
    async ([file, mapping]) => {
      const element = document.getElementById("follow-up");
      element.setAttribute("format", "jsonstat");
      element.mapping = mapping;
      element.observations = await (await fetch(`/${file}`)).arrayBuffer();
    },
    [vector.file, vector.mapping],
  );
  await page.waitForFunction(
    (status) =>
      [...document.getElementById("follow-up").shadowRoot.querySelectorAll('section[data-indicator="genindlaeggelser-30-dage"] tr[data-geography="municipality:851"] .badge')].some(
        (b) => b.textContent === status,
      ),
    sa.label("status", aalborg.status, "da"),
    { timeout: 20000 },
  );
  // The same table as a workbook: the Excel module is fetched now, not before, and gives the same rows.
  const before = await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("sundhedsaftale_wasm_excel_bg.wasm")));
  assert.equal(before, false, "the Excel module was fetched before any workbook was read");
  const workbook = JSON.parse(readFileSync(join(repo, "tests/published/004-xlsx.json"), "utf8"));
  await page.evaluate(
    async ([file, mapping]) => {
      const element = document.getElementById("follow-up");
      element.setAttribute("format", "xlsx");
      element.mapping = mapping;
      element.observations = await (await fetch(`/${file}`)).arrayBuffer();
      await element.refresh();
    },
    [workbook.file, workbook.mapping],
  );
  await page.waitForFunction(
    (status) =>
      [...document.getElementById("follow-up").shadowRoot.querySelectorAll('section[data-indicator="genindlaeggelser-30-dage"] tr[data-geography="municipality:851"] .badge')].some(
        (b) => b.textContent === status,
      ) && performance.getEntriesByType("resource").some((r) => r.name.endsWith("sundhedsaftale_wasm_excel_bg.wasm")),
    sa.label("status", aalborg.status, "da"),
    { timeout: 20000 },
  );
});

test("the wrong-type table runs in the page: every call throws what it should, naming the argument, and the module never restarts", async () => {
  const run = await page.evaluate(async () => {
    const sa = await import("/bindings-wasm/js/index.web.js");
    const { runTable } = await import("/bindings-wasm/js/test/argument-table.mjs");
    return runTable(sa);
  });
  assert.deepEqual(run.specified, run.enumerated);
  assert.deepEqual(run.failures, []);
  assert.equal(run.restarts, 0);
  assert.ok(run.stillOpen);
  assert.ok(run.calls > 900, `only ${run.calls} calls`);
});

test("after a wrong call from the page's script, and after a restart of the module, the elements keep working", async () => {
  // The page's own script: the calls from the issue, on the agreement an element shows.
  const calls = await page.evaluate(async () => {
    const sa = await import("/bindings-wasm/js/index.web.js");
    const shown = document.getElementById("follow-up").agreement;
    const outcome = (f) => {
      try {
        return `ok ${JSON.stringify(f()).slice(0, 40)}`;
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    };
    return {
      today: outcome(() => shown.statusOn(new Date()).on),
      number: outcome(() => shown.statusOn(5)),
      calendar: outcome(() => shown.calendar(null)),
      restarts: sa.moduleRestarts(),
    };
  });
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  assert.equal(calls.today, `ok "${today}"`);
  assert.equal(calls.number, "TypeError: sundhedsaftale: `on` must be a Date or a YYYY-MM-DD string, not the number 5");
  assert.equal(calls.calendar, "TypeError: sundhedsaftale: `on` must be a Date or a YYYY-MM-DD string, not null");
  assert.equal(calls.restarts, 0);

  // No argument traps the module any more; a document that exhausts its
  // memory still does, and the module restarts: every agreement parsed
  // before is lost with the old instance, the page's own objects say so.
  const restart = await page.evaluate(async () => {
    const sa = await import("/bindings-wasm/js/index.web.js");
    const shown = document.getElementById("follow-up").agreement;
    const big = '{"schema_version": 1, "organisations": [' + "0,".repeat(7_000_000) + "0]}";
    let trapped = null;
    try {
      sa.parse(big);
    } catch (e) {
      trapped = e.message;
    }
    let lost = null;
    try {
      shown.statusOn("2024-06-01");
    } catch (e) {
      lost = e.message;
    }
    return { trapped, lost, restarts: sa.moduleRestarts() };
  });
  assert.match(restart.trapped, /was restarted; later calls work/);
  assert.match(restart.lost, /lost when the module restarted/);
  assert.equal(restart.restarts, 1);

  // Each element parses its agreement again from its own source: the
  // overview from its `src`, the calendar from its `agreement` property (data
  // given by the page), the follow-up from the embedded default.
  const syddanmarkText = readFileSync(join(repo, "examples/data/syddanmark_2019.json"), "utf8");
  const syddanmark = sa.parse(syddanmarkText);
  await page.evaluate(() => {
    document.getElementById("overview").setAttribute("on", "2021-06-01");
    document.getElementById("calendar").on = new Date(2026, 10, 25);
    document.getElementById("follow-up").refresh();
  });
  await page.waitForFunction(
    (on) => document.getElementById("overview").shadowRoot.querySelector("[part~=status] time")?.textContent === on,
    "2021-06-01",
    { timeout: 20000 },
  );
  await page.waitForFunction(
    (on) => document.getElementById("calendar").shadowRoot.querySelector("[part=summary] time")?.textContent === on,
    "2026-11-25",
    { timeout: 20000 },
  );
  for (const id of ["overview", "calendar", "follow-up"]) await rendered(id);
  const overview = await inShadow("overview", (root) => ({
    title: root.querySelector("h2").textContent,
    status: root.querySelector("[part~=status] .badge").dataset.status,
  }));
  assert.deepEqual(overview, { title: syddanmark.title, status: syddanmark.statusOn("2021-06-01").state });
  const calendarRows = await inShadow("calendar", (root) => [...root.querySelectorAll("tbody tr")].map((tr) => [tr.dataset.requirement, tr.dataset.due]));
  assert.deepEqual(calendarRows, syddanmark.calendar("2026-11-25").map((e) => [e.requirement, e.status]));
  const followUpSections = await inShadow("follow-up", (root) => root.querySelectorAll("section[data-indicator]").length);
  assert.ok(followUpSections > 0);
  // The page's own lost object is left as it is; the elements hold new ones that answer.
  const answers = await page.evaluate(() => ["overview", "calendar", "follow-up"].map((id) => document.getElementById(id).agreement.statusOn("2024-06-01").state));
  assert.deepEqual(answers, [syddanmark.statusOn("2024-06-01").state, syddanmark.statusOn("2024-06-01").state, agreement.statusOn("2024-06-01").state]);
  await page.locator("#overview").screenshot({ path: join(screenshots, "overview-after-restart.png") });
});

test("the README's page of three lines shows the embedded agreement", async () => {
  assert.equal(readmePage().trimEnd().split("\n").length, 3);
  const readme = await browser.newPage();
  const errors = [];
  readme.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  readme.on("pageerror", (error) => errors.push(String(error)));
  await readme.goto(`${origin}/readme/index.html`);
  await readme.waitForFunction(() => document.querySelector("sundhedsaftale-overview")?.shadowRoot?.querySelector("h2") !== null, null, { timeout: 20000 });
  const shown = await readme.evaluate(() => {
    const root = document.querySelector("sundhedsaftale-overview").shadowRoot;
    return { title: root.querySelector("h2").textContent, headings: [...root.querySelectorAll("h3")].map((h) => h.textContent) };
  });
  assert.equal(shown.title, doc.title);
  assert.ok(shown.headings.includes("Focus areas"));
  assert.deepEqual(errors, []);
  await readme.close();
});

test("every status badge's text contrasts with its colour by at least 4.5:1 (WCAG AA)", async () => {
  // Every code a badge may show, each as a badge in an element's own styles.
  const kinds = ["status", "due_status", "validity_state", "finding_status"];
  const codes = [...sa.labels().filter((l) => kinds.includes(l.kind)).map((l) => l.code), "error", "warning"];
  const pairs = await page.evaluate((codes) => {
    const body = document.getElementById("overview").shadowRoot.querySelector("[part=body]");
    const badges = codes.map((code) => {
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.dataset.status = code;
      badge.textContent = code;
      body.append(badge);
      return badge;
    });
    const pairs = badges.map((b) => [b.dataset.status, getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    badges.forEach((b) => b.remove());
    return pairs;
  }, codes);
  const luminance = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  assert.equal(pairs.length, codes.length);
  for (const [status, color, background] of pairs) {
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    assert.ok((light + 0.05) / (dark + 0.05) >= 4.5, `${status}: ${color} on ${background}`);
  }
});

test("no console error occurred and nothing was fetched from elsewhere", () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
