//! Meetings and their minutes (referater).
//!
//! Shaped after OParl (Meeting, AgendaItem, Consultation, Paper) and Popolo
//! (Event, Membership), and after what Danish secretariats actually write:
//! attendance split into those present and those who sent apologies, an
//! agenda of items each with a recommendation ("Det indstilles: At …") and
//! a minuted decision, and a chair who may hand over during the meeting.
//!
//! A minutes document refers to the agreement's organisation data for
//! bodies, organisations and memberships; it carries its own people and any
//! organisational units the agreement does not list (a hospital, psychiatry).
//!
//! ```
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let minutes = sundhedsaftale::politisk_klynge_vest_2021();
//! let present = minutes.present().count();
//! assert!(present > 0);
//! let by_party = minutes.attendance_by_party(&agreement);
//! assert_eq!(by_party.iter().map(|p| p.present.len()).sum::<usize>(), present);
//! ```

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::hash::HashMap;

use crate::document::agreement::{CompositionReport, HealthAgreement};
use crate::document::composition::{RuleSet, Seat};
use crate::document::organisation::{Organisation, OrganisationKind};
use crate::document::people::Title;
use crate::ground::lang::labels;
use crate::meetings::portfolio::Portfolio;
use crate::problems::catalogue::Code;
use crate::problems::ids::IdSpace;
use crate::problems::problem::{ctx, date_or_unknown, Pointer, Problem, Report};
use crate::reading::parse::published;

published!(Minutes, "minutes.schema.json");

/// The minutes of one meeting, with what they record about projects.
#[doc(alias = "referat")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    /// Format version; see [`crate::SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Unique id of the minutes.
    pub id: String,
    /// Where the minutes come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Readings of the source, stated so that no one mistakes them for facts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The people named in the minutes.
    pub people: Vec<MinutesPerson>,
    /// Organisational units named in the minutes that the agreement does not list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// The meeting.
    pub meeting: Meeting,
    /// The project portfolio and improvement model the minutes record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<Portfolio>,
}

/// A person named in minutes, with the other forms of the name the minutes use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinutesPerson {
    /// Unique id within the document.
    pub id: String,
    /// Full name, as in the list of participants.
    pub name: String,
    /// Shorter forms used elsewhere in the minutes ("Anny Winther" for "Anny Margit Winther").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// Whether a meeting took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    /// Planned, not yet held.
    Scheduled,
    /// Held.
    Held,
    /// Cancelled (aflyst).
    #[doc(alias = "aflyst")]
    Cancelled,
}

labels!(MeetingState {
    Scheduled => ("scheduled", "planlagt"),
    Held => ("held", "afholdt"),
    Cancelled => ("cancelled", "aflyst"),
});

/// A meeting of a body (møde).
#[doc(alias = "møde")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The body holding the meeting (a body id in the agreement).
    pub body: String,
    /// The meeting's number within the body ("4. møde").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The heading, as the minutes write it.
    pub title: String,
    /// The date.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub date: NaiveDate,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    /// End time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<NaiveTime>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Scheduled, held or cancelled.
    pub state: MeetingState,
    /// Who chaired, in order; a later entry takes over from the item it names.
    #[serde(default)]
    pub chairs: Vec<ChairSpell>,
    /// The minute-taker (referent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute_taker: Option<String>,
    /// The secretaries, with their role as written ("Regional sekretær").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secretaries: Vec<Secretary>,
    /// Everyone listed as taking part or sending apologies.
    pub attendance: Vec<Attendance>,
    /// The agenda.
    pub agenda: Vec<AgendaItem>,
}

/// A meeting place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Name and address, as written.
    pub text: String,
    /// A practical note ("Lokalet står på infoskærmen ved indgangen.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A period of chairing a meeting (mødeleder).
#[doc(alias = "mødeleder")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChairSpell {
    /// Who chaired.
    pub person: String,
    /// The agenda item from which they chaired; absent for the whole meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_item: Option<String>,
    /// The minutes' words, e.g. "Anny Winther overtog mødelederrollen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A secretary of the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Secretary {
    /// Who.
    pub person: String,
    /// The role as written ("Regional sekretær", "Kommunal sekretær").
    pub role_text: String,
}

/// How a person is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    /// Took part (deltager).
    #[doc(alias = "deltager")]
    Present,
    /// Sent apologies (afbud).
    #[doc(alias = "afbud")]
    Apologies,
    /// Attended as an observer (observatør).
    Observer,
    /// Attended as a guest (gæst).
    Guest,
}

labels!(AttendanceStatus {
    Present => ("present", "deltog"),
    Apologies => ("sent apologies", "afbud"),
    Observer => ("observer", "observatør"),
    Guest => ("guest", "gæst"),
});

/// Which list of participants a person stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceGroup {
    /// "Politikere".
    Politicians,
    /// "Administration".
    Administration,
}

labels!(AttendanceGroup {
    Politicians => ("politicians", "politikere"),
    Administration => ("administration", "administration"),
});

/// One person's attendance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Who.
    pub person: String,
    /// Present, apologies, observer or guest.
    pub status: AttendanceStatus,
    /// Which list they stand in, where the minutes split them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<AttendanceGroup>,
    /// The title as written ("Formand for Social- og Sundhedsudvalget").
    pub title_text: String,
    /// The title, classified for composition rules.
    pub title: Title,
    /// The organisation they come from (an organisation id in the agreement or the minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Their membership of the meeting's body, where one is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership: Option<String>,
}

/// How an agenda item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Taken note of ("taget til efterretning").
    #[doc(alias = "taget til efterretning")]
    Noted,
    /// Approved ("godkendt").
    #[doc(alias = "godkendt")]
    Approved,
    /// Approved with changes ("godkendt med ændringer").
    ApprovedWithChanges,
    /// Postponed ("udskudt").
    #[doc(alias = "udskudt")]
    Postponed,
    /// No comments ("ingen bemærkninger").
    NoComments,
    /// Referred to another body ("oversendt").
    Referred,
}

labels!(Outcome {
    Noted => ("noted", "taget til efterretning"),
    Approved => ("approved", "godkendt"),
    ApprovedWithChanges => ("approved with changes", "godkendt med ændringer"),
    Postponed => ("postponed", "udskudt"),
    NoComments => ("no comments", "ingen bemærkninger"),
    Referred => ("referred to another body", "oversendt til andet organ"),
});

/// A recommendation to the meeting ("Det indstilles: At …").
#[doc(alias = "indstilling")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The recommendation, verbatim.
    pub text: String,
    /// The body the recommendation names as deciding, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressed_to: Option<String>,
}

/// An attachment (bilag).
#[doc(alias = "bilag")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The attachment's number ("1" for "bilag 1").
    pub number: String,
    /// What it is.
    pub title: String,
}

/// The role another body plays for an item (OParl: Consultation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationRole {
    /// Heard (høring).
    Hearing,
    /// Decides.
    Decision,
    /// Takes note.
    TakingNote,
}

labels!(ConsultationRole {
    Hearing => ("hearing", "høring"),
    Decision => ("decision", "beslutning"),
    TakingNote => ("taking note", "orientering"),
});

/// Another body's part in an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The body.
    pub body: String,
    /// Its role.
    pub role: ConsultationRole,
    /// Whether the decision is taken at this meeting (false: taken by the other body).
    pub decided_here: bool,
    /// When the other body acted, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub date: Option<NaiveDate>,
    /// The minutes' words.
    pub text: String,
}

/// An item on the agenda (dagsordenspunkt).
#[doc(alias = "dagsordenspunkt")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Unique id within the meeting.
    pub id: String,
    /// The number shown ("2."), separate from the order in the list.
    pub number: String,
    /// Title, verbatim.
    pub title: String,
    /// Who introduces the item ("Indledes af …", "Velkomst ved …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<String>,
    /// The case text, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_text: Vec<String>,
    /// The recommendations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// The minuted decision (the "Referat" text, where it records a decision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Other minuted text that is not a decision, e.g. that the item was postponed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the item ended; absent for items with nothing to decide (a welcome).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Other bodies' part in the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
}

impl Minutes {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&MinutesPerson> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The people listed as present (deltagere).
    pub fn present(&self) -> impl Iterator<Item = &Attendance> {
        self.meeting
            .attendance
            .iter()
            .filter(|a| a.status == AttendanceStatus::Present)
    }
}

/// One meeting's entry in a person's attendance record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttendanceRecord<'a> {
    /// The minutes.
    pub minutes: &'a Minutes,
    /// How the person was listed.
    pub attendance: &'a Attendance,
}

/// A recommendation with the item and minutes it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecommendationHit<'a> {
    /// The minutes.
    pub minutes: &'a Minutes,
    /// The item.
    pub item: &'a AgendaItem,
    /// The recommendation.
    pub recommendation: &'a Recommendation,
}

/// An agenda item that matched a search, with the fields that matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit<'a> {
    /// The minutes.
    pub minutes: &'a Minutes,
    /// The item.
    pub item: &'a AgendaItem,
    /// The names of the fields in which every term was found.
    pub fields: Vec<&'static str>,
}

/// The meetings of `body` held from `from` to `to` (both inclusive), in date order.
pub fn meetings_of<'a>(archive: &'a [Minutes], body: &str, from: NaiveDate, to: NaiveDate) -> Vec<&'a Minutes> {
    let mut found: Vec<&Minutes> = archive
        .iter()
        .filter(|m| m.meeting.body == body && (from..=to).contains(&m.meeting.date))
        .collect();
    found.sort_by_key(|m| m.meeting.date);
    found
}

/// A person's attendance across meetings, in date order. `person` is matched
/// against ids, names and aliases, with Danish case folding.
pub fn attendance_record<'a>(archive: &'a [Minutes], person: &str) -> Vec<AttendanceRecord<'a>> {
    let wanted = fold(person);
    let mut found: Vec<AttendanceRecord> = archive
        .iter()
        .flat_map(|m| {
            let matches_person = |id: &str| {
                m.person(id).is_some_and(|p| {
                    p.id == person || fold(&p.name) == wanted || p.aliases.iter().any(|a| fold(a) == wanted)
                })
            };
            m.meeting
                .attendance
                .iter()
                .filter(move |a| matches_person(&a.person))
                .map(move |a| AttendanceRecord {
                    minutes: m,
                    attendance: a,
                })
        })
        .collect();
    found.sort_by_key(|r| r.minutes.meeting.date);
    found
}

/// Every recommendation whose item ended with `outcome`.
pub fn recommendations_with_outcome(archive: &[Minutes], outcome: Outcome) -> Vec<RecommendationHit<'_>> {
    archive
        .iter()
        .flat_map(|m| m.meeting.agenda.iter().map(move |item| (m, item)))
        .filter(|(_, item)| item.outcome == Some(outcome))
        .flat_map(|(m, item)| {
            item.recommendations.iter().map(move |r| RecommendationHit {
                minutes: m,
                item,
                recommendation: r,
            })
        })
        .collect()
}

/// Folds text for searching: lower case (Æ, Ø, Å included), and the old
/// spelling "aa" read as "å", so that "Aalborg" and "Ålborg" match.
///
/// ```
/// use sundhedsaftale::meeting::fold;
/// assert_eq!(fold("ÆBLE Ø Ålborg"), fold("æble ø aalborg"));
/// ```
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace("aa", "å")
}

/// Full-text search over agenda items: every whitespace-separated term of
/// `query` must occur (after [`fold`]) in the same field of an item. Fields:
/// title, case text, recommendations, decision, note.
pub fn search<'a>(archive: &'a [Minutes], query: &str) -> Vec<SearchHit<'a>> {
    let terms: Vec<String> = query.split_whitespace().map(fold).collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for m in archive {
        for item in &m.meeting.agenda {
            let fields: [(&'static str, String); 5] = [
                ("title", item.title.clone()),
                ("case_text", item.case_text.join("\n")),
                (
                    "recommendations",
                    item.recommendations
                        .iter()
                        .map(|r| r.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                ("decision", item.decision.clone().unwrap_or_default()),
                ("note", item.note.clone().unwrap_or_default()),
            ];
            let matched: Vec<&'static str> = fields
                .iter()
                .filter(|(_, text)| {
                    let folded = fold(text);
                    terms.iter().all(|t| folded.contains(t.as_str()))
                })
                .map(|(name, _)| *name)
                .collect();
            if !matched.is_empty() {
                hits.push(SearchHit {
                    minutes: m,
                    item,
                    fields: matched,
                });
            }
        }
    }
    hits
}

/// Attendance counted for one party (an organisation that is, or whose
/// region is, a party or bound by the agreement), or for no organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PartyAttendance {
    /// The party's organisation id; `None` for attendees who represent no organisation.
    pub party: Option<String>,
    /// The people present.
    pub present: Vec<String>,
    /// The people who sent apologies.
    pub apologies: Vec<String>,
    /// The observers and guests.
    pub others: Vec<String>,
}

impl Minutes {
    /// An organisation named by the minutes: their own units first, then the agreement's.
    pub fn organisation<'a>(&'a self, agreement: &'a HealthAgreement, id: &str) -> Option<&'a Organisation> {
        self.organisations
            .iter()
            .find(|o| o.id == id)
            .or_else(|| agreement.organisation(id))
    }

    /// The party an organisation answers to: itself if it is a region,
    /// municipality or general practice, else the nearest such parent.
    pub fn party_of(&self, agreement: &HealthAgreement, organisation: &str) -> Option<String> {
        let mut current = self.organisation(agreement, organisation)?;
        for _ in 0..8 {
            if current.kind != OrganisationKind::RegionalUnit {
                return Some(current.id.clone());
            }
            current = self.organisation(agreement, current.parent.as_deref()?)?;
        }
        None
    }

    /// A title that says whom its holder sits for (a regional council member
    /// for a region) against the party of the organisation they are listed for.
    fn title_fits(&self, agreement: &HealthAgreement, a: &Attendance, a_at: &Pointer, out: &mut impl Report) {
        let (Some(expected), Some(org)) = (a.title.sits_for(), a.organisation.as_deref()) else {
            return;
        };
        let Some(party) = self
            .party_of(agreement, org)
            .and_then(|id| self.organisation(agreement, &id))
        else {
            return;
        };
        if party.kind != expected {
            out.keep(crate::document::people::title_mismatch(
                &a.person,
                a.title,
                org,
                party.kind,
                a_at.key("title"),
            ));
        }
    }

    /// A council member present at a cluster body's meeting sits for a
    /// municipality of that cluster (or for the region); guests and
    /// observers may come from anywhere.
    fn in_cluster(
        &self,
        agreement: &HealthAgreement,
        body: Option<&crate::document::body::Body>,
        a: &Attendance,
        a_at: &Pointer,
        out: &mut impl Report,
    ) {
        let cluster = body
            .and_then(|b| b.cluster.as_deref())
            .and_then(|c| agreement.clusters.iter().find(|x| x.id == c));
        let Some(cluster) = cluster else {
            return;
        };
        if a.status != AttendanceStatus::Present || a.title.sits_for() != Some(OrganisationKind::Municipality) {
            return;
        }
        let Some(party) = a.organisation.as_deref().and_then(|o| self.party_of(agreement, o)) else {
            return;
        };
        let municipal = self
            .organisation(agreement, &party)
            .is_some_and(|o| o.kind == OrganisationKind::Municipality);
        if municipal && !cluster.municipalities.contains(&party) {
            let body = body.map_or("", |b| b.id.as_str());
            out.emit(Code::SeatOutsideCluster, || {
                (
                    a_at.key("organisation"),
                    ctx!("organisation" => party, "cluster" => cluster.id, "body" => body),
                )
            });
        }
    }

    /// The seats of those present, as composition rules count them.
    ///
    /// A person listed twice as present holds one seat: the repetition is
    /// `attendance_repeated`, not a second member.
    pub fn seats(&self, agreement: &HealthAgreement) -> Vec<Seat> {
        let mut counted = crate::ground::hash::HashSet::default();
        self.present()
            .filter(|a| counted.insert(a.person.as_str()))
            .map(|a| {
                let org = a.organisation.as_deref().and_then(|o| self.organisation(agreement, o));
                Seat {
                    person: a.person.clone(),
                    membership: a.membership.clone(),
                    // A unit of the region sits for the region, as the rules count it.
                    organisation: a.organisation.as_deref().and_then(|o| self.party_of(agreement, o)),
                    organisation_kind: org.map(|o| o.kind),
                    title: a.title,
                }
            })
            .collect()
    }

    /// The attendance checked against a rule set, for the meeting's body and date.
    pub fn composition(&self, agreement: &HealthAgreement, rule_set: &RuleSet) -> Option<CompositionReport> {
        let body = agreement.body(&self.meeting.body)?;
        agreement.composition_of_seats(body, &self.seats(agreement), rule_set, self.meeting.date)
    }

    /// The attendance checked against every rule set among `known` that
    /// applies to the agreement on the meeting's date, one report per rule set.
    pub fn compositions(&self, agreement: &HealthAgreement, known: &[RuleSet]) -> Vec<CompositionReport> {
        agreement
            .rule_sets_on(known, self.meeting.date)
            .into_iter()
            .filter_map(|rule_set| self.composition(agreement, rule_set))
            .collect()
    }

    /// Attendance per party, parties in order of first appearance, the unaffiliated last.
    ///
    /// ```
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let minutes = sundhedsaftale::politisk_klynge_vest_2021();
    /// let parties = minutes.attendance_by_party(&agreement);
    /// let region = parties.iter().find(|p| p.party.as_deref() == Some("region-nordjylland")).unwrap();
    /// assert_eq!((region.present.len(), region.apologies.len()), (9, 2));
    /// ```
    pub fn attendance_by_party(&self, agreement: &HealthAgreement) -> Vec<PartyAttendance> {
        let mut out: Vec<PartyAttendance> = Vec::new();
        for a in &self.meeting.attendance {
            let party = a.organisation.as_deref().and_then(|o| self.party_of(agreement, o));
            let i = match out.iter().position(|p| p.party == party) {
                Some(i) => i,
                None => {
                    out.push(PartyAttendance {
                        party,
                        present: vec![],
                        apologies: vec![],
                        others: vec![],
                    });
                    out.len() - 1
                }
            };
            let entry = &mut out[i];
            match a.status {
                AttendanceStatus::Present => entry.present.push(a.person.clone()),
                AttendanceStatus::Apologies => entry.apologies.push(a.person.clone()),
                AttendanceStatus::Observer | AttendanceStatus::Guest => entry.others.push(a.person.clone()),
            }
        }
        out.sort_by_key(|p| p.party.is_none());
        out
    }
}

impl Minutes {
    /// The minutes against the agreement whose organisation they record:
    /// unique ids; every person, organisation, membership, body and agenda
    /// item named exists; the meeting lies in its body's lifetime and ends
    /// after it starts; no one is both present and away; chairs are
    /// present; a decision wherever one is due and none on a postponed
    /// item; recommendations addressed to this body; attendance against
    /// the composition rule sets in force that day; the portfolio's own
    /// checks.
    pub(crate) fn check(&self, agreement: &HealthAgreement, rule_sets: &[RuleSet], out: &mut impl Report) {
        let root = Pointer::root();
        let m = &self.meeting;
        crate::problems::ids::check(&self.id, &root, out);
        let at = root.key("meeting");
        let mut people = IdSpace::default();
        for (i, p) in self.people.iter().enumerate() {
            people.define(&p.id, root.key("people").index(i), out);
        }
        let mut units = IdSpace::default();
        for (i, o) in self.organisations.iter().enumerate() {
            units.define(&o.id, root.key("organisations").index(i), out);
        }
        // An unknown reference; its pointer is built only if the report keeps it.
        fn unknown(out: &mut impl Report, kind: &str, id: &str, at: impl FnOnce() -> Pointer) {
            out.emit(Code::UnknownReference, || (at(), ctx!("id" => id, "kind" => kind)));
        }
        fn person_ref(people: &IdSpace<'_, Pointer>, out: &mut impl Report, id: &str, at: impl FnOnce() -> Pointer) {
            if !people.contains(id) {
                unknown(out, "person", id, at);
            }
        }

        let body = agreement.body(&m.body);
        match body {
            None => unknown(out, "body", &m.body, || at.key("body")),
            Some(b) if !b.exists_on(m.date) => out.emit(Code::MeetingOutsideBodyLifetime, || {
                (
                    at.key("date"),
                    ctx!("body" => b.id, "date" => m.date.to_string(),
                     "established" => date_or_unknown(b.established), "abolished" => date_or_unknown(b.abolished)),
                )
            }),
            Some(_) => {}
        }
        // "4. møde" in the title is the meeting's number.
        if let (Some(number), Some(in_title)) = (m.number, number_in_title(&m.title)) {
            if number != in_title {
                out.emit(Code::NumberContradictsTitle, || {
                    (at.key("number"), ctx!("number" => number, "in_title" => in_title))
                });
            }
        }
        if let (Some(start), Some(end)) = (m.start_time, m.end_time) {
            if end < start {
                out.emit(Code::EndBeforeStart, || {
                    (
                        at.key("end_time"),
                        ctx!("start" => start.to_string(), "end" => end.to_string()),
                    )
                });
            }
        }
        if let Some(p) = &m.minute_taker {
            person_ref(&people, out, p, || at.key("minute_taker"));
        }
        for (i, s) in m.secretaries.iter().enumerate() {
            person_ref(&people, out, &s.person, || at.key("secretaries").index(i).key("person"));
        }

        // Attendance: who, from where, under which membership, and no one both here and away.
        // Memberships by id, once: an attendance record finds its own without a scan.
        let memberships: HashMap<&str, (&str, &crate::document::people::Membership)> = agreement
            .bodies
            .iter()
            .flat_map(|b| {
                b.posts
                    .iter()
                    .flat_map(move |p| p.memberships.iter().map(move |mem| (b.id.as_str(), mem)))
            })
            .map(|(b, mem)| (mem.id.as_str(), (b, mem)))
            .collect();
        let mut listed: HashMap<&str, (AttendanceStatus, usize)> = HashMap::default();
        for (i, a) in m.attendance.iter().enumerate() {
            let a_at = at.key("attendance").index(i);
            person_ref(&people, out, &a.person, || a_at.key("person"));
            if let Some(org) = &a.organisation {
                if self.organisation(agreement, org).is_none() {
                    unknown(out, "organisation", org, || a_at.key("organisation"));
                }
            }
            self.title_fits(agreement, a, &a_at, out);
            self.in_cluster(agreement, body, a, &a_at, out);
            if let Some(id) = &a.membership {
                match memberships.get(id.as_str()) {
                    None => unknown(out, "membership", id, || a_at.key("membership")),
                    Some((b, mem)) if *b != m.body || !mem.held_on(m.date) => out.emit(Code::MembershipNotHeld, || {
                        (
                            a_at.key("membership"),
                            ctx!("membership" => id, "body" => m.body, "date" => m.date.to_string()),
                        )
                    }),
                    Some(_) => {}
                }
            }
            let away = a.status == AttendanceStatus::Apologies;
            match listed.get(a.person.as_str()) {
                Some((previous, _)) if (*previous == AttendanceStatus::Apologies) != away => out.keep(
                    Problem::with_context(Code::AttendanceConflict, a_at.clone(), ctx!("person" => a.person)),
                ),
                Some((_, first)) => out.emit(Code::AttendanceRepeated, || {
                    (
                        a_at.clone(),
                        ctx!("person" => a.person, "first" => at.key("attendance").index(*first).as_str()),
                    )
                }),
                None => {
                    listed.insert(&a.person, (a.status, i));
                }
            }
        }
        let present = |person: &str| {
            listed
                .get(person)
                .is_some_and(|(status, _)| *status == AttendanceStatus::Present)
        };
        let away = |person: &str| {
            listed
                .get(person)
                .is_some_and(|(status, _)| *status == AttendanceStatus::Apologies)
        };
        if let Some(p) = m.minute_taker.as_deref().filter(|p| away(p)) {
            out.emit(Code::ActedWhileAway, || {
                (
                    at.key("minute_taker"),
                    ctx!("person" => p, "act" => "took the minutes", "act_da" => "tog referat"),
                )
            });
        }
        numbered(
            m.agenda
                .iter()
                .enumerate()
                .map(|(i, item)| (item.number.as_str(), at.key("agenda").index(i))),
            out,
        );
        let mut items = IdSpace::default();
        for (i, item) in m.agenda.iter().enumerate() {
            items.define(&item.id, at.key("agenda").index(i), out);
        }
        for (i, c) in m.chairs.iter().enumerate() {
            let c_at = at.key("chairs").index(i);
            person_ref(&people, out, &c.person, || c_at.key("person"));
            if people.contains(c.person.as_str()) && !present(&c.person) {
                out.emit(Code::ChairNotPresent, || {
                    (c_at.key("person"), ctx!("person" => c.person))
                });
            }
            if let Some(item) = c.from_item.as_deref().filter(|it| !items.contains(it)) {
                unknown(out, "agenda item", item, || c_at.key("from_item"));
            }
        }

        // Agenda: a decision wherever one is due, none where the item was postponed.
        for (i, item) in m.agenda.iter().enumerate() {
            let i_at = at.key("agenda").index(i);
            if let Some(p) = &item.introduced_by {
                person_ref(&people, out, p, || i_at.key("introduced_by"));
                if away(p) {
                    out.emit(Code::ActedWhileAway, || {
                        (
                            i_at.key("introduced_by"),
                            ctx!("person" => p, "act" => format!("introduced item {}", item.number),
                             "act_da" => format!("indledte punkt {}", item.number)),
                        )
                    });
                }
            }
            numbered(
                item.attachments
                    .iter()
                    .enumerate()
                    .map(|(j, x)| (x.number.as_str(), i_at.key("attachments").index(j))),
                out,
            );
            let postponed = item.outcome == Some(Outcome::Postponed);
            let decided = item.decision.as_deref().is_some_and(|d| !d.trim().is_empty());
            if postponed && decided {
                out.emit(Code::PostponedItemWithDecision, || {
                    (i_at.key("decision"), ctx!("number" => item.number))
                });
            }
            if !postponed && !decided && !item.recommendations.is_empty() {
                out.emit(Code::DecisionMissing, || {
                    (i_at.key("decision"), ctx!("number" => item.number))
                });
            }
            for (j, r) in item.recommendations.iter().enumerate() {
                let Some(to) = &r.addressed_to else { continue };
                let r_at = i_at.key("recommendations").index(j).key("addressed_to");
                if agreement.body(to).is_none() {
                    unknown(out, "body", to, || r_at);
                } else if *to != m.body {
                    out.emit(Code::RecommendationAddressedElsewhere, || {
                        (r_at, ctx!("addressed_to" => to, "body" => m.body))
                    });
                }
            }
            for (j, c) in item.consultations.iter().enumerate() {
                let c_at = i_at.key("consultations").index(j).key("body");
                // A decision another body took, reported here, was taken before this meeting.
                if let Some(d) = c.date.filter(|d| !c.decided_here && *d > m.date) {
                    out.emit(Code::ConsultationAfterMeeting, || {
                        (
                            i_at.key("consultations").index(j).key("date"),
                            ctx!("body" => c.body, "date" => d.to_string(), "meeting" => m.date.to_string()),
                        )
                    });
                }
                // The body consulted exists when it acted, or on the day of the
                // meeting; a meeting dated outside its own body's life says so once.
                let on = c
                    .date
                    .or(Some(m.date).filter(|_| body.is_none_or(|b| b.exists_on(m.date))));
                match agreement.body(&c.body) {
                    None => unknown(out, "body", &c.body, || c_at),
                    Some(b) if on.is_some_and(|on| !b.exists_on(on)) => out.emit(Code::ReferenceNotAlive, || {
                        (
                            c_at,
                            ctx!("kind" => "body", "id" => b.id, "date" => date_or_unknown(on)),
                        )
                    }),
                    Some(_) => {}
                }
            }
        }

        // Attendance against the composition rules in force that day.
        if body.is_some_and(|b| b.exists_on(m.date)) && m.state == MeetingState::Held {
            for report in self.compositions(agreement, rule_sets) {
                out.keep_all(report.not_met_warnings(at.key("attendance"), agreement, rule_sets));
            }
        }

        if let Some(portfolio) = &self.portfolio {
            let p_at = root.key("portfolio");
            let mut body_ref = |id: &str, at: Pointer| {
                if agreement.body(id).is_none() {
                    unknown(out, "body", id, || at);
                }
            };
            body_ref(&portfolio.kept_by, p_at.key("kept_by"));
            if let Some(model) = &portfolio.improvement_model {
                body_ref(&model.proposed_by, p_at.key("improvement_model").key("proposed_by"));
                body_ref(
                    &model.prioritised_by,
                    p_at.key("improvement_model").key("prioritised_by"),
                );
            }
            out.keep_all(portfolio.check(&p_at));
        }
    }
}

/// Numbers shown on a list (agenda items, an item's attachments): each used
/// once, and those that start with a number in rising order (`3a` after `3`
/// is in order). `items` are each number with the pointer of its item.
fn numbered<'a>(items: impl Iterator<Item = (&'a str, Pointer)>, out: &mut impl Report) {
    let mut first: HashMap<&str, Pointer> = HashMap::default();
    let mut previous: Option<(u64, &str)> = None;
    for (number, at) in items {
        let shown = number.trim().trim_end_matches('.');
        if let Some(f) = first.get(shown) {
            out.emit(Code::NumberRepeated, || {
                (at.key("number"), ctx!("number" => number, "first" => f.as_str()))
            });
            continue;
        }
        let digits = shown.bytes().take_while(u8::is_ascii_digit).count();
        if let Ok(n) = shown[..digits].parse::<u64>() {
            match previous {
                Some((p, p_shown)) if n < p => out.emit(Code::NumbersOutOfOrder, || {
                    (at.key("number"), ctx!("number" => number, "previous" => p_shown))
                }),
                _ => previous = Some((n, shown)),
            }
        }
        first.insert(shown, at);
    }
}

/// The number a Danish meeting title gives itself: `4` in "4. møde i
/// Politisk Klynge Vest".
fn number_in_title(title: &str) -> Option<u32> {
    let lower = title.to_lowercase();
    let at = lower.find(". møde")?;
    let digits: String = lower[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().ok()
}
