//! The 2024 health reform as dated reference data: the law, the transition
//! act, what the law ends and from when as far as sources confirm, and the
//! health councils (sundhedsråd) that sources name.
//!
//! Sources (each fact below names its own):
//! - The project's domain notes (DOMAIN.md, "The 2024 health reform"), which
//!   gather what public sources confirm and say what they do not.
//! - Folketinget's page for L 214, samling 20241
//!   (<https://www.ft.dk/samling/20241/lovforslag/L214/index.htm>): the
//!   bill's number, title, introduction on 24 April 2025 and royal assent.
//! - LOV nr 699 af 20/06/2025 ("overgangsloven"): changes "med virkning fra
//!   den 1. januar 2027", among them the merger of Region Sjælland and Region
//!   Hovedstaden into Region Østdanmark (the merger itself is dated data in
//!   [`crate::places::reference`]).
//! - Ritzau's press release on the first meeting of the health council
//!   Amager og Vestegnen, 19 January 2026: its nine municipalities.
//!
//! What is **not** confirmed is data too, never a guess: the day each
//! abolished structure ends is not stated in the sources found (1 January
//! 2027 is likely, not confirmed), so each [`Ending`] says
//! `confirmed: false`; a council's municipalities, region or composition
//! that no source names are `None`.
//!
//! ```
//! use sundhedsaftale::reform::{self, Abolished};
//! assert_eq!(reform::L_214.number, "L 214");
//! let agreements = reform::ending(Abolished::HealthAgreements).unwrap();
//! assert!(!agreements.confirmed);
//! let amager = reform::health_council("amager-og-vestegnen").unwrap();
//! assert_eq!(amager.municipalities.unwrap().len(), 9);
//! assert!(reform::health_council("fyn").unwrap().municipalities.is_none());
//! ```

use chrono::NaiveDate;

use crate::ground::lang::labels;

const fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

/// A bill passed by the Folketing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Law {
    /// The bill's number (`L 214`).
    pub number: &'static str,
    /// The parliamentary year (`2024–25`).
    pub session: &'static str,
    /// Folketinget's code of the session (`20241`).
    pub samling: &'static str,
    /// The title, as the domain notes quote it (`…` marks words they leave out).
    pub title: &'static str,
    /// The day it was introduced.
    pub introduced: NaiveDate,
    /// Whether royal assent is confirmed (its day is not recorded here).
    pub royal_assent: bool,
    /// Where it is documented.
    pub source: &'static str,
}

impl Law {
    /// The law as it is cited: `L 214 (2024–25)`.
    pub fn citation(&self) -> String {
        format!("{} ({})", self.number, self.session)
    }
}

/// L 214 (2024–25), the health reform's law (Folketinget's page for L 214,
/// samling 20241, via DOMAIN.md). It ends the health agreements "i deres
/// nuværende form": as they are today.
pub const L_214: Law = Law {
    number: "L 214",
    session: "2024–25",
    samling: "20241",
    title: "Ny regional forvaltningsmodel med sundhedsråd, afskaffelse af kontaktudvalg, sundhedsklynger, \
            sundhedssamarbejdsudvalg, sundhedsaftaler i deres nuværende form, praksisplaner, kommunal \
            medfinansiering … og nærhedsfinansiering",
    introduced: day(2025, 4, 24),
    royal_assent: true,
    source: "https://www.ft.dk/samling/20241/lovforslag/L214/index.htm",
};

/// An act with its date and the day its changes take effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Act {
    /// How it is cited (`LOV nr 699 af 20/06/2025`).
    pub designation: &'static str,
    /// Its common name.
    pub name: &'static str,
    /// The act's date.
    pub dated: NaiveDate,
    /// The first day its changes take effect.
    pub with_effect_from: NaiveDate,
}

/// The transition act, LOV nr 699 af 20/06/2025 ("overgangsloven"): changes
/// "med virkning fra den 1. januar 2027", among them the regional merger;
/// until 31 December 2026 the regional law applies to the five existing
/// regions (DOMAIN.md).
pub const TRANSITION_ACT: Act = Act {
    designation: "LOV nr 699 af 20/06/2025",
    name: "overgangsloven",
    dated: day(2025, 6, 20),
    with_effect_from: day(2027, 1, 1),
};

/// The day from which the law's ends may apply: the transition act's day of
/// effect. Whether each structure ends on that day is not confirmed.
pub const LIKELY_END: NaiveDate = day(2027, 1, 1);

/// A structure that L 214 abolishes (the four this library models; the
/// law's title names others too, such as the contact committees).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Abolished {
    /// The health clusters (sundhedsklynger).
    #[doc(alias = "sundhedsklynger")]
    HealthClusters,
    /// The health collaboration committees (sundhedssamarbejdsudvalg).
    #[doc(alias = "sundhedssamarbejdsudvalg")]
    HealthCollaborationCommittees,
    /// The health agreements in their current form (sundhedsaftaler i deres nuværende form).
    #[doc(alias = "sundhedsaftaler")]
    HealthAgreements,
    /// The practice plans (praksisplaner).
    #[doc(alias = "praksisplaner")]
    PracticePlans,
}

labels!(Abolished {
    HealthClusters => ("health clusters", "sundhedsklynger"),
    HealthCollaborationCommittees => ("health collaboration committees", "sundhedssamarbejdsudvalg"),
    HealthAgreements => ("health agreements in their current form", "sundhedsaftaler i deres nuværende form"),
    PracticePlans => ("practice plans", "praksisplaner"),
});

/// What the law ends, and from when as far as sources confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    /// What ends.
    pub what: Abolished,
    /// The law that ends it.
    pub by: &'static Law,
    /// The likely first day it no longer exists: 1 January 2027, the
    /// transition act's day of effect.
    pub likely_from: NaiveDate,
    /// Whether a source states that day: no source found does (DOMAIN.md).
    pub confirmed: bool,
}

const fn ends(what: Abolished) -> Ending {
    Ending {
        what,
        by: &L_214,
        likely_from: LIKELY_END,
        confirmed: false,
    }
}

/// Everything the law ends that this library models, each with its end
/// not confirmed.
pub const ENDINGS: &[Ending] = &[
    ends(Abolished::HealthClusters),
    ends(Abolished::HealthCollaborationCommittees),
    ends(Abolished::HealthAgreements),
    ends(Abolished::PracticePlans),
];

/// The ending of one abolished structure.
pub fn ending(what: Abolished) -> Option<&'static Ending> {
    ENDINGS.iter().find(|e| e.what == what)
}

/// A health council (sundhedsråd): a standing political committee inside a
/// region, permanent from 1 January 2027 (preparatory councils ran through
/// 2026), with members elected from the regional council and the municipal
/// councils, the region's in the majority; it prepares local health plans
/// (DOMAIN.md). Its statutory composition rule, and whether general
/// practice has a seat, were not confirmed, so none is recorded.
#[doc(alias = "sundhedsråd")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HealthCouncilRef {
    /// A stable id made from the name.
    pub id: &'static str,
    /// Name, as the source writes it.
    pub name: &'static str,
    /// The id of its region in [`crate::places::reference::REGIONS`]; `None` where not confirmed.
    pub region: Option<&'static str>,
    /// Its municipalities' official codes, where a source names them; `None` where not confirmed.
    pub municipalities: Option<&'static [u16]>,
    /// How many municipalities a source says it covers, even where it does not name them.
    pub municipality_count: Option<u8>,
    /// The first day it is permanent.
    pub permanent_from: NaiveDate,
    /// Where it is confirmed.
    pub source: &'static str,
}

/// The day the health councils become permanent.
pub const COUNCILS_PERMANENT_FROM: NaiveDate = day(2027, 1, 1);

/// How many health councils there are (DOMAIN.md).
pub const HEALTH_COUNCIL_COUNT: usize = 17;

/// Health councils per region, where a source gives the number (DOMAIN.md:
/// Region Midtjylland has five); the other regions' numbers are not confirmed.
pub const COUNCILS_PER_REGION: &[(&str, usize)] = &[("midtjylland", 5)];

/// The health councils a source confirms, with what it confirms of each. The
/// others of the 17 are not named here: no source found names them.
pub const HEALTH_COUNCILS: &[HealthCouncilRef] = &[
    HealthCouncilRef {
        id: "amager-og-vestegnen",
        name: "Amager og Vestegnen",
        region: Some("oestdanmark"),
        // Albertslund, Brøndby, Dragør, Glostrup, Hvidovre, Høje-Taastrup, Ishøj, Tårnby, Vallensbæk.
        municipalities: Some(&[165, 153, 155, 161, 167, 169, 183, 185, 187]),
        municipality_count: Some(9),
        permanent_from: COUNCILS_PERMANENT_FROM,
        source: "Ritzau, press release on the council's first meeting, 19 January 2026 (via DOMAIN.md)",
    },
    HealthCouncilRef {
        id: "oestsjaelland-og-oeerne",
        name: "Østsjælland og Øerne",
        region: Some("oestdanmark"),
        municipalities: None,
        municipality_count: None,
        permanent_from: COUNCILS_PERMANENT_FROM,
        source: "DOMAIN.md (by name only)",
    },
    HealthCouncilRef {
        id: "fyn",
        name: "Fyn",
        region: Some("syddanmark"),
        // "the 10 Funen municipalities": the number is given, the names are not.
        municipalities: None,
        municipality_count: Some(10),
        permanent_from: COUNCILS_PERMANENT_FROM,
        source: "DOMAIN.md (by name, with the number of its municipalities)",
    },
];

/// The health council with this id.
pub fn health_council(id: &str) -> Option<&'static HealthCouncilRef> {
    HEALTH_COUNCILS.iter().find(|c| c.id == id)
}

/// Whether the law's end of the health agreements "in their current form"
/// may apply on `date`: from [`LIKELY_END`], as the end is not confirmed.
pub fn law_may_have_ended_agreements(date: NaiveDate) -> bool {
    date >= LIKELY_END
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::reference::{municipality, region_by_id, region_of};

    #[test]
    fn amager_og_vestegnen_is_nine_municipalities_of_oestdanmark_by_the_reference_data() {
        let council = health_council("amager-og-vestegnen").unwrap();
        let names: Vec<&str> = council
            .municipalities
            .unwrap()
            .iter()
            .map(|c| municipality(*c).unwrap().name)
            .collect();
        assert_eq!(
            names,
            [
                "Albertslund",
                "Brøndby",
                "Dragør",
                "Glostrup",
                "Hvidovre",
                "Høje-Taastrup",
                "Ishøj",
                "Tårnby",
                "Vallensbæk"
            ]
        );
        for code in council.municipalities.unwrap() {
            assert_eq!(region_of(*code, council.permanent_from).map(|r| r.id), council.region);
        }
    }

    #[test]
    fn every_council_names_a_known_region_and_no_end_is_confirmed() {
        for c in HEALTH_COUNCILS {
            assert!(c.region.is_none_or(|r| region_by_id(r).is_some()), "{}", c.id);
            if let (Some(list), Some(n)) = (c.municipalities, c.municipality_count) {
                assert_eq!(list.len(), usize::from(n));
            }
        }
        assert!(ENDINGS
            .iter()
            .all(|e| !e.confirmed && e.likely_from == TRANSITION_ACT.with_effect_from));
        assert_eq!(L_214.citation(), "L 214 (2024–25)");
    }
}
