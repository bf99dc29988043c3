// The web components defined by importing "sundhedsaftale/elements".
import type { Agreement, Lang, ParsedAgreement, Problem, SourceMapping } from "./index.js";

/** What the agreement-showing elements share. */
export declare class AgreementElement extends HTMLElement {
  /**
   * The display language: the element's own `lang` attribute, else that of
   * the nearest ancestor with one (`<html lang="en">`), "en" when it is
   * English (`en`, `en-GB`, …) and "da" otherwise or when none is set. The
   * element renders again when either changes.
   */
  readonly language: Lang;
  /** The date shown (the `on` attribute, YYYY-MM-DD); today when absent. Set a Date for its calendar day in the local time zone. */
  get on(): string;
  set on(value: string | Date);
  /** The agreement shown: set a `ParsedAgreement`, the document, or its JSON text; reads the parsed agreement once loaded. */
  get agreement(): ParsedAgreement | null;
  set agreement(value: ParsedAgreement | Agreement | string | null);
  /** Loads what is missing and renders again. */
  refresh(): Promise<void>;
}
/** `<sundhedsaftale-overview>`: vision, focus areas, parties, clusters and status on a date. */
export declare class OverviewElement extends AgreementElement {}
/** `<sundhedsaftale-calendar>`: the follow-up calendar, due and overdue marked. */
export declare class CalendarElement extends AgreementElement {}
/** `<sundhedsaftale-follow-up>`: progress per place and indicator, with a chart per indicator. */
export declare class FollowUpElement extends AgreementElement {
  /** The `year` attribute; last year when absent. */
  readonly year: number;
  /** Observations as CSV text or an array of observation objects (instead of the `observations` URL); with `mapping`, a published table's text or bytes. */
  observations: string | object[] | ArrayBuffer | ArrayBufferView | undefined;
  /** How a published table (StatBank CSV, or JSON-stat by `format` or a .json URL) maps onto an indicator. */
  mapping: SourceMapping | undefined;
}
/** `<sundhedsaftale-validator>`: every problem of a pasted, dropped or chosen document, its place marked. */
export declare class ValidatorElement extends HTMLElement {
  /** The display language, as for the other elements: its own `lang`, else the nearest ancestor's; "da" unless English. */
  readonly language: Lang;
  /** The document text being checked; setting it checks it. */
  value: string;
  /** The problems of the last check, messages in the element's language. */
  readonly problems: Problem[];
  /** Checks the text now. */
  check(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "sundhedsaftale-overview": OverviewElement;
    "sundhedsaftale-calendar": CalendarElement;
    "sundhedsaftale-follow-up": FollowUpElement;
    "sundhedsaftale-validator": ValidatorElement;
  }
}
