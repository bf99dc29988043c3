//! Bodies: committees, clusters' political and administrative levels, forums.
//!
//! Every body has a lifetime. `established` is its first day; `abolished` is
//! the first day on which it no longer exists (an exclusive end), because
//! reorganisations take effect *on* a date: the health coordination committee
//! was replaced on 1 July 2022, so it existed up to and including 30 June.
//! Predecessor links let the 2022 reorganisation be followed body by body.
//!
//! ```
//! use chrono::NaiveDate;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let sku = agreement.body("sku").unwrap();
//! // Replaced on 1 July 2022: it existed up to and including 30 June.
//! assert!(sku.exists_on(NaiveDate::from_ymd_opt(2022, 6, 30).unwrap()));
//! assert!(!sku.exists_on(NaiveDate::from_ymd_opt(2022, 7, 1).unwrap()));
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::hash::HashMap;

use crate::document::cluster::Cluster;
use crate::document::people::Post;
use crate::ground::lang::{labels, Label};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, date_or_unknown, end_before_start, Pointer, Problem};

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
    /// A health council (sundhedsråd), a standing political committee inside
    /// a region under L 214 (2024–25), permanent from 1 January 2027
    /// (preparatory councils ran through 2026); the councils sources confirm
    /// are in [`crate::places::reform::HEALTH_COUNCILS`].
    #[doc(alias = "sundhedsråd")]
    HealthCouncil,
}

impl BodyKind {
    /// The days the law provides for bodies of this kind, as `[from,
    /// until)`: the 2022 law (L 191, 2021–22, in force 1 July 2022) replaced
    /// the health coordination committee with the health collaboration
    /// committee and created the health clusters' political and
    /// administrative bodies (DOMAIN.md). `None`: no bound the sources give.
    /// L 214 (2024–25) ends the health collaboration committees and the
    /// health clusters, but on a day no source states (likely 1 January
    /// 2027, not confirmed: [`crate::places::reform::ENDINGS`]), so their
    /// end stays open here; and a health council has no lower bound, since
    /// preparatory councils sat before the permanent ones of 2027.
    pub fn in_law(self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let reform = NaiveDate::from_ymd_opt(2022, 7, 1);
        match self {
            BodyKind::HealthCoordinationCommittee => (None, reform),
            BodyKind::HealthCollaborationCommittee
            | BodyKind::HealthClusterPolitical
            | BodyKind::HealthClusterAdministrative => (reform, None),
            _ => (None, None),
        }
    }
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
    HealthCouncil => ("health council", "sundhedsråd"),
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
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub established: Option<NaiveDate>,
    /// First day on which the body no longer exists (exclusive); absent while it exists or when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
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
        crate::ground::date::alive_on(self.established, self.abolished, date)
    }

    /// The body's own consistency, at `at`: it is abolished after it is
    /// established; each membership ends after it starts and lies within
    /// the body's lifetime; no one holds the same post twice at once
    /// ([`Post::check_overlaps`]), or two seats at once; and the body has
    /// one chair at a time. Unknown dates are open.
    pub(crate) fn check(&self, at: &Pointer) -> Vec<Problem> {
        use crate::document::people::MembershipRole;
        let mut out = Vec::new();
        if let (Some(e), Some(ab)) = (self.established, self.abolished) {
            if ab < e {
                out.push(end_before_start(at.key("abolished"), e, ab));
            }
        }
        for (j, post) in self.posts.iter().enumerate() {
            let post_at = at.key("posts").index(j);
            for (k, m) in post.memberships.iter().enumerate() {
                let m_at = post_at.key("memberships").index(k);
                if let (Some(f), Some(t)) = (m.from, m.to) {
                    if t < f {
                        out.push(end_before_start(m_at.key("to"), f, t));
                        continue;
                    }
                }
                let starts_early = matches!((m.from, self.established), (Some(f), Some(e)) if f < e)
                    || matches!((m.to, self.established), (Some(t), Some(e)) if t < e);
                let ends_late = matches!((m.to, self.abolished), (Some(t), Some(ab)) if t >= ab)
                    || matches!((m.from, self.abolished), (Some(f), Some(ab)) if f >= ab);
                if starts_early || ends_late {
                    out.push(Problem::with_context(
                        Code::MembershipOutsideBodyLifetime,
                        m_at.clone(),
                        ctx!("from" => date_or_unknown(m.from), "to" => date_or_unknown(m.to), "body" => self.id,
                             "established" => date_or_unknown(self.established), "abolished" => date_or_unknown(self.abolished)),
                    ));
                }
            }
            out.extend(post.check_overlaps(&post_at));
        }
        let mut spans: Vec<(NaiveDate, NaiveDate, usize, usize)> = Vec::new();
        for (j, post) in self.posts.iter().enumerate() {
            for (k, m) in post.memberships.iter().enumerate() {
                let (from, to) = (m.from.unwrap_or(NaiveDate::MIN), m.to.unwrap_or(NaiveDate::MAX));
                if to >= from {
                    spans.push((from, to, j, k));
                }
            }
        }
        spans.sort_unstable();
        let membership = |j: usize, k: usize| &self.posts[j].memberships[k];
        let path = |j: usize, k: usize| at.key("posts").index(j).key("memberships").index(k);
        // Per person (across posts; within one post, `overlapping_memberships` speaks), and for chairs.
        let mut running_person: HashMap<&str, (NaiveDate, usize, usize)> = HashMap::default();
        let mut running_chair: Option<(NaiveDate, usize, usize)> = None;
        for &(from, to, j, k) in &spans {
            let m = membership(j, k);
            match running_person.get(m.person.as_str()).copied() {
                Some((end, pj, pk)) if from <= end => {
                    if pj != j {
                        out.push(Problem::with_context(
                            Code::PersonInTwoSeats,
                            path(j, k),
                            ctx!("person" => m.person, "body" => self.id, "other" => path(pj, pk).as_str()),
                        ));
                    }
                    if to > end {
                        running_person.insert(&m.person, (to, j, k));
                    }
                }
                _ => {
                    running_person.insert(&m.person, (to, j, k));
                }
            }
            if m.role != MembershipRole::Chair {
                continue;
            }
            match running_chair {
                Some((end, cj, ck)) if from <= end => {
                    if membership(cj, ck).person != m.person {
                        out.push(Problem::with_context(
                            Code::SeveralChairs,
                            path(j, k),
                            ctx!("body" => self.id, "other" => path(cj, ck).as_str()),
                        ));
                    }
                    if to > end {
                        running_chair = Some((to, j, k));
                    }
                }
                _ => running_chair = Some((to, j, k)),
            }
        }
        out
    }
}

/// Kinds of body that belong to one health cluster and must name it.
pub(crate) const CLUSTER_KINDS: &[BodyKind] = &[
    BodyKind::HealthClusterPolitical,
    BodyKind::HealthClusterAdministrative,
    BodyKind::PoliticalCluster,
    BodyKind::ClusterSteeringGroup,
    BodyKind::OperationsForum,
];

/// The lineage of bodies: no body is its own predecessor, directly or
/// through a loop (reported once, at the link that closes it), and a body
/// and its predecessor never exist on the same day as far as their known
/// dates show. Cluster bodies name their cluster.
pub(crate) fn check_lineage(bodies: &[Body], at: &Pointer) -> Vec<Problem> {
    let mut out = Vec::new();
    let index: HashMap<&str, usize> = bodies.iter().enumerate().map(|(i, b)| (b.id.as_str(), i)).collect();
    // Depth-first search over predecessor links; 1 = on the current path, 2 = done.
    let mut state = vec![0u8; bodies.len()];
    for start in 0..bodies.len() {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&mut (i, ref mut next)) = stack.last_mut() {
            let links = &bodies[i].predecessors;
            if *next >= links.len() {
                state[i] = 2;
                stack.pop();
                continue;
            }
            let j = *next;
            *next += 1;
            let Some(&p) = index.get(links[j].as_str()) else {
                continue;
            };
            match state[p] {
                0 => {
                    state[p] = 1;
                    stack.push((p, 0));
                }
                1 => out.push(Problem::with_context(
                    Code::PredecessorCycle,
                    at.index(i).key("predecessors").index(j),
                    ctx!("body" => bodies[i].id, "predecessor" => links[j]),
                )),
                _ => {}
            }
        }
    }
    for (i, b) in bodies.iter().enumerate() {
        for (j, p) in b.predecessors.iter().enumerate() {
            let Some(pred) = index.get(p.as_str()).map(|&k| &bodies[k]) else {
                continue;
            };
            let overlap = b.established.zip(pred.abolished).filter(|(start, end)| end > start);
            if let Some((start, end)) = overlap {
                out.push(Problem::with_context(
                    Code::PredecessorCoexists,
                    at.index(i).key("predecessors").index(j),
                    ctx!("body" => b.id, "predecessor" => p, "established" => start.to_string(),
                         "abolished" => end.to_string()),
                ));
            }
        }
        // A body and its predecessor serve the same scope: both a cluster's, or both the region's.
        for (j, p) in b.predecessors.iter().enumerate() {
            if let Some(pred) = index.get(p.as_str()).map(|&k| &bodies[k]) {
                if pred.cluster.is_some() != b.cluster.is_some() {
                    out.push(Problem::with_context(
                        Code::PredecessorOfAnotherScope,
                        at.index(i).key("predecessors").index(j),
                        ctx!("body" => b.id, "predecessor" => p),
                    ));
                }
            }
        }
        // A body lives while the law provides for its kind.
        let (law_from, law_until) = b.kind.in_law();
        let inverted = matches!((b.established, b.abolished), (Some(e), Some(x)) if x < e);
        let before = matches!((b.established, law_from), (Some(e), Some(f)) if e < f)
            || (b.established.is_none() && b.abolished.zip(law_from).is_some_and(|(a, f)| a <= f));
        let after = matches!((b.established, law_until), (Some(e), Some(u)) if e >= u);
        // Inverted dates are reported already, and say nothing about the law.
        if (before || after) && !inverted {
            out.push(Problem::with_context(
                Code::BodyKindNotInLaw,
                at.index(i).key("kind"),
                ctx!("body" => b.id, "kind" => b.kind.label(crate::ground::lang::Lang::En),
                     "kind_da" => b.kind.label(crate::ground::lang::Lang::Da),
                     "from" => date_or_unknown(law_from), "until" => date_or_unknown(law_until)),
            ));
        }
        if CLUSTER_KINDS.contains(&b.kind) && b.cluster.is_none() {
            out.push(Problem::with_context(
                Code::ClusterBodyWithoutCluster,
                at.index(i).key("cluster"),
                ctx!("body" => b.id, "kind" => b.kind.label(crate::ground::lang::Lang::En),
                     "kind_da" => b.kind.label(crate::ground::lang::Lang::Da)),
            ));
        }
    }
    out
}

/// A cluster has one body of each kind at a time (one political health
/// cluster, one administrative): each later body of a kind whose life
/// overlaps an earlier one's in the same cluster is reported once, against
/// the first. Bodies are grouped by cluster and kind, never compared in pairs
/// across the document.
pub(crate) fn check_one_of_a_kind(bodies: &[Body], at: &Pointer) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut groups: HashMap<(&str, BodyKind), Vec<usize>> = HashMap::default();
    for (i, b) in bodies.iter().enumerate() {
        if let Some(c) = b.cluster.as_deref() {
            groups.entry((c, b.kind)).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for ((cluster, _), mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| (bodies[i].established, i));
        // Sweep by start: the body running longest so far, and its end.
        let mut running: Option<(usize, Option<NaiveDate>)> = None;
        for &i in &members {
            let b = &bodies[i];
            match running {
                Some((first, end)) if end.is_none_or(|e| b.established.is_none_or(|s| s < e)) => {
                    found.push((i, first, cluster));
                    // An unknown end is open: it runs longer than any known one.
                    let runs_longer = match (end, b.abolished) {
                        (None, _) => false,
                        (Some(_), None) => true,
                        (Some(e), Some(x)) => x > e,
                    };
                    if runs_longer {
                        running = Some((i, b.abolished));
                    }
                }
                _ => running = Some((i, b.abolished)),
            }
        }
    }
    found.sort_unstable();
    for (i, first, cluster) in found {
        out.push(Problem::with_context(
            Code::BodiesOverlapInCluster,
            at.index(i).key("cluster"),
            ctx!("body" => bodies[i].id, "other" => bodies[first].id, "cluster" => cluster,
                 "kind" => bodies[i].kind.label(crate::ground::lang::Lang::En),
                 "kind_da" => bodies[i].kind.label(crate::ground::lang::Lang::Da)),
        ));
    }
    out
}

/// Each body tied to a cluster lives within the cluster's lifetime, as far as
/// the known dates show (an unknown date contradicts nothing).
pub(crate) fn check_cluster_ties(bodies: &[Body], clusters: &[Cluster], at: &Pointer) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, b) in bodies.iter().enumerate() {
        let Some(c) = b.cluster.as_deref().and_then(|id| clusters.iter().find(|c| c.id == id)) else {
            continue;
        };
        let starts_before = matches!((b.established, c.established), (Some(b0), Some(c0)) if b0 < c0);
        let ends_after = match (b.abolished, c.abolished) {
            (Some(b1), Some(c1)) => b1 > c1,
            (None, Some(c1)) => b.established.is_some_and(|b0| b0 >= c1),
            _ => false,
        };
        if starts_before || ends_after {
            let date = |d: Option<NaiveDate>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
            out.push(Problem::with_context(
                Code::BodyOutlivesCluster,
                at.index(i).key("cluster"),
                ctx!("body" => b.id, "cluster" => c.id, "established" => date(c.established),
                     "abolished" => date(c.abolished)),
            ));
        }
    }
    out
}
