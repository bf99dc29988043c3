// Compiled with `tsc --strict --noEmit` by scripts/node-test.sh. The lines marked
// with an expect-error directive fail the build if the types were loose (any).
import {
  ParsedAgreement,
  ParsedMinutes,
  ValidationError,
  calendar,
  composition,
  nordjylland2024,
  parse,
  moduleRestarts,
  openNordjylland2024,
  parseMinutes,
  politiskKlyngeVest2021,
  statusOn,
  validate,
} from "sundhedsaftale";
import type {
  AgreementRole,
  CalendarEntry,
  Cluster,
  CompositionReport,
  DateInput,
  JsonValue,
  Organisation,
  Problem,
  Severity,
  Sitting,
  ValidityState,
} from "sundhedsaftale";

const agreement = nordjylland2024();
const state: ValidityState = statusOn(agreement, "2026-01-01").state;
const problems: Problem[] = validate(JSON.stringify(agreement), { lang: "da" });
const severity: Severity = problems[0].severity;
const context: JsonValue = problems[0].context["rule"];
const entries: CalendarEntry[] = calendar(agreement, "2026-11-23");
const year: number | null | undefined = entries[0].year;
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

// A date is a YYYY-MM-DD string or a Date (its local calendar day); nothing else.
const today: DateInput = new Date();
const opened: ParsedAgreement = openNordjylland2024();
const todayState: ValidityState = opened.statusOn(today).state;
const onDate: CalendarEntry[] = calendar(opened, new Date(2026, 10, 24));
const restarts: number = moduleRestarts();
// @ts-expect-error: a number is not a date
opened.statusOn(20260101);
// @ts-expect-error: nor is null
opened.partiesOn(null);
// @ts-expect-error: a year is a number
opened.followUp("2024");
// @ts-expect-error: observations are text or an array, not a number
opened.followUp(2024, { observations: 5 });
console.log(todayState, onDate, restarts);

// The model queries return typed data.
const on = "2024-06-01";
const parties: Organisation[] = parsed.partiesOn(on);
const clusterIds: string[] = parsed.clustersOn(on).map((c: Cluster) => c.id);
const sittings: Sitting[] = parsed.membersOn("ssu", on);
const chair: "chair" | "vice_chair" | "member" | "observer" = sittings[0].membership.role;
const personName: string | undefined = sittings[0].person?.name;
const reports: CompositionReport[] = composition(agreement, "ssu", on);
const met: "met" | "not_met" | "not_assessed" = reports[0].findings[0].status;
const role: AgreementRole = parsed.rolesOn(on)[0].role;
const minutes: ParsedMinutes = parseMinutes(politiskKlyngeVest2021());
const present: string[] = minutes.attendanceByParty({ agreement: parsed })[0].present;
const meetingDate: string = minutes.data.meeting.date;
// @ts-expect-error: a role is a closed set
const badRole: "owner" = role;
// @ts-expect-error: minutes take an agreement, not a date
minutes.composition({ agreement: 2024 });
console.log(parties, clusterIds, chair, personName, met, present, meetingDate, badRole);

// The elements are typed, by tag name too.
import type { FollowUpElement, ValidatorElement } from "sundhedsaftale/elements";
const followUpElement: FollowUpElement | null = document.querySelector("sundhedsaftale-follow-up");
const shownYear: number | undefined = followUpElement?.year;
const validator: ValidatorElement = document.createElement("sundhedsaftale-validator");
validator.value = "{}";
const shownProblems: Problem[] = validator.problems;
// @ts-expect-error: the overview is not a validator
const notValidator: ValidatorElement = document.createElement("sundhedsaftale-overview");
console.log(shownYear, shownProblems, notValidator);
