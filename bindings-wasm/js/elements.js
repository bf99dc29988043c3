// Web components over the package: one script tag defines all four.
//
//   <script type="module" src="…/sundhedsaftale/elements.js"></script>
//   <sundhedsaftale-overview lang="en"></sundhedsaftale-overview>
//
// Each element works from the embedded North Jutland agreement unless given
// a `src` URL (or an `agreement` property), renders into its shadow root with
// semantic HTML, and is themed through CSS custom properties (`--sa-…`) and
// `::part(…)`. Nothing is fetched but the package's own files and the URLs a
// page gives. Document texts are inserted as text nodes, never as markup.
import {
  ParsedAgreement,
  ValidationError,
  label,
  loadExcel,
  openNordjylland2024,
  parse,
  ready,
  validate,
} from "./index.web.js";
import { RENEW } from "./native.js";

/** Texts of the elements themselves, in Danish and English (codes are labelled by `label`). */
const TEXT = {
  da: {
    loading: "Indlæser …",
    failed: "Kunne ikke vise sundhedsaftalen",
    statusOn: "Status pr.",
    affectedByLaw: "Berørt af lov",
    lawEnds: "afskaffer sundhedsaftaler i deres nuværende form, sandsynligvis fra",
    dateConfirmed: (yes) => (yes ? "datoen er bekræftet" : "datoen er ikke bekræftet"),
    regionCeased: (name, last, successor) => `${name} findes ikke længere: regionen fandtes til og med ${last}, og dens kommuner hører nu under ${successor}.`,
    approvedBy: "Godkendt af",
    awaiting: (n) => `Afventer godkendelse fra ${n} ${n === 1 ? "part" : "parter"}`,
    history: "Tilblivelse og ændringer",
    edition: "Udgave",
    annex: "Bilag",
    amendment: "Ændring",
    dateUnknown: "dato ukendt",
    applied: "indarbejdet på denne dato",
    notYetApplied: "gælder fra sin dato, efter denne dato",
    decidedBy: "Afgjort af",
    nominalPeriod: "Nominel periode slutter",
    vision: "Vision",
    focusAreas: "Pejlemærker",
    objectives: "Målsætninger",
    keyFigures: "Nøgletal",
    figure: "Nøgletal",
    value: "Værdi",
    year: "År",
    partiesAndRoles: "Parter og roller",
    noParties: "Ingen parter på denne dato: aftalen binder ikke.",
    clusters: "Klynger",
    cluster: "Klynge",
    municipalities: "Kommuner",
    hospital: "Sygehus",
    noClusters: "Ingen klynger på denne dato.",
    calendar: "Opfølgningskalender",
    requirement: "Krav",
    responsible: "Ansvarlig",
    agreementText: "Aftalens tekst",
    kind: "Type",
    due: "Frist",
    basis: "Grundlag",
    status: "Status",
    overdueCount: (n) => `${n} overskredne`,
    nextDue: "Næste frist",
    followUp: "Opfølgning",
    place: "Sted",
    stratum: "Gruppe",
    baseline: "Udgangspunkt",
    latest: "Seneste",
    target: "Mål",
    score: "Score",
    coverage: "Dækning",
    total: "I alt",
    chartOf: (name) => `Udvikling fra udgangspunkt til seneste værdi for ${name}`,
    legend: "Sådan læses figuren",
    legendBaseline: "Åben prik: udgangspunktet",
    legendLatest: "Fyldt prik: seneste værdi, farvet efter status",
    legendTarget: "Lodret streg: målet",
    noValues: "Ingen værdier at vise.",
    withoutData: (n) => `${n} indikatorer uden data for året`,
    rollUp: "Samlet status pr. sted og pejlemærke (score fra −5 til 5)",
    allAreas: "Alle pejlemærker",
    leftOut: "Udeladt",
    validator: "Validering af en sundhedsaftale",
    document: "Dokument (JSON)",
    dropHint: "Indsæt teksten, slip en fil her, eller vælg en fil.",
    chooseFile: "Vælg fil",
    check: "Tjek",
    noProblems: "Ingen problemer fundet.",
    counts: (e, w) => `${e} ${e === 1 ? "fejl" : "fejl"} og ${w} ${w === 1 ? "advarsel" : "advarsler"}`,
    error: "fejl",
    warning: "advarsel",
    code: "Kode",
    path: "Sti",
    message: "Meddelelse",
    source: "Dokumentet med de berørte steder markeret",
    empty: "Intet dokument endnu.",
  },
  en: {
    loading: "Loading …",
    failed: "Could not show the health agreement",
    statusOn: "Status on",
    affectedByLaw: "Affected by law",
    lawEnds: "ends the health agreements in their current form, likely from",
    dateConfirmed: (yes) => (yes ? "the date is confirmed" : "the date is not confirmed"),
    regionCeased: (name, last, successor) => `${name} no longer exists: the region existed until ${last}, and its municipalities now belong to ${successor}.`,
    approvedBy: "Approved by",
    awaiting: (n) => `Awaiting approval by ${n} ${n === 1 ? "party" : "parties"}`,
    history: "History",
    edition: "Edition",
    annex: "Annex",
    amendment: "Amendment",
    dateUnknown: "date not known",
    applied: "applied on this date",
    notYetApplied: "applies from its date, after this date",
    decidedBy: "Decided by",
    nominalPeriod: "Nominal period ends",
    vision: "Vision",
    focusAreas: "Focus areas",
    objectives: "Objectives",
    keyFigures: "Key figures",
    figure: "Key figure",
    value: "Value",
    year: "Year",
    partiesAndRoles: "Parties and roles",
    noParties: "No parties on this date: the agreement does not bind.",
    clusters: "Clusters",
    cluster: "Cluster",
    municipalities: "Municipalities",
    hospital: "Hospital",
    noClusters: "No clusters on this date.",
    calendar: "Follow-up calendar",
    requirement: "Requirement",
    responsible: "Responsible",
    agreementText: "The agreement's text",
    kind: "Kind",
    due: "Due",
    basis: "Basis",
    status: "Status",
    overdueCount: (n) => `${n} overdue`,
    nextDue: "Next due",
    followUp: "Follow-up",
    place: "Place",
    stratum: "Group",
    baseline: "Baseline",
    latest: "Latest",
    target: "Target",
    score: "Score",
    coverage: "Coverage",
    total: "Total",
    chartOf: (name) => `Change from baseline to latest value for ${name}`,
    legend: "How to read the chart",
    legendBaseline: "Open dot: the baseline",
    legendLatest: "Filled dot: the latest value, coloured by status",
    legendTarget: "Vertical line: the target",
    noValues: "No values to show.",
    withoutData: (n) => `${n} indicators without data for the year`,
    rollUp: "Overall status per place and focus area (score from −5 to 5)",
    allAreas: "All focus areas",
    leftOut: "Left out",
    validator: "Validating a health agreement",
    document: "Document (JSON)",
    dropHint: "Paste the text, drop a file here, or choose a file.",
    chooseFile: "Choose file",
    check: "Check",
    noProblems: "No problems found.",
    counts: (e, w) => `${e} ${e === 1 ? "error" : "errors"} and ${w} ${w === 1 ? "warning" : "warnings"}`,
    error: "error",
    warning: "warning",
    code: "Code",
    path: "Path",
    message: "Message",
    source: "The document with the affected places marked",
    empty: "No document yet.",
  },
};

/** The chart's text size in pixels, as shown: at least 11 px on a phone too. */
const CHART_FONT = 12;

/** The styles every element shares; `--sa-*` properties theme them. */
const STYLE = `
:host { display: block; font: var(--sa-font, 1rem/1.45 system-ui, sans-serif); color: var(--sa-color, #1b1f24);
  background: var(--sa-background, transparent); }
:host([hidden]) { display: none; }
/* Nothing scrolls the page sideways: wide tables scroll inside their own box, long words break. */
[part~="body"] { min-width: 0; overflow-wrap: break-word; }
time { white-space: nowrap; }
details.text { font-weight: normal; font-size: .9em; border: 0; padding: 0; margin: .2em 0 0; }
details.text summary { font-weight: normal; color: var(--sa-muted, #57606a); }
h2 { font-size: 1.3em; margin: 0 0 .4em; color: var(--sa-heading-color, inherit); }
h3 { font-size: 1.1em; margin: 1em 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .2em; }
section { margin: 0 0 1em; }
/* Separate borders: a sticky cell of a collapsed table leaves its border behind when it scrolls. */
table { border-collapse: separate; border-spacing: 0; width: 100%; margin: .3em 0 .8em; }
caption { text-align: left; font-weight: 600; padding: .2em 0; }
.scroll { overflow-x: auto; margin: .3em 0 .8em; container-type: inline-size; }
/* A caption stays as wide as the box and in view, so it is read without scrolling. */
.scroll caption { position: sticky; left: 0; max-width: 100cqi; box-sizing: border-box; }
.scroll > table { margin: 0; }
.scroll:focus-visible { outline: 2px solid var(--sa-accent, #0b5cad); outline-offset: 2px; }
/* The first column (what a row is about) stays in view while the rest scrolls; :where keeps the
   rule weak, so a marked row's own background still wins. */
:where(.scroll tr) > :first-child { position: sticky; left: 0; z-index: 1; background: var(--sa-surface, #fff);
  box-shadow: inset -1px 0 0 var(--sa-border, #d0d7de); }
th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid var(--sa-border, #d0d7de); vertical-align: top; }
th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
details { border: 1px solid var(--sa-border, #d0d7de); border-radius: var(--sa-radius, 6px); padding: .3em .7em; margin: .4em 0; }
summary { cursor: pointer; font-weight: 600; }
summary:focus-visible, button:focus-visible, textarea:focus-visible, li[tabindex]:focus-visible {
  outline: 2px solid var(--sa-accent, #0b5cad); outline-offset: 2px; }
blockquote { margin: .3em 0 .8em; padding-left: .8em; border-left: 4px solid var(--sa-accent, #0b5cad); }
.muted { color: var(--sa-muted, #57606a); }
.badge { display: inline-block; padding: .05em .5em; border-radius: 1em; font-size: .9em; white-space: nowrap;
  background: var(--sa-badge-background, #eaeef2); color: var(--sa-badge-color, #1b1f24); }
[data-status="target_achieved"], [data-status="in_force"], [data-status="done"], [data-status="met"] {
  background: var(--sa-good, #116329); color: var(--sa-on-status, #fff); }
[data-status="substantial_progress"] { background: var(--sa-good-ish, #3f7a22); color: var(--sa-on-status, #fff); }
[data-status="moderate_progress"], [data-status="due_next"], [data-status="in_force_awaiting_successor"] {
  background: var(--sa-fair, #f2cc60); color: #1b1f24; }
[data-status="limited_progress"], [data-status="warning"] { background: var(--sa-poor, #e16f24); color: #1b1f24; }
[data-status="deterioration"], [data-status="overdue"], [data-status="not_met"], [data-status="error"],
[data-status="expired"], [data-status="terminated"] { background: var(--sa-bad, #cf222e); color: var(--sa-on-status, #fff); }
tr[data-due="overdue"] > * { background: var(--sa-overdue-row, #ffebe9); }
tr[data-due="due_next"] > * { background: var(--sa-due-row, #fff8c5); }
[role="alert"] { color: var(--sa-bad, #cf222e); }
figure { margin: .3em 0 .8em; }
/* The chart is drawn at the width it is shown (one unit a pixel), so its text is as large as written;
   it only shrinks for the moment before it is drawn again after a resize. */
svg[part~="chart"] { display: block; max-width: 100%; height: auto; font-size: ${CHART_FONT}px; }
svg .axis { stroke: var(--sa-muted, #57606a); }
svg .span { stroke: var(--sa-muted, #57606a); stroke-width: 2; }
svg .target { stroke: var(--sa-accent, #0b5cad); stroke-width: 2; }
svg .baseline { fill: var(--sa-surface, #fff); stroke: var(--sa-color, #1b1f24); stroke-width: 1.5; }
svg .latest { stroke: var(--sa-color, #1b1f24); stroke-width: 1; }
svg text { fill: var(--sa-color, #1b1f24); }
.legend { list-style: none; margin: .3em 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2em 1.2em; font-size: .9em; }
.legend svg { display: inline-block; vertical-align: -.15em; margin-right: .35em; }
textarea { width: 100%; box-sizing: border-box; min-height: 10em; font: .9em/1.4 ui-monospace, monospace; }
textarea.dragging { outline: 3px dashed var(--sa-accent, #0b5cad); }
button { font: inherit; padding: .25em .8em; }
ul[data-role] { columns: 16em; }
table[part~="roll-up"] td { white-space: nowrap; }
ol.problems { padding-left: 1.5em; }
ol.problems li { margin: .2em 0; cursor: pointer; overflow-wrap: anywhere; }
pre { overflow: auto; max-height: 30em; border: 1px solid var(--sa-border, #d0d7de); padding: .5em; font-size: .85em; }
pre mark { background: var(--sa-highlight, #fff8c5); color: inherit; outline: 1px solid var(--sa-poor, #e16f24); }
pre mark.current { background: var(--sa-highlight-current, #ffd8b5); }
/* In a narrow box (a phone) tables are set smaller, and a cell's long text and a badge wrap, so
   that every column fits in full beside the kept first one: the first takes at most 12em (13
   with its padding), each other column at most what is left. */
@container (max-width: 36em) {
  table { font-size: .875em; }
  .scroll tr > :first-child { max-width: 12em; }
  .scroll tr > :not(:first-child) { max-width: calc(100cqi - 14em); }
  .scroll .badge, table[part~="roll-up"] td { white-space: normal; }
}
`;

/** Builds an element: attributes (`part`, `data-*`, `aria-*`, …), then children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const SVG_TAGS = new Set(["svg", "g", "line", "circle", "text", "title", "rect"]);

/** A Date's calendar day as YYYY-MM-DD, in the reader's time zone. */
function localDay(d) {
  return `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Today as YYYY-MM-DD, in the reader's time zone. */
function today() {
  return localDay(new Date());
}

/** A number as the language writes it (decimal comma in Danish). */
function number(value, lang, digits = 1) {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: digits }).format(value);
}

/** A labelled code as a badge, coloured by `data-status`. */
function badge(kind, code, lang) {
  return h("span", { class: "badge", part: "status", "data-status": code }, label(kind, code, lang) ?? code);
}

/**
 * The language an element speaks: its own `lang`, else that of the nearest
 * ancestor with one (across shadow roots, up to `<html lang>`). English for
 * `en` and its regions (`en-GB`); Danish for anything else, and by default.
 */
function languageOf(element) {
  for (let node = element; node; node = node.parentElement ?? node.getRootNode().host) {
    const lang = node.getAttribute("lang");
    if (lang) return /^en(-|$)/i.test(lang) ? "en" : "da";
  }
  return "da";
}

/** The connected elements, told when a `lang` above them changes (a page switching `<html lang>`). */
const speakers = new Set();
new MutationObserver(() => speakers.forEach((element) => element.languageChanged())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ["lang"],
  subtree: true,
});

/**
 * A table that scrolls inside its own box when it is wider than the screen
 * (the page itself never does), its first column kept in view. The box is a
 * named region a keyboard can focus, to scroll it without a pointer.
 */
function scrolling(name, table) {
  return h("div", { class: "scroll", part: "scroll", role: "region", "aria-label": name, tabindex: "0" }, table);
}

let embedded = null;
/** Every embedded agreement the elements shared, the current one and any lost to a restart. */
const embeddedEver = new WeakSet();
/** The embedded agreement, parsed once for every element on the page (and again after a restart of the module). */
function embeddedAgreement() {
  embedded = embedded === null ? openNordjylland2024() : embedded[RENEW]();
  embeddedEver.add(embedded);
  return embedded;
}

/**
 * What the four elements share: the shadow root and its style, `lang`
 * (`da` by default, `en`; the nearest ancestor's when the element has none),
 * `on` (a date, today by default), and the agreement: the `agreement`
 * property, else the document at `src`, else the embedded North Jutland
 * agreement. Subclasses implement `render()`.
 */
class AgreementElement extends HTMLElement {
  static observedAttributes = ["lang", "src", "on"];
  #agreement = null;
  #given = false;
  /** Whether the element parsed the agreement itself, and so frees it when it is replaced. */
  #owned = false;
  #loading = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.append(h("style", {}, STYLE), h("div", { part: "body" }));
  }

  connectedCallback() {
    speakers.add(this);
    this.refresh();
  }

  disconnectedCallback() {
    speakers.delete(this);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === "src" && !this.#given) this.#replace(null);
    if (this.isConnected) this.refresh();
  }

  /** The display language: the element's own `lang`, else the nearest ancestor's; "da" unless that is English. */
  get language() {
    return languageOf(this);
  }

  /** A `lang` above the element changed: it renders again if that changed its language. */
  languageChanged() {
    if (this.language !== this.#spoken) this.refresh();
  }
  /** The language of the last render. */
  #spoken = null;

  /** The date the element shows the agreement on: the `on` attribute, or today. */
  get on() {
    return this.getAttribute("on") || today();
  }
  /** A YYYY-MM-DD string, or a Date (its calendar day in the reader's time zone). */
  set on(value) {
    this.setAttribute("on", value instanceof Date && !Number.isNaN(value.getTime()) ? localDay(value) : value);
  }

  /** The agreement shown, once loaded (a `ParsedAgreement`). */
  get agreement() {
    return this.#agreement;
  }
  /** Shows this agreement: a `ParsedAgreement`, the document as data, or its JSON text. */
  set agreement(value) {
    this.#given = value !== null && value !== undefined;
    this.#replace(value instanceof ParsedAgreement || !this.#given ? value ?? null : null);
    this.#pending = this.#given && this.#agreement === null ? value : undefined;
    this.refresh();
  }
  #pending;

  /**
   * After the module restarted (a trap, perhaps from a page's own call), the
   * agreement shown was lost with the old instance: it is parsed again from
   * its own source (the text at `src`, the `agreement` property as given, or
   * the embedded default), so the element keeps working.
   */
  #renew() {
    const shown = this.#agreement;
    if (shown === null) return;
    if (embeddedEver.has(shown)) this.#replace(embeddedAgreement());
    else {
      const renewed = shown[RENEW]();
      if (renewed !== shown) this.#replace(renewed, true);
    }
  }

  /** Shows `agreement` (a page's own, or null to load again), freeing one the element parsed. */
  #replace(agreement, owned = false) {
    if (this.#owned && this.#agreement !== agreement) this.#agreement?.free();
    this.#agreement = agreement;
    this.#owned = owned;
  }

  /** The texts of the element in its language. */
  get strings() {
    return TEXT[this.language];
  }

  /**
   * Loads what is missing and renders, once for every change made in the
   * same task (an upgraded element reports each attribute, then connects).
   */
  refresh() {
    this.#queued ??= Promise.resolve().then(() => {
      this.#queued = null;
      return this.#render();
    });
    return this.#queued;
  }
  #queued = null;

  /** A failure is shown in the element, with every problem of an invalid document. */
  async #render() {
    const body = this.shadowRoot.querySelector("[part=body]");
    this.#spoken = this.language;
    body.setAttribute("lang", this.#spoken);
    try {
      await ready();
      if (this.#agreement === null) {
        if (this.#pending !== undefined) {
          this.#replace(parse(typeof this.#pending === "string" ? this.#pending : JSON.stringify(this.#pending)), true);
          this.#pending = undefined;
        } else if (this.hasAttribute("src")) {
          const src = this.getAttribute("src");
          body.replaceChildren(h("p", { class: "muted", role: "status" }, this.strings.loading));
          this.#loading = src;
          const text = await fetchText(src);
          if (this.#loading !== src) return; // a later src won
          this.#replace(parse(text), true);
        } else {
          this.#replace(embeddedAgreement());
        }
      }
      await this.prepare?.();
      this.#renew();
      body.replaceChildren(...[this.render()].flat(Infinity).filter((node) => node !== null && node !== undefined));
      this.dispatchEvent(new CustomEvent("sundhedsaftale-render", { bubbles: true, composed: true }));
    } catch (error) {
      body.replaceChildren(failure(error, this.strings, this.language));
      this.dispatchEvent(new CustomEvent("sundhedsaftale-error", { detail: error, bubbles: true, composed: true }));
    }
  }
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** A workbook's bytes at a URL. */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** A failure to show: what went wrong, with every problem of an invalid document. */
function failure(error, text, lang) {
  const problems = error instanceof ValidationError ? error.errorsIn(lang) : [];
  return h(
    "div",
    { role: "alert", part: "error" },
    h("p", {}, `${text.failed}: `, problems.length ? "" : error.message),
    problems.length ? h("ul", {}, problems.map((p) => h("li", {}, h("code", {}, p.code), " ", h("code", {}, p.path || "/"), " ", p.message))) : null,
  );
}

/** `<sundhedsaftale-overview>`: vision, focus areas, parties, clusters and status on a date. */
class OverviewElement extends AgreementElement {
  render() {
    const a = this.agreement;
    const lang = this.language;
    const t = this.strings;
    const written = a.toJSON();
    // The content as it stood on the day: the amendments dated by then applied.
    let doc = written;
    if (written.amendments?.length) {
      const amended = a.asOf(this.on);
      doc = amended.toJSON();
      amended.free();
    }
    const name = (id) => written.bodies.find((b) => b.id === id)?.name ?? written.organisations.find((o) => o.id === id)?.name ?? id;
    return [
      // The document's own texts are Danish whatever the element speaks.
      h("h2", { part: "heading", lang: "da" }, doc.title),
      doc.subtitle ? h("p", { class: "muted", lang: "da" }, doc.subtitle) : null,
      statusSection(a.statusOn(this.on), t, lang, name),
      historySection(written, this.on, t, lang, name),
      h("section", { part: "section vision" }, h("h3", {}, t.vision), h("blockquote", { lang: "da" }, doc.vision.text)),
      h(
        "section",
        { part: "section focus-areas" },
        h("h3", {}, t.focusAreas),
        doc.focus_areas.map((area) => focusArea(area, t, lang)),
      ),
      partiesSection(a, this.on, t, lang),
      clustersSection(a, this.on, t),
    ];
  }
}

/** How the agreement came about and changed: its lifecycle, editions, annexes and amendments; nothing when it records none. */
function historySection(doc, on, t, lang, name) {
  const steps = doc.lifecycle ?? [];
  const editions = doc.editions ?? [];
  const annexes = doc.annexes ?? [];
  const amendments = [...(doc.amendments ?? [])].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  if (!steps.length && !editions.length && !annexes.length && !amendments.length) return null;
  const day = (d) => (d ? h("time", { datetime: d }, d) : t.dateUnknown);
  const by = (ids) => (ids.length ? [" — ", h("span", { lang: "da" }, ids.map(name).join(", "))] : null);
  return h(
    "section",
    { part: "section history" },
    h("h3", {}, t.history),
    h(
      "ul",
      {},
      steps.map((e) => h("li", { "data-kind": e.kind }, day(e.date), ": ", label("lifecycle_kind", e.kind, lang), by([e.organisation, e.body].filter(Boolean)))),
      editions.map((e) => h("li", { "data-edition": e.id }, `${t.edition}: `, h("span", { lang: "da" }, e.label), " (", day(e.date), ")", by(e.approved_by ? [e.approved_by] : []))),
      annexes.map((x) => h("li", { "data-annex": x.id }, `${t.annex}: `, h("span", { lang: "da" }, x.title), " (", day(x.date), ")")),
      amendments.map((m) =>
        h(
          "li",
          { "data-amendment": m.id },
          `${t.amendment} `,
          day(m.date),
          by(m.approved_by ? [m.approved_by] : []),
          m.description ? [": ", h("span", { lang: "da" }, m.description)] : null,
          " (",
          m.date <= on ? t.applied : t.notYetApplied,
          ")",
        ),
      ),
    ),
  );
}

function statusSection(status, t, lang, name) {
  return h(
    "section",
    { part: "section status" },
    h("h3", {}, t.statusOn, " ", h("time", { datetime: status.on }, status.on)),
    h("p", {}, badge("validity_state", status.state, lang)),
    status.decided_by.length
      ? h("p", { class: "muted" }, `${t.decidedBy}: `, status.decided_by.map((d, i) => [i ? "; " : "", label("date_role", d.role, lang), " ", h("time", { datetime: d.date }, d.date)]))
      : null,
    // The nominal end, unless it is among the deciding dates already.
    status.nominal_end && !status.decided_by.some((d) => d.role === "nominal_end")
      ? h("p", { class: "muted" }, `${t.nominalPeriod}: `, h("time", { datetime: status.nominal_end }, status.nominal_end))
      : null,
    status.approvals?.length
      ? h("p", { part: "approvals" }, `${t.approvedBy}: `, status.approvals.map((x, i) => [i ? ", " : "", h("span", { lang: "da" }, name(x.by)), " (", h("time", { datetime: x.date }, x.date), ")"]))
      : null,
    status.awaiting_approval?.length ? h("p", { class: "muted" }, t.awaiting(status.awaiting_approval.length)) : null,
    status.affected_by_law
      ? h(
          "p",
          { part: "law", "data-law": status.affected_by_law.law },
          `${t.affectedByLaw}: ${status.affected_by_law.law} `,
          h("q", { lang: "da" }, status.affected_by_law.title),
          ` ${t.lawEnds} `,
          h("time", { datetime: status.affected_by_law.likely_from }, status.affected_by_law.likely_from),
          ` (${t.dateConfirmed(status.affected_by_law.end_confirmed)}). `,
          h("a", { href: status.affected_by_law.source }, status.affected_by_law.source),
        )
      : null,
    status.region_ceased
      ? h("p", { part: "region-ceased" }, t.regionCeased(status.region_ceased.name, status.region_ceased.last_day, status.region_ceased.successor))
      : null,
  );
}

function focusArea(area, t, lang) {
  const figures = area.key_figures ?? [];
  return h(
    "details",
    { part: "focus-area", "data-id": area.id },
    h("summary", { lang: "da" }, area.name),
    h("h4", {}, t.objectives),
    h("ol", { lang: "da" }, area.objectives.map((o) => h("li", { "data-id": o.id }, o.text))),
    figures.length
      ? scrolling(
          t.keyFigures,
          h(
            "table",
            { part: "table" },
            h("caption", {}, t.keyFigures),
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.figure), h("th", { scope: "col" }, t.value), h("th", { scope: "col" }, t.year))),
            h(
              "tbody",
              {},
              figures.map((f) =>
                h("tr", { "data-id": f.id }, h("td", { lang: "da" }, f.statement), h("td", { class: "num" }, number(f.value, lang), " ", label("unit", f.unit, lang)), h("td", { class: "num" }, f.year ?? "–")),
              ),
            ),
          ),
        )
      : null,
  );
}

function partiesSection(a, on, t, lang) {
  const roles = a.rolesOn(on);
  const byRole = new Map();
  for (const { organisation, role } of roles) byRole.set(role, [...(byRole.get(role) ?? []), organisation]);
  return h(
    "section",
    { part: "section parties" },
    h("h3", {}, t.partiesAndRoles),
    roles.length === 0
      ? h("p", { class: "muted" }, t.noParties)
      : [...byRole].map(([role, organisations]) => [
          h("h4", {}, label("agreement_role", role, lang)),
          h("ul", { "data-role": role }, organisations.map((o) => h("li", { "data-id": o.id }, o.name, " ", h("span", { class: "muted" }, `(${label("organisation_kind", o.kind, lang)})`)))),
        ]),
  );
}

function clustersSection(a, on, t) {
  const clusters = a.clustersOn(on);
  const name = (id) => a.organisation(id)?.name ?? id;
  return h(
    "section",
    { part: "section clusters" },
    h("h3", {}, t.clusters),
    clusters.length === 0
      ? h("p", { class: "muted" }, t.noClusters)
      : scrolling(
          t.clusters,
          h(
            "table",
            { part: "table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.cluster), h("th", { scope: "col" }, t.municipalities), h("th", { scope: "col" }, t.hospital))),
            h("tbody", {}, clusters.map((c) => h("tr", { "data-id": c.id }, h("th", { scope: "row" }, c.name), h("td", {}, c.municipalities.map(name).join(", ")), h("td", {}, c.hospital ?? "–")))),
          ),
        ),
  );
}

/** `<sundhedsaftale-calendar>`: the follow-up calendar on a date, due and overdue marked. */
class CalendarElement extends AgreementElement {
  render() {
    const a = this.agreement;
    const lang = this.language;
    const t = this.strings;
    const requirements = new Map(a.toJSON().follow_up.requirements.map((r) => [r.id, r]));
    const responsible = (id) => {
      const r = requirements.get(id);
      const bodies = (r?.responsible_bodies ?? []).map((b) => a.body(b)?.name ?? b);
      const clusters = (r?.responsible_clusters ?? []).map((c) => a.cluster(c)?.name ?? c);
      return [...bodies, ...clusters].join(", ") || "–";
    };
    const entries = a.calendar(this.on);
    const overdue = entries.filter((e) => e.status === "overdue").length;
    const next = entries.find((e) => e.status === "due_next");
    return [
      h("h2", { part: "heading" }, t.calendar),
      h(
        "p",
        { part: "summary" },
        `${t.statusOn} `,
        h("time", { datetime: this.on }, this.on),
        ": ",
        t.overdueCount(overdue),
        next ? [". ", `${t.nextDue}: `, h("time", { datetime: next.due }, next.due)] : null,
        ".",
      ),
      scrolling(
        t.calendar,
        h(
          "table",
          { part: "table" },
          h("thead", {}, h("tr", {}, [t.requirement, t.responsible, t.year, t.due, t.basis, t.status].map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            entries.map((e) =>
              h(
                "tr",
                { "data-due": e.status, "data-requirement": e.requirement },
                h(
                  "th",
                  { scope: "row" },
                  label("requirement_kind", e.kind, lang),
                  requirements.get(e.requirement)?.text
                    ? h("details", { class: "text" }, h("summary", {}, t.agreementText), h("span", { lang: "da" }, requirements.get(e.requirement).text))
                    : null,
                ),
                h("td", {}, responsible(e.requirement)),
                h("td", { class: "num" }, e.year ?? "–"),
                h("td", {}, e.due ? h("time", { datetime: e.due }, e.due) : "–"),
                // How a deadline was set says nothing of a duty that has none.
                h("td", {}, e.due ? label("due_basis", e.due_basis, lang) : ""),
                h("td", {}, badge("due_status", e.status, lang), e.completed_on ? [" ", h("time", { datetime: e.completed_on }, e.completed_on)] : null),
              ),
            ),
          ),
        ),
      ),
    ];
  }
}

/**
 * `<sundhedsaftale-follow-up>`: progress per place and indicator for a
 * `year` (last year by default), from observations at the `observations`
 * URL (CSV, or JSON when the URL ends in .json) or the `observations`
 * property; without them, from the agreement's key figures. With the
 * `mapping` property, the observations are a table as published: a
 * StatBank CSV, JSON-stat (a .json URL) or a workbook (a .xlsx URL, whose
 * reader is loaded only then), or as `format` says; as text or a dropped
 * file's ArrayBuffer.
 */
class FollowUpElement extends AgreementElement {
  static observedAttributes = [...AgreementElement.observedAttributes, "year", "observations", "format"];
  #observations;
  #mapping;
  #fetched = null;
  /** The charts shown, each with what draws it again at another width. */
  #charts = [];
  #drawnWidth = 0;
  #resized = new ResizeObserver(() => this.#redraw());

  constructor() {
    super();
    this.#resized.observe(this.shadowRoot.querySelector("[part=body]"));
  }

  /** The width the charts are drawn at: the element's, up to a readable line; a guess before it is laid out. */
  #chartWidth() {
    const width = this.shadowRoot.querySelector("[part=body]").clientWidth;
    return width > 0 ? Math.min(width, CHART_WIDEST) : CHART_UNMEASURED;
  }

  /** Draws the charts again when the element's width changed (a phone turned, a window resized). */
  #redraw() {
    const width = this.#chartWidth();
    if (width === this.#drawnWidth) return;
    this.#drawnWidth = width;
    for (const shown of this.#charts) {
      const svg = shown.draw(width);
      shown.svg.replaceWith(svg);
      shown.svg = svg;
    }
  }

  /** How a published table maps onto an indicator (see `readObservations`), or undefined for tidy observations. */
  get mapping() {
    return this.#mapping;
  }
  set mapping(value) {
    this.#mapping = value;
    this.refresh();
  }

  /** The observations: CSV text, an array of observation objects, or (with `mapping`) a published table's text or bytes. */
  get observations() {
    return this.#observations;
  }
  set observations(value) {
    this.#observations = value;
    this.#fetched = null;
    this.refresh();
  }

  get year() {
    const year = Number.parseInt(this.getAttribute("year") ?? "", 10);
    return Number.isInteger(year) ? year : Number.parseInt(this.on.slice(0, 4), 10) - 1;
  }

  attributeChangedCallback(name, before, after) {
    if (name === "observations") this.#fetched = null;
    super.attributeChangedCallback(name, before, after);
  }

  /** The published format of the observations, with a mapping; else null (tidy CSV or JSON). */
  #publishedFormat() {
    if (this.#mapping === undefined) return null;
    const url = this.getAttribute("observations") ?? "";
    return this.getAttribute("format") ?? (url.endsWith(".json") ? "jsonstat" : url.endsWith(".xlsx") ? "xlsx" : "statbank");
  }

  async prepare() {
    const url = this.getAttribute("observations");
    const published = this.#publishedFormat();
    // The Excel module is fetched only when a workbook is to be read.
    if (published === "xlsx") await loadExcel();
    if (this.#observations === undefined && url && this.#fetched?.url !== url) {
      const text = published === "xlsx" ? await fetchBytes(url) : await fetchText(url);
      this.#fetched = { url, text, format: url.endsWith(".json") ? "json" : "csv" };
    }
  }

  render() {
    const lang = this.language;
    const t = this.strings;
    const options = {};
    if (this.#observations !== undefined) options.observations = this.#observations;
    else if (this.#fetched) Object.assign(options, { observations: this.#fetched.text, format: this.#fetched.format });
    if (this.#mapping !== undefined) {
      options.format = this.#publishedFormat();
      options.mapping = this.#mapping;
    }
    const result = this.agreement.followUp(this.year, options);
    const indicators = new Map();
    for (const row of result.rows) indicators.set(row.indicator, [...(indicators.get(row.indicator) ?? []), row]);
    const doc = this.agreement.toJSON();
    const names = new Map((doc.indicators ?? []).map((i) => [i.id, lang === "en" && i.name_en ? i.name_en : i.name]));
    // An indicator without an English name keeps its Danish one, said to be Danish.
    const untranslated = (id) => lang === "en" && !(doc.indicators ?? []).find((i) => i.id === id)?.name_en;
    const hasData = (rows) => rows.some((r) => r.latest_value !== null && r.latest_value !== undefined);
    this.#charts = [];
    this.#drawnWidth = this.#chartWidth();
    const family = getComputedStyle(this.shadowRoot.querySelector("[part=body]")).fontFamily || "system-ui, sans-serif";
    const figure = (rows, name) => {
      const shown = rows.filter((r) => present(r.baseline_value) && present(r.latest_value));
      if (shown.length === 0) return h("p", { class: "muted" }, t.noValues);
      const drawn = { draw: (width) => chart(shown, name, t, lang, width, family) };
      drawn.svg = drawn.draw(this.#drawnWidth);
      this.#charts.push(drawn);
      return h("figure", { part: "figure" }, drawn.svg, legend(shown, t, lang));
    };
    const section = ([id, rows]) => {
      const name = names.get(id) ?? rows[0].indicator_name;
      return h(
        "section",
        { part: "section indicator", "data-indicator": id },
        h("h3", { lang: untranslated(id) ? "da" : undefined }, name),
        figure(rows, name),
        followUpTable(rows, name, t, lang),
      );
    };
    const empty = [...indicators].filter(([, rows]) => !hasData(rows));
    return [
      h("h2", { part: "heading" }, `${t.followUp} ${result.year}`),
      rollUpTable(result, doc.focus_areas, t, lang),
      [...indicators].filter(([, rows]) => hasData(rows)).map(section),
      empty.length
        ? h("details", { part: "no-data" }, h("summary", {}, t.withoutData(empty.length)), empty.map(section))
        : null,
    ];
  }
}

/**
 * The roll-up: per place, the status of each focus area and of all of them
 * (`focus_area` null), over the places with at least one scored indicator.
 */
function rollUpTable(result, areas, t, lang) {
  const names = new Map(result.rows.map((r) => [r.geography, r.geography_name ?? r.geography]));
  const cell = new Map(result.roll_ups.map((r) => [`${r.focus_area ?? ""} ${r.geography}`, r]));
  const places = [...new Set(result.roll_ups.filter((r) => r.scored > 0).map((r) => r.geography))];
  if (places.length === 0) return null;
  const status = (area, place) => {
    const r = cell.get(`${area} ${place}`);
    return r ? [badge("status", r.status, lang), r.score === null || r.score === undefined ? null : ` ${number(r.score, lang, 2)}`] : "–";
  };
  // How a roll-up was formed: each indicator's basis, and what it left out and why.
  const formed = (area, place) => {
    const r = cell.get(`${area} ${place}`);
    if (!r) return {};
    const lines = (r.entered ?? []).map((e) => `${e.indicator}: ${label("roll_up_basis", e.basis, lang)}${e.dimension ? ` (${e.dimension})` : ""}`);
    for (const l of r.left_out ?? []) lines.push(`${t.leftOut}: ${l.indicator} (${label("left_out_reason", l.reason, lang)})`);
    return { title: lines.join("\n"), "data-left-out": String((r.left_out ?? []).length) };
  };
  return scrolling(
    t.rollUp,
    h(
      "table",
      { part: "table roll-up" },
      h("caption", {}, t.rollUp),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.place), areas.map((a) => h("th", { scope: "col", lang: "da" }, a.name)), h("th", { scope: "col" }, t.allAreas))),
      h(
        "tbody",
        {},
        places.map((place) =>
          h("tr", { "data-geography": place }, h("th", { scope: "row" }, names.get(place) ?? place), areas.map((a) => h("td", { "data-focus-area": a.id, ...formed(a.id, place) }, status(a.id, place))), h("td", { "data-focus-area": "", ...formed("", place) }, status("", place))),
        ),
      ),
    ),
  );
}

/** An indicator's rows as a table, named by the indicator. */
function followUpTable(rows, name, t, lang) {
  const point = (period, value) => (value === null || value === undefined ? "–" : `${number(value, lang)} (${period})`);
  return scrolling(
    name,
    h(
      "table",
      { part: "table" },
      h("thead", {}, h("tr", {}, [t.place, t.stratum, t.baseline, t.latest, t.target, t.status, t.score, t.coverage].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h(
            "tr",
            { "data-geography": r.geography, "data-status": undefined },
            h("th", { scope: "row" }, r.geography_name ?? r.geography),
            h("td", {}, r.stratum || t.total),
            h("td", { class: "num" }, point(r.baseline_period, r.baseline_value)),
            h("td", { class: "num" }, point(r.latest_period, r.latest_value)),
            h("td", { class: "num" }, point(r.target_period, r.target_value)),
            // A partial aggregate shows its values, but is not scored as its place's progress.
            // A hidden value says why (too small a count, or withheld at the source) instead of "not available".
            r.hidden
              ? h("td", { class: "status", "data-hidden": r.hidden.kind }, label("hidden_kind", r.hidden.kind, lang))
              : h("td", r.not_scored ? { class: "status", "data-not-scored": r.not_scored } : { class: "status" }, r.not_scored ? label("not_scored", r.not_scored, lang) : badge("status", r.status, lang)),
            h("td", { class: "num" }, number(r.score, lang, 2)),
            h("td", { class: "num coverage" }, r.coverage === null || r.coverage === undefined ? "–" : `${number(r.coverage * 100, lang, 0)} %`),
          ),
        ),
      ),
    ),
  );
}

/** Whether a value is given (neither null nor undefined). */
function present(value) {
  return value !== null && value !== undefined;
}

/** The widest a chart is drawn, and the width it is drawn at before the element is laid out. */
const CHART_WIDEST = 720;
const CHART_UNMEASURED = 560;
/** The room between a name and its row, and at the chart's edges. */
const GAP = 8;

/** The name a chart gives a row: its place, and its group if it has one. */
function placeName(r) {
  return (r.geography_name ?? r.geography) + (r.stratum ? ` (${r.stratum})` : "");
}

/**
 * A dumbbell chart: per place, a line from the baseline (open circle) to the
 * latest value (filled, coloured by status), and the target as a tick. It is
 * drawn `width` pixels wide at one unit a pixel, so its text shows at
 * CHART_FONT pixels on a phone as on a desktop. Names are never cut short:
 * they stand beside their rows when the widest takes at most two fifths of
 * the width, and above their rows otherwise.
 */
function chart(shown, name, t, lang, width, family) {
  const values = shown.flatMap((r) => [r.baseline_value, r.latest_value, r.target_value].filter(present));
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) [low, high] = [low - 1, high + 1];
  const widest = Math.max(...shown.map((r) => textWidth(placeName(r), family)));
  const beside = widest + 2 * GAP <= width * 0.4;
  const left = beside ? Math.ceil(widest) + 2 * GAP : GAP;
  const right = width - GAP;
  const rowHeight = beside ? 24 : 24 + CHART_FONT + 4;
  const top = 4;
  const height = top + shown.length * rowHeight + 26;
  const x = (v) => left + ((v - low) / (high - low)) * (right - left);
  return h(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": t.chartOf(name), part: "chart" },
    h("title", {}, t.chartOf(name)),
    h("line", { class: "axis", x1: left, x2: right, y1: height - 20, y2: height - 20 }),
    h("text", { x: left, y: height - 6 }, number(low, lang)),
    h("text", { x: right, y: height - 6, "text-anchor": "end" }, number(high, lang)),
    shown.map((r, i) => {
      const rowTop = top + i * rowHeight;
      const y = beside ? rowTop + rowHeight / 2 : rowTop + CHART_FONT + 4 + 12;
      return h(
        "g",
        { "data-geography": r.geography },
        h("title", {}, `${placeName(r)}: ${number(r.baseline_value, lang)} → ${number(r.latest_value, lang)} (${label("status", r.status, lang)})`),
        beside
          ? h("text", { x: left - GAP, y: y + 4, "text-anchor": "end" }, placeName(r))
          : h("text", { x: 2, y: rowTop + CHART_FONT }, placeName(r)),
        h("line", { class: "span", x1: x(r.baseline_value), x2: x(r.latest_value), y1: y, y2: y }),
        present(r.target_value) ? h("line", { class: "target", x1: x(r.target_value), x2: x(r.target_value), y1: y - 7, y2: y + 7 }) : null,
        h("circle", { class: "baseline", cx: x(r.baseline_value), cy: y, r: 4 }),
        h("circle", { class: "latest", cx: x(r.latest_value), cy: y, r: 5, "data-status": r.status, style: `fill: ${STATUS_FILL[r.status]}` }),
      );
    }),
  );
}

let pen = null;
/** How wide `text` is drawn in the chart's font, in pixels: a canvas measures it without laying anything out. */
function textWidth(text, family) {
  pen ??= document.createElement("canvas").getContext("2d");
  pen.font = `${CHART_FONT}px ${family}`;
  return pen.measureText(text).width;
}

/**
 * What the chart's marks mean, in words: the open and the filled dot, the
 * target's line, and the colour of each status the chart shows.
 */
function legend(shown, t, lang) {
  const key = (mark) => h("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" }, mark);
  const statuses = Object.keys(STATUS_FILL).filter((status) => shown.some((r) => r.status === status));
  return h(
    "ul",
    { class: "legend", part: "legend", "aria-label": t.legend },
    h("li", { "data-mark": "baseline" }, key(h("circle", { class: "baseline", cx: 7, cy: 7, r: 4 })), t.legendBaseline),
    h("li", { "data-mark": "latest" }, key(h("circle", { class: "latest", cx: 7, cy: 7, r: 5, style: "fill: var(--sa-color, #1b1f24)" })), t.legendLatest),
    shown.some((r) => present(r.target_value))
      ? h("li", { "data-mark": "target" }, key(h("line", { class: "target", x1: 7, x2: 7, y1: 0, y2: 14 })), t.legendTarget)
      : null,
    statuses.map((status) =>
      h("li", { "data-status-key": status }, key(h("circle", { class: "latest", cx: 7, cy: 7, r: 5, style: `fill: ${STATUS_FILL[status]}` })), label("status", status, lang)),
    ),
  );
}

/** The colour of the latest value's dot, by its status. */
const STATUS_FILL = {
  target_achieved: "var(--sa-good, #116329)",
  substantial_progress: "var(--sa-good-ish, #3f7a22)",
  moderate_progress: "var(--sa-fair, #f2cc60)",
  limited_progress: "var(--sa-poor, #e16f24)",
  deterioration: "var(--sa-bad, #cf222e)",
  not_available: "var(--sa-muted, #57606a)",
};

/**
 * `<sundhedsaftale-validator>`: paste, drop or choose a document and see
 * every problem with its code, path and message; choosing a problem marks
 * the affected part of the document. `value` holds the text; it starts as
 * the document at `src`, or empty.
 */
class ValidatorElement extends HTMLElement {
  static observedAttributes = ["lang", "src"];
  #value = "";
  #problems = [];
  #timer = null;
  #built = false;
  #ready = false;
  /** The language the element was built in. */
  #spoken = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  /** The display language: the element's own `lang`, else the nearest ancestor's; "da" unless that is English. */
  get language() {
    return languageOf(this);
  }

  /** A `lang` here or above changed: the element is built again in its new language, its text kept. */
  languageChanged() {
    if (!this.#built || this.language === this.#spoken) return;
    this.#build(true);
    this.check();
  }

  /** The document text being checked. */
  get value() {
    return this.#value;
  }
  set value(text) {
    this.#value = String(text ?? "");
    const area = this.shadowRoot.querySelector("textarea");
    if (area && area.value !== this.#value) area.value = this.#value;
    this.check();
  }

  /** The problems of the last check (messages in the element's language). */
  get problems() {
    return this.#problems;
  }

  async connectedCallback() {
    speakers.add(this);
    this.#build();
    this.languageChanged(); // moved under another language
    await ready();
    this.#ready = true;
    if (this.hasAttribute("src") && this.#value === "") this.value = await fetchText(this.getAttribute("src"));
    else this.check();
  }

  disconnectedCallback() {
    speakers.delete(this);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#built) return;
    if (name === "src" && after) fetchText(after).then((text) => (this.value = text));
    else this.languageChanged();
  }

  #build(again = false) {
    if (this.#built && !again) return;
    this.#built = true;
    this.#spoken = this.language;
    const t = TEXT[this.#spoken];
    const area = h("textarea", {
      id: "document",
      part: "editor",
      spellcheck: "false",
      "aria-describedby": "hint",
      oninput: () => {
        this.#value = area.value;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => this.check(), 300);
      },
      ondragover: (event) => {
        event.preventDefault();
        area.classList.add("dragging");
      },
      ondragleave: () => area.classList.remove("dragging"),
      ondrop: async (event) => {
        event.preventDefault();
        area.classList.remove("dragging");
        const file = event.dataTransfer?.files?.[0];
        if (file) this.value = await file.text();
      },
    });
    area.value = this.#value;
    // The browser words its own file input in its own language ("Choose File"), so the input is
    // hidden and a button of the element's, in the element's language, opens it.
    const chooser = h("input", {
      type: "file",
      accept: ".json,application/json",
      id: "file",
      part: "file",
      hidden: true,
      onchange: async () => {
        const file = chooser.files?.[0];
        if (file) this.value = await file.text();
      },
    });
    this.shadowRoot.replaceChildren(
      h("style", {}, STYLE),
      h(
        "div",
        { part: "body", lang: this.#spoken },
        h("h2", { part: "heading" }, t.validator),
        h("label", { for: "document" }, t.document),
        area,
        h("p", { id: "hint", class: "muted" }, t.dropHint),
        h(
          "p",
          {},
          h("button", { type: "button", part: "button choose", onclick: () => chooser.click() }, t.chooseFile),
          chooser,
          " ",
          h("button", { type: "button", part: "button", onclick: () => this.check() }, t.check),
        ),
        h("p", { id: "summary", role: "status", "aria-live": "polite", part: "summary" }),
        h("ol", { class: "problems", part: "problems" }),
        h("h3", { id: "source-heading" }, t.source),
        h("pre", { part: "source", "aria-labelledby": "source-heading", tabindex: "0" }),
      ),
    );
  }

  /** Checks the text now and shows the result. */
  check() {
    if (!this.#built || !this.#ready) return;
    const lang = this.language;
    const t = TEXT[lang];
    const root = this.shadowRoot;
    const summary = root.querySelector("#summary");
    const list = root.querySelector("ol.problems");
    const source = root.querySelector("pre");
    if (this.#value.trim() === "") {
      this.#problems = [];
      summary.textContent = t.empty;
      list.replaceChildren();
      source.replaceChildren();
      return;
    }
    try {
      this.#problems = validate(this.#value, { lang });
    } catch (error) {
      summary.replaceChildren(h("span", { role: "alert" }, error.message));
      return;
    }
    const errors = this.#problems.filter((p) => p.severity === "error").length;
    summary.textContent = this.#problems.length === 0 ? t.noProblems : `${t.counts(errors, this.#problems.length - errors)}.`;
    const { lines, lineOf } = sourceLines(this.#value, this.#problems);
    const marked = new Map();
    this.#problems.forEach((p, i) => {
      const line = lineOf(p);
      marked.set(line, [...(marked.get(line) ?? []), i]);
    });
    source.replaceChildren(
      ...lines.map((text, n) =>
        marked.has(n)
          ? h("mark", { "data-line": n + 1, "data-problems": marked.get(n).join(" "), part: "highlight" }, text + "\n")
          : text + "\n",
      ),
    );
    const show = (i) => {
      for (const mark of source.querySelectorAll("mark")) {
        const current = mark.dataset.problems.split(" ").includes(String(i));
        mark.classList.toggle("current", current);
        if (current) mark.scrollIntoView?.({ block: "nearest" });
      }
    };
    list.replaceChildren(
      ...this.#problems.map((p, i) =>
        h(
          "li",
          {
            tabindex: "0",
            part: "problem",
            "data-code": p.code,
            "data-path": p.path,
            "data-severity": p.severity,
            "data-line": lineOf(p) + 1,
            onclick: () => show(i),
            onkeydown: (event) => (event.key === "Enter" || event.key === " ") && (event.preventDefault(), show(i)),
          },
          h("span", { class: "badge", "data-status": p.severity }, t[p.severity]),
          " ",
          h("code", {}, p.code),
          " ",
          h("code", { class: "path" }, p.path || "/"),
          " ",
          p.message,
        ),
      ),
    );
    this.dispatchEvent(new CustomEvent("sundhedsaftale-validated", { detail: this.#problems, bubbles: true, composed: true }));
  }
}

/**
 * The lines to show for `text`, and the line each problem's path points to.
 * JSON is shown pretty-printed, with each JSON Pointer mapped to the line of
 * its value (a missing member maps to its parent); text that is not JSON is
 * shown as written, with a syntax error at the line the parser reported.
 */
function sourceLines(text, problems) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    const lines = text.split("\n");
    return { lines, lineOf: (p) => Math.max(0, Math.min(lines.length - 1, (p.context?.line ?? 1) - 1)) };
  }
  const lines = [];
  const at = new Map();
  const escape = (s) => s.replaceAll("~", "~0").replaceAll("/", "~1");
  const write = (value, pointer, indent, prefix, suffix) => {
    at.set(pointer, lines.length);
    const pad = "  ".repeat(indent);
    if (Array.isArray(value) && value.length) {
      lines.push(`${pad}${prefix}[`);
      value.forEach((v, i) => write(v, `${pointer}/${i}`, indent + 1, "", i < value.length - 1 ? "," : ""));
      lines.push(`${pad}]${suffix}`);
    } else if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
      lines.push(`${pad}${prefix}{`);
      const keys = Object.keys(value);
      keys.forEach((k, i) => write(value[k], `${pointer}/${escape(k)}`, indent + 1, `${JSON.stringify(k)}: `, i < keys.length - 1 ? "," : ""));
      lines.push(`${pad}}${suffix}`);
    } else {
      lines.push(`${pad}${prefix}${JSON.stringify(value)}${suffix}`);
    }
  };
  write(data, "", 0, "", "");
  const lineOf = (p) => {
    let pointer = p.path;
    while (!at.has(pointer) && pointer !== "") pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    return at.get(pointer) ?? 0;
  };
  return { lines, lineOf };
}

const ELEMENTS = {
  "sundhedsaftale-overview": OverviewElement,
  "sundhedsaftale-calendar": CalendarElement,
  "sundhedsaftale-follow-up": FollowUpElement,
  "sundhedsaftale-validator": ValidatorElement,
};
for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { AgreementElement, OverviewElement, CalendarElement, FollowUpElement, ValidatorElement };
