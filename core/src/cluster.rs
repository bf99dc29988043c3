//! Health clusters: the municipalities around one acute hospital.
//!
//! Cluster structures change (the 2022 reform redrew them), so a cluster has a
//! lifetime with the same convention as a body: `established` is the first
//! day, `abolished` the first day it no longer exists.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A health cluster (sundhedsklynge), or a pre-2022 cluster.
#[doc(alias = "sundhedsklynge")]
#[doc(alias = "klynge")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Unique id within the document.
    pub id: String,
    /// Name as the source writes it, e.g. "Nord".
    pub name: String,
    /// The region the cluster belongs to.
    pub region: String,
    /// The municipalities in the cluster.
    pub municipalities: Vec<String>,
    /// The acute hospital the cluster is organised around; absent when not confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital: Option<String>,
    /// First day of existence; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::date::strict_option")]
    pub established: Option<NaiveDate>,
    /// First day on which the cluster no longer exists (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::date::strict_option")]
    pub abolished: Option<NaiveDate>,
    /// Where the facts about the cluster come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Cluster {
    /// Whether the cluster exists on `date`, treating unknown bounds as open.
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        crate::body::alive_on(self.established, self.abolished, date)
    }
}
