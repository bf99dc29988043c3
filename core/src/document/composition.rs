//! Composition rules as data, and their evaluation.
//!
//! Rules such as "one mayor from each municipality in the cluster" or "3
//! regional council members, including the chair" change with every reform and
//! differ between regions, so they are data ([`RuleSet`]), not code. A rule set
//! is evaluated against *seats*: who sat, on behalf of whom, with what title.
//! Seats come from a body's memberships on a date, and (later) from a meeting's
//! attendance, so one evaluator serves both.
//!
//! Real bodies deviate from their rules; a deviation is a finding (and a
//! validation warning), never a reason to reject the data.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::{rule_sets, FindingStatus};
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! let ssu = agreement.body("ssu").unwrap();
//! let rules = agreement.rule_sets_on(rule_sets(), on);
//! let report = agreement.composition(ssu, rules[0], on).unwrap();
//! // The real committee deviates from its rules: findings, not rejection.
//! assert!(report.findings.iter().any(|f| f.status == FindingStatus::NotMet));
//! ```

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::body::BodyKind;
use crate::document::organisation::OrganisationKind;
use crate::document::people::Title;
use crate::ground::lang::labels;
use crate::places::reference;
use crate::problems::catalogue::Code;
use crate::problems::ids::IdSpace;
use crate::problems::problem::{ctx, end_before_start, Pointer, Problem};
use crate::reading::parse::published;

published!(RuleSet, "rule-set.schema.json");

/// A set of composition rules for several kinds of body, from one source.
#[doc(alias = "sammensætning")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Format version of this document.
    pub schema_version: u32,
    /// Unique id.
    pub id: String,
    /// Name in Danish, as the source heads it (e.g. "Nuværende organisering").
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// First day the rules apply; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub applies_from: Option<NaiveDate>,
    /// First day the rules no longer apply (exclusive); absent while in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub applies_until: Option<NaiveDate>,
    /// The regions (official codes) whose bodies the rules are for. Rules
    /// written for one region's organisation are not applied to another's.
    pub regions: Vec<u16>,
    /// The source of the rules.
    pub source: String,
    /// The rules, per kind of body.
    pub bodies: Vec<BodyRules>,
}

impl RuleSet {
    /// Whether the rule set applies on `date`, treating unknown bounds as open.
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        crate::ground::date::alive_on(self.applies_from, self.applies_until, date)
    }

    /// Whether the rule set is meant for a body of the region with this code
    /// on `date`: the region is in its scope and the rules apply that day.
    ///
    /// ```
    /// let [before, from] = sundhedsaftale::rule_sets() else { unreachable!() };
    /// let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    /// assert!(from.in_scope(Some(1081), day(2024)));
    /// assert!(!from.in_scope(Some(1082), day(2024)), "North Jutland's rules are not Midtjylland's");
    /// assert!(!before.in_scope(Some(1081), day(2024)));
    /// ```
    pub fn in_scope(&self, region_code: Option<u16>, date: NaiveDate) -> bool {
        self.applies_on(date) && region_code.is_some_and(|c| self.regions.contains(&c))
    }

    /// The rules for a kind of body, if the set has any.
    pub fn rules_for(&self, kind: BodyKind) -> Option<&BodyRules> {
        self.bodies.iter().find(|b| b.body_kind == kind)
    }
}

/// The rules for one kind of body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyRules {
    /// The kind of body the rules are for.
    pub body_kind: BodyKind,
    /// The body's name as the source writes it.
    pub name_in_source: String,
    /// The rules.
    pub rules: Vec<CompositionRule>,
}

/// How a rule is assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A count of seats that must lie between `min` and `max`.
    Count,
    /// Participation depends on the agenda ("PLO deltager ad hoc"): counted, never a deviation.
    AdHoc,
    /// A qualitative condition ("Driftsindsigt ... en forudsætning"): reported, not assessed.
    Qualitative,
    /// A question the source leaves open ("Patient/borger inddragelse?"): reported, not assessed.
    OpenQuestion,
}

labels!(RuleKind {
    Count => ("count", "antal"),
    AdHoc => ("ad hoc", "ad hoc"),
    Qualitative => ("qualitative", "kvalitativ"),
    OpenQuestion => ("open question", "åbent spørgsmål"),
});

/// Over which group a count is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Once, over the whole body.
    Body,
    /// Once for each municipality in the body's cluster ("fra hver kommune i klyngen").
    PerMunicipalityInCluster,
    /// Once for each cluster in the region ("fra hver klynge").
    PerClusterInRegion,
}

labels!(Scope {
    Body => ("the whole body", "hele organet"),
    PerMunicipalityInCluster => ("each municipality in the cluster", "hver kommune i klyngen"),
    PerClusterInRegion => ("each cluster in the region", "hver klynge i regionen"),
});

/// Which seats a rule counts. Every non-empty list must match (lists are alternatives within).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// Kinds of organisation the seat is held on behalf of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_behalf_of: Vec<OrganisationKind>,
    /// Titles of the person in the seat.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
}

impl Selector {
    fn matches(&self, seat: &Seat) -> bool {
        (self.on_behalf_of.is_empty() || seat.organisation_kind.is_some_and(|k| self.on_behalf_of.contains(&k)))
            && (self.titles.is_empty() || self.titles.contains(&seat.title))
    }
}

/// One composition rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompositionRule {
    /// Unique id within the rule set.
    pub id: String,
    /// The rule in the source's Danish words.
    pub text: String,
    /// The rule in English.
    pub text_en: String,
    /// How the rule is assessed.
    pub kind: RuleKind,
    /// Which seats count.
    #[serde(default)]
    pub counts: Selector,
    /// Over which group the count is taken.
    #[serde(default = "default_scope")]
    pub scope: Scope,
    /// Fewest seats allowed, per scope group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// Most seats allowed, per scope group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// A seat that must be among those counted ("herunder regionsrådsformanden").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_include: Option<Selector>,
    /// A remark on how the rule was read from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn default_scope() -> Scope {
    Scope::Body
}

impl CompositionRule {
    /// The expected count as text, e.g. "2–4", "exactly 3", "at least 1".
    pub fn expected_text(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => format!("{a}"),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => "–".to_string(),
        }
    }
}

/// One person in one seat, as counted by composition rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    /// The person.
    pub person: String,
    /// The membership behind the seat, where there is one.
    pub membership: Option<String>,
    /// The organisation the seat is held on behalf of, if any.
    pub organisation: Option<String>,
    /// That organisation's kind.
    pub organisation_kind: Option<OrganisationKind>,
    /// The person's title.
    pub title: Title,
}

/// The groups a scoped rule is counted over, on one date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeGroups {
    /// The municipalities of the body's cluster, for [`Scope::PerMunicipalityInCluster`].
    pub cluster_municipalities: Vec<String>,
    /// The region's clusters with their municipalities, for [`Scope::PerClusterInRegion`].
    pub region_clusters: Vec<(String, Vec<String>)>,
}

/// Whether a rule was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    /// The count lies within bounds and any required seat is there.
    Met,
    /// The count is out of bounds, or a required seat is missing.
    NotMet,
    /// The rule is ad hoc, qualitative or an open question.
    NotAssessed,
}

labels!(FindingStatus {
    Met => ("met", "opfyldt"),
    NotMet => ("not met", "ikke opfyldt"),
    NotAssessed => ("not assessed", "ikke vurderet"),
});

/// The outcome of one rule for one scope group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleFinding {
    /// The rule's id.
    pub rule: String,
    /// The rule's Danish text.
    pub text: String,
    /// The rule's English text.
    pub text_en: String,
    /// The scope group (a municipality or cluster id); absent for whole-body rules.
    pub scope: Option<String>,
    /// Met, not met, or not assessed.
    pub status: FindingStatus,
    /// How many seats were counted.
    pub count: u32,
    /// The expected count as text.
    pub expected: String,
    /// The people counted, in seat order.
    pub counted: Vec<String>,
    /// Whether the `must_include` seat was missing.
    pub missing_required: bool,
}

/// The seats (with their index) that fall in one scope group.
type ScopedSeats<'a> = (Option<String>, Vec<(usize, &'a Seat)>);

/// Evaluates `rules` over `seats`.
///
/// Returns the findings, one per rule and scope group, and the people whose
/// seats no rule counted (such as an alderman where a rule counts mayors).
pub fn evaluate(rules: &BodyRules, seats: &[Seat], groups: &ScopeGroups) -> (Vec<RuleFinding>, Vec<String>) {
    let mut findings = Vec::new();
    let mut counted_anywhere = BTreeSet::new();
    for rule in &rules.rules {
        // Qualitative rules and open questions count no one.
        let counts_seats = matches!(rule.kind, RuleKind::Count | RuleKind::AdHoc);
        let matching: Vec<(usize, &Seat)> = seats
            .iter()
            .enumerate()
            .filter(|(_, s)| counts_seats && rule.counts.matches(s))
            .collect();
        let scoped: Vec<ScopedSeats> = match rule.scope {
            Scope::Body => vec![(None, matching)],
            Scope::PerMunicipalityInCluster => groups
                .cluster_municipalities
                .iter()
                .map(|m| {
                    let in_group = matching
                        .iter()
                        .filter(|(_, s)| s.organisation.as_deref() == Some(m.as_str()))
                        .copied()
                        .collect();
                    (Some(m.clone()), in_group)
                })
                .collect(),
            Scope::PerClusterInRegion => groups
                .region_clusters
                .iter()
                .map(|(cluster, municipalities)| {
                    let in_group = matching
                        .iter()
                        .filter(|(_, s)| s.organisation.as_ref().is_some_and(|o| municipalities.contains(o)))
                        .copied()
                        .collect();
                    (Some(cluster.clone()), in_group)
                })
                .collect(),
        };
        for (scope, in_group) in scoped {
            counted_anywhere.extend(in_group.iter().map(|(i, _)| *i));
            let count = in_group.len() as u32;
            let missing_required = rule
                .must_include
                .as_ref()
                .is_some_and(|req| !in_group.iter().any(|(_, s)| req.matches(s)));
            let status = match rule.kind {
                RuleKind::Count => {
                    let within = rule.min.is_none_or(|m| count >= m) && rule.max.is_none_or(|m| count <= m);
                    if within && !missing_required {
                        FindingStatus::Met
                    } else {
                        FindingStatus::NotMet
                    }
                }
                RuleKind::AdHoc | RuleKind::Qualitative | RuleKind::OpenQuestion => FindingStatus::NotAssessed,
            };
            findings.push(RuleFinding {
                rule: rule.id.clone(),
                text: rule.text.clone(),
                text_en: rule.text_en.clone(),
                scope,
                status,
                count,
                expected: rule.expected_text(),
                counted: in_group.iter().map(|(_, s)| s.person.clone()).collect(),
                missing_required,
            });
        }
    }
    let uncounted = seats
        .iter()
        .enumerate()
        .filter(|(i, _)| !counted_anywhere.contains(i))
        .map(|(_, s)| s.person.clone())
        .collect();
    (findings, uncounted)
}

impl RuleSet {
    /// The rule set's own consistency, at `at`: dates in order, known
    /// region codes, unique rule ids, and no rule whose minimum exceeds
    /// its maximum.
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        crate::problems::ids::check(&self.id, at, &mut out);
        if let (Some(from), Some(until)) = (self.applies_from, self.applies_until) {
            if until < from {
                out.push(end_before_start(at.key("applies_until"), from, until));
            }
        }
        for (i, code) in self.regions.iter().enumerate() {
            if reference::region_by_code(*code).is_none() {
                out.push(Problem::with_context(
                    Code::UnknownRegionCode,
                    at.key("regions").index(i),
                    ctx!("code" => code),
                ));
            }
        }
        let mut seen: IdSpace<'_, Pointer> = IdSpace::default();
        for (i, body) in self.bodies.iter().enumerate() {
            for (j, rule) in body.rules.iter().enumerate() {
                let at = at.key("bodies").index(i).key("rules").index(j);
                seen.define(&rule.id, at.clone(), &mut out);
                if let (Some(min), Some(max)) = (rule.min, rule.max) {
                    if min > max {
                        out.push(Problem::with_context(
                            Code::RuleMinAboveMax,
                            at.key("min"),
                            ctx!("min" => min, "max" => max),
                        ));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(person: &str, org: &str, kind: OrganisationKind, title: Title) -> Seat {
        Seat {
            person: person.into(),
            membership: None,
            organisation: Some(org.into()),
            organisation_kind: Some(kind),
            title,
        }
    }

    fn rule(id: &str, scope: Scope, titles: Vec<Title>, min: u32, max: Option<u32>) -> CompositionRule {
        CompositionRule {
            id: id.into(),
            text: id.into(),
            text_en: id.into(),
            kind: RuleKind::Count,
            counts: Selector {
                on_behalf_of: vec![],
                titles,
            },
            scope,
            min: Some(min),
            max,
            must_include: None,
            note: None,
        }
    }

    #[test]
    fn per_municipality_counts_each_municipality_and_reports_uncounted_seats() {
        use OrganisationKind::*;
        let rules = BodyRules {
            body_kind: BodyKind::PoliticalCluster,
            name_in_source: "x".into(),
            rules: vec![rule(
                "pol",
                Scope::PerMunicipalityInCluster,
                vec![Title::MunicipalCouncilMember],
                2,
                Some(4),
            )],
        };
        let seats = vec![
            seat("a", "m1", Municipality, Title::MunicipalCouncilMember),
            seat("b", "m1", Municipality, Title::MunicipalCouncilMember),
            seat("c", "m2", Municipality, Title::MunicipalCouncilMember),
            seat("d", "r", Region, Title::RegionalCouncilMember),
        ];
        let groups = ScopeGroups {
            cluster_municipalities: vec!["m1".into(), "m2".into()],
            region_clusters: vec![],
        };
        let (findings, uncounted) = evaluate(&rules, &seats, &groups);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].status, FindingStatus::Met);
        assert_eq!(findings[0].counted, vec!["a", "b"]);
        assert_eq!(findings[1].status, FindingStatus::NotMet);
        assert_eq!(findings[1].count, 1);
        assert_eq!(uncounted, vec!["d"]);
    }

    #[test]
    fn must_include_fails_the_rule_when_the_required_seat_is_absent() {
        let mut r = rule(
            "reg",
            Scope::Body,
            vec![Title::RegionalCouncilMember, Title::RegionalCouncilChair],
            3,
            Some(3),
        );
        r.must_include = Some(Selector {
            on_behalf_of: vec![],
            titles: vec![Title::RegionalCouncilChair],
        });
        let rules = BodyRules {
            body_kind: BodyKind::HealthCollaborationCommittee,
            name_in_source: "x".into(),
            rules: vec![r],
        };
        let seats: Vec<Seat> = (0..3)
            .map(|i| {
                seat(
                    &format!("p{i}"),
                    "r",
                    OrganisationKind::Region,
                    Title::RegionalCouncilMember,
                )
            })
            .collect();
        let (findings, _) = evaluate(&rules, &seats, &ScopeGroups::default());
        assert_eq!(findings[0].count, 3);
        assert!(findings[0].missing_required);
        assert_eq!(findings[0].status, FindingStatus::NotMet);
    }
}
