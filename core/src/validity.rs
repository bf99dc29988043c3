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

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::labels;

/// The validity rules of an agreement (gyldighedsperiode).
#[doc(alias = "gyldighedsperiode")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First day in force (ikrafttrædelsesdato).
    #[serde(deserialize_with = "crate::date::strict")]
    pub in_force_from: NaiveDate,
    /// Nominal duration in calendar months (3.5 years = 42).
    pub nominal_duration_months: i32,
    /// Whether the agreement stays in force past its nominal end until a successor enters into force.
    pub until_successor: bool,
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
    #[serde(deserialize_with = "crate::date::strict")]
    pub in_force_from: NaiveDate,
}

/// An explicit end, such as abolition by law.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    /// The first day on which the agreement no longer applies.
    #[serde(deserialize_with = "crate::date::strict")]
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
}

labels!(ValidityState {
    NotYetInForce => ("not yet in force", "endnu ikke i kraft"),
    InForce => ("in force", "i kraft"),
    InForceAwaitingSuccessor => ("in force past its nominal end, awaiting a successor", "i kraft efter nominel udløb, indtil en ny aftale træder i kraft"),
    Expired => ("expired", "udløbet"),
    Replaced => ("replaced", "afløst"),
    Terminated => ("terminated", "ophævet"),
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
    NominalEnd => ("nominal end (first day after the period)", "nominel udløb (første dag efter perioden)"),
    SuccessorInForceFrom => ("successor in force from", "ny aftale i kraft fra"),
    TerminationEffective => ("terminated with effect from", "ophævet med virkning fra"),
});

/// A date that decided a status, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DecidingDate {
    /// What the date is.
    pub role: DateRole,
    /// The date.
    #[serde(deserialize_with = "crate::date::strict")]
    pub date: NaiveDate,
}

/// The answer to "is the agreement in force on this date?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ValidityStatus {
    /// The date asked about.
    #[serde(deserialize_with = "crate::date::strict")]
    pub on: NaiveDate,
    /// The status.
    pub state: ValidityState,
    /// The dates that decided it, in date order.
    pub decided_by: Vec<DecidingDate>,
    /// The first day after the nominal period.
    #[serde(deserialize_with = "crate::date::strict")]
    pub nominal_end: NaiveDate,
    /// The last day of the nominal period.
    #[serde(deserialize_with = "crate::date::strict")]
    pub last_nominal_day: NaiveDate,
}

impl Validity {
    /// The first day after the nominal period. A non-positive duration
    /// (which validation reports) gives `in_force_from` itself.
    pub fn nominal_end(&self) -> NaiveDate {
        let months = u32::try_from(self.nominal_duration_months).unwrap_or(0);
        self.in_force_from
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
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

    /// The status on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::{Validity, ValidityState};
    /// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// let v = Validity { in_force_from: d("2024-01-01"), nominal_duration_months: 42,
    ///     until_successor: true, successor: None, termination: None, text: None };
    /// assert_eq!(v.status_on(d("2027-06-30")).state, ValidityState::InForce);
    /// assert_eq!(v.status_on(d("2027-07-01")).state, ValidityState::InForceAwaitingSuccessor);
    /// ```
    pub fn status_on(&self, date: NaiveDate) -> ValidityStatus {
        let nominal_end = self.nominal_end();
        let from = DecidingDate {
            role: DateRole::InForceFrom,
            date: self.in_force_from,
        };
        let end = DecidingDate {
            role: DateRole::NominalEnd,
            date: nominal_end,
        };
        let (state, decided_by) = if date < self.in_force_from {
            (ValidityState::NotYetInForce, vec![from])
        } else if let Some((role, ended)) = self.effective_end().filter(|(_, d)| *d <= date) {
            let state = match role {
                DateRole::TerminationEffective => ValidityState::Terminated,
                _ => ValidityState::Replaced,
            };
            (state, vec![from, DecidingDate { role, date: ended }])
        } else if date < nominal_end {
            (ValidityState::InForce, vec![from, end])
        } else if self.until_successor {
            (ValidityState::InForceAwaitingSuccessor, vec![from, end])
        } else {
            (ValidityState::Expired, vec![from, end])
        };
        ValidityStatus {
            on: date,
            state,
            decided_by,
            nominal_end,
            last_nominal_day: nominal_end.pred_opt().unwrap_or(nominal_end),
        }
    }
}

/// A step in the making of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleKind {
    /// Public consultation (høring).
    #[doc(alias = "høring")]
    Consultation,
    /// Approval by one party's council (godkendelse).
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
    #[serde(deserialize_with = "crate::date::strict_option")]
    pub date: Option<NaiveDate>,
    /// The organisation acting, e.g. the party approving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Where the event is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
