//! Follow-up duties and the calendar of what is due when.
//!
//! The agreement sets duties (an annual follow-up of the focus areas, a
//! midterm and a final status, cluster action plans feeding the annual
//! follow-up) but rarely deadlines. Where the text gives none, the data says
//! how the deadline was read ([`DueBasis::Interpretation`]) so the calendar
//! never passes off a reading as a stated date.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::DueStatus;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let calendar = agreement.calendar(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
//! assert_eq!(calendar.iter().filter(|e| e.status == DueStatus::DueNext).count(), 1);
//! ```

use chrono::{Datelike, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::hash::HashMap;

use crate::document::validity::Validity;
use crate::ground::lang::labels;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

/// The kind of a follow-up duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    /// The health collaboration committee's annual follow-up of the focus areas (årlig opfølgning).
    #[doc(alias = "årlig opfølgning")]
    AnnualFollowUp,
    /// The midterm status (midtvejsstatus).
    #[doc(alias = "midtvejsstatus")]
    MidtermStatus,
    /// The final status (slutstatus).
    #[doc(alias = "slutstatus")]
    FinalStatus,
    /// The clusters' action plans (handleplaner).
    #[doc(alias = "handleplan")]
    ActionPlan,
}

impl RequirementKind {
    /// The deadlines a duty of this kind can have, besides a fixed date and
    /// none: the annual follow-up at each year's end, the midterm status in
    /// the middle of the period, the final status at its end. Action plans
    /// take any.
    pub fn fitting_anchors(self) -> &'static [DueAnchor] {
        match self {
            RequirementKind::AnnualFollowUp => &[DueAnchor::EndOfEachCalendarYear],
            RequirementKind::MidtermStatus => &[DueAnchor::NominalMidpoint],
            RequirementKind::FinalStatus => &[DueAnchor::NominalEnd],
            RequirementKind::ActionPlan => &[
                DueAnchor::EndOfEachCalendarYear,
                DueAnchor::NominalMidpoint,
                DueAnchor::NominalEnd,
            ],
        }
    }
}

labels!(RequirementKind {
    AnnualFollowUp => ("annual follow-up", "årlig opfølgning"),
    MidtermStatus => ("midterm status", "midtvejsstatus"),
    FinalStatus => ("final status", "slutstatus"),
    ActionPlan => ("cluster action plans", "sundhedsklyngernes handleplaner"),
});

/// How a duty's deadline is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueAnchor {
    /// Once for each calendar year in force, due by 31 December.
    EndOfEachCalendarYear,
    /// At the middle of the nominal period (half the nominal months, rounded down).
    NominalMidpoint,
    /// At the nominal end (the first day after the nominal period).
    NominalEnd,
    /// On `due_date`.
    FixedDate,
    /// No deadline is set.
    NotSet,
}

labels!(DueAnchor {
    EndOfEachCalendarYear => ("end of each calendar year", "udgangen af hvert kalenderår"),
    NominalMidpoint => ("middle of the period", "midt i perioden"),
    NominalEnd => ("end of the period", "periodens udløb"),
    FixedDate => ("fixed date", "fast dato"),
    NotSet => ("not set", "ikke fastsat"),
});

/// Whether a deadline is stated in the source or read into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueBasis {
    /// The source states the deadline.
    Stated,
    /// The source sets the duty but no deadline; the anchor is a reading of it.
    Interpretation,
}

labels!(DueBasis {
    Stated => ("stated", "fastsat"),
    Interpretation => ("interpretation: the agreement sets no date", "fortolkning: aftalen fastsætter ingen dato"),
});

/// A follow-up duty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Unique id within the document.
    pub id: String,
    /// What kind of duty.
    pub kind: RequirementKind,
    /// The bodies responsible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_bodies: Vec<String>,
    /// The clusters responsible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_clusters: Vec<String>,
    /// Bodies to be involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involved_bodies: Vec<String>,
    /// The duty whose work this one feeds (action plans feed the annual follow-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeds: Option<String>,
    /// The agreement's words.
    pub text: String,
    /// How the deadline is fixed.
    pub due: DueAnchor,
    /// The deadline, for [`DueAnchor::FixedDate`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub due_date: Option<NaiveDate>,
    /// Whether the deadline is stated or read into the text.
    pub due_basis: DueBasis,
}

/// A record that a duty was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// The duty.
    pub requirement: String,
    /// The year covered, for annual duties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// When it was done.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub completed_on: NaiveDate,
    /// The document that records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// A cluster's action plan (handleplan), which feeds the annual follow-up.
#[doc(alias = "handleplan")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    /// Unique id within the document.
    pub id: String,
    /// The cluster whose plan it is.
    pub cluster: String,
    /// Title.
    pub title: String,
    /// The year the plan covers.
    pub year: i32,
    /// The focus areas it works towards.
    pub focus_areas: Vec<String>,
    /// When the cluster adopted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub adopted_on: Option<NaiveDate>,
    /// The cluster's own objectives, each tied to a focus area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<LocalObjective>,
    /// The indicators the plan follows, local or national.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<LocalIndicator>,
    /// The initiatives (indsatser), each with its target group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<Initiative>,
    /// The yearly status reports that feed the annual follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<AnnualStatus>,
}

/// A cluster's own objective (lokal målsætning), tied to the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalObjective {
    /// Unique id within the plan.
    pub id: String,
    /// The objective.
    pub text: String,
    /// The focus area it serves.
    pub focus_area: String,
    /// The agreement objective it serves, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
}

/// An indicator an action plan follows: the agreement's own, or a local one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalIndicator {
    /// Unique id within the plan.
    pub id: String,
    /// Name.
    pub name: String,
    /// The agreement's indicator it is, when it is a national one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_indicator: Option<String>,
}

/// An initiative (indsats) of an action plan.
#[doc(alias = "indsats")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Unique id within the plan.
    pub id: String,
    /// Title.
    pub title: String,
    /// Who it is for (målgruppe).
    pub target_group: String,
    /// The plan's objectives it serves.
    #[serde(default)]
    pub objectives: Vec<String>,
}

/// A yearly status of an action plan, which feeds the annual follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualStatus {
    /// The year reported on.
    pub year: i32,
    /// The status.
    pub text: String,
    /// When it was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub reported_on: Option<NaiveDate>,
}

/// All follow-up duties and records of an agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The duties.
    pub requirements: Vec<Requirement>,
    /// What has been done.
    #[serde(default)]
    pub completions: Vec<Completion>,
    /// The clusters' action plans.
    #[serde(default)]
    pub action_plans: Vec<ActionPlan>,
}

/// Where a calendar entry stands on the date asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueStatus {
    /// A completion is recorded.
    Done,
    /// The deadline has passed and no completion is recorded.
    Overdue,
    /// The earliest deadline not yet passed.
    DueNext,
    /// A later deadline.
    Upcoming,
    /// No deadline is set.
    NoDeadline,
}

labels!(DueStatus {
    Done => ("done", "udført"),
    Overdue => ("overdue (no completion recorded)", "overskredet (ingen udførelse registreret)"),
    DueNext => ("due next", "næste frist"),
    Upcoming => ("upcoming", "kommende"),
    NoDeadline => ("no deadline set", "ingen frist fastsat"),
});

/// One occurrence of a duty in the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CalendarEntry {
    /// The duty.
    pub requirement: String,
    /// Its kind.
    pub kind: RequirementKind,
    /// The bodies responsible for it (ids), as the duty states them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_bodies: Vec<String>,
    /// The clusters responsible for it (ids), as the duty states them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_clusters: Vec<String>,
    /// The year covered, for annual duties.
    pub year: Option<i32>,
    /// The deadline, if any.
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub due: Option<NaiveDate>,
    /// Whether the deadline is stated or read.
    pub due_basis: DueBasis,
    /// Where it stands.
    pub status: DueStatus,
    /// When it was done, if recorded.
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub completed_on: Option<NaiveDate>,
}

impl FollowUp {
    /// The action plans' status reports for `year`, which the annual follow-up of that year draws on.
    pub fn action_plan_statuses(&self, year: i32) -> Vec<(&ActionPlan, &AnnualStatus)> {
        self.action_plans
            .iter()
            .flat_map(|p| p.statuses.iter().filter(move |s| s.year == year).map(move |s| (p, s)))
            .collect()
    }

    /// The calendar of duties on `on`, sorted by deadline (entries without one last).
    ///
    /// Annual duties run for each calendar year from entry into force up to the
    /// year before the agreement ends (if an end is known), else up to the
    /// later of the nominal end's year and `on`'s year. Without a known entry
    /// date there are no annual occurrences, and a deadline that depends on
    /// an unknown date or duration has none.
    ///
    /// No duty falls due after the agreement's end: where the document
    /// records an end (a termination, or a successor's entry into force), a
    /// duty due on or after that first day without the agreement is left
    /// out, unless it was done. An end by law that no source confirms (L 214,
    /// likely 1 January 2027) is not an end here: the duties stay as the
    /// document gives them, and the status's `affected_by_law` says that the
    /// law may have ended the agreement first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let mut a = sundhedsaftale::nordjylland_2024();
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let last_due = |a: &sundhedsaftale::HealthAgreement| a.calendar(d(2027, 1, 1)).iter().filter_map(|e| e.due).max();
    /// assert_eq!(last_due(&a), Some(d(2027, 12, 31))); // the law's end is not confirmed
    /// a.validity.termination = Some(sundhedsaftale::validity::Termination { effective: d(2027, 1, 1), basis: "L 214 (2024–25)".into() });
    /// assert_eq!(last_due(&a), Some(d(2026, 12, 31))); // the final status of 1 July 2027 is gone
    /// ```
    pub fn calendar(&self, validity: &Validity, on: NaiveDate) -> Vec<CalendarEntry> {
        let mut entries = Vec::new();
        let end = validity.effective_end().map(|(_, end)| end);
        for req in &self.requirements {
            let occurrences: Vec<(Option<i32>, Option<NaiveDate>)> = match req.due {
                DueAnchor::EndOfEachCalendarYear => annual_years(validity, on)
                    .map(|y| (Some(y), NaiveDate::from_ymd_opt(y, 12, 31)))
                    .collect(),
                DueAnchor::NominalMidpoint => {
                    let midpoint =
                        validity
                            .in_force_from
                            .zip(validity.nominal_duration_months)
                            .and_then(|(from, months)| {
                                from.checked_add_months(Months::new(u32::try_from(months / 2).unwrap_or(0)))
                            });
                    vec![(None, midpoint)]
                }
                DueAnchor::NominalEnd => vec![(None, validity.nominal_end())],
                DueAnchor::FixedDate => vec![(None, req.due_date)],
                DueAnchor::NotSet => vec![(None, None)],
            };
            for (year, due) in occurrences {
                let completed_on = self
                    .completions
                    .iter()
                    .find(|c| c.requirement == req.id && c.year == year)
                    .map(|c| c.completed_on);
                let after_end = due.zip(end).is_some_and(|(due, end)| due >= end);
                if after_end && completed_on.is_none() {
                    continue;
                }
                let status = match (completed_on, due) {
                    (Some(_), _) => DueStatus::Done,
                    (None, None) => DueStatus::NoDeadline,
                    (None, Some(d)) if d < on => DueStatus::Overdue,
                    (None, Some(_)) => DueStatus::Upcoming,
                };
                entries.push(CalendarEntry {
                    requirement: req.id.clone(),
                    kind: req.kind,
                    responsible_bodies: req.responsible_bodies.clone(),
                    responsible_clusters: req.responsible_clusters.clone(),
                    year,
                    due,
                    due_basis: req.due_basis,
                    status,
                    completed_on,
                });
            }
        }
        entries.sort_by_key(|e| (e.due.is_none(), e.due));
        let next = entries
            .iter()
            .filter(|e| e.status == DueStatus::Upcoming)
            .filter_map(|e| e.due)
            .min();
        for e in &mut entries {
            if e.status == DueStatus::Upcoming && e.due == next {
                e.status = DueStatus::DueNext;
            }
        }
        entries
    }
}

/// The calendar years of annual duties; empty without a known entry date.
fn annual_years(validity: &Validity, on: NaiveDate) -> std::ops::RangeInclusive<i32> {
    let Some(from) = validity.in_force_from else {
        #[allow(clippy::reversed_empty_ranges)]
        return 1..=0;
    };
    let last = match validity.effective_end() {
        Some((_, end)) => end.pred_opt().unwrap_or(end).year(),
        None => {
            let nominal_last = validity.nominal_end().map_or(from, |e| e.pred_opt().unwrap_or(from));
            nominal_last.year().max(on.year())
        }
    };
    from.year()..=last
}

impl FollowUp {
    /// The duties' own consistency, at `at`: a fixed deadline has its date,
    /// and no duty feeds itself ([`FollowUp::check_feeds`]).
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out: Vec<Problem> = self
            .requirements
            .iter()
            .enumerate()
            .filter(|(_, r)| r.due == DueAnchor::FixedDate && r.due_date.is_none())
            .map(|(i, _)| {
                Problem::with_context(
                    Code::DueDateMissing,
                    at.key("requirements").index(i).key("due_date"),
                    ctx!(),
                )
            })
            .collect();
        for (i, r) in self.requirements.iter().enumerate() {
            let fits =
                matches!(r.due, DueAnchor::FixedDate | DueAnchor::NotSet) || r.kind.fitting_anchors().contains(&r.due);
            if !fits {
                use crate::ground::lang::{Label, Lang};
                out.push(Problem::with_context(
                    Code::DueDoesNotFitDuty,
                    at.key("requirements").index(i).key("due"),
                    ctx!("kind" => r.kind.label(Lang::En), "kind_da" => r.kind.label(Lang::Da),
                         "due" => r.due.label(Lang::En), "due_da" => r.due.label(Lang::Da)),
                ));
            }
        }
        out.extend(self.check_feeds(at));
        out
    }

    /// No duty feeds itself, directly or through a chain of `feeds` links;
    /// each loop is reported once, at the duty where it closes.
    fn check_feeds(&self, at: &Pointer) -> Vec<Problem> {
        let index: HashMap<&str, usize> = self
            .requirements
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let next = |i: usize| {
            self.requirements[i]
                .feeds
                .as_deref()
                .and_then(|f| index.get(f).copied())
        };
        // Each duty has at most one `feeds` link: follow each chain, colouring as we go.
        let mut state = vec![0u8; self.requirements.len()];
        let mut out = Vec::new();
        for start in 0..self.requirements.len() {
            let mut path = Vec::new();
            let mut i = start;
            while state[i] == 0 {
                state[i] = 1;
                path.push(i);
                match next(i) {
                    Some(n) => i = n,
                    None => break,
                }
            }
            if state[i] == 1 && next(path[path.len() - 1]) == Some(i) {
                let closing = path[path.len() - 1];
                out.push(Problem::with_context(
                    Code::FeedsCycle,
                    at.key("requirements").index(closing).key("feeds"),
                    ctx!("requirement" => self.requirements[closing].id),
                ));
            }
            for p in path {
                state[p] = 2;
            }
        }
        out
    }
}
