//! Health clusters: the municipalities around one acute hospital.
//!
//! Cluster structures change (the 2022 reform redrew them), so a cluster has a
//! lifetime with the same convention as a body: `established` is the first
//! day, `abolished` the first day it no longer exists.
//!
//! ```
//! use chrono::NaiveDate;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! assert_eq!(agreement.cluster_of("morsoe", on).unwrap().id, "vest");
//! ```

use crate::ground::hash::{HashMap, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::organisation::{Organisation, OrganisationKind};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, date_or_unknown, end_before_start, Pointer, Problem};

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
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub established: Option<NaiveDate>,
    /// First day on which the cluster no longer exists (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub abolished: Option<NaiveDate>,
    /// Where the facts about the cluster come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Cluster {
    /// Whether the cluster exists on `date`, treating unknown bounds as open.
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        crate::ground::date::alive_on(self.established, self.abolished, date)
    }
}

/// The clusters of an agreement for `region` (an organisation id): each lies
/// in that region, municipalities and all, holds each municipality once, and
/// is not empty on `on` (the day the agreement enters into force; any day,
/// when that is not known).
pub(crate) fn check_clusters(
    clusters: &[Cluster],
    organisations: &[Organisation],
    region: &str,
    on: Option<NaiveDate>,
    at: &Pointer,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let parent_of = |id: &str| {
        organisations
            .iter()
            .find(|o| o.id == id && o.kind == OrganisationKind::Municipality)
            .and_then(|o| o.parent.as_deref())
    };
    for (i, c) in clusters.iter().enumerate() {
        let c_at = at.index(i);
        if c.region != region {
            out.push(Problem::with_context(
                Code::ClusterOutsideRegion,
                c_at.key("region"),
                ctx!("cluster" => c.id, "region" => region, "id" => c.id, "other" => c.region),
            ));
        }
        let mut seen = HashSet::default();
        for (j, m) in c.municipalities.iter().enumerate() {
            if !seen.insert(m.as_str()) {
                out.push(Problem::with_context(
                    Code::MunicipalityRepeatedInCluster,
                    c_at.key("municipalities").index(j),
                    ctx!("municipality" => m, "cluster" => c.id),
                ));
            }
            if let Some(parent) = parent_of(m).filter(|p| *p != region) {
                out.push(Problem::with_context(
                    Code::ClusterOutsideRegion,
                    c_at.key("municipalities").index(j),
                    ctx!("cluster" => c.id, "region" => region, "id" => m, "other" => parent),
                ));
            }
        }
        if c.municipalities.is_empty() && on.is_none_or(|d| c.exists_on(d)) {
            out.push(Problem::with_context(
                Code::EmptyCluster,
                c_at.key("municipalities"),
                ctx!("cluster" => c.id, "date" => date_or_unknown(on)),
            ));
        }
    }
    out
}

/// Clusters whose lifetimes overlap in the same region share no
/// municipality, and no cluster is abolished before it is established.
///
/// Each cluster's municipality is reported once, against the first earlier
/// cluster that holds it at the same time: a municipality shared by a
/// thousand clusters costs a thousand problems, not half a million, and
/// the clusters are reached through the municipality, never pair by pair.
pub(crate) fn check_overlaps(clusters: &[Cluster], at: &Pointer) -> Vec<Problem> {
    let mut out = Vec::new();
    // Per municipality, the clusters that list it, in document order.
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, later) in clusters.iter().enumerate() {
        let c_at = at.index(j);
        if let (Some(e), Some(ab)) = (later.established, later.abolished) {
            if ab < e {
                out.push(end_before_start(c_at.key("abolished"), e, ab));
            }
        }
        for (k, m) in later.municipalities.iter().enumerate() {
            let list = holders.entry(m.as_str()).or_default();
            let first = list
                .iter()
                .filter(|&&i| i != j)
                .map(|&i| &clusters[i])
                .filter(|earlier| earlier.region == later.region)
                .find_map(|earlier| shared_from(earlier, later).map(|start| (earlier, start)));
            if let Some((earlier, start)) = first {
                out.push(Problem::with_context(
                    Code::MunicipalityInSeveralClusters,
                    c_at.key("municipalities").index(k),
                    ctx!("municipality" => m, "cluster" => later.id, "other" => earlier.id,
                         "date" => date_or_unknown(start)),
                ));
            }
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    out
}

/// When two clusters' lives overlap, the first day they share (unknown
/// when neither says when it was established); `None` when they never do.
fn shared_from(a: &Cluster, b: &Cluster) -> Option<Option<NaiveDate>> {
    let start = a.established.max(b.established);
    let end = match (a.abolished, b.abolished) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (start, end) {
        (Some(s), Some(e)) if e <= s => None,
        _ => Some(start),
    }
}
