//! The health agreement document and the questions it answers.
//!
//! ```
//! use chrono::NaiveDate;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! assert_eq!(agreement.clusters_on(on).count(), 4);
//! let ssu = agreement.body("ssu").unwrap();
//! assert_eq!(agreement.members_on(ssu, on).len(), 10);
//! assert_eq!(agreement.region_code(), Some(1081));
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::body::{Body, BodyKind};
use crate::document::cluster::Cluster;
use crate::document::collaboration::CollaborationAgreement;
use crate::document::composition::{evaluate, FindingStatus, RuleFinding, RuleSet, ScopeGroups, Seat};
use crate::document::content::{FocusArea, GuidingPrinciple, Indicator, NationalGoal, Signatory, Vision};
use crate::document::dispute::{Dispute, DisputeRules};
use crate::document::edition::{Amendment, Annex, Edition};
use crate::document::follow_up::{CalendarEntry, FollowUp};
use crate::document::indicator::IndicatorCatalogue;
use crate::document::organisation::{AgreementRole, Organisation, OrganisationKind, RoleRule};
use crate::document::people::{Membership, Person, Post};
use crate::document::target::Target;
use crate::document::validity::{LifecycleEvent, Validity, ValidityStatus};
use crate::places::geography::{ClusterSpan, Hierarchy};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem, Problems};
use crate::reading::parse::published;

pub use crate::reading::parse::SCHEMA_VERSION;

published!(HealthAgreement, "health-agreement.schema.json");

/// A health agreement (sundhedsaftale) with the organisation around it.
///
/// ```
/// let a = sundhedsaftale::nordjylland_2024();
/// assert_eq!(a.focus_areas.len(), 3);
/// let on = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
/// assert_eq!(a.status_on(on).state, sundhedsaftale::ValidityState::InForce);
/// ```
#[doc(alias = "sundhedsaftale")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthAgreement {
    /// Format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Unique id of the agreement.
    pub id: String,
    /// Title, as the agreement writes it.
    pub title: String,
    /// Subtitle or slogan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The region whose agreement this is (an organisation id).
    pub region: String,
    /// Where the document comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Known gaps and readings of the sources, stated so that no one mistakes an absence for a fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The foreword, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreword: Vec<String>,
    /// When it is in force.
    pub validity: Validity,
    /// How it came about, and how its editions and amendments were approved.
    #[serde(default)]
    pub lifecycle: Vec<LifecycleEvent>,
    /// Its editions, in the order they appeared; the base text is the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<Edition>,
    /// Dated changes to its content after it entered into force; see
    /// [`HealthAgreement::as_of`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// The day this document stands as of, when it was made by
    /// [`HealthAgreement::as_of`]: the amendments dated on or before it are
    /// applied to its content already. Absent in a document as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub amended_as_of: Option<NaiveDate>,
    /// Organisations that take part, are bound or are covered.
    pub organisations: Vec<Organisation>,
    /// Who is a party, who is bound, who is covered.
    pub roles: Vec<RoleRule>,
    /// The health clusters, past and present.
    pub clusters: Vec<Cluster>,
    /// The people named.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The bodies, past and present, with their seats.
    pub bodies: Vec<Body>,
    /// The vision.
    pub vision: Vision,
    /// The focus areas with their objectives and key figures.
    pub focus_areas: Vec<FocusArea>,
    /// The guiding principles.
    #[serde(default)]
    pub guiding_principles: Vec<GuidingPrinciple>,
    /// The national goals the agreement builds on.
    #[serde(default)]
    pub national_goals: Vec<NationalGoal>,
    /// The indicators that follow up on the focus areas.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Who signed.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// Its annexes: parts with their own title and date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// Follow-up duties, records and action plans.
    #[serde(default)]
    pub follow_up: FollowUp,
    /// The collaboration agreements under the cross-sector framework agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collaboration_agreements: Vec<CollaborationAgreement>,
    /// The ids of the composition rule sets the bodies are checked against.
    /// Empty: every known rule set in scope for the region and date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composition_rule_sets: Vec<String>,
    /// How disputes are settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_rules: Option<DisputeRules>,
    /// Recorded disputes.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
}

/// A person sitting in a body on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sitting<'a> {
    /// The post.
    pub post: &'a Post,
    /// The membership.
    pub membership: &'a Membership,
    /// The person, if the id resolves.
    pub person: Option<&'a Person>,
}

/// The result of checking one body against a rule set on a date.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CompositionReport {
    /// The body checked.
    pub body: String,
    /// The rule set used.
    pub rule_set: String,
    /// The date.
    pub date: NaiveDate,
    /// The kind of body whose rules were applied: the body's own kind, or that of
    /// its predecessor or successor when the rule set predates or postdates it.
    pub rules_for: BodyKind,
    /// One finding per rule and scope group.
    pub findings: Vec<RuleFinding>,
    /// People whose seats no rule counted.
    pub uncounted: Vec<String>,
}

impl CompositionReport {
    /// A warning for each rule this report found not met, at `at`: the rule
    /// by its text and the rule set by its name, in each language, and a
    /// scope by the name `agreement` gives it (a cluster, a municipality); the
    /// ids stay in the context.
    pub(crate) fn not_met_warnings(
        &self,
        at: Pointer,
        agreement: &HealthAgreement,
        rule_sets: &[RuleSet],
    ) -> Vec<Problem> {
        let set = rule_sets.iter().find(|r| r.id == self.rule_set);
        let (set_en, set_da) = set.map_or((self.rule_set.as_str(), self.rule_set.as_str()), |r| {
            (r.name_en.as_str(), r.name.as_str())
        });
        let place = |id: &str| {
            agreement
                .clusters
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .or_else(|| agreement.organisation(id).map(|o| o.name.clone()))
                .unwrap_or_else(|| id.to_string())
        };
        self.findings
            .iter()
            .filter(|f| f.status == FindingStatus::NotMet)
            .map(|f| {
                let scope_text = f
                    .scope
                    .as_ref()
                    .map_or_else(String::new, |s| format!(" ({})", place(s)));
                let mut context = ctx!(
                    "rule" => f.rule, "rule_set" => self.rule_set, "date" => self.date.to_string(),
                    "rule_text" => f.text_en, "rule_text_da" => f.text,
                    "rule_set_name" => set_en, "rule_set_name_da" => set_da,
                    "count" => f.count, "expected" => f.expected, "scope_text" => scope_text,
                    "body" => self.body, "counted" => f.counted, "missing_required" => f.missing_required
                );
                if let Some(scope) = &f.scope {
                    context.insert("scope".into(), serde_json::Value::from(scope.as_str()));
                }
                Problem::with_context(Code::CompositionRuleNotMet, at.clone(), context)
            })
            .collect()
    }
}

impl HealthAgreement {
    /// The validity status on `date`, with the dates that decided it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::ValidityState;
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let status = agreement.status_on(NaiveDate::from_ymd_opt(2027, 7, 1).unwrap());
    /// assert_eq!(status.state, ValidityState::InForceAwaitingSuccessor);
    /// assert_eq!(status.last_nominal_day, NaiveDate::from_ymd_opt(2027, 6, 30));
    /// ```
    ///
    /// Before entry into force the status lists the approvals recorded by
    /// then and the parties still to approve; approved by every party, it
    /// is `approved_not_yet_in_force`. A region that no longer exists on
    /// `date` is named in `region_ceased`.
    pub fn status_on(&self, date: NaiveDate) -> ValidityStatus {
        use crate::document::validity::{Approval, ApproverKind, LifecycleKind, ValidityState};
        let mut status = self.validity.status_on(date);
        if status.state == ValidityState::NotYetInForce {
            status.approvals = self
                .lifecycle
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == LifecycleKind::Approval && e.of.is_none())
                .filter_map(|(i, e)| {
                    let day = e.date.filter(|d| *d <= date)?;
                    let (by, by_kind) = match (&e.organisation, &e.body) {
                        (Some(o), _) => (o.clone(), ApproverKind::Organisation),
                        (None, Some(b)) => (b.clone(), ApproverKind::Body),
                        (None, None) => return None,
                    };
                    Some(Approval {
                        by,
                        by_kind,
                        date: day,
                        at: Pointer::root().key("lifecycle").index(i).as_str().to_string(),
                    })
                })
                .collect();
            // The parties are those the agreement has on its first day.
            let first_day = self.validity.in_force_from.unwrap_or(date);
            status.awaiting_approval = self
                .parties_on(first_day)
                .into_iter()
                .filter(|p| {
                    !status
                        .approvals
                        .iter()
                        .any(|a| a.by_kind == ApproverKind::Organisation && a.by == p.id)
                })
                .map(|p| p.id.clone())
                .collect();
            let parties = self.parties_on(first_day).len();
            if parties > 0 && status.awaiting_approval.is_empty() {
                status.state = ValidityState::ApprovedNotYetInForce;
            }
        }
        status.region_ceased = self.ceased_region(date).map(|(_, ceased)| ceased);
        status
    }

    /// What a reader must know of the agreement on `date` beyond its
    /// document: its region no longer existing then (`region_ceased`, one
    /// problem at the region's code, the region's municipalities being the
    /// successor's), or else the law possibly having ended it
    /// (`ended_by_law_unconfirmed`, at `/validity`, when its own dates keep
    /// it in force on a day L 214's end may apply to and it records no end
    /// of its own). A region that has ceased says it all: the status still
    /// carries `affected_by_law`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let a = sundhedsaftale::nordjylland_2024();
    /// let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(a.problems_on(on(2026, 12, 31)).0.is_empty());
    /// let p = &a.problems_on(on(2027, 1, 1)).0[0];
    /// assert_eq!((p.code.as_str(), p.path.as_str()), ("ended_by_law_unconfirmed", "/validity"));
    /// ```
    pub fn problems_on(&self, date: NaiveDate) -> Problems {
        if let Some(p) = self.region_ceased_on(date) {
            return Problems(vec![p]);
        }
        let own_end = self.validity.termination.is_some() || self.validity.successor.is_some();
        let law = self.status_on(date).affected_by_law.filter(|_| !own_end);
        Problems(
            law.map(|law| {
                Problem::with_context(
                    Code::EndedByLawUnconfirmed,
                    Pointer::root().key("validity"),
                    ctx!("date" => date.to_string(), "law" => law.law, "from" => law.likely_from.to_string(),
                         "title" => law.title, "source" => law.source),
                )
            })
            .into_iter()
            .collect(),
        )
    }

    /// `region_ceased` at the region's code when the agreement's region, by
    /// the national reference data, no longer exists on `date` (it was
    /// merged into a successor); `None` while it exists, before it was
    /// created, or for a region the reference data does not know.
    pub(crate) fn region_ceased_on(&self, date: NaiveDate) -> Option<Problem> {
        let (index, ceased) = self.ceased_region(date)?;
        let abolished = ceased.last_day.succ_opt().unwrap_or(ceased.last_day);
        Some(Problem::with_context(
            Code::RegionCeased,
            Pointer::root().key("organisations").index(index).key("code"),
            ctx!("name" => ceased.name, "code" => ceased.code, "date" => date.to_string(),
                 "last_day" => ceased.last_day.to_string(),
                 "abolished" => abolished.to_string(), "successor" => ceased.successor),
        ))
    }

    /// The agreement's region, with its index in `organisations`, when by
    /// the national reference data it no longer exists on `date`.
    fn ceased_region(&self, date: NaiveDate) -> Option<(usize, crate::document::validity::RegionCeased)> {
        use crate::places::reference;
        let (index, region) = self
            .organisations
            .iter()
            .enumerate()
            .find(|(_, o)| o.id == self.region && o.kind == OrganisationKind::Region)?;
        let code = region.code?;
        let known = reference::region_by_code(code)?;
        let abolished = known.abolished.filter(|end| *end <= date)?;
        let successor = known
            .successor
            .and_then(reference::region_by_id)
            .map_or("?", |r| r.name);
        Some((
            index,
            crate::document::validity::RegionCeased {
                code,
                name: region.name.clone(),
                last_day: abolished.pred_opt().unwrap_or(abolished),
                successor: successor.to_string(),
            },
        ))
    }

    /// The official code of the agreement's region, if the document gives one.
    pub fn region_code(&self) -> Option<u16> {
        self.organisation(&self.region).and_then(|o| o.code)
    }

    /// The rule sets, among `known`, that apply to this agreement's bodies on
    /// `date`: those in scope for its region and date, narrowed to the ones it
    /// names in `composition_rule_sets` when it names any.
    pub fn rule_sets_on<'r>(&self, known: &'r [RuleSet], date: NaiveDate) -> Vec<&'r RuleSet> {
        let region = self.region_code();
        known
            .iter()
            .filter(|r| {
                r.in_scope(region, date)
                    && (self.composition_rule_sets.is_empty() || self.composition_rule_sets.contains(&r.id))
            })
            .collect()
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The party an organisation answers to: itself, unless it is a unit of
    /// the region, whose party is the nearest parent that is not (a
    /// hospital sits for the region). `None` for an unknown id or a chain of
    /// units without an end.
    ///
    /// ```
    /// let a = sundhedsaftale::nordjylland_2024();
    /// assert_eq!(a.party_of("aalborg").map(|o| o.id.as_str()), Some("aalborg"));
    /// ```
    pub fn party_of(&self, id: &str) -> Option<&Organisation> {
        let mut current = self.organisation(id)?;
        // Eight levels is deeper than any region's organisation; a loop ends here.
        for _ in 0..8 {
            if current.kind != OrganisationKind::RegionalUnit {
                return Some(current);
            }
            current = self.organisation(current.parent.as_deref()?)?;
        }
        None
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The cluster with this id.
    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// The role an organisation plays in the agreement, if any.
    ///
    /// ```
    /// use sundhedsaftale::AgreementRole;
    /// let a = sundhedsaftale::nordjylland_2024();
    /// assert_eq!(a.role_of("aalborg"), Some(AgreementRole::Party));
    /// assert_eq!(a.role_of("plo-nordjylland"), Some(AgreementRole::BoundNonParty));
    /// ```
    pub fn role_of(&self, organisation: &str) -> Option<AgreementRole> {
        self.roles
            .iter()
            .find(|r| r.organisations.iter().any(|o| o == organisation))
            .map(|r| r.role)
    }

    /// The organisations and their roles on `date`: every organisation a role
    /// rule names, while the agreement binds (from entry into force to its
    /// end; when the document leaves the deciding dates out, the roles as
    /// written), except a region that no longer exists on `date` by the
    /// national reference data (a region merged away stops being a party).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::AgreementRole;
    /// let a = sundhedsaftale::nordjylland_2024();
    /// let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let parties = |date| a.roles_on(date).into_iter().filter(|(_, r)| *r == AgreementRole::Party).count();
    /// assert_eq!(parties(on(2024, 6, 1)), 12); // the region and its 11 municipalities
    /// assert_eq!(parties(on(2023, 6, 1)), 0); // not yet in force
    /// ```
    pub fn roles_on(&self, date: NaiveDate) -> Vec<(&Organisation, AgreementRole)> {
        use crate::document::validity::ValidityState::{InForce, InForceAwaitingSuccessor, NotKnown};
        if !matches!(
            self.status_on(date).state,
            InForce | InForceAwaitingSuccessor | NotKnown
        ) {
            return Vec::new();
        }
        let exists = |o: &Organisation| {
            o.kind != OrganisationKind::Region
                || o.code
                    .and_then(crate::places::reference::region_by_code)
                    .is_none_or(|r| r.exists_on(date))
        };
        self.organisations
            .iter()
            .filter(|o| exists(o))
            .filter_map(|o| self.role_of(&o.id).map(|role| (o, role)))
            .collect()
    }

    /// The parties on `date`; see [`HealthAgreement::roles_on`].
    pub fn parties_on(&self, date: NaiveDate) -> Vec<&Organisation> {
        self.roles_on(date)
            .into_iter()
            .filter(|(_, role)| *role == AgreementRole::Party)
            .map(|(o, _)| o)
            .collect()
    }

    /// The clusters of the agreement's region that exist on `date`.
    pub fn clusters_on(&self, date: NaiveDate) -> impl Iterator<Item = &Cluster> {
        self.clusters
            .iter()
            .filter(move |c| c.region == self.region && c.exists_on(date))
    }

    /// The cluster a municipality belongs to on `date`.
    pub fn cluster_of(&self, municipality: &str, date: NaiveDate) -> Option<&Cluster> {
        self.clusters_on(date)
            .find(|c| c.municipalities.iter().any(|m| m == municipality))
    }

    /// The bodies that exist on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let ids = |y, m, d| agreement.bodies_on(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    ///     .map(|b| b.id.as_str()).collect::<Vec<_>>();
    /// assert!(ids(2022, 6, 30).contains(&"sku") && !ids(2022, 6, 30).contains(&"ssu"));
    /// assert!(ids(2022, 7, 1).contains(&"ssu") && !ids(2022, 7, 1).contains(&"sku"));
    /// ```
    pub fn bodies_on(&self, date: NaiveDate) -> impl Iterator<Item = &Body> {
        self.bodies.iter().filter(move |b| b.exists_on(date))
    }

    /// Who sits in a body on `date`: memberships held that day, in seat order.
    /// Empty when the body does not exist on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let ssu = agreement.body("ssu").unwrap();
    /// let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// let names: Vec<&str> = agreement.members_on(ssu, on).iter()
    ///     .filter_map(|s| s.person).map(|p| p.name.as_str()).collect();
    /// assert_eq!(names[0], "Mads Duedahl");
    /// // Before the 2022 reorganisation the committee did not exist.
    /// assert!(agreement.members_on(ssu, NaiveDate::from_ymd_opt(2022, 6, 30).unwrap()).is_empty());
    /// ```
    pub fn members_on<'a>(&'a self, body: &'a Body, date: NaiveDate) -> Vec<Sitting<'a>> {
        if !body.exists_on(date) {
            return Vec::new();
        }
        body.posts
            .iter()
            .flat_map(|post| {
                post.memberships
                    .iter()
                    .filter(move |m| m.held_on(date))
                    .map(move |m| Sitting {
                        post,
                        membership: m,
                        person: self.person(&m.person),
                    })
            })
            .collect()
    }

    /// The seats of a body on `date`, as composition rules count them.
    pub fn seats_on(&self, body: &Body, date: NaiveDate) -> Vec<Seat> {
        self.members_on(body, date)
            .into_iter()
            .filter_map(|s| {
                let org = self.organisation(&s.post.on_behalf_of)?;
                Some(Seat {
                    person: s.membership.person.clone(),
                    membership: Some(s.membership.id.clone()),
                    organisation: Some(org.id.clone()),
                    organisation_kind: Some(org.kind),
                    title: s.membership.title,
                })
            })
            .collect()
    }

    /// The groups scoped rules count over for `body` on `date`.
    pub fn scope_groups(&self, body: &Body, date: NaiveDate) -> ScopeGroups {
        ScopeGroups {
            cluster_municipalities: body
                .cluster
                .as_deref()
                .and_then(|c| self.cluster(c))
                .map(|c| c.municipalities.clone())
                .unwrap_or_default(),
            region_clusters: self
                .clusters_on(date)
                .map(|c| (c.id.clone(), c.municipalities.clone()))
                .collect(),
        }
    }

    /// The kind whose rules apply to `body` in `rule_set`: its own, else that
    /// of a predecessor or successor (the 2021 minutes pair old and new bodies
    /// row by row, so the old rules apply to the new body's counterpart).
    pub fn rules_kind_for(&self, body: &Body, rule_set: &RuleSet) -> Option<BodyKind> {
        if rule_set.rules_for(body.kind).is_some() {
            return Some(body.kind);
        }
        let predecessors = body.predecessors.iter().filter_map(|id| self.body(id));
        let successors = self.bodies.iter().filter(|b| b.predecessors.contains(&body.id));
        predecessors
            .chain(successors)
            .map(|b| b.kind)
            .find(|k| rule_set.rules_for(*k).is_some())
    }

    /// Checks a body's membership on `date` against a rule set.
    ///
    /// Returns `None` when the rule set has no rules for the body or its counterpart.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::{rule_sets, FindingStatus};
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// let ssu = agreement.body("ssu").unwrap();
    /// let from_2022 = rule_sets().iter().find(|r| r.id == "organisering-fra-2022").unwrap();
    /// let report = agreement.composition(ssu, from_2022, on).unwrap();
    /// let regional = report.findings.iter().find(|f| f.rule == "ssu-region").unwrap();
    /// // Four regional council members sit where the rule says three.
    /// assert_eq!((regional.status, regional.count), (FindingStatus::NotMet, 4));
    /// ```
    pub fn composition(&self, body: &Body, rule_set: &RuleSet, date: NaiveDate) -> Option<CompositionReport> {
        self.composition_of_seats(body, &self.seats_on(body, date), rule_set, date)
    }

    /// Checks a body's membership on `date` against every rule set among
    /// `known` that applies that day (see [`HealthAgreement::rule_sets_on`]):
    /// one report per rule set with rules for the body or its counterpart.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let ssu = agreement.body("ssu").unwrap();
    /// let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// let reports = agreement.compositions_on(ssu, sundhedsaftale::rule_sets(), on);
    /// assert_eq!(reports.iter().map(|r| r.rule_set.as_str()).collect::<Vec<_>>(), ["organisering-fra-2022"]);
    /// ```
    pub fn compositions_on(&self, body: &Body, known: &[RuleSet], date: NaiveDate) -> Vec<CompositionReport> {
        self.rule_sets_on(known, date)
            .into_iter()
            .filter_map(|rule_set| self.composition(body, rule_set, date))
            .collect()
    }

    /// Checks any seats of `body` on `date` (its memberships, or a meeting's
    /// attendance) against a rule set.
    pub fn composition_of_seats(
        &self,
        body: &Body,
        seats: &[Seat],
        rule_set: &RuleSet,
        date: NaiveDate,
    ) -> Option<CompositionReport> {
        let kind = self.rules_kind_for(body, rule_set)?;
        let rules = rule_set.rules_for(kind)?;
        let (findings, uncounted) = evaluate(rules, seats, &self.scope_groups(body, date));
        Some(CompositionReport {
            body: body.id.clone(),
            rule_set: rule_set.id.clone(),
            date,
            rules_for: kind,
            findings,
            uncounted,
        })
    }

    /// The day on which the national reference data is read for this
    /// agreement: its entry into force; when no source gives that, the first
    /// day of its region in the reference data; failing that, the first day
    /// the reference data covers (1 January 2007).
    pub fn reference_day(&self) -> NaiveDate {
        self.validity
            .in_force_from
            .or_else(|| {
                self.region_code()
                    .and_then(crate::places::reference::region_by_code)
                    .map(|r| r.established)
            })
            .unwrap_or(crate::places::reference::FIRST_DAY)
    }

    /// The follow-up calendar on `on`, sorted by deadline: every occurrence
    /// of every duty, done, overdue, due next or upcoming.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::DueStatus;
    /// let agreement = sundhedsaftale::nordjylland_2024();
    /// let calendar = agreement.calendar(NaiveDate::from_ymd_opt(2025, 1, 15).unwrap());
    /// let overdue: Vec<_> = calendar.iter().filter(|e| e.status == DueStatus::Overdue).collect();
    /// assert_eq!((overdue[0].requirement.as_str(), overdue[0].year), ("aarlig-opfoelgning", Some(2024)));
    /// ```
    pub fn calendar(&self, on: NaiveDate) -> Vec<CalendarEntry> {
        self.follow_up.calendar(&self.validity, on)
    }

    /// The places of the agreement, within the whole country and in time:
    /// every region and municipality of the national reference data with the
    /// regions' lives (so observations from other regions are known places,
    /// for comparison, and a period from 2027 places Copenhagen in Region
    /// Østdanmark), the agreement's own names for its region and
    /// municipalities, and its clusters over their lifetimes.
    ///
    /// ```
    /// let h = sundhedsaftale::nordjylland_2024().hierarchy();
    /// assert_eq!(h.name(&"municipality:851".parse().unwrap()), Some("Aalborg Kommune"));
    /// assert_eq!(h.name(&"municipality:751".parse().unwrap()), Some("Aarhus"));
    /// assert_eq!(h.name(&"region:1084".parse().unwrap()), Some("Region Hovedstaden"));
    /// let day = |y| chrono::NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    /// let copenhagen: sundhedsaftale::geography::Geography = "municipality:101".parse().unwrap();
    /// assert_eq!(h.parents(&copenhagen, day(2026))[0].to_string(), "region:1084");
    /// assert_eq!(h.parents(&copenhagen, day(2027))[0].to_string(), "region:oestdanmark");
    /// ```
    pub fn hierarchy(&self) -> Hierarchy {
        let mut h = Hierarchy::new();
        // Every region the reference data knows, past and announced, with its
        // life: the follow-up asks the hierarchy for each period's own day.
        let code = |r: &crate::places::reference::RegionRef| r.code.map_or_else(|| r.id.to_string(), |c| c.to_string());
        for r in crate::places::reference::REGIONS {
            let successor = r.successor.and_then(crate::places::reference::region_by_id).map(code);
            h.add_region_span(
                &code(r),
                r.name,
                Some(r.established),
                r.abolished,
                successor.as_deref(),
                r.code.is_some(),
            );
        }
        for m in crate::places::reference::MUNICIPALITIES {
            if let Some(region) = crate::places::reference::region_by_id(m.region) {
                h.add_municipality(&m.code.to_string(), m.name, &code(region));
            }
        }
        let code_of = |id: &str| self.organisation(id).and_then(|o| o.code).map(|c| c.to_string());
        // The document's own names; a municipality the reference data knows
        // keeps its region history (a contradicting parent is a validation
        // problem, `municipality_code_mismatch`, not a new history).
        for o in &self.organisations {
            match (o.kind, o.code) {
                (OrganisationKind::Region, Some(code)) => h.add_region(&code.to_string(), &o.name),
                (OrganisationKind::Municipality, Some(code)) => {
                    let region = o.parent.as_deref().and_then(code_of).unwrap_or_default();
                    h.name_municipality(&code.to_string(), &o.name, &region);
                }
                _ => {}
            }
        }
        for c in &self.clusters {
            h.add_cluster(ClusterSpan {
                code: c.id.clone(),
                name: c.name.clone(),
                region: code_of(&c.region).unwrap_or_default(),
                municipalities: c.municipalities.iter().filter_map(|m| code_of(m)).collect(),
                established: c.established,
                abolished: c.abolished,
            });
        }
        h
    }

    /// The definitions the follow-up runs on: every indicator the agreement
    /// declares, then one series per key figure, and a warning for each that
    /// cannot be followed up (an indicator without a unit or period type, a
    /// key figure that is a change rather than a level). A key figure without
    /// a year is an error of the document itself (`key_figure_missing_year`).
    ///
    /// ```
    /// let a = sundhedsaftale::nordjylland_2024();
    /// let (catalogue, problems) = a.indicator_catalogue();
    /// assert_eq!(catalogue.indicators.len(), 18 + 21);
    /// assert!(problems.is_empty());
    /// ```
    pub fn indicator_catalogue(&self) -> (IndicatorCatalogue, Problems) {
        let declared = self.indicators.iter().filter_map(Indicator::definition);
        let figures = self
            .focus_areas
            .iter()
            .flat_map(|f| f.key_figures.iter().filter_map(|k| k.series(&f.id)));
        let catalogue = IndicatorCatalogue {
            id: self.id.clone(),
            notes: Vec::new(),
            indicators: declared.chain(figures).collect(),
        };
        (catalogue, self.series_gaps())
    }

    /// Why some indicators and key figures cannot be followed up, without
    /// building their definitions (see [`HealthAgreement::indicator_catalogue`]).
    pub fn series_gaps(&self) -> Problems {
        let mut problems = Vec::new();
        let root = Pointer::root();
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(missing) = ind.missing_for_follow_up() {
                problems.push(Problem::with_context(
                    Code::IndicatorNotFollowedUp,
                    root.key("indicators").index(i).key(missing),
                    ctx!("id" => ind.id, "missing" => missing),
                ));
            }
        }
        for (i, f) in self.focus_areas.iter().enumerate() {
            for (j, k) in f.key_figures.iter().enumerate() {
                if !k.is_level() {
                    problems.push(Problem::with_context(
                        Code::KeyFigureNotALevel,
                        root.key("focus_areas").index(i).key("key_figures").index(j).key("unit"),
                        ctx!("id" => k.id),
                    ));
                }
            }
        }
        Problems(problems)
    }

    /// The domain of values of each indicator and key figure that states a
    /// unit, by id, from its unit ([`crate::indicator::MeasureUnit::domain`]);
    /// built once, so looking targets up costs no scan.
    pub fn unit_domains(&self) -> crate::ground::hash::HashMap<&str, crate::document::indicator::UnitDomain> {
        let indicators = self.indicators.iter().filter_map(|i| {
            Some((
                i.id.as_str(),
                i.unit.map(|u| u.domain(i.factor.unwrap_or(u.default_factor())))?,
            ))
        });
        let key_figures = self
            .focus_areas
            .iter()
            .flat_map(|f| &f.key_figures)
            .filter_map(|k| Some((k.id.as_str(), k.unit.domain()?)));
        key_figures.chain(indicators).collect()
    }

    /// The direction of every indicator and key figure that states one, by id.
    pub fn directions(&self) -> crate::ground::hash::HashMap<&str, crate::document::indicator::Direction> {
        let indicators = self
            .indicators
            .iter()
            .filter_map(|i| Some((i.id.as_str(), i.direction?)));
        let key_figures = self
            .focus_areas
            .iter()
            .flat_map(|f| &f.key_figures)
            .filter_map(|k| Some((k.id.as_str(), k.direction?)));
        key_figures.chain(indicators).collect()
    }

    /// Every target the document states, under its indicators and objectives,
    /// with the indicator filled in where it is implied, and where it stands.
    pub fn targets(&self) -> Vec<(Pointer, Target)> {
        let mut out = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            for (j, t) in ind.targets.iter().enumerate() {
                let target = Target {
                    indicator: Some(t.indicator.clone().unwrap_or_else(|| ind.id.clone())),
                    ..t.clone()
                };
                out.push((
                    Pointer::root().key("indicators").index(i).key("targets").index(j),
                    target,
                ));
            }
        }
        for (i, f) in self.focus_areas.iter().enumerate() {
            for (j, o) in f.objectives.iter().enumerate() {
                for (k, t) in o.targets.iter().enumerate() {
                    let at = Pointer::root()
                        .key("focus_areas")
                        .index(i)
                        .key("objectives")
                        .index(j)
                        .key("targets")
                        .index(k);
                    out.push((at, t.clone()));
                }
            }
        }
        out
    }

    /// The municipalities among the organisations whose parent is the agreement's region.
    pub fn municipalities(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations.iter().filter(move |o| {
            o.kind == OrganisationKind::Municipality && o.parent.as_deref() == Some(self.region.as_str())
        })
    }
}
