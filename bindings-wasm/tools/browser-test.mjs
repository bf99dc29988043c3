// The web components in a real browser: serves the repository on
// 127.0.0.1, opens examples/web/index.html in headless Chromium (Debian's,
// driven by playwright-core) and checks what each element shows against
// what the node build of the same package answers; then, on a phone's
// screen and a desktop's, in Danish and English, that every element fits
// and reads (axe-core, pinned beside playwright-core, finds nothing serious).
// Run by scripts/browser-test.sh; screenshots go to $SCREENSHOTS.
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
import { offending } from "./danish.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const AXE = fileURLToPath(new URL("./node_modules/axe-core/axe.min.js", import.meta.url));
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

/** A page of its own at `width` px: a phone's below 600 (touch, and the page's viewport meta obeyed). */
async function pageAt(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
  const fresh = await context.newPage();
  fresh.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  fresh.on("pageerror", (error) => consoleErrors.push(String(error)));
  fresh.on("request", (request) => !request.url().startsWith(origin) && foreignRequests.push(request.url()));
  return fresh;
}

/**
 * How the element matching `selector` lies on the screen, measured in the
 * page: its box and the page's width; whether its body scrolls as a whole;
 * for every table box wide enough to scroll, whether each column can be
 * scrolled into full view beside the first (which must stay pinned at the
 * left and on top); the smallest text as rendered (an SVG's text scaled by
 * its viewBox); every chart label's text, box and overlap with its marks;
 * and the legends' texts.
 */
function layoutOf(selector) {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  const body = root.querySelector("[part~=body]");
  const box = host.getBoundingClientRect();
  const rect = (node) => node.getBoundingClientRect();
  const hidden = [];
  const tables = [];
  for (const scroller of root.querySelectorAll(".scroll")) {
    if (!scroller.checkVisibility()) continue; // inside a closed <details>
    const name = scroller.getAttribute("aria-label");
    const wide = scroller.scrollWidth > scroller.clientWidth + 1;
    tables.push({ name, wide, focusable: scroller.tabIndex === 0 });
    const row = scroller.querySelector("tbody tr");
    if (!wide || !row) continue;
    row.scrollIntoView({ block: "center", inline: "nearest" });
    const [first, ...rest] = row.children;
    rest.forEach((cell, i) => {
      // Scroll the cell to just right of the first column.
      scroller.scrollLeft += rect(cell).left - rect(first).right;
      const [c, f, s] = [rect(cell), rect(first), rect(scroller)];
      const hit = root.elementFromPoint((c.left + c.right) / 2, (c.top + c.bottom) / 2);
      const pinned = Math.abs(f.left - s.left) <= 1;
      const inView = c.left >= f.right - 1 && c.right <= s.right + 1;
      if (!pinned || !inView || !cell.contains(hit)) hidden.push(`${name}: column ${i + 2} (${row.parentElement.previousElementSibling?.rows[0]?.cells[i + 1]?.textContent})${pinned ? "" : ", the first column scrolled away"}`);
    });
    // Scrolled to its last column, the table's caption is still in view.
    const caption = scroller.querySelector("caption");
    if (caption && (rect(caption).left < rect(scroller).left - 1 || rect(caption).right > rect(scroller).right + 1)) hidden.push(`${name}: its caption`);
    scroller.scrollLeft = 0;
  }
  // Every text as rendered: HTML by its computed size, SVG text times its screen scale.
  const sizes = [];
  const words = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !parent || parent.closest("style, title") || !parent.checkVisibility()) continue;
    const size = Number.parseFloat(getComputedStyle(parent).fontSize) * (parent instanceof SVGElement ? parent.getScreenCTM().a : 1);
    sizes.push({ size, text: walker.currentNode.textContent.trim().slice(0, 40), svg: parent instanceof SVGElement });
    if (!parent.closest("pre, code")) words.push(walker.currentNode.textContent.trim());
  }
  const smallest = (list) => list.reduce((a, b) => (b.size < a.size ? b : a), { size: Infinity });
  const labels = [...root.querySelectorAll("svg[part~=chart]")].flatMap((svg) => {
    const frame = rect(svg);
    const section = svg.closest("section");
    return [...svg.querySelectorAll("g[data-geography]")].map((g) => {
      const text = g.querySelector("text");
      const t = rect(text);
      const marks = [...g.querySelectorAll("circle, line")].map(rect);
      return {
        text: text.textContent,
        name: section.querySelector(`tbody tr[data-geography="${g.dataset.geography}"] th`)?.textContent,
        inside: t.left >= frame.left - 0.5 && t.right <= frame.right + 0.5 && t.top >= frame.top - 0.5 && t.bottom <= frame.bottom + 0.5,
        clear: marks.every((m) => m.right <= t.left || m.left >= t.right || m.bottom <= t.top || m.top >= t.bottom),
      };
    });
  });
  return {
    viewport: document.documentElement.clientWidth,
    page: document.documentElement.scrollWidth,
    box: { left: box.left, right: box.right, width: box.width },
    bodyScrolls: body.scrollWidth > body.clientWidth + 1,
    tables,
    hidden,
    smallest: smallest(sizes),
    smallestInCharts: smallest(sizes.filter((s) => s.svg)),
    labels,
    legends: [...root.querySelectorAll(".legend")].map((l) => [...l.children].map((li) => li.textContent).join(" | ")),
    words: words.join(" | "),
    // A native file input words itself in the browser's language, not the element's.
    fileInputsShown: [...root.querySelectorAll("input[type=file]")].filter((i) => i.checkVisibility()).length,
  };
}

/** Asserts the element matching `selector` fits a `width`-px screen as `layoutOf` measures it, and returns the measures. */
async function fits(p, selector, width) {
  const layout = await p.evaluate(`(${layoutOf})(${JSON.stringify(selector)})`);
  assert.equal(layout.viewport, width, "the page is laid out at the screen's width (a viewport meta)");
  assert.ok(layout.page <= width, `the page is ${layout.page} px wide on a ${width} px screen`);
  assert.ok(layout.box.left >= 0 && layout.box.right <= width, `${selector} spans ${layout.box.left}–${layout.box.right} px of ${width}`);
  assert.equal(layout.bodyScrolls, false, `${selector} scrolls as a whole; only its tables should`);
  assert.deepEqual(layout.hidden, [], "every column of a scrolling table can be brought into view beside its first");
  for (const table of layout.tables.filter((t) => t.wide)) assert.ok(table.focusable, `${table.name} scrolls but a keyboard cannot reach it`);
  assert.ok(layout.smallest.size >= 11, `the text "${layout.smallest.text}" shows at ${layout.smallest.size} px`);
  for (const l of layout.labels) {
    assert.ok(l.name && l.text.startsWith(l.name), `the chart's label "${l.text}" is its place's whole name "${l.name}"`);
    assert.ok(l.inside, `the chart's label "${l.text}" is cut off at the chart's edge`);
    assert.ok(l.clear, `the chart's label "${l.text}" overlaps its dots`);
  }
  return layout;
}

/** axe-core's violations on `p`, open shadow roots included; fails on a serious or critical one, naming its rule and targets. */
async function noSeriousViolations(p, what) {
  if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.flat().join(" >> ")),
    })),
  );
  const said = (list) => list.map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`).join("\n");
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (violations.length > serious.length) console.log(`axe on ${what}, below serious:\n${said(violations.filter((v) => !serious.includes(v))).replace(/^/gm, "  ")}`);
  assert.deepEqual(serious.map((v) => v.id), [], `axe on ${what}:\n${said(serious)}`);
}

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

test("the overview shows the agreement as it stood: its history, its approvals, the amended content and the law", async () => {
  const overview = (attribute, value) => page.evaluate(([a, v]) => document.getElementById("overview").setAttribute(a, v), [attribute, value]);
  const objectives = () => inShadow("overview", (root) => root.querySelectorAll('[data-id="psykiatri"] ol li').length);
  await overview("lang", "da");
  await overview("on", "2019-05-15");
  await overview("src", "../data/midtjylland_2019.json");
  await page.waitForFunction(() => document.getElementById("overview").shadowRoot.querySelector("[part~=history]") !== null, null, { timeout: 20000 });
  const before = await inShadow("overview", (root) => ({
    heading: root.querySelector("[part~=history] h3").textContent,
    steps: [...root.querySelectorAll("[part~=history] li[data-kind]")].map((li) => li.dataset.kind),
    editions: [...root.querySelectorAll("[part~=history] li[data-edition]")].map((li) => li.dataset.edition),
    amendment: root.querySelector("[part~=history] li[data-amendment]").textContent,
    approvals: root.querySelector("[part~=approvals]").textContent,
    state: root.querySelector("[part~=status] .badge").textContent,
  }));
  assert.deepEqual(before, {
    heading: "Tilblivelse og ændringer",
    steps: ["consultation", "approval", "entry_into_force", "approval"],
    editions: ["godkendt-2019", "version-1"],
    amendment: before.amendment,
    approvals: "Godkendt af: Sundhedskoordinationsudvalget (2019-04-30)",
    state: sa.label("validity_state", "not_yet_in_force", "da"),
  });
  assert.ok(before.amendment.includes("gælder fra sin dato, efter denne dato"), before.amendment);
  assert.equal(await objectives(), 0);
  await page.locator("#overview").screenshot({ path: join(screenshots, "overview-history-da.png") });
  // After the amendment of 29 October 2019, its two objectives are part of the text.
  await overview("on", "2019-12-31");
  await page.waitForFunction(() => document.getElementById("overview").shadowRoot.querySelectorAll('[data-id="psykiatri"] ol li').length === 2, null, { timeout: 20000 });
  assert.ok((await inShadow("overview", (root) => root.querySelector("[part~=history] li[data-amendment]").textContent)).includes("indarbejdet på denne dato"));
  // From 1 January 2027 the status cites the law, in the element's language.
  await overview("lang", "en");
  await overview("on", "2027-01-01");
  await page.waitForFunction(() => document.getElementById("overview").shadowRoot.querySelector("[part~=law]") !== null, null, { timeout: 20000 });
  const law = await inShadow("overview", (root) => [root.querySelector("[part~=law]").dataset.law, root.querySelector("[part~=law]").textContent]);
  assert.equal(law[0], "L 214 (2024–25)");
  assert.ok(law[1].startsWith("Affected by law: L 214 (2024–25) ") && law[1].includes("the date is not confirmed"), law[1]);
  await page.locator("#overview").screenshot({ path: join(screenshots, "overview-law-en.png") });
  await page.evaluate(() => document.getElementById("overview").removeAttribute("on"));
  await overview("src", "../data/syddanmark_2019.json");
  const title = JSON.parse(readFileSync(join(repo, "examples/data/syddanmark_2019.json"), "utf8")).title;
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

test("the README's page of seven lines shows the embedded agreement in the page's language, fits a phone and passes axe", async () => {
  assert.equal(readmePage().trimEnd().split("\n").length, 7);
  const readme = await pageAt(390);
  const errors = [];
  readme.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  readme.on("pageerror", (error) => errors.push(String(error)));
  await readme.goto(`${origin}/readme/index.html`);
  const headings = () => readme.evaluate(() => [...document.querySelector("sundhedsaftale-overview").shadowRoot.querySelectorAll("h3")].map((h) => h.textContent));
  await readme.waitForFunction(() => document.querySelector("sundhedsaftale-overview")?.shadowRoot?.querySelector("h2") !== null, null, { timeout: 20000 });
  assert.equal(await readme.evaluate(() => document.querySelector("sundhedsaftale-overview").shadowRoot.querySelector("h2").textContent), doc.title);
  assert.ok((await headings()).includes("Pejlemærker"), "Danish, as <html lang> says");
  await fits(readme, "sundhedsaftale-overview", 390);
  await noSeriousViolations(readme, "the README's page");
  // The page switches to English: the element follows its <html lang>.
  await readme.evaluate(() => (document.documentElement.lang = "en"));
  await readme.waitForFunction(() => [...document.querySelector("sundhedsaftale-overview").shadowRoot.querySelectorAll("h3")].some((h) => h.textContent === "Focus areas"));
  assert.ok(!(await headings()).includes("Pejlemærker"));
  assert.deepEqual(errors, []);
  await readme.context().close();
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

/** A heading each element shows in each language, once it has rendered in it. */
const HEADINGS = {
  da: { overview: "Pejlemærker", calendar: "Opfølgningskalender", "follow-up": "Opfølgning 2024", validator: "Validering af en sundhedsaftale" },
  en: { overview: "Focus areas", calendar: "Follow-up calendar", "follow-up": "Follow-up 2024", validator: "Validating a health agreement" },
};
/** What the chart's legend must say of its dots, in each language. */
const LEGEND = { da: [/Åben prik/, /Fyldt prik/], en: [/Open dot/, /Filled dot/] };

/**
 * The example page at `width` px in `lang`, set on <html> and inherited by
 * every element (the calendar's own lang removed); the validator holds a
 * shared invalid vector, so it lists problems.
 */
async function examplePage(width, lang) {
  const p = await pageAt(width);
  await p.goto(`${origin}/examples/web/index.html`);
  const [, vector] = vectors("invalid").find(([name]) => name.startsWith("013-"));
  await p.evaluate(
    ([lang, text]) => {
      document.documentElement.lang = lang;
      document.getElementById("calendar").removeAttribute("lang");
      document.getElementById("validator").value = text;
    },
    [lang, documentText(vector)],
  );
  await p.waitForFunction(
    (headings) =>
      Object.entries(headings).every(([id, heading]) => [...(document.getElementById(id).shadowRoot?.querySelectorAll("h2, h3") ?? [])].some((h) => h.textContent === heading)) &&
      document.getElementById("follow-up").shadowRoot.querySelector("svg[part~=chart]") !== null &&
      document.getElementById("validator").shadowRoot.querySelector("li[data-code]") !== null,
    HEADINGS[lang],
    { timeout: 30000 },
  );
  return p;
}

for (const width of [390, 1280]) {
  for (const lang of ["da", "en"]) {
    test(`at ${width} px in ${lang}, every element fits the screen, its tables scroll inside it with the first column in view, its text is at least 11 px, and axe finds nothing serious`, async (t) => {
      const p = await examplePage(width, lang);
      for (const id of Object.keys(HEADINGS[lang])) {
        await t.test(id, async () => {
          assert.equal(await p.evaluate((id) => document.getElementById(id).shadowRoot.querySelector("[part~=body]").lang, id), lang);
          const layout = await fits(p, `#${id}`, width);
          t.diagnostic(
            `${id} ${lang} ${width}: box ${Math.round(layout.box.width)} px, page ${layout.page} px, tables scrolling ${layout.tables.filter((t) => t.wide).length}/${layout.tables.length}, smallest text ${layout.smallest.size} px` +
              (layout.labels.length ? `, smallest chart text ${layout.smallestInCharts.size} px` : ""),
          );
          // Danish holds no English and no codes where words belong, by the rules every suite shares.
          if (lang === "da") assert.deepEqual(offending(layout.words.split(" | ")), [], "Danish holds no English");
          if (lang === "en") assert.ok(offending(layout.words.split(" | ")).length > 0, "the check bites on English");
          assert.equal(layout.fileInputsShown, 0);
          if (id === "follow-up") {
            assert.ok(layout.labels.some((l) => l.text === "Vesthimmerland Kommune"), "the longest municipality's name is in the chart");
            assert.ok(layout.smallestInCharts.size >= 11);
            assert.ok(layout.legends.length > 0, "every chart has a legend");
            for (const legend of layout.legends) {
              for (const said of LEGEND[lang]) assert.match(legend, said);
              if (lang === "da") assert.deepEqual(offending([legend]), [], "the Danish legend holds no English");
            }
          }
          await p.locator(`#${id}`).screenshot({ path: join(screenshots, `${id}-${lang}-${width}.png`) });
        });
      }
      await noSeriousViolations(p, `the example page at ${width} px in ${lang}`);
      await p.context().close();
    });
  }
}

test("at 360 px, the narrowest phone the issue names, every element fits in both languages as at 390", async () => {
  for (const lang of ["da", "en"]) {
    const p = await examplePage(360, lang);
    for (const id of Object.keys(HEADINGS[lang])) await fits(p, `#${id}`, 360);
    await p.context().close();
  }
});

test("an element without lang speaks its nearest ancestor's language, its own lang wins, and both may change", async () => {
  const p = await pageAt(1280);
  await p.goto(`${origin}/examples/web/index.html`);
  const speaks = (langs) => p.waitForFunction((langs) => ["overview", "calendar", "validator"].every((id, i) => document.getElementById(id).shadowRoot?.querySelector("[part~=body]")?.lang === langs[i]), langs, { timeout: 20000 });
  await speaks(["da", "en", "da"]);
  // A section around the overview and the validator says English: they follow it, the calendar keeps its own.
  await p.evaluate(() => {
    const section = document.createElement("section");
    section.lang = "en-GB";
    document.getElementById("overview").before(section);
    section.append(document.getElementById("overview"), document.getElementById("validator"));
    document.getElementById("calendar").lang = "da";
  });
  await speaks(["en", "da", "en"]);
  await p.waitForFunction(() => [...document.getElementById("overview").shadowRoot.querySelectorAll("h3")].some((h) => h.textContent === "Focus areas"));
  assert.equal(await p.evaluate(() => document.getElementById("validator").shadowRoot.querySelector("h2").textContent), HEADINGS.en.validator);
  // The section's language changes to one the elements do not speak: Danish, the default.
  await p.evaluate(() => document.querySelector("section[lang]").setAttribute("lang", "de"));
  await speaks(["da", "da", "da"]);
  await p.context().close();
});

test("a chart is drawn again at its new width when the screen narrows, its text still 11 px or more", async () => {
  const p = await pageAt(1280);
  await p.goto(`${origin}/examples/web/index.html`);
  const drawn = () => p.evaluate(() => Number(document.getElementById("follow-up").shadowRoot.querySelector("svg[part~=chart]")?.getAttribute("width")));
  await p.waitForFunction(() => document.getElementById("follow-up").shadowRoot.querySelector("svg[part~=chart]") !== null, null, { timeout: 20000 });
  const wide = await drawn();
  await p.setViewportSize({ width: 390, height: 900 });
  await p.waitForFunction((wide) => Number(document.getElementById("follow-up").shadowRoot.querySelector("svg[part~=chart]").getAttribute("width")) < wide, wide, { timeout: 20000 });
  const layout = await fits(p, "#follow-up", 390);
  assert.ok((await drawn()) <= 390, `drawn ${await drawn()} px wide`);
  assert.ok(layout.smallestInCharts.size >= 11, `chart text at ${layout.smallestInCharts.size} px`);
  await p.context().close();
});

test("no console error occurred and nothing was fetched from elsewhere", () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
