//! Disputes and how they escalate.
//!
//! The agreement settles disagreements "at the lowest possible level": an
//! operational one in operations or local management, a general one in the
//! strategic health forum, a political or principled one in the health
//! collaboration committee. And whatever the dispute, "citizens must not be
//! caught in between", so a dispute record must name who carries the task
//! meanwhile.
//!
//! ```
//! use sundhedsaftale::DisputeKind;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let rules = agreement.dispute_rules.as_ref().unwrap();
//! assert!(rules.settled_at(DisputeKind::PoliticalOrPrincipled).is_some());
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::hash::HashSet;

use crate::ground::lang::{labels, Label, Lang};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, end_before_start, Pointer, Problem};

/// A rung of the escalation ladder, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisputeLevel {
    /// Where the work is done (driftsniveau).
    #[doc(alias = "driftsniveau")]
    Operations,
    /// Local management (lokalt ledelsesniveau).
    #[doc(alias = "lokalt ledelsesniveau")]
    LocalManagement,
    /// The strategic health forum (Strategisk Sundhedsforum).
    StrategicHealthForum,
    /// The health collaboration committee (Sundhedssamarbejdsudvalget).
    HealthCollaborationCommittee,
}

impl DisputeLevel {
    /// The kind of body a step of this level is, where the level is a body.
    pub fn body_kind(self) -> Option<crate::document::body::BodyKind> {
        use crate::document::body::BodyKind;
        match self {
            DisputeLevel::StrategicHealthForum => Some(BodyKind::StrategicHealthForum),
            DisputeLevel::HealthCollaborationCommittee => Some(BodyKind::HealthCollaborationCommittee),
            DisputeLevel::Operations | DisputeLevel::LocalManagement => None,
        }
    }
}

labels!(DisputeLevel {
    Operations => ("operations", "driftsniveau"),
    LocalManagement => ("local management", "lokalt ledelsesniveau"),
    StrategicHealthForum => ("strategic health forum", "Strategisk Sundhedsforum"),
    HealthCollaborationCommittee => ("health collaboration committee", "Sundhedssamarbejdsudvalget"),
});

/// What a dispute is about, which decides where it is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// A disagreement in day-to-day operations (uenighed i driften).
    Operational,
    /// A disagreement of a more general nature (uenighed af mere generel karakter).
    General,
    /// A political or principled disagreement (politisk eller principiel uenighed).
    PoliticalOrPrincipled,
}

labels!(DisputeKind {
    Operational => ("operational", "driftsmæssig"),
    General => ("general", "generel"),
    PoliticalOrPrincipled => ("political or principled", "politisk eller principiel"),
});

/// One rung of the ladder as the agreement describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    /// The rung.
    pub level: DisputeLevel,
    /// The body at this rung, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// Where one kind of dispute is settled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// The kind of dispute.
    pub kind: DisputeKind,
    /// The levels at which it is settled, preferred first.
    pub levels: Vec<DisputeLevel>,
    /// The agreement's words.
    pub text: String,
}

/// The agreement's rules for disputes (håndtering af uoverensstemmelser).
#[doc(alias = "uoverensstemmelse")]
#[doc(alias = "tvist")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeRules {
    /// The general principle, verbatim.
    pub principle: String,
    /// The ladder, lowest rung first.
    pub ladder: Vec<LadderStep>,
    /// Where each kind is settled.
    pub settlement: Vec<Settlement>,
    /// The rule that citizens must not be caught in between, verbatim.
    pub citizens_not_caught_between: String,
}

impl DisputeRules {
    /// The highest level at which a kind of dispute is settled, if the rules say.
    pub fn settled_at(&self, kind: DisputeKind) -> Option<DisputeLevel> {
        self.settlement
            .iter()
            .find(|s| s.kind == kind)
            .and_then(|s| s.levels.iter().max().copied())
    }

    /// The next rung above `level` on the ladder.
    pub fn next_level(&self, level: DisputeLevel) -> Option<DisputeLevel> {
        self.ladder.iter().map(|s| s.level).filter(|l| *l > level).min()
    }
}

/// A recorded dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// Unique id within the document.
    pub id: String,
    /// What kind of dispute.
    pub kind: DisputeKind,
    /// What it is about.
    pub subject: String,
    /// When it was raised.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub raised_on: NaiveDate,
    /// The organisations in disagreement.
    pub parties: Vec<String>,
    /// Who carries the task while the dispute lasts. Required by the agreement; validation reports its absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interim_responsible: Option<String>,
    /// The levels it has been taken to, in order.
    #[serde(default)]
    pub steps: Vec<DisputeStep>,
    /// When it was settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub resolved_on: Option<NaiveDate>,
}

/// One level a dispute was taken to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeStep {
    /// The level.
    pub level: DisputeLevel,
    /// When it was taken there.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub from: NaiveDate,
    /// What came of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

impl DisputeRules {
    /// The rules are coherent: the ladder climbs, rung by rung, with no level
    /// twice, and each kind of dispute has one settlement rule.
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        for (i, pair) in self.ladder.windows(2).enumerate() {
            if pair[1].level <= pair[0].level {
                out.push(Problem::with_context(
                    Code::DisputeLadderOutOfOrder,
                    at.key("ladder").index(i + 1),
                    ctx!("index" => i + 1, "level" => pair[1].level.label(Lang::En)),
                ));
            }
        }
        let mut kinds = HashSet::default();
        for (i, s) in self.settlement.iter().enumerate() {
            if !kinds.insert(s.kind) {
                out.push(Problem::with_context(
                    Code::DuplicateSettlementRule,
                    at.key("settlement").index(i).key("kind"),
                    ctx!("kind" => s.kind.label(Lang::En)),
                ));
            }
        }
        out
    }
}

impl Dispute {
    /// A dispute is between at least two parties, names who is responsible
    /// meanwhile, is resolved after it is raised, and climbs its steps in
    /// order, never above the level where the rules settle its kind
    /// (`settled_at`, when the agreement has rules).
    pub(crate) fn check(&self, settled_at: Option<DisputeLevel>, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.parties.len() < 2 {
            out.push(Problem::with_context(
                Code::DisputeNeedsTwoParties,
                at.key("parties"),
                ctx!("count" => self.parties.len()),
            ));
        }
        if self.interim_responsible.is_none() {
            out.push(Problem::with_context(
                Code::DisputeWithoutInterimResponsible,
                at.key("interim_responsible"),
                ctx!(),
            ));
        }
        if let Some(r) = self.resolved_on.filter(|r| *r < self.raised_on) {
            out.push(end_before_start(at.key("resolved_on"), self.raised_on, r));
        }
        for (j, step) in self.steps.iter().enumerate() {
            let step_at = at.key("steps").index(j);
            if j > 0 {
                let prev = &self.steps[j - 1];
                if step.level <= prev.level || step.from < prev.from {
                    out.push(Problem::with_context(
                        Code::DisputeStepsOutOfOrder,
                        step_at.clone(),
                        ctx!("index" => j),
                    ));
                }
            }
            if let Some(top) = settled_at.filter(|top| step.level > *top) {
                out.push(Problem::with_context(
                    Code::DisputeAboveSettlementLevel,
                    step_at,
                    ctx!("kind" => self.kind.label(Lang::En), "settled_at" => top.label(Lang::En),
                         "level" => step.level.label(Lang::En)),
                ));
            }
        }
        out
    }
}
