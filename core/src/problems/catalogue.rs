//! The catalogue of problem codes.
//!
//! Every problem the library reports carries one of these codes. A code is a
//! stable, snake_case string: once released it keeps its meaning, so that
//! notebooks, web pages and CI scripts may match on it. Messages are rendered
//! from the templates here, in English and Danish, with `{name}` placeholders
//! filled from the problem's context. Keeping code, severity and both
//! templates on one line of one table is what keeps the two languages and the
//! documentation from drifting apart.
//!
//! ```
//! use sundhedsaftale::{catalogue, Code, Severity};
//! let code = Code::MunicipalityCodeMismatch;
//! let info = catalogue().into_iter().find(|c| c.code == code.as_str()).unwrap();
//! assert_eq!(info.code, "municipality_code_mismatch");
//! assert_eq!(info.severity, Severity::Error);
//! ```

use serde::{Deserialize, Serialize};

use crate::ground::lang::Lang;

/// How bad a problem is: part of each code's entry in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Advisory: the data is usable, but deviates from a rule (e.g. a composition rule set).
    Warning,
    /// Broken data: the document cannot be relied on until it is fixed.
    Error,
}

crate::ground::lang::labels!(Severity {
    Warning => ("warning", "advarsel"),
    Error => ("error", "fejl"),
});

impl Severity {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $code:literal, $severity:ident,
            en: $en:literal,
            da: $da:literal;
    )*) => {
        /// A stable problem code. See [`catalogue`] for the full list with meanings.
        ///
        /// ```
        /// use sundhedsaftale::Code;
        /// assert_eq!(Code::DuplicateId.as_str(), "duplicate_id");
        /// assert_eq!(Code::from_str("duplicate_id"), Some(Code::DuplicateId));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case string of this code.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Looks a code up by its snake_case string.
            #[allow(clippy::should_implement_trait)]
            pub fn from_str(code: &str) -> Option<Code> {
                match code { $($code => Some(Code::$variant),)* _ => None }
            }

            /// The severity a problem with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What the code means: its documentation, in English.
            pub fn meaning(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// The message template in `lang`, with `{name}` placeholders for context values.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Code::$variant, Lang::En) => $en, (Code::$variant, Lang::Da) => $da,)*
                }
            }
        }
    };
}

codes! {
    /// The text is not well-formed JSON.
    JsonSyntax = "json_syntax", Error,
        en: "The document is not valid JSON: {detail} (line {line}, column {column}).",
        da: "Dokumentet er ikke gyldig JSON: {detail} (linje {line}, kolonne {column}).";
    /// The bytes are not UTF-8 text, which JSON requires.
    InvalidEncoding = "invalid_encoding", Error,
        en: "The document is not UTF-8 text (first invalid byte at offset {offset}); save it as UTF-8 (in Excel: \"CSV UTF-8\").",
        da: "Dokumentet er ikke UTF-8-tekst (første ugyldige byte ved position {offset}); gem det som UTF-8 (i Excel: \"CSV UTF-8\").";
    /// A text holds a NUL or a bidirectional embedding, override or isolate, which can make it read as something else.
    ForbiddenCharacter = "forbidden_character", Error,
        en: "The text holds the forbidden character {character}.",
        da: "Teksten indeholder det forbudte tegn {character}.";
    /// A key appears twice in one JSON object; JSON parsers disagree on which value counts, so neither does.
    DuplicateKey = "duplicate_key", Error,
        en: "The key `{key}` appears more than once in the same object.",
        da: "Nøglen `{key}` forekommer mere end én gang i samme objekt.";
    /// A value has the wrong JSON type, e.g. a number where text is expected.
    InvalidType = "invalid_type", Error,
        en: "Wrong type: {detail}.",
        da: "Forkert type: {detail}.";
    /// A required field is absent.
    MissingField = "missing_field", Error,
        en: "The required field `{field}` is missing.",
        da: "Det obligatoriske felt `{field}` mangler.";
    /// A field is not part of the format (often a misspelling).
    UnknownField = "unknown_field", Error,
        en: "Unknown field `{field}`.",
        da: "Ukendt felt `{field}`.";
    /// A date or time is not a real one in the form YYYY-MM-DD or HH:MM:SS.
    InvalidDate = "invalid_date", Error,
        en: "Not a valid date or time (expected YYYY-MM-DD or HH:MM:SS): {detail}.",
        da: "Ikke en gyldig dato eller tid (forventet ÅÅÅÅ-MM-DD eller TT:MM:SS): {detail}.";
    /// A value is of the right type but not one of the allowed values.
    InvalidValue = "invalid_value", Error,
        en: "Invalid value: {detail}.",
        da: "Ugyldig værdi: {detail}.";
    /// The document's `schema_version` is not one this library reads.
    UnsupportedSchemaVersion = "unsupported_schema_version", Error,
        en: "Schema version {found} is not supported (supported: {supported}).",
        da: "Skemaversion {found} understøttes ikke (understøttet: {supported}).";
    /// The input needs a part of the library this build was compiled
    /// without (a cargo feature of the crate, such as `csv`).
    FeatureDisabled = "feature_disabled", Error,
        en: "This build of the library cannot read {format}: it was compiled without the `{feature}` feature.",
        da: "Denne udgave af biblioteket kan ikke læse {format}: den er bygget uden funktionen `{feature}`.";
    /// A text that must say something is empty or only white space.
    EmptyText = "empty_text", Error,
        en: "The text is empty.",
        da: "Teksten er tom.";
    /// Two items of the same kind share an id.
    DuplicateId = "duplicate_id", Error,
        en: "The id `{id}` is used more than once (first at {first}).",
        da: "Id'et `{id}` bruges mere end én gang (første gang ved {first}).";
    /// An id holds whitespace, a control character or a character that shows nothing (no-break space, zero-width space, soft hyphen, …): the id rule (`problems::ids`).
    IdCharacterNotAllowed = "id_character_not_allowed", Error,
        en: "The id `{shown}` holds {character} at character {position}; an id holds no whitespace, control or invisible characters.",
        da: "Id'et `{shown}` indeholder {character} som tegn nr. {position}; et id må ikke indeholde mellemrum, styretegn eller usynlige tegn.";
    /// An id is not in Unicode normal form C (a letter written as a base and a combining mark), so it would not match the same id typed another way.
    IdNotNormalised = "id_not_normalised", Error,
        en: "The id `{id}` is not in Unicode normal form C; composed, it is `{composed}`. Ids are compared exactly, so the two spellings would be two ids.",
        da: "Id'et `{id}` er ikke i Unicode-normalform C; sammensat er det `{composed}`. Id'er sammenlignes nøjagtigt, så de to stavemåder ville være to id'er.";
    /// Two ids of one kind differ only in case: allowed, but a reader takes them for one.
    IdsDifferOnlyInCase = "ids_differ_only_in_case", Warning,
        en: "The id `{id}` differs from `{other}` (at {first}) only in case; a reader takes them for the same.",
        da: "Id'et `{id}` adskiller sig kun fra `{other}` (ved {first}) ved store og små bogstaver; en læser tager dem for det samme.";
    /// A reference names an id that does not exist.
    UnknownReference = "unknown_reference", Error,
        en: "`{id}` does not name a known {kind}.",
        da: "`{id}` er ikke id'et på nogen kendt {kind}.";
    /// A reference points to an item of the wrong kind, e.g. a cluster that names a region as a municipality.
    WrongReferenceKind = "wrong_reference_kind", Error,
        en: "`{id}` is a {found}, but a {expected} is required here.",
        da: "`{id}` er af typen {found}, men her kræves {expected}.";
    /// An indicator is mapped to a focus area that does not exist.
    UnknownFocusArea = "unknown_focus_area", Error,
        en: "The indicator is mapped to the unknown focus area `{id}`.",
        da: "Indikatoren er knyttet til det ukendte pejlemærke `{id}`.";
    /// A region code is not one of the five Danish regions.
    UnknownRegionCode = "unknown_region_code", Error,
        en: "{code} is not a Danish region code (1081–1085).",
        da: "{code} er ikke en dansk regionskode (1081–1085).";
    /// A municipality's code or name disagrees with the official list for its region.
    MunicipalityCodeMismatch = "municipality_code_mismatch", Error,
        en: "Municipality `{name}` has code {code}; the official list for region {region_code} says {expected}.",
        da: "Kommunen `{name}` har kode {code}; den officielle liste for region {region_code} siger {expected}.";
    /// The agreement's parties leave out its region or one of the region's municipalities.
    PartyMissing = "party_missing", Error,
        en: "{name} ({code}) must be a party to the agreement but is not.",
        da: "{name} ({code}) skal være part i aftalen, men er det ikke.";
    /// The agreement's region no longer exists on the date asked (or on the day the agreement enters into force): it was merged into a successor (L 214, 2024–25). Said once, at the region, instead of once per municipality.
    RegionCeased = "region_ceased", Error,
        en: "{name} ({code}) no longer exists on {date}: it existed until {last_day}, and its municipalities belong to {successor} from {abolished}.",
        da: "{name} ({code}) findes ikke længere den {date}: den fandtes til og med {last_day}, og dens kommuner hører under {successor} fra {abolished}.";
    /// The agreement is in force by its own dates on a day the law may already have ended it (L 214, 2024–25 ends the health agreements in their current form, likely from 1 January 2027, a day no source confirms), and the document records no end of its own.
    EndedByLawUnconfirmed = "ended_by_law_unconfirmed", Warning,
        en: "On {date} the agreement may have ended by law: {law} ends the health agreements in their current form, likely from {from}, but no source confirms that day; the document records no end of its own.",
        da: "Den {date} kan aftalen være ophørt ved lov: {law} afskaffer sundhedsaftaler i deres nuværende form, sandsynligvis fra {from}, men ingen kilde bekræfter den dag; dokumentet angiver ikke selv et ophør.";
    /// A municipality belongs to two clusters of the same region at the same time.
    MunicipalityInSeveralClusters = "municipality_in_several_clusters", Error,
        en: "Municipality `{municipality}` is in both cluster `{cluster}` and cluster `{other}` on {date}.",
        da: "Kommunen `{municipality}` er både i klynge `{cluster}` og klynge `{other}` den {date}.";
    /// A municipality of the region belongs to no cluster when the agreement enters into force.
    MunicipalityWithoutCluster = "municipality_without_cluster", Error,
        en: "Municipality `{municipality}` belongs to no health cluster on {date}.",
        da: "Kommunen `{municipality}` hører ikke til nogen sundhedsklynge den {date}.";
    /// An end date lies before its start date.
    EndBeforeStart = "end_before_start", Error,
        en: "The end date {end} lies before the start date {start}.",
        da: "Slutdatoen {end} ligger før startdatoen {start}.";
    /// A membership starts before its body was established or ends after it was abolished.
    MembershipOutsideBodyLifetime = "membership_outside_body_lifetime", Error,
        en: "The membership ({from} to {to}) lies outside the lifetime of body `{body}` ({established} to {abolished}).",
        da: "Medlemskabet ({from} til {to}) ligger uden for organet `{body}`s levetid ({established} til {abolished}).";
    /// One person holds the same post twice over overlapping periods.
    OverlappingMemberships = "overlapping_memberships", Error,
        en: "{person} holds post `{post}` twice over overlapping periods (see {other}).",
        da: "{person} besætter posten `{post}` to gange i overlappende perioder (se {other}).";
    /// A percentage lies outside 0–100.
    PercentageOutOfRange = "percentage_out_of_range", Error,
        en: "{value} % is outside 0–100 %.",
        da: "{value} % ligger uden for 0–100 %.";
    /// A key figure states no year.
    KeyFigureMissingYear = "key_figure_missing_year", Error,
        en: "The key figure states no year.",
        da: "Nøgletallet angiver intet år.";
    /// A key figure states no source.
    KeyFigureMissingSource = "key_figure_missing_source", Error,
        en: "The key figure states no source.",
        da: "Nøgletallet angiver ingen kilde.";
    /// A change "since year X" names a year that is not before the figure's own year.
    ChangeNotBeforeYear = "change_not_before_year", Error,
        en: "The change is stated since {since}, which is not before the figure's year {year}.",
        da: "Ændringen er angivet siden {since}, som ikke ligger før nøgletallets år {year}.";
    /// The nominal duration of an agreement is zero or negative.
    NonPositiveDuration = "non_positive_duration", Error,
        en: "The nominal duration must be at least one month, not {months}.",
        da: "Den nominelle varighed skal være mindst én måned, ikke {months}.";
    /// A composition rule's minimum is above its maximum.
    RuleMinAboveMax = "rule_min_above_max", Error,
        en: "The rule's minimum {min} is above its maximum {max}.",
        da: "Reglens minimum {min} er større end dens maksimum {max}.";
    /// A due date of kind `fixed_date` names no date.
    DueDateMissing = "due_date_missing", Error,
        en: "The deadline is a fixed date, but no date is given.",
        da: "Fristen er en fast dato, men ingen dato er angivet.";
    /// A dispute does not say who carries the task while it is being settled.
    DisputeWithoutInterimResponsible = "dispute_without_interim_responsible", Error,
        en: "The dispute does not name who carries the task meanwhile; citizens must not be caught in between.",
        da: "Tvisten angiver ikke, hvem der har opgaven imens; borgerne må ikke komme i klemme.";
    /// The steps of a dispute do not climb the escalation ladder in date order.
    DisputeStepsOutOfOrder = "dispute_steps_out_of_order", Error,
        en: "Dispute step {index} goes down the ladder or back in time.",
        da: "Tvistens trin {index} går ned ad stigen eller tilbage i tid.";
    /// A dispute was taken above the level at which its kind is settled.
    DisputeAboveSettlementLevel = "dispute_above_settlement_level", Warning,
        en: "A {kind} dispute is settled at {settled_at}, but it was taken to {level}.",
        da: "En tvist af typen {kind} afgøres i {settled_at}, men den blev taget til {level}.";
    /// A successor agreement is said to enter into force before this agreement does.
    SuccessorBeforeAgreement = "successor_before_agreement", Error,
        en: "The successor enters into force on {successor}, before this agreement ({start}).",
        da: "Den efterfølgende aftale træder i kraft {successor}, før denne aftale ({start}).";
    /// A meeting is dated outside the lifetime of the body holding it.
    MeetingOutsideBodyLifetime = "meeting_outside_body_lifetime", Error,
        en: "Body `{body}` did not exist on {date} (it existed from {established} to {abolished}).",
        da: "Organet `{body}` eksisterede ikke den {date} (det eksisterede fra {established} til {abolished}).";
    /// An attendee claims a membership that was not held on the meeting date, or not in the meeting's body.
    MembershipNotHeld = "membership_not_held", Error,
        en: "Membership `{membership}` was not held in body `{body}` on {date}.",
        da: "Medlemskabet `{membership}` var ikke gældende i organet `{body}` den {date}.";
    /// A chair of the meeting is not listed as present.
    ChairNotPresent = "chair_not_present", Error,
        en: "The chair `{person}` is not listed as present.",
        da: "Mødelederen `{person}` er ikke opført som deltager.";
    /// A person is listed both as attending and as having sent apologies.
    AttendanceConflict = "attendance_conflict", Error,
        en: "`{person}` is listed both as attending and as having sent apologies.",
        da: "`{person}` er opført både som deltager og med afbud.";
    /// A person is listed twice in a meeting's attendance, the same way both times.
    AttendanceRepeated = "attendance_repeated", Error,
        en: "`{person}` is listed twice in the attendance (first at {first}).",
        da: "`{person}` er opført to gange i deltagerlisten (første gang ved {first}).";
    /// Someone introduced an item or took the minutes while listed as having sent apologies.
    ActedWhileAway = "acted_while_away", Error,
        en: "`{person}` {act}, but is listed as having sent apologies.",
        da: "`{person}` {act}, men er opført med afbud.";
    /// A person's title says whom they sit for (a regional council member for a region), and the organisation they sit for is of another kind.
    TitleDoesNotFitOrganisation = "title_does_not_fit_organisation", Error,
        en: "`{person}` is listed as {title}, who sits for a {expected}, but sits for `{organisation}`, a {found}.",
        da: "`{person}` er opført som {title}, der sidder for en {expected}, men sidder for `{organisation}`, som er en {found}.";
    /// Two agenda items, or two attachments of one item, carry the same number.
    NumberRepeated = "number_repeated", Error,
        en: "The number {number} is used twice (first at {first}).",
        da: "Nummeret {number} bruges to gange (første gang ved {first}).";
    /// Numbered items (agenda items, attachments) are listed out of their numbers' order.
    NumbersOutOfOrder = "numbers_out_of_order", Warning,
        en: "Number {number} comes after number {previous}.",
        da: "Nummer {number} kommer efter nummer {previous}.";
    /// An item with a recommendation, not postponed, has no minuted decision.
    DecisionMissing = "decision_missing", Error,
        en: "Item {number} has a recommendation and was not postponed, but no decision is minuted.",
        da: "Punkt {number} har en indstilling og blev ikke udskudt, men der er ikke ført nogen beslutning til referat.";
    /// A postponed item nevertheless records a decision.
    PostponedItemWithDecision = "postponed_item_with_decision", Error,
        en: "Item {number} was postponed, yet a decision is minuted.",
        da: "Punkt {number} blev udskudt, men der er alligevel ført en beslutning til referat.";
    /// A recommendation names another body than the one holding the meeting.
    RecommendationAddressedElsewhere = "recommendation_addressed_elsewhere", Warning,
        en: "The recommendation is addressed to `{addressed_to}`, but the meeting is held by `{body}`.",
        da: "Indstillingen er rettet til `{addressed_to}`, men mødet holdes af `{body}`.";
    /// A year has more or fewer project ideas than the improvement model asks for.
    ProjectIdeasOutOfRange = "project_ideas_out_of_range", Warning,
        en: "{count} project ideas in {year}; the improvement model asks for {min}–{max}.",
        da: "{count} projektidéer i {year}; forbedringsmodellen beder om {min}–{max}.";
    /// More projects are prioritised in a year than the improvement model allows.
    TooManyPrioritisedProjects = "too_many_prioritised_projects", Warning,
        en: "{count} projects prioritised for {year}; the improvement model prioritises {max} a year.",
        da: "{count} projekter prioriteret for {year}; forbedringsmodellen prioriterer {max} om året.";
    /// A project's phases do not follow the model's order without overlap.
    PhasesOutOfOrder = "phases_out_of_order", Warning,
        en: "Phase {phase} does not follow phase {previous} in the model's order without overlap.",
        da: "Fasen {phase} følger ikke fasen {previous} i modellens rækkefølge uden overlap.";
    /// A project under the improvement model names no external process facilitator.
    FacilitatorMissing = "facilitator_missing", Warning,
        en: "No external process facilitator is named.",
        da: "Der er ikke angivet nogen ekstern procesfacilitator.";
    /// A collaboration agreement states no goal.
    CollaborationAgreementWithoutGoal = "collaboration_agreement_without_goal", Warning,
        en: "The collaboration agreement states no goal.",
        da: "Samarbejdsaftalen angiver intet mål.";
    /// A collaboration agreement states no systematic follow-up.
    CollaborationAgreementWithoutFollowUp = "collaboration_agreement_without_follow_up", Warning,
        en: "The collaboration agreement states no systematic follow-up.",
        da: "Samarbejdsaftalen angiver ingen systematisk opfølgning.";
    /// A CSV file is malformed (unbalanced quotes, a row of the wrong length).
    CsvSyntax = "csv_syntax", Error,
        en: "The CSV is malformed near line {line}: {detail}.",
        da: "CSV-filen er fejlformet omkring linje {line}: {detail}.";
    /// A cell that should hold a number does not.
    InvalidNumber = "invalid_number", Error,
        en: "`{text}` is not a number ({at}).",
        da: "`{text}` er ikke et tal ({at}).";
    /// A number with a decimal point in a file whose decimal mark is a
    /// comma, where the point groups no thousands (`12.5`, not `1.234,5`):
    /// a slipped decimal point or a wrong grouping, either reading a guess.
    PointInDecimalCommaFile = "point_in_decimal_comma_file", Error,
        en: "`{text}` has a point, but the file writes decimals with a comma, and a point there only groups thousands (`1.234,5`); write `{written}` if it is a decimal number ({at}).",
        da: "`{text}` har et punktum, men filen skriver decimaler med komma, og dér adskiller et punktum kun tusinder (`1.234,5`); skriv `{written}`, hvis det er et decimaltal ({at}).";
    /// A period code is malformed.
    InvalidPeriod = "invalid_period", Error,
        en: "{detail} ({at}).",
        da: "{detail} ({at}).";
    /// A geography code is malformed.
    InvalidGeography = "invalid_geography", Error,
        en: "{detail} ({at}).",
        da: "{detail} ({at}).";
    /// A place is written by a code or name the reference data does not know.
    UnknownPlace = "unknown_place", Error,
        en: "`{text}` is not a municipality, a region or the country in the reference data (by code or by name).",
        da: "`{text}` er hverken en kommune, en region eller landet i referencedataene (efter kode eller navn).";
    /// A place name is spelt close to one place's name, but not as it.
    MisspeltPlace = "misspelt_place", Error,
        en: "`{text}` is not a known place name; did you mean {suggestion}?",
        da: "`{text}` er ikke et kendt stednavn; mente du {suggestion}?";
    /// A place name is close to several places' names.
    AmbiguousPlace = "ambiguous_place", Error,
        en: "`{text}` could mean several places: {candidates}. Write the code.",
        da: "`{text}` kan betyde flere steder: {candidates}. Skriv koden.";
    /// A place that exists by name has no code confirmed by a source.
    PlaceWithoutCode = "place_without_code", Error,
        en: "{name} has no code confirmed by a source yet, so data cannot be placed there.",
        da: "{name} har endnu ingen kode bekræftet af en kilde, så data kan ikke placeres der.";
    /// A place is observed for a period in which it does not exist (a cluster before it was established or after it was abolished, a region after a merger).
    PlaceNotInPeriod = "place_not_in_period", Error,
        en: "{name} (`{geography}`) does not exist {when}: it exists {life}.",
        da: "{name} (`{geography}`) findes ikke {when}: den findes {life}.";
    /// A source mapping gives the value in no way, or in several at once (a value column and a measure), or a numerator without a denominator.
    MappingValueColumns = "mapping_value_columns", Error,
        en: "The mapping gives {given}: it needs `value`, or `numerator` and `denominator`, or a `measure` (one of these ways).",
        da: "Kildebeskrivelsen angiver {given}: den skal angive `value`, eller `numerator` og `denominator`, eller en `measure` (én af disse måder).";
    /// A published number written with a point before three digits (`1.000`), which is a decimal point or a Danish thousands separator.
    AmbiguousNumber = "ambiguous_number", Error,
        en: "`{text}` can be read as {point} or as {grouped} ({at}): write it without a thousands separator, or with a decimal comma.",
        da: "`{text}` kan læses som {point} eller som {grouped} ({at}): skriv tallet uden tusindtalsseparator eller med decimalkomma.";
    /// A long table's mapping names no value column, and not exactly one column it does not mention holds numbers.
    MeasureValuesUnknown = "measure_values_unknown", Error,
        en: "The mapping's `measure` does not name the column of values, and {count} columns the mapping does not mention hold numbers ({columns}): name it in `measure.values`.",
        da: "Kildebeskrivelsens `measure` nævner ikke kolonnen med værdierne, og {count} kolonner, som kildebeskrivelsen ikke nævner, har tal ({columns}): angiv den i `measure.values`.";
    /// A source mapping names one column (or one dimension) for two roles.
    ColumnMappedTwice = "column_mapped_twice", Error,
        en: "`{column}` is mapped again; it is mapped at {first} already.",
        da: "`{column}` er beskrevet igen; den er allerede beskrevet ved {first}.";
    /// A source mapping names a column the table does not have.
    MappingColumnMissing = "mapping_column_missing", Error,
        en: "The mapping names the column `{column}`, which the table does not have (it has {columns}).",
        da: "Kildebeskrivelsen nævner kolonnen `{column}`, som tabellen ikke har (den har {columns}).";
    /// A table's column holds several categories that its mapping neither maps as a stratum nor keeps: rows would repeat one another.
    ColumnNotMapped = "column_not_mapped", Error,
        en: "The column `{column}` holds several categories ({categories}), but the mapping neither maps it as a stratum nor keeps one of them: its rows would repeat one another.",
        da: "Kolonnen `{column}` har flere kategorier ({categories}), men kildebeskrivelsen hverken beskriver den som en opdeling eller beholder én af dem: dens rækker ville gentage hinanden.";
    /// A table's cell holds a category its mapping does not map.
    UnmappedCategory = "unmapped_category", Error,
        en: "`{text}` is not a category the mapping maps ({categories}) at {at}.",
        da: "`{text}` er ikke en kategori, kildebeskrivelsen beskriver ({categories}), ved {at}.";
    /// A JSON-stat dataset does not hold together as a cube.
    JsonstatMalformed = "jsonstat_malformed", Error,
        en: "The JSON-stat dataset does not hold together: {detail}.",
        da: "JSON-stat-datasættet hænger ikke sammen: {detail}.";
    /// A workbook has no sheet of the name asked for.
    SheetNotFound = "sheet_not_found", Error,
        en: "The workbook has no sheet `{sheet}` (it has {sheets}).",
        da: "Projektmappen har intet ark `{sheet}` (den har {sheets}).";
    /// The bytes are not an Excel workbook that can be read.
    WorkbookUnreadable = "workbook_unreadable", Error,
        en: "The workbook cannot be read: {detail}.",
        da: "Projektmappen kan ikke læses: {detail}.";
    /// A row gives neither a value nor a numerator and denominator.
    MissingValue = "missing_value", Error,
        en: "There is neither a value nor a numerator and denominator at {at}.",
        da: "Der er hverken en værdi eller en tæller og nævner ved {at}.";
    /// An observation without a value gives half a fraction: a numerator without a denominator, or the other way round (a long table without the other measure's row).
    IncompleteFraction = "incomplete_fraction", Error,
        en: "The {given} is given but not the {missing}, and there is no value ({at}).",
        da: "{given} er angivet, men ikke {missing}, og der er ingen værdi ({at}).";
    /// Two rows share indicator, place, period and disaggregation.
    DuplicateObservation = "duplicate_observation", Error,
        en: "The observation at {at} repeats the indicator, place, period and disaggregation of the one at {first_at}.",
        da: "Observationen ved {at} gentager indikator, sted, periode og opdeling fra den ved {first_at}.";
    /// A value disagrees with its numerator and denominator.
    ValueMismatch = "value_mismatch", Error,
        en: "The value {value} disagrees with numerator / denominator, which gives {computed} ({at}).",
        da: "Værdien {value} stemmer ikke med tæller / nævner, som giver {computed} ({at}).";
    /// A period is of another type than the indicator's.
    WrongPeriodType = "wrong_period_type", Error,
        en: "The period {period} is not of the indicator's type {expected} ({at}).",
        da: "Perioden {period} er ikke af indikatorens type {expected} ({at}).";
    /// Two columns of a CSV header have the same name (ignoring case).
    DuplicateColumn = "duplicate_column", Error,
        en: "Column {position} is named `{column}` like column {first}.",
        da: "Kolonne {position} hedder `{column}` ligesom kolonne {first}.";
    /// The CSV file's header is one column holding the other separator: the file is separated differently.
    WrongSeparator = "wrong_separator", Error,
        en: "The header is one column containing `{found}`: the file seems separated by `{found}`, not `{separator}`.",
        da: "Overskriften er én kolonne, der indeholder `{found}`: filen ser ud til at være adskilt med `{found}`, ikke `{separator}`.";
    /// A denominator of zero: the fraction has no value.
    ZeroDenominator = "zero_denominator", Error,
        en: "The denominator is 0 (numerator {numerator}): the fraction has no value.",
        da: "Nævneren er 0 (tæller {numerator}): brøken har ingen værdi.";
    /// A count (numerator, denominator, or the value of a count indicator) is negative.
    NegativeCount = "negative_count", Error,
        en: "A count cannot be negative: {count}.",
        da: "Et antal kan ikke være negativt: {count}.";
    /// For a percentage, the numerator is larger than the denominator.
    NumeratorAboveDenominator = "numerator_above_denominator", Error,
        en: "The numerator {numerator} is above the denominator {denominator}, which a percentage cannot be.",
        da: "Tælleren {numerator} er større end nævneren {denominator}, hvilket en procentandel ikke kan være.";
    /// A count (or a numerator or denominator counting people or events) has a fraction.
    CountNotWhole = "count_not_whole", Error,
        en: "A count is a whole number: {value} is not.",
        da: "Et antal er et helt tal, hvad {value} ikke er.";
    /// A value is below the least its unit allows (a negative duration, ratio or rate).
    ValueBelowUnitMinimum = "value_below_unit_minimum", Error,
        en: "{value} is below {min}, the least a value in this unit can be.",
        da: "{value} er mindre end {min}, det mindste en værdi i denne enhed kan være.";
    /// A value is above the most its unit allows (years above the longest documented human life).
    ValueAboveUnitMaximum = "value_above_unit_maximum", Error,
        en: "{value} is above {max}, the most a value in this unit can be.",
        da: "{value} er større end {max}, det højeste en værdi i denne enhed kan være.";
    /// A value is possible in its unit but unlikely: a rate above its factor counts more events than people.
    ValueImplausibleForUnit = "value_implausible_for_unit", Warning,
        en: "{value} is above {max}: more events than people are counted, as with contacts per inhabitant; check that the value is right.",
        da: "{value} er større end {max}: der tælles flere hændelser end personer, som ved kontakter pr. indbygger; kontrollér, at værdien er rigtig.";
    /// Summing observations upwards gave a number too large to represent.
    SumNotFinite = "sum_not_finite", Error,
        en: "The sum for `{indicator}` at `{geography}` in {period} is too large to represent.",
        da: "Summen for `{indicator}` i `{geography}` i {period} er for stor til at kunne repræsenteres.";
    /// Observations for periods after the year followed up are not used.
    PeriodOutsideWindow = "period_outside_window", Warning,
        en: "Not used: {observations} for {period}, after the year followed up ({year}).",
        da: "Bruges ikke: {observations} for {period}, efter det opfølgede år ({year}).";
    /// A place observed as a whole disagrees with the sum of its municipalities, all of them observed for the same indicator, period and stratum; the stated figure is used.
    AggregateDisagreesWithParts = "aggregate_disagrees_with_parts", Warning,
        en: "{name} (`{geography}`) is stated as {stated} for {indicator_name} (`{indicator}`) in {period} ({at}), but its {municipalities} municipalities give {parts}; the stated figure is used.",
        da: "{name} (`{geography}`) er angivet som {stated} for {indicator_name} (`{indicator}`) i {period} ({at}), men dens {municipalities} kommuner giver {parts}; det angivne tal bruges.";
    /// A place observed as a whole, all of whose municipalities are observed
    /// too by value alone (a rate, no weights), is outside the range of their
    /// values: no mean of them can give it. The stated figure is used.
    AggregateOutsideParts = "aggregate_outside_parts", Warning,
        en: "{name} (`{geography}`) is stated as {stated} for {indicator_name} (`{indicator}`) in {period} ({at}), but its {municipalities} municipalities run from {low} to {high}, and no mean of them can be {stated}; the stated figure is used.",
        da: "{name} (`{geography}`) er angivet som {stated} for {indicator_name} (`{indicator}`) i {period} ({at}), men dens {municipalities} kommuner ligger mellem {low} og {high}, og intet gennemsnit af dem kan være {stated}; det angivne tal bruges.";
    /// A stated total (a row without a stratum, or the dimension's total category) disagrees with the sum of every declared category of the dimension; the stated total is used.
    TotalDisagreesWithStrata = "total_disagrees_with_strata", Warning,
        en: "The total of {indicator_name} (`{indicator}`) at `{geography}` in {period} is stated as {stated} ({at}), but its {categories} categories of `{dimension}` give {strata}; the stated total is used.",
        da: "Totalen for {indicator_name} (`{indicator}`) i `{geography}` i {period} er angivet som {stated} ({at}), men dens {categories} kategorier af `{dimension}` giver {strata}; den angivne total bruges.";
    /// A follow-up option is outside the range it can take.
    OptionOutOfRange = "option_out_of_range", Error,
        en: "The option `{option}` is {value}; it must be from {min} to {max}.",
        da: "Indstillingen `{option}` er {value}; den skal være fra {min} til {max}.";
    /// A follow-up has rows for a region whose code no source confirms (Region Østdanmark, from 2027): they are written with the reference data's id.
    RegionCodeUnknown = "region_code_unknown", Warning,
        en: "{name} has no region code confirmed by a source yet; its rows are written `{geography}`, with the reference data's id instead of a code.",
        da: "{name} har endnu ingen regionskode bekræftet af en kilde; dens rækker skrives `{geography}` med referencedataenes id i stedet for en kode.";
    /// Value-only observations of a non-additive unit cannot be aggregated without weights.
    AggregationNeedsWeights = "aggregation_needs_weights", Error,
        en: "Indicator `{indicator}` has only values (no numerator and denominator) for `{geography}` in {period}; aggregating them needs explicit weights, not a plain mean.",
        da: "Indikatoren `{indicator}` har kun værdier (ingen tæller og nævner) for `{geography}` i {period}; at lægge dem sammen kræver eksplicitte vægte, ikke et simpelt gennemsnit.";
    /// A declared indicator lacks what the follow-up needs (a unit or a period type), so it is not followed up.
    IndicatorNotFollowedUp = "indicator_not_followed_up", Warning,
        en: "Indicator `{id}` cannot be followed up: it has no `{missing}`.",
        da: "Indikatoren `{id}` kan ikke følges op: den mangler `{missing}`.";
    /// A key figure is a change (percentage points), not a level, so it is not followed up as a series.
    KeyFigureNotALevel = "key_figure_not_a_level", Warning,
        en: "Key figure `{id}` is a change, not a level; it is not followed up as a series.",
        da: "Nøgletallet `{id}` er en ændring, ikke et niveau; det følges ikke op som en serie.";
    /// An indicator's factor is not its unit's (100 for percent, 1,000 for a rate per 1,000, 1 for the rest).
    FactorDoesNotMatchUnit = "factor_does_not_match_unit", Error,
        en: "The factor is {factor}, but an indicator in {unit} has the factor {expected}.",
        da: "Faktoren er {factor}, men en indikator i {unit} har faktoren {expected}.";
    /// An indicator defines one term of its fraction (numerator or denominator) but not the other.
    FractionIncomplete = "fraction_incomplete", Error,
        en: "Indicator `{indicator}` states a {given} but no {missing}.",
        da: "Indikatoren `{indicator}` angiver en {given}, men ingen {missing}.";
    /// An agreement names itself as its own successor.
    OwnSuccessor = "own_successor", Error,
        en: "The agreement names itself (`{successor}`) as its successor.",
        da: "Aftalen angiver sig selv (`{successor}`) som den aftale, der afløser den.";
    /// A target is for a place outside the agreement's region (the country is allowed: it is what a region compares with).
    TargetOutsideRegion = "target_outside_region", Error,
        en: "The target is for {name} (`{geography}`), which is outside the agreement's region (`{region}`).",
        da: "Målet gælder {name} (`{geography}`), som ligger uden for aftalens region (`{region}`).";
    /// A seat on a cluster's body, or a council member at its meeting, is for a municipality outside the cluster.
    SeatOutsideCluster = "seat_outside_cluster", Error,
        en: "`{organisation}` is not a municipality of cluster `{cluster}`, whose body `{body}` this seat belongs to.",
        da: "`{organisation}` er ikke en kommune i klyngen `{cluster}`, hvis organ `{body}` denne plads hører til.";
    /// A follow-up duty's deadline does not fit its kind (a midterm status due at the end of the period).
    DueDoesNotFitDuty = "due_does_not_fit_duty", Error,
        en: "A {kind} cannot be due at \"{due}\".",
        da: "En {kind} kan ikke have frist ved \"{due}\".";
    /// A party approves the agreement twice, or the agreement enters into force twice.
    LifecycleEventRepeated = "lifecycle_event_repeated", Error,
        en: "The {kind} is recorded twice (first at {first}).",
        da: "{kind} er registreret to gange (første gang ved {first}).";
    /// A body or cluster is named twice for one duty (twice in a list, or as both responsible and involved).
    ReferenceRepeated = "reference_repeated", Error,
        en: "`{id}` is named twice for this duty (first at {first}).",
        da: "`{id}` er nævnt to gange for denne opgave (første gang ved {first}).";
    /// A key figure, where the agreement starts from, is measured after the year the agreement enters into force.
    KeyFigureAfterAgreement = "key_figure_after_agreement", Error,
        en: "Key figure `{id}` is from {year}, after the agreement enters into force ({from}).",
        da: "Nøgletallet `{id}` er fra {year}, efter at aftalen træder i kraft ({from}).";
    /// A target is due before the agreement enters into force.
    TargetDueBeforeAgreement = "target_due_before_agreement", Error,
        en: "The target is due in {due}, before the agreement enters into force ({from}).",
        da: "Målet skal nås i {due}, før aftalen træder i kraft ({from}).";
    /// A decision another body took, reported at a meeting, is dated after that meeting.
    ConsultationAfterMeeting = "consultation_after_meeting", Error,
        en: "`{body}` is said to have acted on {date}, after this meeting ({meeting}), which reports it.",
        da: "`{body}` siges at have handlet den {date}, efter dette møde ({meeting}), som omtaler det.";
    /// The meeting's number contradicts the number in its own title ("4. møde").
    NumberContradictsTitle = "number_contradicts_title", Error,
        en: "The meeting is number {number}, but its title says {in_title}.",
        da: "Mødet har nummer {number}, men titlen siger {in_title}.";
    /// A key figure's value is not the figure its own statement gives.
    ValueContradictsStatement = "value_contradicts_statement", Error,
        en: "Key figure `{id}` has the value {value}, but its statement gives {stated} %.",
        da: "Nøgletallet `{id}` har værdien {value}, men dets tekst angiver {stated} %.";
    /// Two items of one kind (people, clusters, bodies, projects) have the same name: likely one recorded twice, or a name copied by mistake.
    NameRepeated = "name_repeated", Warning,
        en: "The name \"{name}\" is used twice (first at {first}).",
        da: "Navnet \"{name}\" bruges to gange (første gang ved {first}).";
    /// A body and its predecessor serve different scopes (one a cluster's, the other the region's).
    PredecessorOfAnotherScope = "predecessor_of_another_scope", Error,
        en: "`{body}` and its predecessor `{predecessor}` serve different scopes: one belongs to a cluster, the other to the whole region.",
        da: "`{body}` og forgængeren `{predecessor}` dækker forskellige niveauer: det ene hører til en klynge, det andet til hele regionen.";
    /// A body exists when the law does not provide for its kind (a health coordination committee after 1 July 2022).
    BodyKindNotInLaw = "body_kind_not_in_law", Error,
        en: "`{body}` is a {kind}, which the law provides for from {from} until {until}, but it exists outside that time.",
        da: "`{body}` er et {kind}, som loven giver hjemmel til fra {from} til {until}, men organet findes uden for det tidsrum.";
    /// A cluster has two bodies of one kind at the same time (two political health clusters).
    BodiesOverlapInCluster = "bodies_overlap_in_cluster", Error,
        en: "`{body}` is a second {kind} of cluster `{cluster}` while `{other}` exists.",
        da: "`{body}` er endnu et {kind} i klyngen `{cluster}`, mens `{other}` findes.";
    /// A title text names another organisation or another office than the record it belongs to.
    TitleTextContradicts = "title_text_contradicts", Error,
        en: "The title \"{title_text}\" names {named}, but the record says {recorded}.",
        da: "Titlen \"{title_text}\" nævner {named}, men registreringen siger {recorded}.";
    /// A range target's low end is above its high end.
    RangeInverted = "range_inverted", Error,
        en: "The range's low end, {low}, is above its high end, {high}.",
        da: "Intervallets nedre grænse, {low}, ligger over den øvre, {high}.";
    /// A target is due in a period that does not end after the period it is measured from.
    DueNotAfterBase = "due_not_after_base", Error,
        en: "The target is due in {due}, which does not end after {base}, the period it is measured from.",
        da: "Målet skal nås i {due}, som ikke slutter efter {base}, den periode det måles fra.";
    /// A target's kind does not fit its series' direction: a range needs an optimal range, a value or a change needs higher or lower to be better.
    TargetKindDoesNotFitDirection = "target_kind_does_not_fit_direction", Error,
        en: "A target of the kind \"{kind}\" does not fit an indicator whose direction is \"{direction}\".",
        da: "Et mål af typen \"{kind}\" passer ikke til en indikator med retningen \"{direction}\".";
    /// A relative change target goes the worse way for its series' direction (an increase where lower is better).
    TargetAgainstDirection = "target_against_direction", Error,
        en: "The target is a change of {change_percent} %, but the indicator's direction is \"{direction}\".",
        da: "Målet er en ændring på {change_percent} %, men indikatorens retning er \"{direction}\".";
    /// A relative change below −100 % would take a value that cannot be negative below zero.
    ChangePercentOutOfRange = "change_percent_out_of_range", Error,
        en: "A change of {change_percent} % would take the value below zero; a change can be no less than {min} %.",
        da: "En ændring på {change_percent} % ville bringe værdien under nul; en ændring kan ikke være mindre end {min} %.";
    /// A target does not say which indicator it is for, and nothing implies one.
    TargetWithoutIndicator = "target_without_indicator", Error,
        en: "The target does not say which indicator it is for.",
        da: "Målet angiver ikke, hvilken indikator det gælder.";
    /// A target, an observation or a source mapping names a stratum dimension that its indicator is not broken down by (observations and mappings: where the indicator declares its dimensions at all); `did_you_mean` is the dimension it most likely means, if any.
    UnknownStratum = "unknown_stratum", Error,
        en: "Indicator `{indicator}` is not broken down by `{dimension}` (it is by: {known}).",
        da: "Indikatoren `{indicator}` er ikke opdelt efter `{dimension}` (den er opdelt efter: {known}).";
    /// A target lacks a field its kind needs (a value, a change, a baseline, a bound, a due period).
    TargetIncomplete = "target_incomplete", Error,
        en: "A target of kind `{kind}` needs `{field}`.",
        da: "Et mål af typen `{kind}` kræver `{field}`.";
    /// Two targets for the same indicator, place and stratum: neither is more specific.
    DuplicateTarget = "duplicate_target", Error,
        en: "Another target ({first}) is for the same indicator, place and stratum.",
        da: "Et andet mål ({first}) gælder samme indikator, sted og stratum.";
    /// An observation, a target or a declared total uses a category its dimension does not declare; `did_you_mean` is the declared one it most likely means, if any.
    UndeclaredCategory = "undeclared_category", Error,
        en: "`{category}` is not a declared category of `{dimension}` for `{indicator}` (declared: {declared_codes}).",
        da: "`{category}` er ikke en erklæret kategori af `{dimension}` for `{indicator}` (erklærede: {declared_codes}).";
    /// An indicator is broken down by a dimension whose categories it does not declare.
    CategoriesNotDeclared = "categories_not_declared", Warning,
        en: "The categories of `{dimension}` for `{indicator}` are not declared: any category is accepted as written, none is known as the total, and a misspelt one goes unnoticed.",
        da: "Kategorierne af `{dimension}` for `{indicator}` er ikke erklæret: enhver kategori godtages som skrevet, ingen kendes som totalen, og en stavefejl opdages ikke.";
    /// A target is for a stratum in which no observation of its indicator occurs.
    TargetStratumWithoutData = "target_stratum_without_data", Warning,
        en: "No observation of `{indicator}` is in the stratum {stratum} that the target is for: the target is not applied.",
        da: "Ingen observation af `{indicator}` er i det stratum ({stratum}), som målet gælder: målet anvendes ikke.";
    /// The agreement names a composition rule set whose scope (regions and period) does not cover it.
    RuleSetOutOfScope = "rule_set_out_of_scope", Error,
        en: "Rule set `{rule_set}` is for {region_list} from {from} until {until}; it does not apply to region {region} on {date}.",
        da: "Regelsættet `{rule_set}` gælder {region_list} fra {from} til {until}; det gælder ikke region {region} den {date}.";
    /// A body is its own predecessor, directly or through a loop of predecessor links.
    PredecessorCycle = "predecessor_cycle", Error,
        en: "Body `{body}` is its own predecessor through `{predecessor}`.",
        da: "Organet `{body}` er sin egen forgænger via `{predecessor}`.";
    /// A body is established before its predecessor is abolished, so the two would exist side by side.
    PredecessorCoexists = "predecessor_coexists", Error,
        en: "Body `{body}` is established on {established}, but its predecessor `{predecessor}` exists until {abolished}.",
        da: "Organet `{body}` oprettes den {established}, men forgængeren `{predecessor}` findes indtil {abolished}.";
    /// A body of a cluster kind (political or administrative cluster level, steering group, operations forum) names no cluster.
    ClusterBodyWithoutCluster = "cluster_body_without_cluster", Error,
        en: "Body `{body}` is a {kind} but names no cluster.",
        da: "Organet `{body}` er en klyngeenhed ({kind}), men angiver ingen klynge.";
    /// A body's known dates lie outside the lifetime of the cluster it belongs to.
    BodyOutlivesCluster = "body_outlives_cluster", Error,
        en: "Body `{body}` exists outside the lifetime of its cluster `{cluster}` (from {established} until {abolished}).",
        da: "Organet `{body}` findes uden for levetiden for sin klynge `{cluster}` (fra {established} til {abolished}).";
    /// A cluster, or a municipality in it, belongs to another region than the agreement's.
    ClusterOutsideRegion = "cluster_outside_region", Error,
        en: "Cluster `{cluster}` reaches outside the agreement's region `{region}`: `{id}` belongs to `{other}`.",
        da: "Klyngen `{cluster}` rækker uden for aftalens region `{region}`: `{id}` hører til `{other}`.";
    /// A cluster lists the same municipality twice.
    MunicipalityRepeatedInCluster = "municipality_repeated_in_cluster", Error,
        en: "Municipality `{municipality}` is listed more than once in cluster `{cluster}`.",
        da: "Kommunen `{municipality}` står mere end én gang i klyngen `{cluster}`.";
    /// A cluster that exists when the agreement enters into force has no municipalities.
    EmptyCluster = "empty_cluster", Error,
        en: "Cluster `{cluster}` has no municipalities on {date}.",
        da: "Klyngen `{cluster}` har ingen kommuner den {date}.";
    /// The successor agreement enters into force on the same day as this one, which leaves this one no time in force.
    SuccessorOnEntryDay = "successor_on_entry_day", Error,
        en: "The successor enters into force on {date}, the same day as this agreement.",
        da: "Efterfølgeren træder i kraft den {date}, samme dag som denne aftale.";
    /// An organisation is named in more than one role (party, bound, covered): each has one.
    OrganisationInSeveralRoles = "organisation_in_several_roles", Error,
        en: "`{organisation}` has more than one role in the agreement ({role} and {other}).",
        da: "`{organisation}` har mere end én rolle i aftalen ({role} og {other}).";
    /// One person holds two seats in the same body at the same time.
    PersonInTwoSeats = "person_in_two_seats", Error,
        en: "`{person}` holds two seats in body `{body}` at once (also {other}).",
        da: "`{person}` har to pladser i organet `{body}` på samme tid (også {other}).";
    /// A body has more than one chair at the same time.
    SeveralChairs = "several_chairs", Error,
        en: "Body `{body}` has more than one chair at once (also {other}).",
        da: "Organet `{body}` har mere end én formand på samme tid (også {other}).";
    /// A signatory holds no seat in the body they sign in on behalf of the organisation they sign for.
    SignatoryWithoutSeat = "signatory_without_seat", Error,
        en: "Signatory `{person}` signs for `{on_behalf_of}` in `{body}` but holds no seat there on its behalf.",
        da: "Underskriveren `{person}` underskriver for `{on_behalf_of}` i `{body}`, men har ingen plads der på dens vegne.";
    /// The same person is listed as a signatory twice.
    DuplicateSignatory = "duplicate_signatory", Error,
        en: "`{person}` is listed as a signatory more than once (first at {first}).",
        da: "`{person}` står som underskriver mere end én gang (første gang ved {first}).";
    /// A follow-up duty feeds itself, directly or through a chain of duties.
    FeedsCycle = "feeds_cycle", Error,
        en: "Follow-up duty `{requirement}` feeds itself through a loop.",
        da: "Opfølgningsforpligtelsen `{requirement}` fører tilbage til sig selv.";
    /// A rung of the dispute ladder repeats or does not come above the one before it.
    DisputeLadderOutOfOrder = "dispute_ladder_out_of_order", Error,
        en: "Rung {index} of the dispute ladder ({level}) does not come above the one before it.",
        da: "Trin {index} på tvistestigen ({level}) ligger ikke over trinnet før.";
    /// Disputes of one kind have more than one settlement rule.
    DuplicateSettlementRule = "duplicate_settlement_rule", Error,
        en: "Disputes of kind `{kind}` have more than one settlement rule.",
        da: "Tvister af typen `{kind}` har mere end én regel for afgørelse.";
    /// A recorded dispute names fewer than two parties.
    DisputeNeedsTwoParties = "dispute_needs_two_parties", Error,
        en: "A dispute needs at least two parties; it has {count}.",
        da: "En tvist kræver mindst to parter; den har {count}.";
    /// The agreement has no focus areas.
    NoFocusAreas = "no_focus_areas", Error,
        en: "The agreement has no focus areas.",
        da: "Aftalen har ingen pejlemærker.";
    /// A focus area has no objectives, so nothing under it can be followed up. A warning: a document leaves out what its sources do not give, and an agreement's objectives may come later by amendment (Region Midtjylland's on mental illness were inserted after it entered into force).
    FocusAreaWithoutObjectives = "focus_area_without_objectives", Warning,
        en: "Focus area `{id}` has no objectives.",
        da: "Pejlemærket `{id}` har ingen målsætninger.";
    /// An indicator follows up on no focus area.
    IndicatorWithoutFocusArea = "indicator_without_focus_area", Error,
        en: "Indicator `{id}` follows up on no focus area.",
        da: "Indikatoren `{id}` følger ikke op på noget pejlemærke.";
    /// A national goal's number is not one of the eight (1–8).
    NationalGoalOutOfRange = "national_goal_out_of_range", Error,
        en: "National goal {number} does not exist; they are numbered 1 to 8.",
        da: "Nationalt mål {number} findes ikke; de er nummereret 1 til 8.";
    /// A national goal is listed twice.
    DuplicateNationalGoal = "duplicate_national_goal", Error,
        en: "National goal {number} is listed more than once.",
        da: "Nationalt mål {number} står mere end én gang.";
    /// A region's name does not match the official name for its code.
    RegionNameMismatch = "region_name_mismatch", Error,
        en: "Region code {code} is {expected}, not `{name}`.",
        da: "Regionskode {code} er {expected}, ikke `{name}`.";
    /// A dated event of the agreement's own life (a completion, a deadline, a dispute, a status report) lies before it entered into force or after it ended.
    DateOutsideValidity = "date_outside_validity", Error,
        en: "The date {date} lies outside the agreement's time in force (from {from}, ending {until}).",
        da: "Datoen {date} ligger uden for aftalens gyldighed (fra {from}, ophør {until}).";
    /// A step in the making of the agreement is dated against its entry into force: a consultation, approval or submission after it, or an entry into force on another day.
    LifecycleContradictsValidity = "lifecycle_contradicts_validity", Error,
        en: "This step in the making of the agreement is dated {date}, but the agreement enters into force on {from}.",
        da: "Dette trin i aftalens tilblivelse er dateret {date}, men aftalen træder i kraft den {from}.";
    /// An amendment changes a part of the document that is not its content (its parties, bodies, validity or history), or its path is not a JSON Pointer.
    AmendmentPathNotContent = "amendment_path_not_content", Error,
        en: "The change's path `{path}` is not in the agreement's content; an amendment may change only: {parts}.",
        da: "Ændringens sti `{path}` ligger ikke i aftalens indhold; en ændring må kun ændre: {parts}.";
    /// An amendment's change does not lead to a part of the document as it stands when the amendment applies.
    AmendmentPathNotFound = "amendment_path_not_found", Error,
        en: "The change's path `{path}` does not fit the agreement as it stands on {date}: {reason}.",
        da: "Ændringens sti `{path}` passer ikke til aftalen, som den er den {date}: {reason}.";
    /// An insertion or replacement has no value.
    AmendmentValueMissing = "amendment_value_missing", Error,
        en: "The change ({op}) has no `value`.",
        da: "Ændringen ({op}) har ingen `value`.";
    /// Applied in turn, an amendment leaves a document that does not read, or that has an error the document without it does not have.
    AmendmentMakesInvalid = "amendment_makes_invalid", Error,
        en: "As amended on {date}, the agreement has a problem at `{at}`: {message}",
        da: "Som ændret den {date} har aftalen et problem ved `{at}`: {message}";
    /// An amendment is dated after the edition it is said to appear in.
    AmendmentAfterItsEdition = "amendment_after_its_edition", Error,
        en: "The amendment is dated {date}, after the edition it appears in ({edition}, {edition_date}).",
        da: "Ændringen er dateret {date}, efter den udgave, den indgår i ({edition}, {edition_date}).";
    /// An edition is dated before an edition listed before it.
    EditionOutOfOrder = "edition_out_of_order", Error,
        en: "The edition is dated {date}, before the edition listed before it ({before}, at {earlier}).",
        da: "Udgaven er dateret {date}, før den udgave, der står før den ({before}, ved {earlier}).";
    /// A document that already stands as of a day is asked for an earlier day or an edition, which only the document as written can give.
    AsOfNeedsOriginal = "as_of_needs_original", Error,
        en: "This document stands as of {as_of} already; ask the document as written for an earlier day or an edition.",
        da: "Dette dokument er allerede opgjort pr. {as_of}; spørg det oprindelige dokument om en tidligere dag eller en udgave.";
    /// A dispute step is dated before the dispute was raised or after it was resolved.
    DisputeStepOutsideDispute = "dispute_step_outside_dispute", Error,
        en: "The step is dated {date}, outside the dispute (raised {raised}, resolved {resolved}).",
        da: "Trinnet er dateret {date}, uden for tvisten (rejst {raised}, løst {resolved}).";
    /// Something refers to a body or cluster on a date on which it does not exist.
    ReferenceNotAlive = "reference_not_alive", Error,
        en: "`{id}` does not exist on {date}.",
        da: "`{id}` findes ikke den {date}.";
    /// A date lies more than 50 years from the agreement's entry into force: likely a typing mistake.
    ImplausibleDate = "implausible_date", Warning,
        en: "The date {date} lies more than 50 years from the agreement's entry into force ({from}).",
        da: "Datoen {date} ligger mere end 50 år fra aftalens ikrafttræden ({from}).";
    /// A nominal duration of more than ten years: likely a typing mistake.
    ImplausibleDuration = "implausible_duration", Warning,
        en: "A nominal duration of {months} months is more than ten years.",
        da: "En nominel varighed på {months} måneder er mere end ti år.";
    /// Problems of one code beyond the limit were left out of the report; this says how many.
    MoreProblems = "more_problems", Warning,
        en: "Left out: {more} of code `{code}`.",
        da: "Udeladt: {more} med koden `{code}`.";
    /// A body's membership does not meet a composition rule of the rule set in force.
    CompositionRuleNotMet = "composition_rule_not_met", Warning,
        en: "The rule “{rule_text}” of {rule_set_name} is not met on {date}{scope_text}: counted {count}, expected {expected}.",
        da: "Reglen »{rule_text}« i {rule_set_name} er ikke opfyldt den {date}{scope_text}: talt {count}, forventet {expected}.";
}

/// One entry of the catalogue: a code with its meaning, for documentation and UIs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeInfo {
    /// The stable code.
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// What the code means.
    pub meaning: &'static str,
    /// The English message template.
    pub template_en: &'static str,
    /// The Danish message template.
    pub template_da: &'static str,
}

/// The full catalogue of problem codes, in a stable order.
///
/// ```
/// let codes = sundhedsaftale::catalogue();
/// assert!(codes.iter().any(|c| c.code == "overlapping_memberships"));
/// ```
pub fn catalogue() -> Vec<CodeInfo> {
    Code::ALL
        .iter()
        .map(|&c| CodeInfo {
            code: c.as_str(),
            severity: c.severity(),
            meaning: c.meaning(),
            template_en: c.template(Lang::En),
            template_da: c.template(Lang::Da),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for &code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{s}");
            assert_eq!(Code::from_str(s), Some(code));
            assert!(
                code.meaning().ends_with('.') && !code.meaning().starts_with(' '),
                "{s}: {}",
                code.meaning()
            );
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{s}\""));
        }
    }

    #[test]
    fn templates_use_the_same_placeholders_in_both_languages() {
        fn placeholders(t: &str) -> Vec<&str> {
            let mut out: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(name, _)| name))
                .collect();
            out.sort_unstable();
            out
        }
        for &code in Code::ALL {
            assert_eq!(
                placeholders(code.template(Lang::En)),
                placeholders(code.template(Lang::Da)),
                "{}",
                code.as_str()
            );
        }
    }
}
