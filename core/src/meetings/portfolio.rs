//! A cluster's project portfolio and its improvement model (forbedringsmodel).
//!
//! The 2021 minutes record how Klynge Vest's operations forum sorted its
//! projects under four headings, prioritised five, and proposed a model for
//! future projects: each year the operations forum proposes 3–5 ideas "from
//! below" ("lavt hængende frugter"), the cluster steering group prioritises
//! one, and the project runs through three phases with an external process
//! facilitator. The model's numbers are data ([`ImprovementModel`]) and the
//! checks here report deviations from them as warnings.
//!
//! ```
//! let minutes = sundhedsaftale::politisk_klynge_vest_2021();
//! let portfolio = minutes.portfolio.as_ref().unwrap();
//! assert!(!portfolio.projects.is_empty());
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::lang::labels;
use crate::problems::catalogue::Code;
use crate::problems::ids::IdSpace;
use crate::problems::problem::{ctx, Pointer, Problem};

/// The four headings under which the operations forum sorted the projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectCategory {
    /// "Projekter, som endnu ikke er påbegyndt".
    NotStarted,
    /// "Projekter i proces (test og implementering)".
    InProcess,
    /// "Projekter og indsatser, som kører i andet spor eller indsatser i drift, …".
    OtherTrackOrOperations,
    /// "Projekter, som ikke vurderes at høre under driftsforum".
    NotUnderOperationsForum,
}

labels!(ProjectCategory {
    NotStarted => ("not yet started", "endnu ikke påbegyndt"),
    InProcess => ("in process (test and implementation)", "i proces (test og implementering)"),
    OtherTrackOrOperations => ("running in another track or in operations", "kører i andet spor eller i drift"),
    NotUnderOperationsForum => ("not under the operations forum", "hører ikke under driftsforum"),
});

/// A phase of an improvement project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Forberedelse.
    #[doc(alias = "forberedelse")]
    Preparation,
    /// Udviklingsfase.
    #[doc(alias = "udviklingsfase")]
    Development,
    /// Implementering.
    #[doc(alias = "implementering")]
    Implementation,
}

labels!(Phase {
    Preparation => ("preparation", "forberedelse"),
    Development => ("development", "udviklingsfase"),
    Implementation => ("implementation", "implementering"),
});

/// A heading of the portfolio, as the source words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryHeading {
    /// The category.
    pub category: ProjectCategory,
    /// The heading, verbatim.
    pub text: String,
}

/// A project or effort in the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique id within the document.
    pub id: String,
    /// Name, verbatim.
    pub name: String,
    /// The heading it was sorted under; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<ProjectCategory>,
    /// Whether the operations forum prioritised it.
    pub prioritised: bool,
}

/// The rules of an improvement model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImprovementModel {
    /// Name, verbatim ("Klynge Vest forbedringsmodellen").
    pub name: String,
    /// The model's steps, verbatim.
    pub steps: Vec<String>,
    /// The body that proposes ideas each year.
    pub proposed_by: String,
    /// The body that prioritises one of them.
    pub prioritised_by: String,
    /// Fewest ideas a year.
    pub ideas_per_year_min: u32,
    /// Most ideas a year.
    pub ideas_per_year_max: u32,
    /// Projects prioritised a year.
    pub prioritised_per_year: u32,
    /// The phases, in order.
    pub phases: Vec<Phase>,
    /// Where the external process facilitator comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator_from: Option<String>,
    /// The principle ideas follow ("lavt hængende frugter").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principle: Option<String>,
}

/// A project idea proposed under the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectIdea {
    /// Unique id within the document.
    pub id: String,
    /// The year it was proposed for.
    pub year: i32,
    /// Title.
    pub title: String,
}

/// A prioritised project run under the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImprovementProject {
    /// Unique id within the document.
    pub id: String,
    /// The idea it grew from.
    pub idea: String,
    /// The year it was prioritised for.
    pub year: i32,
    /// Its phases with dates.
    #[serde(default)]
    pub phases: Vec<PhaseSpell>,
    /// The external process facilitator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    /// The project organisation's roles.
    #[serde(default)]
    pub roles: Vec<ProjectRole>,
}

/// A phase with its dates (inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpell {
    /// The phase.
    pub phase: Phase,
    /// First day.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub from: NaiveDate,
    /// Last day; absent while running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub to: Option<NaiveDate>,
}

/// A role in a project organisation, with its responsibilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectRole {
    /// The role.
    pub role: String,
    /// Who holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// What it answers for.
    #[serde(default)]
    pub responsibilities: Vec<String>,
}

/// A cluster's portfolio: headings, projects, the improvement model and its use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// The body that keeps the portfolio.
    pub kept_by: String,
    /// The headings projects are sorted under.
    #[serde(default)]
    pub categories: Vec<CategoryHeading>,
    /// The projects.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// The improvement model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_model: Option<ImprovementModel>,
    /// Ideas proposed under the model.
    #[serde(default)]
    pub ideas: Vec<ProjectIdea>,
    /// Projects run under the model.
    #[serde(default)]
    pub improvement_projects: Vec<ImprovementProject>,
}

impl Portfolio {
    /// Checks the use of the improvement model against its rules; `at` points to the portfolio.
    pub fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut ideas = IdSpace::default();
        for (j, idea) in self.ideas.iter().enumerate() {
            ideas.define(&idea.id, at.key("ideas").index(j), &mut out);
        }
        let mut projects = IdSpace::default();
        let mut names: crate::ground::hash::HashMap<&str, usize> = Default::default();
        for (j, project) in self.projects.iter().enumerate() {
            projects.define(&project.id, at.key("projects").index(j), &mut out);
            match names.get(project.name.as_str()) {
                Some(&first) => out.push(Problem::with_context(
                    Code::NameRepeated,
                    at.key("projects").index(j).key("name"),
                    ctx!("name" => project.name, "first" => at.key("projects").index(first).as_str()),
                )),
                None => {
                    names.insert(&project.name, j);
                }
            }
        }
        let mut improvement = IdSpace::default();
        for (j, project) in self.improvement_projects.iter().enumerate() {
            improvement.define(&project.id, at.key("improvement_projects").index(j), &mut out);
        }
        let Some(model) = &self.improvement_model else {
            return out;
        };
        let mut ideas_per_year: BTreeMap<i32, u32> = BTreeMap::new();
        for idea in &self.ideas {
            *ideas_per_year.entry(idea.year).or_default() += 1;
        }
        for (year, count) in ideas_per_year {
            if count < model.ideas_per_year_min || count > model.ideas_per_year_max {
                out.push(Problem::with_context(
                    Code::ProjectIdeasOutOfRange,
                    at.key("ideas"),
                    ctx!("year" => year, "count" => count, "min" => model.ideas_per_year_min, "max" => model.ideas_per_year_max),
                ));
            }
        }
        let mut per_year: BTreeMap<i32, u32> = BTreeMap::new();
        for (j, project) in self.improvement_projects.iter().enumerate() {
            let p_at = at.key("improvement_projects").index(j);
            let n = per_year.entry(project.year).or_default();
            *n += 1;
            if *n > model.prioritised_per_year {
                out.push(Problem::with_context(
                    Code::TooManyPrioritisedProjects,
                    p_at.clone(),
                    ctx!("year" => project.year, "count" => *n, "max" => model.prioritised_per_year),
                ));
            }
            if !ideas.contains(&project.idea) {
                out.push(Problem::with_context(
                    Code::UnknownReference,
                    p_at.key("idea"),
                    ctx!("id" => project.idea, "kind" => "project idea"),
                ));
            }
            if project.facilitator.as_deref().is_none_or(|f| f.trim().is_empty()) {
                out.push(Problem::new(Code::FacilitatorMissing, p_at.key("facilitator")));
            }
            let order = |phase: Phase| model.phases.iter().position(|p| *p == phase);
            for (k, spell) in project.phases.iter().enumerate() {
                let s_at = p_at.key("phases").index(k);
                if let Some(to) = spell.to.filter(|to| *to < spell.from) {
                    out.push(Problem::with_context(
                        Code::EndBeforeStart,
                        s_at.key("to"),
                        ctx!("start" => spell.from.to_string(), "end" => to.to_string()),
                    ));
                }
                if k > 0 {
                    let prev = &project.phases[k - 1];
                    let backwards = order(spell.phase) <= order(prev.phase);
                    let overlaps = prev.to.is_none_or(|end| spell.from <= end);
                    if backwards || overlaps {
                        out.push(Problem::with_context(
                            Code::PhasesOutOfOrder,
                            s_at,
                            ctx!("phase" => spell.phase, "previous" => prev.phase),
                        ));
                    }
                }
            }
        }
        out
    }
}
