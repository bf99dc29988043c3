//! People, posts and memberships.
//!
//! Following Popolo, a *post* is a seat that exists independently of who holds
//! it, appointed on behalf of an organisation; a *membership* is one person in
//! one post for a period. Keeping the two apart is what lets the model say
//! "Aalborg's seat was held by an alderman, not a mayor" and follow a seat
//! across elections.
//!
//! ```
//! use chrono::NaiveDate;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let ssu = agreement.body("ssu").unwrap();
//! let on = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! let aalborg = agreement.members_on(ssu, on).into_iter().find(|s| s.post.on_behalf_of == "aalborg").unwrap();
//! assert_eq!(aalborg.person.unwrap().name, "Jes Lunde");
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::hash::HashMap;

use crate::document::organisation::OrganisationKind;
use crate::ground::lang::labels;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

/// A person named in a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id within the document.
    pub id: String,
    /// Full name as the source writes it.
    pub name: String,
}

/// The role a member has within a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    /// Chair (formand).
    #[doc(alias = "formand")]
    Chair,
    /// Vice-chair (næstformand).
    #[doc(alias = "næstformand")]
    ViceChair,
    /// Ordinary member (medlem).
    #[doc(alias = "medlem")]
    Member,
    /// Observer (observatør): attends without being a member in the full sense.
    #[doc(alias = "observatør")]
    Observer,
}

labels!(MembershipRole {
    Chair => ("chair", "formand"),
    ViceChair => ("vice-chair", "næstformand"),
    Member => ("member", "medlem"),
    Observer => ("observer", "observatør"),
});

/// The office a person holds outside the body, which composition rules count.
///
/// The source's exact wording goes in [`Membership::title_text`]; this is its
/// classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Title {
    /// Chair of the regional council (regionsrådsformand). Also a regional council member.
    #[doc(alias = "regionsrådsformand")]
    RegionalCouncilChair,
    /// Member of the regional council (regionsrådsmedlem).
    #[doc(alias = "regionsrådsmedlem")]
    RegionalCouncilMember,
    /// Mayor (borgmester).
    #[doc(alias = "borgmester")]
    Mayor,
    /// Alderman (rådmand), in municipalities with a magistrate such as Aalborg.
    #[doc(alias = "rådmand")]
    Alderman,
    /// Any other member of a municipal council, e.g. a committee chair.
    #[doc(alias = "kommunalbestyrelsesmedlem")]
    MunicipalCouncilMember,
    /// A representative of general practice (PLO).
    GeneralPracticeRepresentative,
    /// A representative of patients, e.g. from the patient involvement committee.
    PatientRepresentative,
    /// A civil servant: director, manager, consultant, secretary.
    #[doc(alias = "embedsmand")]
    Official,
}

labels!(Title {
    RegionalCouncilChair => ("chair of the regional council", "regionsrådsformand"),
    RegionalCouncilMember => ("regional council member", "regionsrådsmedlem"),
    Mayor => ("mayor", "borgmester"),
    Alderman => ("alderman", "rådmand"),
    MunicipalCouncilMember => ("municipal council member", "kommunalbestyrelsesmedlem"),
    GeneralPracticeRepresentative => ("general practice representative", "repræsentant for almen praksis"),
    PatientRepresentative => ("patient representative", "patientrepræsentant"),
    Official => ("official", "embedsperson"),
});

impl Title {
    /// The kind of party a holder of this title sits for, where the title
    /// decides it: a regional council's members for a region, a municipal
    /// council's (mayors and aldermen too) for a municipality, general
    /// practice's representatives for general practice. Officials and
    /// patient representatives may come from any organisation.
    ///
    /// ```
    /// use sundhedsaftale::{OrganisationKind, Title};
    /// assert_eq!(Title::Alderman.sits_for(), Some(OrganisationKind::Municipality));
    /// assert_eq!(Title::Official.sits_for(), None);
    /// ```
    pub fn sits_for(self) -> Option<OrganisationKind> {
        match self {
            Title::RegionalCouncilChair | Title::RegionalCouncilMember => Some(OrganisationKind::Region),
            Title::Mayor | Title::Alderman | Title::MunicipalCouncilMember => Some(OrganisationKind::Municipality),
            Title::GeneralPracticeRepresentative => Some(OrganisationKind::GeneralPractice),
            Title::PatientRepresentative | Title::Official => None,
        }
    }
}

/// `title_does_not_fit_organisation` for `person`, listed as `title` for
/// `organisation`, whose party is of kind `found`: the one message, with
/// labels in both languages, for agreements and minutes alike.
pub(crate) fn title_mismatch(
    person: &str,
    title: Title,
    organisation: &str,
    found: OrganisationKind,
    at: Pointer,
) -> Problem {
    use crate::ground::lang::{Label, Lang};
    let expected = title.sits_for().unwrap_or(found);
    Problem::with_context(
        Code::TitleDoesNotFitOrganisation,
        at,
        ctx!("person" => person, "organisation" => organisation,
             "title" => title.label(Lang::En), "title_da" => title.label(Lang::Da),
             "expected" => expected.label(Lang::En), "expected_da" => expected.label(Lang::Da),
             "found" => found.label(Lang::En), "found_da" => found.label(Lang::Da)),
    )
}

/// A seat on a body, appointed on behalf of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Unique id within the document.
    pub id: String,
    /// The organisation that appoints to the post.
    pub on_behalf_of: String,
    /// A description of the seat, where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who has held the post, and when.
    #[serde(default)]
    pub memberships: Vec<Membership>,
}

/// A person in a post for a period.
///
/// Dates are inclusive: `to` is the last day held. A missing `from` or `to`
/// means the source does not say; for "who sat on date D" the missing bound
/// is treated as open, and the body's own lifetime still limits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// Unique id within the document.
    pub id: String,
    /// The person.
    pub person: String,
    /// Role within the body.
    pub role: MembershipRole,
    /// Office held outside the body, classified.
    pub title: Title,
    /// The source's own wording of the title, e.g. "Borgmester Hjørring Kommune".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_text: Option<String>,
    /// First day held; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub from: Option<NaiveDate>,
    /// Last day held (inclusive); absent when not ended or not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub to: Option<NaiveDate>,
    /// Where the membership is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Membership {
    /// Whether the membership is held on `date`, treating unknown bounds as open.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sundhedsaftale::{Membership, MembershipRole, Title};
    /// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// let m = Membership { id: "m".into(), person: "p".into(), role: MembershipRole::Member,
    ///     title: Title::Mayor, title_text: None, from: Some(d("2022-01-01")),
    ///     to: Some(d("2025-12-31")), source: None };
    /// assert!(m.held_on(d("2025-12-31")));
    /// assert!(!m.held_on(d("2026-01-01")));
    /// ```
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

impl Post {
    /// One person holding the same post twice at once: each membership that
    /// starts while an earlier-starting one of the same person still runs is
    /// reported once, against the one that runs longest. A sweep over the
    /// memberships sorted by start keeps this O(n log n) however many copies
    /// a document holds. Unknown dates are open.
    pub(crate) fn check_overlaps(&self, post_at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut by_person: HashMap<&str, Vec<(NaiveDate, NaiveDate, usize)>> = HashMap::default();
        for (k, m) in self.memberships.iter().enumerate() {
            let (from, to) = (m.from.unwrap_or(NaiveDate::MIN), m.to.unwrap_or(NaiveDate::MAX));
            if to >= from {
                by_person.entry(m.person.as_str()).or_default().push((from, to, k));
            }
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for spans in by_person.values_mut() {
            spans.sort_unstable();
            let mut running: Option<(NaiveDate, usize)> = None;
            for &(from, to, k) in spans.iter() {
                match running {
                    Some((end, other)) if from <= end => {
                        found.push((k, other));
                        if to > end {
                            running = Some((to, k));
                        }
                    }
                    _ => running = Some((to, k)),
                }
            }
        }
        found.sort_unstable();
        for (k, other) in found {
            let m = &self.memberships[k];
            out.push(Problem::with_context(
                Code::OverlappingMemberships,
                post_at.key("memberships").index(k),
                ctx!("person" => m.person, "post" => self.id,
                     "other" => post_at.key("memberships").index(other).as_str()),
            ));
        }
        out
    }
}
