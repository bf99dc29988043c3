//! Validation: every problem in a document, found in one pass.
//!
//! Checks never stop at the first problem; each reports its code, the JSON
//! Pointer of the exact place, and the values that explain it. Errors mean
//! broken data; warnings mean deviations from advisory rules, chiefly the
//! composition rule sets, which real bodies are allowed to break.
//!
//! ```
//! use sundhedsaftale::{validate, Severity};
//! let mut agreement = sundhedsaftale::nordjylland_2024();
//! agreement.organisations[1].code = Some(751); // Morsø given Aarhus's code
//! let problems = validate(&agreement);
//! let p = problems.iter().find(|p| p.severity == Severity::Error).unwrap();
//! assert_eq!((p.code.as_str(), p.path.as_str()), ("municipality_code_mismatch", "/organisations/1/code"));
//! ```

use crate::ground::hash::HashMap;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::document::agreement::{HealthAgreement, SCHEMA_VERSION};
use crate::document::composition::RuleSet;
use crate::document::organisation::{AgreementRole, OrganisationKind};
use crate::document::validity::LifecycleKind;
use crate::ground::lang::{Label, Lang};
use crate::meetings::meeting::Minutes;
use crate::places::geography::{Geography, Level};
use crate::places::reference;
use crate::problems::catalogue::Code;
use crate::problems::ids::IdSpace;
use crate::problems::problem::{ctx, date_or_unknown, Capped, Limits, Location, Pointer, Problem, Problems, Report};

/// Validates an agreement, checking composition against the rule sets
/// compiled in: the embedded ones with the default `embedded` feature, none
/// without it (then use [`validate_with`] to give them).
///
/// ```
/// let agreement = sundhedsaftale::nordjylland_2024();
/// let problems = sundhedsaftale::validate(&agreement);
/// assert!(!problems.has_errors());
/// for p in problems.warnings() {
///     println!("{} {}: {}", p.code.as_str(), p.path, p.message(sundhedsaftale::Lang::Da));
/// }
/// ```
pub fn validate(agreement: &HealthAgreement) -> Problems {
    validate_with(agreement, compiled_rule_sets())
}

/// The rule sets compiled in: the embedded ones (feature `embedded`), or none.
pub(crate) fn compiled_rule_sets() -> &'static [RuleSet] {
    #[cfg(feature = "embedded")]
    {
        crate::formats::embedded::rule_sets()
    }
    #[cfg(not(feature = "embedded"))]
    {
        &[]
    }
}

/// Validates an agreement, checking composition against `rule_sets`.
///
/// Composition is checked on the day the agreement enters into force, for
/// each body that exists that day, against each rule set in force that day.
/// The report holds at most the default [`Limits`] of problems.
///
/// ```
/// let agreement = sundhedsaftale::nordjylland_2024();
/// // With no rule sets, no composition findings.
/// let without = sundhedsaftale::validate_with(&agreement, &[]);
/// assert_eq!(without.warnings().filter(|p| p.code.as_str() == "composition_rule_not_met").count(), 0);
/// let with = sundhedsaftale::validate_with(&agreement, sundhedsaftale::rule_sets());
/// assert_eq!(with.warnings().filter(|p| p.code.as_str() == "composition_rule_not_met").count(), 2);
/// ```
pub fn validate_with(agreement: &HealthAgreement, rule_sets: &[RuleSet]) -> Problems {
    validate_with_limits(agreement, rule_sets, Limits::default())
}

/// [`validate_with`], with the report capped at `limits` instead of the default.
pub fn validate_with_limits(agreement: &HealthAgreement, rule_sets: &[RuleSet], limits: Limits) -> Problems {
    let mut v = check(agreement, rule_sets, limits);
    v.out.extend(crate::document::history::check(agreement));
    v.out.extend(amended_errors(agreement, limits));
    v.out.finish(limits)
}

/// Each amendment applied in turn: an error the document as amended has and
/// the document before it does not is `amendment_makes_invalid` at the
/// amendment, with the error's code, path and message (the first such error
/// per amendment). An amendment that cannot be applied at all is reported by
/// the history's own check, and left out here.
fn amended_errors(agreement: &HealthAgreement, limits: Limits) -> Vec<Problem> {
    if agreement.amendments.is_empty() {
        return Vec::new();
    }
    // Without its history, each state is checked as a document of its own.
    let errors = |a: &HealthAgreement| -> Vec<Problem> {
        let mut a = a.clone();
        a.amendments.clear();
        a.lifecycle.retain(|e| e.of.is_none());
        a.editions.clear();
        check(&a, &[], limits)
            .out
            .finish(limits)
            .0
            .into_iter()
            .filter(Problem::is_error)
            .collect()
    };
    let key = |p: &Problem| (p.code, p.path.clone());
    let mut known: std::collections::HashSet<_> = errors(agreement).iter().map(key).collect();
    let order = agreement.amendments_in_order();
    let mut out = Vec::new();
    for (k, (index, m)) in order.iter().enumerate() {
        let chosen: Vec<usize> = order[..=k].iter().map(|(i, _)| *i).collect();
        // One that cannot be applied is reported by the history's check and left out.
        let (amended, _) = agreement.steps(|i, _| chosen.contains(&i), true);
        let new: Vec<Problem> = errors(&amended)
            .into_iter()
            .filter(|p| !known.contains(&key(p)))
            .collect();
        if let Some(first) = new.first() {
            out.push(Problem::with_context(
                Code::AmendmentMakesInvalid,
                Pointer::root().key("amendments").index(*index),
                ctx!("date" => m.date.to_string(), "problem" => first.code.as_str(), "at" => first.path,
                     "message" => first.message(Lang::En), "message_da" => first.message(Lang::Da)),
            ));
        }
        known.extend(new.iter().map(key));
    }
    out
}

/// Every check of the document as it stands, its history aside; the
/// problems are kept in the validator's capped collector.
fn check<'a>(agreement: &'a HealthAgreement, rule_sets: &[RuleSet], limits: Limits) -> Validator<'a> {
    let mut v = Validator {
        a: agreement,
        out: Capped::new(limits),
    };
    v.schema_version();
    v.out.extend(crate::problems::text::check_around(
        agreement,
        agreement.validity.in_force_from,
    ));
    let ids = v.ids();
    v.references(&ids);
    v.region_and_parties();
    v.clusters();
    v.out.extend(agreement.validity.check(&Pointer::root().key("validity")));
    for (i, b) in agreement.bodies.iter().enumerate() {
        v.out.extend(b.check(&Pointer::root().key("bodies").index(i)));
    }
    v.strata();
    // Each target against its references, then its series: the unit's domain, then the direction.
    let targets = agreement.targets();
    v.targets(&ids, &targets);
    let domains = agreement.unit_domains();
    v.out.extend(crate::document::target::check_values(&targets, |id| {
        domains.get(id).copied()
    }));
    let directions = agreement.directions();
    v.out
        .extend(crate::document::target::check_against_direction(&targets, |id| {
            directions.get(id).copied()
        }));
    v.roles();
    v.signatories();
    v.seats();
    v.timeline();
    let root = Pointer::root();
    v.out.extend(crate::document::body::check_lineage(
        &agreement.bodies,
        &root.key("bodies"),
    ));
    v.out.extend(crate::document::body::check_one_of_a_kind(
        &agreement.bodies,
        &root.key("bodies"),
    ));
    v.out.extend(crate::document::body::check_cluster_ties(
        &agreement.bodies,
        &agreement.clusters,
        &root.key("bodies"),
    ));
    let region_is_a_region = agreement
        .organisation(&agreement.region)
        .is_some_and(|o| o.kind == crate::document::organisation::OrganisationKind::Region);
    // Without a region to compare with (reported already), every cluster would seem outside it.
    if region_is_a_region {
        v.out.extend(crate::document::cluster::check_clusters(
            &agreement.clusters,
            &agreement.organisations,
            &agreement.region,
            agreement.validity.in_force_from,
            &root.key("clusters"),
        ));
    }
    v.out.extend(crate::document::content::check_content(
        &agreement.focus_areas,
        &agreement.indicators,
        &agreement.national_goals,
        &root,
    ));
    v.out.extend(agreement.follow_up.check(&root.key("follow_up")));
    if let Some(rules) = &agreement.dispute_rules {
        v.out.extend(rules.check(&root.key("dispute_rules")));
    }
    for (i, d) in agreement.disputes.iter().enumerate() {
        let settled_at = agreement.dispute_rules.as_ref().and_then(|r| r.settled_at(d.kind));
        v.out.extend(d.check(settled_at, &root.key("disputes").index(i)));
    }
    for (i, c) in agreement.collaboration_agreements.iter().enumerate() {
        v.out
            .extend(c.check(&Pointer::root().key("collaboration_agreements").index(i)));
    }
    v.composition(rule_sets);
    v
}

/// Validates a composition rule set on its own.
///
/// ```
/// let mut rules = sundhedsaftale::rule_sets()[0].clone();
/// assert!(sundhedsaftale::validate_rule_set(&rules).is_empty());
/// rules.regions.push(9999);
/// let problems = sundhedsaftale::validate_rule_set(&rules);
/// assert_eq!(problems.iter().next().unwrap().code.as_str(), "unknown_region_code");
/// ```
pub fn validate_rule_set(rule_set: &RuleSet) -> Problems {
    let mut out = crate::problems::text::check(rule_set);
    let root = Pointer::root();
    if rule_set.schema_version != SCHEMA_VERSION {
        out.push(Problem::with_context(
            Code::UnsupportedSchemaVersion,
            root.key("schema_version"),
            ctx!("found" => rule_set.schema_version, "supported" => SCHEMA_VERSION),
        ));
    }
    out.extend(rule_set.check(&root));
    Problems(out)
}

/// What kind of item an id names, for reference checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum IdKind {
    Organisation,
    Person,
    Body,
    Cluster,
    FocusArea,
    Objective,
    Indicator,
    Requirement,
    /// Editions and amendments share a namespace: a lifecycle step's `of` names either.
    History,
}

impl IdKind {
    fn name(self) -> &'static str {
        match self {
            IdKind::Organisation => "organisation",
            IdKind::Person => "person",
            IdKind::Body => "body",
            IdKind::Cluster => "cluster",
            IdKind::FocusArea => "focus area",
            IdKind::Objective => "objective",
            IdKind::Indicator => "indicator",
            IdKind::Requirement => "follow-up requirement",
            IdKind::History => "edition or amendment",
        }
    }
}

type Ids<'a> = HashMap<IdKind, IdSpace<'a, Location>>;

/// A lifecycle step as far as it may happen once: its kind, who acts
/// (organisation, body) and what it is of (an edition, an amendment).
type EventKey<'s> = (LifecycleKind, Option<&'s str>, Option<&'s str>, Option<&'s str>);

struct Validator<'a> {
    a: &'a HealthAgreement,
    /// Problems past their code's limit are counted, never built: a document
    /// with 100,000 broken references costs 100 messages, not 100,000.
    out: Capped,
}

impl<'a> Validator<'a> {
    fn push(&mut self, code: Code, at: Pointer, context: BTreeMap<String, Value>) {
        self.out.emit(code, || (at, context));
    }

    fn schema_version(&mut self) {
        if self.a.schema_version != SCHEMA_VERSION {
            self.push(
                Code::UnsupportedSchemaVersion,
                Pointer::root().key("schema_version"),
                ctx!("found" => self.a.schema_version, "supported" => SCHEMA_VERSION),
            );
        }
    }

    /// Collects ids per kind, reporting duplicates.
    fn ids(&mut self) -> Ids<'a> {
        let a = self.a;
        let root = Location::root();
        let mut ids: Ids<'a> = HashMap::default();
        crate::problems::ids::check(&a.id, &root, &mut self.out);
        // Two people, clusters or bodies with one name are likely one
        // recorded twice, or a name copied by mistake.
        let names = |kind: &'static str, items: Vec<&'a str>, out: &mut Capped| {
            let mut first: HashMap<&str, usize> = HashMap::default();
            for (i, name) in items.into_iter().enumerate() {
                match first.get(name) {
                    Some(&j) => out.emit(Code::NameRepeated, || {
                        (
                            Pointer::root().key(kind).index(i).key("name"),
                            ctx!("name" => name, "first" => Pointer::root().key(kind).index(j).as_str()),
                        )
                    }),
                    None => {
                        first.insert(name, i);
                    }
                }
            }
        };
        names(
            "people",
            a.people.iter().map(|p| p.name.as_str()).collect(),
            &mut self.out,
        );
        names(
            "clusters",
            a.clusters.iter().map(|c| c.name.as_str()).collect(),
            &mut self.out,
        );
        names(
            "bodies",
            a.bodies.iter().map(|b| b.name.as_str()).collect(),
            &mut self.out,
        );
        let mut register = |kind: IdKind, id: &'a str, at: Location, out: &mut Capped| {
            ids.entry(kind).or_default().define(id, at, out);
        };
        let out = &mut self.out;
        for (i, o) in a.organisations.iter().enumerate() {
            register(IdKind::Organisation, &o.id, root.key("organisations").index(i), out);
        }
        for (i, p) in a.people.iter().enumerate() {
            register(IdKind::Person, &p.id, root.key("people").index(i), out);
        }
        for (i, c) in a.clusters.iter().enumerate() {
            register(IdKind::Cluster, &c.id, root.key("clusters").index(i), out);
        }
        for (i, f) in a.focus_areas.iter().enumerate() {
            register(IdKind::FocusArea, &f.id, root.key("focus_areas").index(i), out);
        }
        for (i, r) in a.follow_up.requirements.iter().enumerate() {
            register(
                IdKind::Requirement,
                &r.id,
                root.key("follow_up").key("requirements").index(i),
                out,
            );
        }
        // Posts and memberships share one namespace across bodies: attendance
        // records and other documents refer to them without naming the body.
        let mut seats: IdSpace<'a, Location> = IdSpace::default();
        let mut seat = |id: &'a str, at: Location, out: &mut Capped| seats.define(id, at, out);
        for (i, b) in a.bodies.iter().enumerate() {
            let at = root.key("bodies").index(i);
            register(IdKind::Body, &b.id, at, out);
            for (j, p) in b.posts.iter().enumerate() {
                let post_at = at.key("posts").index(j);
                seat(&p.id, post_at, out);
                for (k, m) in p.memberships.iter().enumerate() {
                    seat(&m.id, post_at.key("memberships").index(k), out);
                }
            }
        }
        // Items no one refers to still need unique ids.
        let local = |items: Vec<(&'a str, Location)>, out: &mut Capped| {
            let mut seen = IdSpace::default();
            for (id, at) in items {
                seen.define(id, at, out);
            }
        };
        // Key figures are series the follow-up runs on, beside the indicators:
        // one namespace, so that a target can name either.
        for (i, f) in a.focus_areas.iter().enumerate() {
            let at = root.key("focus_areas").index(i);
            for (j, o) in f.objectives.iter().enumerate() {
                register(IdKind::Objective, &o.id, at.key("objectives").index(j), out);
            }
            for (j, k) in f.key_figures.iter().enumerate() {
                register(IdKind::Indicator, &k.id, at.key("key_figures").index(j), out);
            }
        }
        for (i, x) in a.indicators.iter().enumerate() {
            register(IdKind::Indicator, &x.id, root.key("indicators").index(i), out);
        }
        local(
            a.collaboration_agreements
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.as_str(), root.key("collaboration_agreements").index(i)))
                .collect(),
            out,
        );
        local(
            a.guiding_principles
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.as_str(), root.key("guiding_principles").index(i)))
                .collect(),
            out,
        );
        for (i, e) in a.editions.iter().enumerate() {
            register(IdKind::History, &e.id, root.key("editions").index(i), out);
        }
        for (i, m) in a.amendments.iter().enumerate() {
            register(IdKind::History, &m.id, root.key("amendments").index(i), out);
        }
        local(
            a.annexes
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.as_str(), root.key("annexes").index(i)))
                .collect(),
            out,
        );
        local(
            a.disputes
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.as_str(), root.key("disputes").index(i)))
                .collect(),
            out,
        );
        local(
            a.follow_up
                .action_plans
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.as_str(), root.key("follow_up").key("action_plans").index(i)))
                .collect(),
            out,
        );
        ids
    }

    /// Checks that `id` names a `kind`; the pointer is built only for a problem.
    fn reference(&mut self, ids: &Ids<'a>, kind: IdKind, id: &str, at: impl FnOnce() -> Pointer) -> bool {
        let space = ids.get(&kind);
        let known = space.is_some_and(|m| m.contains(id));
        if !known {
            let code = if kind == IdKind::FocusArea {
                Code::UnknownFocusArea
            } else {
                Code::UnknownReference
            };
            self.out.emit(code, || {
                let mut context = ctx!("id" => id, "kind" => kind.name());
                // References resolve exactly; one that matches but for case says which id it may mean.
                if let Some(other) = space.and_then(|m| m.same_but_for_case(id)) {
                    context.insert("did_you_mean".into(), other.into());
                }
                (at(), context)
            });
        }
        known
    }

    /// Checks that an organisation reference resolves to one of `kinds`.
    fn organisation_ref(&mut self, ids: &Ids<'a>, id: &str, at: impl Fn() -> Pointer, kinds: &[OrganisationKind]) {
        if !self.reference(ids, IdKind::Organisation, id, &at) || kinds.is_empty() {
            return;
        }
        if let Some(org) = self.a.organisation(id) {
            if !kinds.contains(&org.kind) {
                let expected = |lang: Lang, or: &str| kinds.iter().map(|k| k.label(lang)).collect::<Vec<_>>().join(or);
                self.push(
                    Code::WrongReferenceKind,
                    at(),
                    ctx!("id" => id, "found" => org.kind.label(Lang::En), "found_da" => org.kind.label(Lang::Da),
                         "expected" => expected(Lang::En, " or "), "expected_da" => expected(Lang::Da, " eller ")),
                );
            }
        }
    }

    fn references(&mut self, ids: &Ids<'a>) {
        use OrganisationKind::*;
        let a = self.a;
        let root = Pointer::root();
        self.organisation_ref(ids, &a.region, || root.key("region"), &[Region]);
        for (i, o) in a.organisations.iter().enumerate() {
            if let Some(parent) = &o.parent {
                // A municipality lies in a region; a unit of the region is the region's or another unit's.
                let kinds: &[OrganisationKind] = match o.kind {
                    Municipality => &[Region],
                    RegionalUnit => &[Region, RegionalUnit],
                    _ => &[],
                };
                self.organisation_ref(ids, parent, || root.key("organisations").index(i).key("parent"), kinds);
            }
        }
        for (i, r) in a.roles.iter().enumerate() {
            for (j, o) in r.organisations.iter().enumerate() {
                let kinds = r.role.kinds();
                self.organisation_ref(
                    ids,
                    o,
                    || root.key("roles").index(i).key("organisations").index(j),
                    kinds,
                );
            }
        }
        for (i, c) in a.clusters.iter().enumerate() {
            let at = root.key("clusters").index(i);
            self.organisation_ref(ids, &c.region, || at.key("region"), &[Region]);
            for (j, m) in c.municipalities.iter().enumerate() {
                self.organisation_ref(ids, m, || at.key("municipalities").index(j), &[Municipality]);
            }
        }
        for (i, b) in a.bodies.iter().enumerate() {
            let at = root.key("bodies").index(i);
            if let Some(c) = &b.cluster {
                self.reference(ids, IdKind::Cluster, c, || at.key("cluster"));
            }
            for (j, p) in b.predecessors.iter().enumerate() {
                self.reference(ids, IdKind::Body, p, || at.key("predecessors").index(j));
            }
            for (j, post) in b.posts.iter().enumerate() {
                let post_at = at.key("posts").index(j);
                self.organisation_ref(ids, &post.on_behalf_of, || post_at.key("on_behalf_of"), &[]);
                for (k, m) in post.memberships.iter().enumerate() {
                    self.reference(ids, IdKind::Person, &m.person, || {
                        post_at.key("memberships").index(k).key("person")
                    });
                }
            }
        }
        let goals: Vec<u8> = a.national_goals.iter().map(|g| g.number).collect();
        for (i, ind) in a.indicators.iter().enumerate() {
            let at = root.key("indicators").index(i);
            for (j, f) in ind.focus_areas.iter().enumerate() {
                self.reference(ids, IdKind::FocusArea, f, || at.key("focus_areas").index(j));
            }
            for (j, g) in ind.national_goals.iter().enumerate() {
                if !goals.contains(g) {
                    self.push(
                        Code::UnknownReference,
                        at.key("national_goals").index(j),
                        ctx!("id" => g.to_string(), "kind" => "national goal"),
                    );
                }
            }
        }
        for (i, s) in a.signatories.iter().enumerate() {
            let at = root.key("signatories").index(i);
            self.reference(ids, IdKind::Person, &s.person, || at.key("person"));
            self.organisation_ref(ids, &s.on_behalf_of, || at.key("on_behalf_of"), &[]);
            self.reference(ids, IdKind::Body, &s.body, || at.key("body"));
        }
        // An approval is a party's (a region's or a municipality's) or a
        // body's; each approves a text once, and a text enters into force once.
        let mut events: HashMap<EventKey<'_>, usize> = HashMap::default();
        for (i, e) in a.lifecycle.iter().enumerate() {
            let at = root.key("lifecycle").index(i);
            if let Some(o) = &e.organisation {
                let kinds = if e.kind == LifecycleKind::Approval {
                    AgreementRole::Party.kinds()
                } else {
                    &[]
                };
                self.organisation_ref(ids, o, || at.key("organisation"), kinds);
            }
            if let Some(b) = &e.body {
                // A body acts only while it exists.
                if self.reference(ids, IdKind::Body, b, || at.key("body")) {
                    if let Some(date) = e.date {
                        self.alive_body(b, date, at.key("body"));
                    }
                }
            }
            if let Some(of) = &e.of {
                self.reference(ids, IdKind::History, of, || at.key("of"));
            }
            if matches!(e.kind, LifecycleKind::Approval | LifecycleKind::EntryIntoForce) {
                let key = (e.kind, e.organisation.as_deref(), e.body.as_deref(), e.of.as_deref());
                match events.get(&key) {
                    Some(&first) => self.push(
                        Code::LifecycleEventRepeated,
                        at,
                        ctx!("kind" => e.kind.label(Lang::En), "kind_da" => e.kind.label(Lang::Da),
                             "first" => root.key("lifecycle").index(first).as_str()),
                    ),
                    None => {
                        events.insert(key, i);
                    }
                }
            }
        }
        // An edition or amendment is approved by a body or an organisation.
        let approver = |me: &mut Self, id: &str, at: Pointer| {
            let known = |kind| ids.get(&kind).is_some_and(|m| m.contains(id));
            if !known(IdKind::Body) && !known(IdKind::Organisation) {
                me.push(
                    Code::UnknownReference,
                    at,
                    ctx!("id" => id, "kind" => "body or organisation"),
                );
            }
        };
        for (i, e) in a.editions.iter().enumerate() {
            if let Some(by) = &e.approved_by {
                let at = root.key("editions").index(i).key("approved_by");
                approver(self, by, at.clone());
                if let Some(date) = e.date {
                    self.alive_body(by, date, at);
                }
            }
        }
        for (i, m) in a.amendments.iter().enumerate() {
            let at = root.key("amendments").index(i);
            if let Some(by) = &m.approved_by {
                approver(self, by, at.key("approved_by"));
                self.alive_body(by, m.date, at.key("approved_by"));
            }
            if let Some(edition) = &m.edition {
                if !a.editions.iter().any(|e| &e.id == edition) {
                    self.push(
                        Code::UnknownReference,
                        at.key("edition"),
                        ctx!("id" => edition, "kind" => "edition"),
                    );
                }
            }
        }
        let fu = root.key("follow_up");
        for (i, r) in a.follow_up.requirements.iter().enumerate() {
            let at = fu.key("requirements").index(i);
            for (j, b) in r.responsible_bodies.iter().enumerate() {
                self.reference(ids, IdKind::Body, b, || at.key("responsible_bodies").index(j));
            }
            for (j, c) in r.responsible_clusters.iter().enumerate() {
                self.reference(ids, IdKind::Cluster, c, || at.key("responsible_clusters").index(j));
            }
            for (j, b) in r.involved_bodies.iter().enumerate() {
                self.reference(ids, IdKind::Body, b, || at.key("involved_bodies").index(j));
            }
            // Each body and cluster has one part in a duty: named once, as
            // responsible or as involved.
            let mut named: HashMap<&str, Pointer> = HashMap::default();
            let lists = [
                ("responsible_bodies", &r.responsible_bodies),
                ("involved_bodies", &r.involved_bodies),
                ("responsible_clusters", &r.responsible_clusters),
            ];
            for (field, list) in lists {
                for (j, id) in list.iter().enumerate() {
                    let here = at.key(field).index(j);
                    match named.get(id.as_str()) {
                        Some(first) => self.push(
                            Code::ReferenceRepeated,
                            here,
                            ctx!("id" => id, "first" => first.as_str()),
                        ),
                        None => {
                            named.insert(id, here);
                        }
                    }
                }
            }
            if let Some(f) = &r.feeds {
                self.reference(ids, IdKind::Requirement, f, || at.key("feeds"));
            }
        }
        for (i, c) in a.follow_up.completions.iter().enumerate() {
            self.reference(ids, IdKind::Requirement, &c.requirement, || {
                fu.key("completions").index(i).key("requirement")
            });
        }
        for (i, p) in a.follow_up.action_plans.iter().enumerate() {
            let at = fu.key("action_plans").index(i);
            self.reference(ids, IdKind::Cluster, &p.cluster, || at.key("cluster"));
            for (j, f) in p.focus_areas.iter().enumerate() {
                self.reference(ids, IdKind::FocusArea, f, || at.key("focus_areas").index(j));
            }
            let mut local_objectives = IdSpace::default();
            for (j, o) in p.objectives.iter().enumerate() {
                let o_at = at.key("objectives").index(j);
                local_objectives.define(&o.id, o_at.clone(), &mut self.out);
                self.reference(ids, IdKind::FocusArea, &o.focus_area, || o_at.key("focus_area"));
                if let Some(objective) = &o.objective {
                    self.reference(ids, IdKind::Objective, objective, || o_at.key("objective"));
                }
            }
            let mut local_indicators = IdSpace::default();
            for (j, ind) in p.indicators.iter().enumerate() {
                local_indicators.define(&ind.id, at.key("indicators").index(j), &mut self.out);
                if let Some(national) = &ind.national_indicator {
                    self.reference(ids, IdKind::Indicator, national, || {
                        at.key("indicators").index(j).key("national_indicator")
                    });
                }
            }
            let mut initiatives = IdSpace::default();
            for (j, initiative) in p.initiatives.iter().enumerate() {
                initiatives.define(&initiative.id, at.key("initiatives").index(j), &mut self.out);
                for (k, o) in initiative.objectives.iter().enumerate() {
                    if !local_objectives.contains(o.as_str()) {
                        self.push(
                            Code::UnknownReference,
                            at.key("initiatives").index(j).key("objectives").index(k),
                            ctx!("id" => o, "kind" => "objective of the action plan"),
                        );
                    }
                }
            }
        }
        if let Some(rules) = &a.dispute_rules {
            for (i, step) in rules.ladder.iter().enumerate() {
                if let Some(b) = &step.body {
                    let at = || root.key("dispute_rules").key("ladder").index(i).key("body");
                    let known = self.reference(ids, IdKind::Body, b, at);
                    // A step named after a body is that kind of body.
                    let found = a.body(b).map(|x| x.kind);
                    if let (true, Some(expected), Some(found)) = (known, step.level.body_kind(), found) {
                        if found != expected {
                            self.push(
                                Code::WrongReferenceKind,
                                at(),
                                ctx!("id" => b, "found" => found.label(Lang::En), "found_da" => found.label(Lang::Da),
                                     "expected" => expected.label(Lang::En), "expected_da" => expected.label(Lang::Da)),
                            );
                        }
                    }
                }
            }
        }
        for (i, d) in a.disputes.iter().enumerate() {
            let at = root.key("disputes").index(i);
            for (j, p) in d.parties.iter().enumerate() {
                self.organisation_ref(ids, p, || at.key("parties").index(j), &[]);
            }
            if let Some(o) = &d.interim_responsible {
                self.organisation_ref(ids, o, || at.key("interim_responsible"), &[]);
            }
        }
    }

    /// Region code, municipality codes against the official list of the
    /// agreement's own region on its [`HealthAgreement::reference_day`],
    /// and completeness of parties.
    fn region_and_parties(&mut self) {
        let a = self.a;
        let root = Pointer::root();
        let Some((region_index, region)) = a.organisations.iter().enumerate().find(|(_, o)| o.id == a.region) else {
            return; // reported as an unknown reference
        };
        let reference_region = match region.code.and_then(reference::region_by_code) {
            Some(r) => {
                let bare = |n: &str| n.trim().trim_start_matches("Region ").to_lowercase();
                if bare(&region.name) != bare(r.name) {
                    self.push(
                        Code::RegionNameMismatch,
                        root.key("organisations").index(region_index).key("name"),
                        ctx!("code" => region.code, "expected" => r.name, "name" => region.name),
                    );
                }
                Some(r)
            }
            None => {
                self.push(
                    Code::UnknownRegionCode,
                    root.key("organisations").index(region_index).key("code"),
                    ctx!("code" => region.code.map_or_else(|| "?".to_string(), |c| c.to_string())),
                );
                None
            }
        };
        let on = a.reference_day();
        // A region that no longer exists on the agreement's day is one
        // problem, at its code; its municipalities are then checked against
        // its list on its last day, not once each against the successor's.
        let ceased = a.region_ceased_on(on);
        let on = match (reference_region.and_then(|r| r.abolished), &ceased) {
            (Some(end), Some(_)) => end.pred_opt().unwrap_or(on),
            _ => on,
        };
        self.out.extend(ceased);
        let official: Vec<&reference::MunicipalityRef> = reference_region
            .map(|r| reference::municipalities_of(r, on).collect())
            .unwrap_or_default();
        let is_party = |id: &str| {
            a.roles
                .iter()
                .any(|r| r.role == AgreementRole::Party && r.organisations.iter().any(|o| o == id))
        };
        let mut missing: Vec<(String, String)> = Vec::new();
        if !is_party(&region.id) {
            missing.push((
                region.name.clone(),
                region.code.map_or_else(|| "?".into(), |c| c.to_string()),
            ));
        }
        for (i, o) in a.organisations.iter().enumerate() {
            if o.kind != OrganisationKind::Municipality {
                continue;
            }
            self.municipality_code(i, on);
            if o.parent.as_deref() == Some(region.id.as_str()) && !is_party(&o.id) {
                missing.push((o.name.clone(), o.code.map_or_else(|| "?".into(), |c| c.to_string())));
            }
        }
        for m in &official {
            let declared = a.municipalities().any(|o| o.code == Some(m.code));
            if !declared {
                missing.push((m.name.to_string(), m.code.to_string()));
            }
        }
        for (name, code) in missing {
            self.push(
                Code::PartyMissing,
                root.key("roles"),
                ctx!("name" => name, "code" => code),
            );
        }
    }

    /// A municipality's code and name against the official list of the
    /// region it belongs to (its parent, when that is a region with a known
    /// code) on `on`, or against the national list otherwise.
    fn municipality_code(&mut self, index: usize, on: NaiveDate) {
        let o = &self.a.organisations[index];
        let parent = o.parent.as_deref().and_then(|p| self.a.organisation(p));
        let region = parent
            .filter(|p| p.kind == OrganisationKind::Region)
            .and_then(|p| p.code)
            .and_then(reference::region_by_code);
        let official = |m: &&reference::MunicipalityRef| match region {
            Some(r) => reference::region_of(m.code, on).is_some_and(|x| x.id == r.id),
            None => true,
        };
        let bare = reference::bare_municipality_name(&o.name);
        let by_code = o.code.and_then(reference::municipality).filter(official);
        if by_code.is_some_and(|m| m.name == bare) {
            return;
        }
        let expected = reference::MUNICIPALITIES
            .iter()
            .filter(official)
            .find(|m| m.name == bare)
            .map(|m| m.code.to_string());
        let expected_da = expected
            .clone()
            .unwrap_or_else(|| "ingen kommune med det navn".to_string());
        let expected = expected.unwrap_or_else(|| "no municipality of that name".to_string());
        self.push(
            Code::MunicipalityCodeMismatch,
            Pointer::root().key("organisations").index(index).key("code"),
            ctx!("name" => o.name, "code" => o.code.map_or_else(|| "?".into(), |c| c.to_string()),
                 "region_code" => region.and_then(|r| r.code).map_or_else(|| "DK".to_string(), |c| c.to_string()),
                 "expected" => expected, "expected_da" => expected_da),
        );
    }

    /// A municipality in two clusters at once ([`crate::cluster::check_overlaps`]),
    /// or (on entry into force) in none. A document that lists no clusters
    /// has not described them, and without an entry date there is no day to
    /// ask about.
    fn clusters(&mut self) {
        let a = self.a;
        let root = Pointer::root();
        self.out.extend(crate::document::cluster::check_overlaps(
            &a.clusters,
            &root.key("clusters"),
        ));
        let Some(on) = a.validity.in_force_from.filter(|_| !a.clusters.is_empty()) else {
            return;
        };
        for (i, m) in a.organisations.iter().enumerate() {
            let of_region = m.kind == OrganisationKind::Municipality && m.parent.as_deref() == Some(a.region.as_str());
            if of_region && a.cluster_of(&m.id, on).is_none() {
                self.push(
                    Code::MunicipalityWithoutCluster,
                    root.key("organisations").index(i),
                    ctx!("municipality" => m.id, "date" => on.to_string()),
                );
            }
        }
    }

    /// Every dated thing fits the agreement's life and what it refers to:
    /// the making of the agreement precedes its entry into force; follow-up
    /// completions, fixed deadlines, status reports and disputes fall within
    /// its time in force; dispute steps within their dispute; action plans
    /// in the life of their cluster; bodies named for duties, signatures and
    /// the dispute ladder exist when the agreement enters into force.
    fn timeline(&mut self) {
        let a = self.a;
        let root = Pointer::root();
        if let Some(s) = a
            .validity
            .successor
            .as_ref()
            .filter(|s| s.agreement == a.id || s.agreement == a.title)
        {
            self.push(
                Code::OwnSuccessor,
                root.key("validity").key("successor").key("agreement"),
                ctx!("successor" => s.agreement),
            );
        }
        // Without an entry date, nothing can be placed before or after it.
        let Some(from) = a.validity.in_force_from else {
            return;
        };
        let until = a.validity.termination.as_ref().map(|t| t.effective);
        let outside = |me: &mut Self, date: NaiveDate, at: Pointer| {
            if date < from || until.is_some_and(|u| date >= u) {
                me.push(
                    Code::DateOutsideValidity,
                    at,
                    ctx!("date" => date.to_string(), "from" => from.to_string(), "until" => date_or_unknown(until)),
                );
            }
        };
        // A step of a later edition or an amendment comes after entry, as it may.
        for (i, e) in a.lifecycle.iter().enumerate().filter(|(_, e)| e.of.is_none()) {
            let Some(date) = e.date else { continue };
            let wrong = match e.kind {
                LifecycleKind::EntryIntoForce => date != from,
                _ => date > from,
            };
            if wrong {
                self.push(
                    Code::LifecycleContradictsValidity,
                    root.key("lifecycle").index(i).key("date"),
                    ctx!("kind" => e.kind.label(Lang::En), "date" => date.to_string(), "from" => from.to_string()),
                );
            }
        }
        // A key figure is where the agreement starts from: measured no later
        // than the year it enters into force.
        for (f, area) in a.focus_areas.iter().enumerate() {
            for (k, kf) in area.key_figures.iter().enumerate() {
                if let Some(year) = kf.year.filter(|y| *y > from.year()) {
                    self.push(
                        Code::KeyFigureAfterAgreement,
                        root.key("focus_areas").index(f).key("key_figures").index(k).key("year"),
                        ctx!("id" => kf.id, "year" => year, "from" => from.to_string()),
                    );
                }
            }
        }
        let fu = root.key("follow_up");
        for (i, c) in a.follow_up.completions.iter().enumerate() {
            outside(self, c.completed_on, fu.key("completions").index(i).key("completed_on"));
        }
        for (i, r) in a.follow_up.requirements.iter().enumerate() {
            if let Some(d) = r.due_date {
                outside(self, d, fu.key("requirements").index(i).key("due_date"));
            }
            for (j, b) in r.responsible_bodies.iter().enumerate() {
                self.alive_body(
                    b,
                    from,
                    fu.key("requirements").index(i).key("responsible_bodies").index(j),
                );
            }
            for (j, c) in r.responsible_clusters.iter().enumerate() {
                if let Some(c) = a.cluster(c).filter(|c| !c.exists_on(from)) {
                    self.push(
                        Code::ReferenceNotAlive,
                        fu.key("requirements").index(i).key("responsible_clusters").index(j),
                        ctx!("kind" => "cluster", "id" => c.id, "date" => from.to_string()),
                    );
                }
            }
        }
        for (i, p) in a.follow_up.action_plans.iter().enumerate() {
            let at = fu.key("action_plans").index(i);
            if let (Some(d), Some(c)) = (p.adopted_on, a.cluster(&p.cluster)) {
                if !c.exists_on(d) {
                    self.push(
                        Code::ReferenceNotAlive,
                        at.key("cluster"),
                        ctx!("kind" => "cluster", "id" => c.id, "date" => d.to_string()),
                    );
                }
            }
            for (j, s) in p.statuses.iter().enumerate() {
                if let Some(d) = s.reported_on {
                    outside(self, d, at.key("statuses").index(j).key("reported_on"));
                }
            }
        }
        for (i, d) in a.disputes.iter().enumerate() {
            let at = root.key("disputes").index(i);
            outside(self, d.raised_on, at.key("raised_on"));
            for (j, step) in d.steps.iter().enumerate() {
                if step.from < d.raised_on || d.resolved_on.is_some_and(|r| step.from > r) {
                    self.push(
                        Code::DisputeStepOutsideDispute,
                        at.key("steps").index(j).key("from"),
                        ctx!("date" => step.from.to_string(), "raised" => d.raised_on.to_string(),
                             "resolved" => date_or_unknown(d.resolved_on)),
                    );
                }
            }
        }
        for (i, s) in a.signatories.iter().enumerate() {
            self.alive_body(&s.body, from, root.key("signatories").index(i).key("body"));
        }
        if let Some(rules) = &a.dispute_rules {
            for (i, step) in rules.ladder.iter().enumerate() {
                if let Some(b) = &step.body {
                    self.alive_body(b, from, root.key("dispute_rules").key("ladder").index(i).key("body"));
                }
            }
        }
    }

    /// A body, where it resolves, exists on `date` (unknown references are reported elsewhere).
    fn alive_body(&mut self, id: &str, date: NaiveDate, at: Pointer) {
        if let Some(b) = self.a.body(id).filter(|b| !b.exists_on(date)) {
            self.push(
                Code::ReferenceNotAlive,
                at,
                ctx!("kind" => "body", "id" => b.id, "date" => date.to_string()),
            );
        }
    }

    /// Each seat against what it is for: a membership's title against the
    /// party its post is appointed on behalf of ([`crate::Title::sits_for`]:
    /// a regional council member sits for the region, a mayor for a
    /// municipality; a unit of the region sits for the region), and a
    /// cluster body's posts for municipalities of that cluster only.
    fn seats(&mut self) {
        let a = self.a;
        for (i, b) in a.bodies.iter().enumerate() {
            let cluster = b.cluster.as_deref().and_then(|c| a.clusters.iter().find(|x| x.id == c));
            for (j, post) in b.posts.iter().enumerate() {
                let Some(found) = a.party_of(&post.on_behalf_of) else {
                    continue;
                };
                if let Some(c) = cluster {
                    if found.kind == OrganisationKind::Municipality && !c.municipalities.contains(&found.id) {
                        self.push(
                            Code::SeatOutsideCluster,
                            Pointer::root()
                                .key("bodies")
                                .index(i)
                                .key("posts")
                                .index(j)
                                .key("on_behalf_of"),
                            ctx!("organisation" => found.id, "cluster" => c.id, "body" => b.id),
                        );
                    }
                }
                for (k, m) in post.memberships.iter().enumerate() {
                    let m_at = || {
                        Pointer::root()
                            .key("bodies")
                            .index(i)
                            .key("posts")
                            .index(j)
                            .key("memberships")
                            .index(k)
                    };
                    if let Some(text) = &m.title_text {
                        if let Some((named, recorded)) =
                            title_text_contradiction(a, text, Some(m.title), &post.on_behalf_of)
                        {
                            self.push(
                                Code::TitleTextContradicts,
                                m_at().key("title_text"),
                                ctx!("title_text" => text, "named" => named, "recorded" => recorded),
                            );
                        }
                    }
                    if m.title.sits_for().is_some_and(|expected| expected != found.kind) {
                        self.out.keep(crate::document::people::title_mismatch(
                            &m.person,
                            m.title,
                            &post.on_behalf_of,
                            found.kind,
                            m_at().key("title"),
                        ));
                    }
                }
            }
        }
    }

    /// Each organisation has one role: a party is not also bound or covered.
    fn roles(&mut self) {
        let mut first: HashMap<&str, AgreementRole> = HashMap::default();
        for (i, r) in self.a.roles.iter().enumerate() {
            for (j, o) in r.organisations.iter().enumerate() {
                match first.get(o.as_str()) {
                    Some(&earlier) => self.push(
                        Code::OrganisationInSeveralRoles,
                        Pointer::root().key("roles").index(i).key("organisations").index(j),
                        ctx!("organisation" => o, "role" => earlier.label(Lang::En), "role_da" => earlier.label(Lang::Da),
                             "other" => r.role.label(Lang::En), "other_da" => r.role.label(Lang::Da)),
                    ),
                    None => {
                        first.insert(o, r.role);
                    }
                }
            }
        }
    }

    /// A signatory signs for the organisation whose seat they hold in the
    /// body they sign in, and is listed once.
    fn signatories(&mut self) {
        let a = self.a;
        let mut seen: HashMap<&str, Pointer> = HashMap::default();
        for (i, s) in a.signatories.iter().enumerate() {
            let at = Pointer::root().key("signatories").index(i);
            if let Some((named, recorded)) = title_text_contradiction(a, &s.title_text, None, &s.on_behalf_of) {
                self.push(
                    Code::TitleTextContradicts,
                    at.key("title_text"),
                    ctx!("title_text" => s.title_text, "named" => named, "recorded" => recorded),
                );
            }
            if let Some(first) = seen.get(s.person.as_str()) {
                self.push(
                    Code::DuplicateSignatory,
                    at.key("person"),
                    ctx!("person" => s.person, "first" => first.as_str()),
                );
            } else {
                seen.insert(&s.person, at.clone());
            }
            let Some(body) = a.body(&s.body) else { continue };
            let mut memberships = body
                .posts
                .iter()
                .filter(|p| p.on_behalf_of == s.on_behalf_of)
                .flat_map(|p| &p.memberships);
            // The seat is held when the agreement enters into force (any time, when that day is unknown).
            let on = a.validity.in_force_from;
            // A membership whose dates are inverted is reported already; its dates say nothing.
            let inverted =
                |m: &crate::document::people::Membership| matches!((m.from, m.to), (Some(f), Some(t)) if t < f);
            let holds = memberships
                .clone()
                .any(|m| m.person == s.person && (inverted(m) || on.is_none_or(|d| m.held_on(d))));
            // A seat held by an unknown person is already reported; it may be the signatory's.
            if !holds && !memberships.any(|m| a.person(&m.person).is_none()) {
                self.push(
                    Code::SignatoryWithoutSeat,
                    at,
                    ctx!("person" => s.person, "on_behalf_of" => s.on_behalf_of, "body" => s.body),
                );
            }
        }
    }

    /// Each indicator's disaggregations: a dimension without declared
    /// categories is a warning; a declared total must be a declared category.
    fn strata(&mut self) {
        let a = self.a;
        for (i, ind) in a.indicators.iter().enumerate() {
            let at = Pointer::root().key("indicators").index(i);
            for (j, dimension) in ind.disaggregations.iter().enumerate() {
                if !ind.strata.iter().any(|s| &s.dimension == dimension) {
                    self.push(
                        Code::CategoriesNotDeclared,
                        at.key("disaggregations").index(j),
                        ctx!("indicator" => ind.id, "dimension" => dimension),
                    );
                }
            }
            let mut dimensions = IdSpace::held_in("dimension");
            for (j, s) in ind.strata.iter().enumerate() {
                let s_at = at.key("strata").index(j);
                dimensions.define(&s.dimension, s_at.clone(), &mut self.out);
                let mut categories = IdSpace::held_in("code");
                for (k, c) in s.categories.iter().enumerate() {
                    categories.define(&c.code, s_at.key("categories").index(k), &mut self.out);
                }
                if let Some(total) = s.total.as_deref().filter(|t| !s.declares(t)) {
                    self.push(
                        Code::UndeclaredCategory,
                        at.key("strata").index(j).key("total"),
                        crate::document::strata::undeclared(&ind.id, s, total),
                    );
                }
            }
        }
    }

    /// Targets under indicators and objectives: each names a known series,
    /// only strata that series is broken down by, a known place, everything
    /// its kind needs, and no two the same scope. Also reports the indicators
    /// and key figures the follow-up cannot run on.
    fn targets(&mut self, ids: &Ids<'a>, placed: &[(Pointer, crate::document::target::Target)]) {
        let a = self.a;
        self.out.extend(a.series_gaps().0);
        if placed.is_empty() {
            return;
        }
        // The places are only needed for targets given for a place; building
        // them is most of the cost of validating a small document.
        let hierarchy = placed.iter().any(|(_, t)| t.geography.is_some()).then(|| a.hierarchy());
        let region = a.region_code().map(|c| Geography::new(Level::Region, c.to_string()));
        let disaggregations: HashMap<&str, Vec<String>> =
            a.indicators.iter().map(|i| (i.id.as_str(), i.dimensions())).collect();
        let declared: HashMap<&str, &[crate::document::strata::Stratification]> = a
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.strata.as_slice()))
            .collect();
        let mut seen: HashMap<String, Pointer> = HashMap::default();
        for (at, t) in placed {
            let Some(indicator) = t.indicator.as_deref() else {
                self.push(Code::TargetWithoutIndicator, at.key("indicator"), ctx!());
                continue;
            };
            if !self.reference(ids, IdKind::Indicator, indicator, || at.key("indicator")) {
                continue;
            }
            // A key figure is a single total: it has no strata.
            let known = disaggregations.get(indicator).map(Vec::as_slice).unwrap_or_default();
            for (dimension, category) in &t.stratum {
                let vocabulary = declared
                    .get(indicator)
                    .and_then(|v| v.iter().find(|s| &s.dimension == dimension));
                if let Some(v) = vocabulary.filter(|v| !v.declares(category)) {
                    self.push(
                        Code::UndeclaredCategory,
                        at.key("stratum").key(dimension),
                        crate::document::strata::undeclared(indicator, v, category),
                    );
                }
                if !known.contains(dimension) {
                    self.push(
                        Code::UnknownStratum,
                        at.key("stratum").key(dimension),
                        ctx!("indicator" => indicator, "dimension" => dimension,
                             "known" => if known.is_empty() { "—".to_string() } else { known.join(", ") }),
                    );
                }
            }
            if let (Some(due), Some(from)) = (&t.due, a.validity.in_force_from) {
                if due.last_day() < from {
                    self.push(
                        Code::TargetDueBeforeAgreement,
                        at.key("due"),
                        ctx!("due" => due.to_string(), "from" => from.to_string()),
                    );
                }
            }
            if let (Some(g), Some(hierarchy), Some(due)) = (&t.geography, &hierarchy, &t.due) {
                if hierarchy.contains(g) && !hierarchy.exists_during(g, due.first_day(), due.last_day()) {
                    let (life, life_da) = crate::places::geography::life_words(hierarchy.life(g));
                    let (when, when_da) = crate::places::geography::when_words(&due.to_string(), false);
                    self.push(
                        Code::PlaceNotInPeriod,
                        at.key("geography"),
                        ctx!("geography" => g.to_string(), "name" => hierarchy.name(g).unwrap_or(""),
                             "period" => due.to_string(), "when" => when, "when_da" => when_da,
                             "life" => life, "life_da" => life_da),
                    );
                }
            }
            if let (Some(g), Some(hierarchy)) = (&t.geography, &hierarchy) {
                if !hierarchy.contains(g) {
                    self.push(
                        Code::UnknownReference,
                        at.key("geography"),
                        ctx!("id" => g.to_string(), "kind" => "place"),
                    );
                } else if let Some(region) = &region {
                    // A target is the parties' commitment: for their region, a
                    // place in it, or the country they compare with.
                    let inside = g.level == Level::Country
                        || g == region
                        || hierarchy.parents(g, a.reference_day()).contains(region);
                    if !inside {
                        self.push(
                            Code::TargetOutsideRegion,
                            at.key("geography"),
                            ctx!("geography" => g.to_string(), "name" => hierarchy.name(g).unwrap_or(""),
                                 "region" => region.to_string()),
                        );
                    }
                }
            }
            for field in t.missing_fields() {
                self.push(
                    Code::TargetIncomplete,
                    at.key(field),
                    ctx!("kind" => t.kind.as_str(), "field" => field),
                );
            }
            let scope = format!(
                "{indicator}|{}|{:?}",
                t.geography.as_ref().map(ToString::to_string).unwrap_or_default(),
                t.stratum
            );
            match seen.get(&scope) {
                Some(first) => self.push(Code::DuplicateTarget, at.clone(), ctx!("first" => first.as_str())),
                None => {
                    seen.insert(scope, at.clone());
                }
            }
        }
    }

    /// Composition findings as warnings, on the day of entry into force
    /// (none when that day is not known).
    fn composition(&mut self, rule_sets: &[RuleSet]) {
        let a = self.a;
        let Some(on) = a.validity.in_force_from else {
            return;
        };
        for (i, id) in a.composition_rule_sets.iter().enumerate() {
            let at = Pointer::root().key("composition_rule_sets").index(i);
            match rule_sets.iter().find(|r| &r.id == id) {
                None => self.push(Code::UnknownReference, at, ctx!("id" => id, "kind" => "rule set")),
                Some(r) => {
                    let region_ok = a.region_code().is_some_and(|c| r.regions.contains(&c));
                    let ended_before = r.applies_until.is_some_and(|until| until <= on);
                    if !region_ok || ended_before {
                        let regions: Vec<String> = r.regions.iter().map(u16::to_string).collect();
                        // The regions said as a list is said, in each language.
                        let (region_list, region_list_da) = match regions.as_slice() {
                            [one] => (format!("region {one}"), format!("region {one}")),
                            [init @ .., last] => (
                                format!("regions {} and {last}", init.join(", ")),
                                format!("regionerne {} og {last}", init.join(", ")),
                            ),
                            [] => ("no region".to_string(), "ingen region".to_string()),
                        };
                        self.push(
                            Code::RuleSetOutOfScope,
                            at,
                            ctx!("rule_set" => id, "regions" => regions.join(", "),
                                 "region_list" => region_list, "region_list_da" => region_list_da,
                                 "region" => a.region_code().map_or_else(|| "?".to_string(), |c| c.to_string()),
                                 "from" => date_or_unknown(r.applies_from), "until" => date_or_unknown(r.applies_until),
                                 "date" => on.to_string()),
                        );
                    }
                }
            }
        }
        for (i, body) in a.bodies.iter().enumerate() {
            if !body.exists_on(on) || a.members_on(body, on).is_empty() {
                continue;
            }
            for report in a.compositions_on(body, rule_sets, on) {
                self.out
                    .extend(report.not_met_warnings(Pointer::root().key("bodies").index(i), a, rule_sets));
            }
        }
    }
}

/// Validates minutes against the agreement whose organisation they record,
/// checking attendance against the composition rule sets in force on the
/// meeting date.
///
/// ```
/// let agreement = sundhedsaftale::nordjylland_2024();
/// let minutes = sundhedsaftale::embedded::politisk_klynge_vest_2021();
/// let problems = sundhedsaftale::validate_minutes(&minutes, &agreement, sundhedsaftale::rule_sets());
/// assert!(!problems.has_errors());
/// ```
pub fn validate_minutes(minutes: &Minutes, agreement: &HealthAgreement, rule_sets: &[RuleSet]) -> Problems {
    let limits = Limits::default();
    let mut out = Capped::new(limits);
    let root = Pointer::root();
    if minutes.schema_version != SCHEMA_VERSION {
        out.keep(Problem::with_context(
            Code::UnsupportedSchemaVersion,
            root.key("schema_version"),
            ctx!("found" => minutes.schema_version, "supported" => SCHEMA_VERSION),
        ));
    }
    out.extend(crate::problems::text::check_around(minutes, Some(minutes.meeting.date)));
    minutes.check(agreement, rule_sets, &mut out);
    out.finish(limits)
}

/// What a title as the source writes it ("Borgmester Hjørring Kommune")
/// contradicts in its record: another municipality than the one sat for,
/// named in full, or another office than the classified `title` (the words
/// borgmester, rådmand, regionsrådsformand, as whole words: a viceborgmester
/// is not a mayor). Returns what the text names and what the record says.
fn title_text_contradiction(
    a: &HealthAgreement,
    text: &str,
    title: Option<crate::document::people::Title>,
    on_behalf_of: &str,
) -> Option<(String, String)> {
    use crate::document::people::Title;
    let recorded = a.organisation(on_behalf_of);
    for o in a.municipalities() {
        if o.id != on_behalf_of && text.contains(o.name.as_str()) {
            return Some((
                o.name.clone(),
                recorded.map_or_else(|| on_behalf_of.to_string(), |r| r.name.clone()),
            ));
        }
    }
    let title = title?;
    let lower = text.to_lowercase();
    let whole_word = |word: &str| {
        lower
            .match_indices(word)
            .any(|(at, _)| !lower[..at].chars().next_back().is_some_and(char::is_alphabetic))
    };
    for (word, office) in [
        ("regionsrådsformand", Title::RegionalCouncilChair),
        ("borgmester", Title::Mayor),
        ("rådmand", Title::Alderman),
    ] {
        if whole_word(word) && title != office {
            return Some((office.label(Lang::Da).to_string(), title.label(Lang::Da).to_string()));
        }
    }
    None
}
