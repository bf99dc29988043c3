//! When an agreement is in force.
//!
//! The seed's rule is: valid from 1 January 2024, nominally for three and a
//! half years, "but in force until a new agreement enters into force". The
//! 2024 health reform adds a second way to end: by law. So the status on a
//! date is one of six, and the answer always carries the dates that decided it.
//!
//! Conventions, exact to the day:
//! - `in_force_from` is the first day in force.
//! - `nominal_end` = `in_force_from` + `nominal_duration_months` calendar
//!   months, and is the **first day after** the nominal period (exclusive).
//!   1 January 2024 + 42 months = 1 July 2027; the last nominal day is
//!   30 June 2027. Month addition clamps to the month's last day
//!   (31 August + 6 months = 28/29 February), as chrono does.
//! - a successor's `in_force_from` and a termination's `effective` date are
//!   the first day on which *this* agreement no longer applies.
//!
//! The law's end is not confirmed: L 214 (2024–25) ends the health
//! agreements "in their current form", likely from 1 January 2027, a day no
//! source states. So a status on or after that day keeps the state the
//! document's own dates give, and says beside it that the law may already
//! have ended the agreement (`affected_by_law`); a document that records the
//! end itself (`termination`) is terminated on its day as usual.
//!
//! A source may not say when an agreement entered into force, for how long,
//! or whether it waits for a successor. Each of the three may then be left
//! out, and a status the missing fact would decide is `not_known`, never a
//! guess.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::ValidityState;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(agreement.status_on(on(2023, 12, 31)).state, ValidityState::NotYetInForce);
//! assert_eq!(agreement.status_on(on(2027, 7, 1)).state, ValidityState::InForceAwaitingSuccessor);
//! ```

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::lang::labels;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, end_before_start, Pointer, Problem};

/// The validity rules of an agreement (gyldighedsperiode).
#[doc(alias = "gyldighedsperiode")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First day in force (ikrafttrædelsesdato); absent when no source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub in_force_from: Option<NaiveDate>,
    /// Nominal duration in calendar months (3.5 years = 42); absent when no source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_duration_months: Option<i32>,
    /// Whether the agreement stays in force past its nominal end until a
    /// successor enters into force; absent when no source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_successor: Option<bool>,
    /// The successor, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<Successor>,
    /// An explicit termination, e.g. by law; absent when none is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub termination: Option<Termination>,
    /// The agreement's own wording of its validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The agreement that replaces this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Successor {
    /// The successor's name or id.
    pub agreement: String,
    /// The successor's first day in force, and so the first day this one is replaced.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub in_force_from: NaiveDate,
}

/// An explicit end, such as abolition by law.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    /// The first day on which the agreement no longer applies.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub effective: NaiveDate,
    /// The legal or other basis, e.g. "L 214 (2024–25)".
    pub basis: String,
}

/// The status of an agreement on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValidityState {
    /// Before `in_force_from`.
    NotYetInForce,
    /// Before `in_force_from`, approved by every party (see
    /// [`ValidityStatus::approvals`]).
    ApprovedNotYetInForce,
    /// Within the nominal period.
    InForce,
    /// Past the nominal end, still in force while awaiting a successor.
    InForceAwaitingSuccessor,
    /// Past the nominal end, and not set to wait for a successor.
    Expired,
    /// On or after the successor's entry into force.
    Replaced,
    /// On or after an explicit termination.
    Terminated,
    /// The document leaves out a fact that would decide it (the entry date,
    /// the duration, or whether it waits for a successor).
    NotKnown,
}

labels!(ValidityState {
    NotYetInForce => ("not yet in force", "endnu ikke i kraft"),
    ApprovedNotYetInForce => ("approved, not yet in force", "godkendt, endnu ikke i kraft"),
    InForce => ("in force", "i kraft"),
    InForceAwaitingSuccessor => ("in force past its nominal end, awaiting a successor", "i kraft efter nominelt udløb, indtil en ny aftale træder i kraft"),
    Expired => ("expired", "udløbet"),
    Replaced => ("replaced", "afløst"),
    Terminated => ("terminated", "ophævet"),
    NotKnown => ("not known: the document leaves out a deciding date or rule", "ukendt: dokumentet mangler en afgørende dato eller regel"),
});

/// Which date decided a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    /// The first day in force.
    InForceFrom,
    /// The first day after the nominal period.
    NominalEnd,
    /// The successor's first day in force.
    SuccessorInForceFrom,
    /// The first day after a termination.
    TerminationEffective,
}

labels!(DateRole {
    InForceFrom => ("in force from", "i kraft fra"),
    NominalEnd => ("nominal end (first day after the period)", "nominelt udløb (første dag efter perioden)"),
    SuccessorInForceFrom => ("successor in force from", "ny aftale i kraft fra"),
    TerminationEffective => ("terminated with effect from", "ophævet med virkning fra"),
});

/// A date that decided a status, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DecidingDate {
    /// What the date is.
    pub role: DateRole,
    /// The date.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub date: NaiveDate,
}

/// The answer to "is the agreement in force on this date?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ValidityStatus {
    /// The date asked about.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub on: NaiveDate,
    /// The status.
    pub state: ValidityState,
    /// The dates that decided it, in date order.
    pub decided_by: Vec<DecidingDate>,
    /// The first day after the nominal period, when the entry date and duration are known.
    #[serde(default, deserialize_with = "crate::ground::date::strict_option")]
    pub nominal_end: Option<NaiveDate>,
    /// The last day of the nominal period, when known.
    #[serde(default, deserialize_with = "crate::ground::date::strict_option")]
    pub last_nominal_day: Option<NaiveDate>,
    /// The law that may already have ended the agreement on this date, when
    /// its own dates keep it in force (or leave it unknown) on or after the
    /// day the law's end may apply from; `null` otherwise. The state stays the
    /// one the document gives: the law's end date is not confirmed.
    #[serde(default)]
    pub affected_by_law: Option<AffectedByLaw>,
    /// Before entry into force: the approvals of the agreement itself
    /// recorded on or before the date (by parties and by bodies), in the
    /// document's order. Empty on and after entry into force.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// Before entry into force: the parties (organisation ids) with no
    /// approval recorded on or before the date. The agreement is
    /// `approved_not_yet_in_force` when every party has approved.
    #[serde(default)]
    pub awaiting_approval: Vec<String>,
    /// The agreement's region, when it no longer exists on the date (by the
    /// national reference data); `null` otherwise.
    #[serde(default)]
    pub region_ceased: Option<RegionCeased>,
}

/// An approval that decides a status: who gave it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Approval {
    /// The approver's id: an organisation's or a body's.
    pub by: String,
    /// Whether the approver is an organisation or a body.
    pub by_kind: ApproverKind,
    /// When.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub date: NaiveDate,
    /// Where it is recorded: `/lifecycle/<index>`.
    pub at: String,
}

/// What kind of approver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApproverKind {
    /// A party or other organisation (its council).
    Organisation,
    /// A body of the agreement (a committee).
    Body,
}

labels!(ApproverKind {
    Organisation => ("organisation", "organisation"),
    Body => ("body", "organ"),
});

/// A region that no longer exists on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RegionCeased {
    /// The region's official code.
    pub code: u16,
    /// Its name.
    pub name: String,
    /// Its last day.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub last_day: NaiveDate,
    /// The region its municipalities belong to from the next day, by name.
    pub successor: String,
}

/// A law that ends agreements of this form, as far as sources confirm it
/// (L 214, 2024–25, ends the health agreements "i deres nuværende form";
/// see [`crate::places::reform`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AffectedByLaw {
    /// The law as cited: `L 214 (2024–25)`.
    pub law: String,
    /// Its title, as the sources give it.
    pub title: String,
    /// Where it is documented (Folketinget's page for the bill).
    pub source: String,
    /// What it ends: `health_agreements`.
    pub ends: crate::places::reform::Abolished,
    /// The likely first day the agreement no longer applies by law.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub likely_from: NaiveDate,
    /// Whether a source states that day (false: none found does).
    pub end_confirmed: bool,
}

impl AffectedByLaw {
    /// The law's end of the health agreements, from the reform's reference data.
    pub fn health_agreements() -> Option<AffectedByLaw> {
        use crate::places::reform;
        let ending = reform::ending(reform::Abolished::HealthAgreements)?;
        Some(AffectedByLaw {
            law: ending.by.citation(),
            title: ending.by.title.to_string(),
            source: ending.by.source.to_string(),
            ends: ending.what,
            likely_from: ending.likely_from,
            end_confirmed: ending.confirmed,
        })
    }
}

impl Validity {
    /// The first day after the nominal period, when the entry date and the
    /// duration are known. A non-positive duration (which validation
    /// reports) gives `in_force_from` itself.
    pub fn nominal_end(&self) -> Option<NaiveDate> {
        let from = self.in_force_from?;
        let months = u32::try_from(self.nominal_duration_months?).unwrap_or(0);
        Some(from.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX))
    }

    /// The first day on which the agreement no longer applies, if an end is known:
    /// the earlier of a termination and a successor's entry into force.
    pub fn effective_end(&self) -> Option<(DateRole, NaiveDate)> {
        let by_law = self
            .termination
            .as_ref()
            .map(|t| (DateRole::TerminationEffective, t.effective));
        let by_successor = self
            .successor
            .as_ref()
            .map(|s| (DateRole::SuccessorInForceFrom, s.in_force_from));
        match (by_law, by_successor) {
            (Some(a), Some(b)) => Some(if a.1 <= b.1 { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The status on `date`. A fact the document leaves out never becomes a
    /// guess: a status it would decide is [`ValidityState::NotKnown`], while
    /// a known successor or termination still decides the days after it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::{Validity, ValidityState};
    /// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// let v = Validity { in_force_from: Some(d("2024-01-01")), nominal_duration_months: Some(42),
    ///     until_successor: Some(true), successor: None, termination: None, text: None };
    /// assert_eq!(v.status_on(d("2027-06-30")).state, ValidityState::InForce);
    /// assert_eq!(v.status_on(d("2027-07-01")).state, ValidityState::InForceAwaitingSuccessor);
    /// let unknown_end = Validity { until_successor: None, ..v.clone() };
    /// assert_eq!(unknown_end.status_on(d("2027-07-01")).state, ValidityState::NotKnown);
    /// // From 1 January 2027 the law may have ended it; the state stays the document's.
    /// assert!(v.status_on(d("2026-12-31")).affected_by_law.is_none());
    /// let law = v.status_on(d("2027-01-01")).affected_by_law.unwrap();
    /// assert_eq!((law.law.as_str(), law.end_confirmed), ("L 214 (2024–25)", false));
    /// ```
    pub fn status_on(&self, date: NaiveDate) -> ValidityStatus {
        let nominal_end = self.nominal_end();
        let from = self.in_force_from.map(|date| DecidingDate {
            role: DateRole::InForceFrom,
            date,
        });
        let end = nominal_end.map(|date| DecidingDate {
            role: DateRole::NominalEnd,
            date,
        });
        let known = |dates: &[Option<DecidingDate>]| dates.iter().flatten().copied().collect();
        let (state, decided_by) = if let Some(f) = from.filter(|f| date < f.date) {
            (ValidityState::NotYetInForce, vec![f])
        } else if let Some((role, ended)) = self.effective_end().filter(|(_, d)| *d <= date) {
            let state = match role {
                DateRole::TerminationEffective => ValidityState::Terminated,
                _ => ValidityState::Replaced,
            };
            (state, known(&[from, Some(DecidingDate { role, date: ended })]))
        } else {
            match (from, end) {
                (Some(f), Some(e)) if date < e.date => (ValidityState::InForce, vec![f, e]),
                (Some(f), Some(e)) => match self.until_successor {
                    Some(true) => (ValidityState::InForceAwaitingSuccessor, vec![f, e]),
                    Some(false) => (ValidityState::Expired, vec![f, e]),
                    None => (ValidityState::NotKnown, vec![f, e]),
                },
                // No stated duration: certainly in force from its first day
                // until something known ends it (handled above).
                (Some(f), None) => (ValidityState::InForce, vec![f]),
                (None, _) => (ValidityState::NotKnown, known(&[from])),
            }
        };
        // In force by its own dates (or not known) on a day the law's end may
        // apply to: said beside the state, which stays the document's.
        let may_be_in_force = matches!(
            state,
            ValidityState::InForce | ValidityState::InForceAwaitingSuccessor | ValidityState::NotKnown
        );
        let affected_by_law =
            AffectedByLaw::health_agreements().filter(|law| may_be_in_force && date >= law.likely_from);
        ValidityStatus {
            on: date,
            state,
            decided_by,
            nominal_end,
            last_nominal_day: nominal_end.map(|e| e.pred_opt().unwrap_or(e)),
            affected_by_law,
            approvals: Vec::new(),
            awaiting_approval: Vec::new(),
            region_ceased: None,
        }
    }
}

impl Validity {
    /// Validity's own consistency, at `at`: a positive and plausible
    /// duration, and a termination or successor that comes after the start.
    /// A fact the document leaves out is not checked.
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        if let Some(months) = self.nominal_duration_months {
            let duration_at = at.key("nominal_duration_months");
            if months < 1 {
                out.push(Problem::with_context(
                    Code::NonPositiveDuration,
                    duration_at,
                    ctx!("months" => months),
                ));
            } else if months > 120 {
                out.push(Problem::with_context(
                    Code::ImplausibleDuration,
                    duration_at,
                    ctx!("months" => months),
                ));
            }
        }
        let Some(start) = self.in_force_from else {
            return out;
        };
        if let Some(t) = self.termination.as_ref().filter(|t| t.effective < start) {
            out.push(end_before_start(
                at.key("termination").key("effective"),
                start,
                t.effective,
            ));
        }
        if let Some(s) = &self.successor {
            let successor_at = at.key("successor").key("in_force_from");
            if s.in_force_from < start {
                out.push(Problem::with_context(
                    Code::SuccessorBeforeAgreement,
                    successor_at,
                    ctx!("successor" => s.in_force_from.to_string(), "start" => start.to_string()),
                ));
            } else if s.in_force_from == start {
                out.push(Problem::with_context(
                    Code::SuccessorOnEntryDay,
                    successor_at,
                    ctx!("date" => s.in_force_from.to_string()),
                ));
            }
        }
        out
    }
}

/// A step in the making of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleKind {
    /// Public consultation (høring).
    #[doc(alias = "høring")]
    Consultation,
    /// Approval by a party's council or by a body (godkendelse).
    #[doc(alias = "godkendelse")]
    Approval,
    /// Submission to the national authority (indsendelse).
    Submission,
    /// Entry into force (ikrafttræden).
    #[doc(alias = "ikrafttræden")]
    EntryIntoForce,
}

labels!(LifecycleKind {
    Consultation => ("consultation", "høring"),
    Approval => ("approval", "godkendelse"),
    Submission => ("submission", "indsendelse"),
    EntryIntoForce => ("entry into force", "ikrafttræden"),
});

/// A dated step in the making of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LifecycleEvent {
    /// What happened.
    pub kind: LifecycleKind,
    /// When; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub date: Option<NaiveDate>,
    /// The organisation acting, e.g. the party approving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The body acting, e.g. the committee approving (a body's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// What the step is of, when not the agreement as first written: an
    /// edition's or an amendment's id. Such a step may come after the
    /// agreement entered into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Where the event is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
