//! Bodies: committees, clusters' political and administrative levels, forums.
//!
//! Every body has a lifetime. `established` is its first day; `abolished` is
//! the first day on which it no longer exists (an exclusive end), because
//! reorganisations take effect *on* a date: the health coordination committee
//! was replaced on 1 July 2022, so it existed up to and including 30 June.
//! Predecessor links let the 2022 reorganisation be followed body by body.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::labels;
use crate::people::Post;

/// What kind of body this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Health collaboration committee (sundhedssamarbejdsudvalg, SSU), from 1 July 2022.
    #[doc(alias = "sundhedssamarbejdsudvalg")]
    #[doc(alias = "SSU")]
    HealthCollaborationCommittee,
    /// Health coordination committee (sundhedskoordinationsudvalg), before 1 July 2022.
    #[doc(alias = "sundhedskoordinationsudvalg")]
    HealthCoordinationCommittee,
    /// The political level of a health cluster (politisk sundhedsklynge).
    #[doc(alias = "politisk sundhedsklynge")]
    HealthClusterPolitical,
    /// The administrative (professional-strategic) level of a health cluster.
    #[doc(alias = "administrativ sundhedsklynge")]
    HealthClusterAdministrative,
    /// A pre-2022 political cluster (politisk klynge).
    #[doc(alias = "politisk klynge")]
    PoliticalCluster,
    /// A pre-2022 administrative cluster steering group (klyngestyregruppe).
    #[doc(alias = "klyngestyregruppe")]
    ClusterSteeringGroup,
    /// A cluster's operations forum (driftsforum).
    #[doc(alias = "driftsforum")]
    OperationsForum,
    /// The strategic health forum (Strategisk Sundhedsforum), where general disagreements are settled.
    #[doc(alias = "Strategisk Sundhedsforum")]
    StrategicHealthForum,
    /// The patient involvement committee (Patientinddragelsesudvalget).
    #[doc(alias = "Patientinddragelsesudvalget")]
    PatientInvolvementCommittee,
}

labels!(BodyKind {
    HealthCollaborationCommittee => ("health collaboration committee", "sundhedssamarbejdsudvalg"),
    HealthCoordinationCommittee => ("health coordination committee", "sundhedskoordinationsudvalg"),
    HealthClusterPolitical => ("health cluster, political level", "politisk sundhedsklynge"),
    HealthClusterAdministrative => ("health cluster, administrative level", "administrativ sundhedsklynge"),
    PoliticalCluster => ("political cluster (pre-2022)", "politisk klynge (før 2022)"),
    ClusterSteeringGroup => ("cluster steering group (pre-2022)", "klyngestyregruppe (før 2022)"),
    OperationsForum => ("operations forum", "driftsforum"),
    StrategicHealthForum => ("strategic health forum", "Strategisk Sundhedsforum"),
    PatientInvolvementCommittee => ("patient involvement committee", "Patientinddragelsesudvalget"),
});

/// A body of the agreement's organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Unique id within the document.
    pub id: String,
    /// What kind of body.
    pub kind: BodyKind,
    /// Name in Danish, as the source writes it.
    pub name: String,
    /// The cluster the body belongs to, for cluster bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// First day of existence; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::date::strict_option")]
    pub established: Option<NaiveDate>,
    /// First day on which the body no longer exists (exclusive); absent while it exists or when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::date::strict_option")]
    pub abolished: Option<NaiveDate>,
    /// The bodies this one replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<String>,
    /// The body's tasks or purposes, in the source's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
    /// Where the facts about the body come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The body's seats and who held them.
    #[serde(default)]
    pub posts: Vec<Post>,
}

impl Body {
    /// Whether the body exists on `date`, treating unknown bounds as open.
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        alive_on(self.established, self.abolished, date)
    }
}

/// Whether a lifetime from `start` (first day) to `end` (first day after,
/// exclusive) covers `date`; an unknown bound is treated as open.
pub(crate) fn alive_on(start: Option<NaiveDate>, end: Option<NaiveDate>, date: NaiveDate) -> bool {
    start.is_none_or(|s| s <= date) && end.is_none_or(|e| date < e)
}
