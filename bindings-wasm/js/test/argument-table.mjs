// The wrong-type table, shared by the node suite (test/arguments.test.mjs)
// and the browser test (tools/browser-test.mjs), which runs it in the
// example page: every export of the package and every method of its classes
// (enumerated from the module namespace and the prototypes, so that a new
// export without an entry here fails), called with each wrong value in each
// argument position, the others valid. Each call must throw the exact error
// type expected, naming the argument, or give a problem list; and the module
// must never restart. Imports nothing: it runs on the namespace it is given.

/**
 * Runs the table on the package's namespace `sa` (node or browser entry
 * point). Returns what it covered and every failure, as text.
 */
export async function runTable(sa) {
  const HUGE = "x".repeat(sa.DEFAULT_INPUT_LIMIT + 1);
  const embeddedText = JSON.stringify(sa.nordjylland2024());

  /** The wrong values every argument position is called with. */
  const WRONG = {
    number: 5,
    object: {},
    array: [],
    null: null,
    undefined: undefined,
    Date: new Date(),
    symbol: Symbol("wrong"),
    bigint: 10n,
    "huge string": HUGE,
  };

  /**
   * What each kind of argument gives for each wrong value: TypeError unless
   * listed. "RangeError", "problems" (a ValidationError thrown or a list of
   * problems returned) or "accepted" (a valid value of that kind: no error).
   * `extra` are further wrong values of that kind, with what they give.
   */
  const KINDS = {
    date: { Date: "accepted", "huge string": "RangeError", extra: { "invalid Date": [new Date("x"), "RangeError"], "2024-13-01": ["2024-13-01", "RangeError"] } },
    agreement: { object: "problems", "huge string": "RangeError" },
    // A point of a document's history: a Date, a day or an edition's id (an unknown one is a problem).
    moment: { Date: "accepted", "huge string": "RangeError", extra: { '"no-such-edition"': ["no-such-edition", "problems"] } },
    // An optional agreement (minutes' `agreement` option): absent or null is the embedded one.
    "agreement?": { object: "problems", null: "accepted", undefined: "accepted", "huge string": "RangeError" },
    json: { "huge string": "RangeError", extra: { "not JSON": ["{", "problems"] } },
    minutes: { object: "problems", "huge string": "RangeError" },
    options: { object: "accepted", undefined: "accepted" },
    year: { number: "RangeError", extra: { "2024.5": [2024.5, "RangeError"], NaN: [NaN, "RangeError"], '"2024"': ["2024", "TypeError"] } },
    lang: { "huge string": "RangeError", extra: { '"de"': ["de", "RangeError"] } },
    "lang?": { undefined: "accepted", "huge string": "RangeError", extra: { '"de"': ["de", "RangeError"] } },
    id: { "huge string": "RangeError" },
    body: { "huge string": "RangeError" },
    text: { "huge string": "RangeError" },
    units: { number: "accepted" },
    input: { object: "problems" },
    problems: { array: "accepted" },
    source: { undefined: "accepted", "huge string": "accepted" },
    observations: { array: "accepted", undefined: "accepted", "huge string": "RangeError" },
    format: { undefined: "accepted", "huge string": "RangeError", extra: { '"xml"': ["xml", "RangeError"] } },
    targets: { array: "accepted", undefined: "accepted" },
    weights: { object: "accepted", undefined: "accepted" },
    count: { number: "accepted", undefined: "accepted", extra: { NaN: [NaN, "RangeError"] } },
    // A share from 0 to 1 (minCoverage, aggregateTolerance): 5 is a problem of the options.
    fraction: { number: "problems", undefined: "accepted", extra: { "0.5": [0.5, "accepted"], NaN: [NaN, "RangeError"], Infinity: [Infinity, "RangeError"] } },
    dialect: { undefined: "accepted" },
    // Only with a published format: alone, any mapping is a TypeError.
    "mapping?": { undefined: "accepted" },
    table: { "huge string": "RangeError" },
    // `{ format, mapping }`, both required: every wrong value is a TypeError.
    published: {},
    "boolean?": { undefined: "accepted" },
    // A function that takes no argument ignores one.
    ignored: Object.fromEntries(Object.keys(WRONG).map((k) => [k, "accepted"])),
    // A class only this package constructs.
    private: {},
  };

  const shared = sa.openNordjylland2024();
  const minutes = sa.politiskKlyngeVest2021();
  const validationError = (() => {
    try {
      sa.parse("{");
    } catch (e) {
      return e;
    }
  })();
  const progressInput = { base: { period: "2020", value: 10 }, current: { period: "2024", value: 12 }, direction: "higher_is_better" };
  const FOLLOW_UP_FIELDS = {
    observations: "observations",
    format: "format",
    targets: "targets",
    weights: "weights",
    smallCountThreshold: "count",
    minCoverage: "fraction",
    aggregateTolerance: "fraction",
    dialect: "dialect",
    mapping: "mapping?",
  };
  const LANG = { lang: "lang?" };
  const MINUTES = { agreement: "agreement?" };

  // Each argument: [name, kind, valid value, option fields (name → kind) for an options object].
  const date = ["on", "date", "2024-06-01"];
  const agreement = ["agreement", "agreement", shared];
  const options = (fields) => ["options", "options", undefined, fields];
  const none = [["extra", "ignored", undefined]];

  /** Every export and method, by how the enumeration names it. */
  const SPEC = {
    // Receivers of methods are made fresh for each call (a call may free it).
    "new ValidationError": { args: [["problems", "problems", []]] },
    "ValidationError.prototype.errorsIn": { self: () => validationError, args: [["lang", "lang", "en"], options({ redact: "boolean?" })] },
    "new ProgressError": { args: [["code", "id", "zero_base"], ["message", "text", "no base"]] },
    "new ParsedAgreement": { args: [["token", "private", undefined]] },
    "new ParsedMinutes": { args: [["minutes", "minutes", minutes]], then: (m) => m.problems() },
    ready: { args: [["source", "source", undefined]] },
    loadExcel: { args: none },
    setInputLimit: { args: [["units", "units", 1000]], cleanup: () => sa.setInputLimit(sa.DEFAULT_INPUT_LIMIT) },
    moduleRestarts: { args: none },
    nordjylland2024: { args: none },
    openNordjylland2024: { args: none },
    politiskKlyngeVest2021: { args: none },
    ruleSets: { args: none },
    catalogue: { args: none },
    labels: { args: none },
    label: { args: [["kind", "id", "status"], ["code", "id", "deterioration"], ["lang", "lang?", "en"]] },
    parse: { args: [["json", "json", embeddedText]] },
    validate: { args: [["json", "json", embeddedText], options(LANG)] },
    statusOn: { args: [agreement, date] },
    calendar: { args: [agreement, date] },
    report: { args: [agreement, date, options(LANG)] },
    rolesOn: { args: [agreement, date] },
    partiesOn: { args: [agreement, date] },
    clustersOn: { args: [agreement, date] },
    bodiesOn: { args: [agreement, date] },
    membersOn: { args: [agreement, ["body", "body", "ssu"], date] },
    composition: { args: [agreement, ["body", "body", "ssu"], date] },
    followUp: { args: [agreement, ["year", "year", 2024], options(FOLLOW_UP_FIELDS)] },
    progress: { args: [["input", "input", progressInput]] },
    places: { args: [date] },
    place: { args: [["text", "text", "Aalborg"], date] },
    readObservations: {
      args: [
        ["source", "table", "OMRÅDE;TID;INDHOLD\r\n851;2024;1\r\n"],
        ["options", "published", { format: "statbank", mapping: { indicator: "x", place: "OMRÅDE", period: "TID", value: "INDHOLD" } }],
      ],
    },
    parseMinutes: { args: [["minutes", "minutes", minutes]], then: (m) => m.problems() },
    validateMinutes: { args: [["minutes", "minutes", minutes], options({ ...LANG, ...MINUTES })] },
  };
  const agreementMethods = {
    statusOn: [date],
    problemsOn: [date, options(LANG)],
    asOf: [date],
    diff: [["from", "moment", "2024-01-01"], ["to", "moment", "2024-06-01"]],
    calendar: [date],
    report: [date, options(LANG)],
    validate: [options(LANG)],
    rolesOn: [date],
    partiesOn: [date],
    clustersOn: [date],
    clusterOf: [["municipality", "id", "thisted"], date],
    bodiesOn: [date],
    membersOn: [["body", "body", "ssu"], date],
    composition: [["body", "body", "ssu"], date],
    organisation: [["id", "id", "aalborg"]],
    body: [["id", "id", "ssu"]],
    cluster: [["id", "id", "vest"]],
    person: [["id", "id", "nope"]],
    followUp: [["year", "year", 2024], options(FOLLOW_UP_FIELDS)],
    toJSON: none,
    free: none,
  };
  for (const [name, args] of Object.entries(agreementMethods)) {
    SPEC[`ParsedAgreement.prototype.${name}`] = { self: () => sa.openNordjylland2024(), args, done: (a) => a.free() };
  }
  const minutesMethods = {
    problems: [options({ ...LANG, ...MINUTES })],
    report: [options({ ...LANG, ...MINUTES })],
    attendanceByParty: [options(MINUTES)],
    composition: [options(MINUTES)],
    toJSON: none,
  };
  for (const [name, args] of Object.entries(minutesMethods)) {
    SPEC[`ParsedMinutes.prototype.${name}`] = { self: () => sa.parseMinutes(minutes), args };
  }

  /** Every function of the package: its exports, its classes' constructors and their methods (getters take no argument). */
  function enumerate() {
    const names = [];
    for (const [key, value] of Object.entries(sa)) {
      if (typeof value !== "function") continue; // DEFAULT_INPUT_LIMIT
      if (/^class\b/.test(Function.prototype.toString.call(value))) {
        names.push(`new ${key}`);
        for (const method of Object.getOwnPropertyNames(value.prototype)) {
          if (method !== "constructor" && typeof Object.getOwnPropertyDescriptor(value.prototype, method).value === "function") {
            names.push(`${key}.prototype.${method}`);
          }
        }
      } else names.push(key);
    }
    return names.sort();
  }

  /** Calls function `name` of the spec with `args` (on a fresh receiver for a method), awaiting a promise. */
  async function invoke(name, spec, args) {
    const self = spec.self?.();
    try {
      let result;
      if (name.startsWith("new ")) result = new sa[name.slice(4)](...args);
      else if (name.includes(".prototype.")) result = self[name.split(".").pop()](...args);
      else result = sa[name](...args);
      if (result instanceof Promise) result = await result;
      if (spec.then) result = spec.then(result);
      return { result };
    } catch (error) {
      return { error };
    } finally {
      spec.cleanup?.();
      if (self !== undefined) spec.done?.(self);
    }
  }

  /** Every case of the table: [function, argument name, wrong value's name, value, expected, args]. */
  function cases() {
    const all = [];
    for (const name of Object.keys(SPEC).sort()) {
      const spec = SPEC[name];
      const valid = spec.args.map(([, , v]) => v);
      spec.args.forEach(([argName, kind, , fields], i) => {
        const positions = [[argName, kind, (v) => valid.with(i, v)]];
        for (const [field, fieldKind] of Object.entries(fields ?? {})) {
          positions.push([`${argName}.${field}`, fieldKind, (v) => valid.with(i, { [field]: v })]);
        }
        for (const [label, kindName, build] of positions) {
          const table = KINDS[kindName];
          if (!table) throw new Error(`no kind ${kindName}`);
          const values = [
            ...Object.entries(WRONG).map(([w, v]) => [w, v, table[w] ?? "TypeError"]),
            ...Object.entries(table.extra ?? {}).map(([w, [v, want]]) => [w, v, want]),
          ];
          for (const [wrong, value, want] of values) all.push([name, label, wrong, want, build(value), spec]);
        }
      });
    }
    return all;
  }

  const restarts = sa.moduleRestarts();
  const table = cases();
  let assertions = 0;
  const failures = [];
  for (const [name, arg, wrong, want, args, spec] of table) {
    const { result, error } = await invoke(name, spec, args);
    const at = `${name}: ${arg} = ${wrong}`;
    const check = (ok, what) => {
      assertions += 1;
      if (!ok) failures.push(`${at}: expected ${want}, ${what}`);
    };
    if (want === "TypeError" || want === "RangeError") {
      const type = want === "TypeError" ? TypeError : RangeError;
      check(error instanceof type, `got ${error ? `${error.name}: ${error.message}` : "no error"}`);
      // The message names the argument (the module's own RangeError for a malformed date names the value).
      const message = error?.message ?? "";
      const named = kindOf(spec, arg) === "private" ? /not constructed/.test(message) : message.includes(`\`${arg}`) || (wrong === "2024-13-01" && message.includes("`2024-13-01`"));
      check(named, `the message does not name \`${arg}\`: ${message}`);
    } else if (want === "problems") {
      const problems = error instanceof sa.ValidationError ? error.errors : error === undefined && Array.isArray(result) ? result : null;
      check(problems !== null && problems.length > 0 && problems.every((p) => typeof p.code === "string"), `got ${error ? `${error.name}: ${error.message}` : JSON.stringify(result)?.slice(0, 80)}`);
    } else {
      check(error === undefined, `got ${error?.name}: ${error?.message}`);
    }
    check(sa.moduleRestarts() === restarts, "the module restarted");
  }
  // An agreement parsed before the table still answers.
  const stillOpen = shared.statusOn("2024-06-01").state === "in_force";
  return {
    specified: Object.keys(SPEC).sort(),
    enumerated: enumerate(),
    calls: table.length,
    assertions,
    failures,
    restarts: sa.moduleRestarts() - restarts,
    stillOpen,
  };

  function kindOf(spec, arg) {
    return spec.args.find(([name]) => name === arg)?.[1];
  }
}
