// Compiled with `tsc --strict --noEmit` by scripts/node-test.sh. The lines marked
// with an expect-error directive fail the build if the types were loose (any).
import { ParsedAgreement, ValidationError, calendar, nordjylland2024, parse, statusOn, validate } from "sundhedsaftale";
import type { CalendarEntry, JsonValue, Problem, Severity, ValidityState } from "sundhedsaftale";

const agreement = nordjylland2024();
const state: ValidityState = statusOn(agreement, "2026-01-01").state;
const problems: Problem[] = validate(JSON.stringify(agreement), { lang: "da" });
const severity: Severity = problems[0].severity;
const context: JsonValue = problems[0].context["rule"];
const entries: CalendarEntry[] = calendar(agreement, "2026-11-23");
const year: number | null = entries[0].year;
// Every field of the document is typed, down to the codes.
const kind: "region" | "municipality" | "general_practice" | "private_providers" | "regional_unit" =
  agreement.organisations[0].kind;
const clusterMunicipalities: string[] = agreement.clusters[0].municipalities;
// @ts-expect-error: a body's kind is a closed set
const badKind: "parliament" = agreement.bodies[0].kind;

// @ts-expect-error: a problem has no such field
problems[0].nonexistent;
// @ts-expect-error: the severity is a closed set
const wrong: "fatal" = problems[0].severity;
// @ts-expect-error: languages are "en" and "da"
validate("{}", { lang: "de" });

const parsed: ParsedAgreement = parse(JSON.stringify(agreement));
const parsedState: ValidityState = parsed.statusOn("2026-01-01").state;
const title: string = parsed.title;
parsed.free();
// @ts-expect-error: a parsed agreement is made by parse, not constructed
new ParsedAgreement(0);

try {
  parse("{");
} catch (err) {
  if (err instanceof ValidationError) {
    const list: Problem[] = err.errorsIn("da");
    const name: "ValidationError" = err.name;
    console.log(list.length, name, state, severity, context, year, wrong, parsedState, title, kind, clusterMunicipalities, badKind);
  }
}
