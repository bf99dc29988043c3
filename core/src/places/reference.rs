//! National reference data: Denmark's regions and municipalities with their
//! official codes, aware of time.
//!
//! Sources:
//! - Danmarks Statistik, *Regioner, landsdele og kommuner, v1:2007-*
//!   (classification `NUTS_V1_2007_DK`, valid from 1 January 2007), the
//!   official region codes (1081–1085) and municipality codes (the codes DAGI
//!   also uses); as listed, grouped by region, in the project's domain notes
//!   (DOMAIN.md): 29 + 17 + 22 + 19 + 11 = 98 municipalities. Christiansø
//!   (411) is in the classification but is not a municipality, so it is not
//!   here.
//! - The 2025 health reform (L 214, 2024–25) and its transition act (LOV nr
//!   699 af 20/06/2025, "med virkning fra den 1. januar 2027"), via
//!   DOMAIN.md: Region Hovedstaden and Region Sjælland merge into Region
//!   Østdanmark on 1 January 2027 (the rest of the reform is in
//!   [`crate::places::reform`]). Its region code was not confirmed, so it is unknown
//!   (`None`), not guessed.
//!
//! Changes over time are data: each region has a lifetime and, when it ends,
//! a successor; a municipality belongs to the region it was placed in and,
//! from the day that region ends, to its successor. No region is special-cased
//! in code.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::reference::{municipalities_of, region_by_code, region_of};
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(municipalities_of(region_by_code(1083).unwrap(), day(2024, 1, 1)).count(), 22);
//! // Copenhagen's region follows the 2027 merger as data.
//! assert_eq!(region_of(101, day(2026, 12, 31)).unwrap().name, "Region Hovedstaden");
//! assert_eq!(region_of(101, day(2027, 1, 1)).unwrap().name, "Region Østdanmark");
//! ```

use chrono::NaiveDate;

/// A Danish region over its lifetime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionRef {
    /// A stable id (`nordjylland`, `oestdanmark`), since a region may have no confirmed code.
    pub id: &'static str,
    /// Official region code; `None` where no source confirms it.
    pub code: Option<u16>,
    /// Name.
    pub name: &'static str,
    /// First day the region exists.
    pub established: NaiveDate,
    /// First day it no longer exists; `None` while it does.
    pub abolished: Option<NaiveDate>,
    /// The region that takes over its municipalities when it ends.
    pub successor: Option<&'static str>,
}

impl RegionRef {
    /// Whether the region exists on `date`.
    pub fn exists_on(&self, date: NaiveDate) -> bool {
        self.established <= date && self.abolished.is_none_or(|end| date < end)
    }
}

/// A municipality on the official list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MunicipalityRef {
    /// Official municipality code.
    pub code: u16,
    /// Name, without "Kommune".
    pub name: &'static str,
    /// The id of the region it was placed in on 1 January 2007; see
    /// [`region_of`] for the region on a given date.
    pub region: &'static str,
}

const fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

/// The day the structural reform created the five regions and 98 municipalities.
const REFORM_2007: NaiveDate = day(2007, 1, 1);

/// The first day the reference data covers: the regions' and today's
/// municipalities' first day, 1 January 2007.
pub const FIRST_DAY: NaiveDate = REFORM_2007;
/// The day Region Hovedstaden and Region Sjælland merge (L 214, 2024–25; LOV nr 699 af 20/06/2025).
const MERGER_2027: NaiveDate = day(2027, 1, 1);

const fn region(
    id: &'static str,
    code: Option<u16>,
    name: &'static str,
    established: NaiveDate,
    abolished: Option<NaiveDate>,
    successor: Option<&'static str>,
) -> RegionRef {
    RegionRef {
        id,
        code,
        name,
        established,
        abolished,
        successor,
    }
}

/// Denmark's regions, past, present and announced.
pub const REGIONS: &[RegionRef] = &[
    region("nordjylland", Some(1081), "Region Nordjylland", REFORM_2007, None, None),
    region("midtjylland", Some(1082), "Region Midtjylland", REFORM_2007, None, None),
    region("syddanmark", Some(1083), "Region Syddanmark", REFORM_2007, None, None),
    region(
        "hovedstaden",
        Some(1084),
        "Region Hovedstaden",
        REFORM_2007,
        Some(MERGER_2027),
        Some("oestdanmark"),
    ),
    region(
        "sjaelland",
        Some(1085),
        "Region Sjælland",
        REFORM_2007,
        Some(MERGER_2027),
        Some("oestdanmark"),
    ),
    region("oestdanmark", None, "Region Østdanmark", MERGER_2027, None, None),
];

const fn m(code: u16, name: &'static str, region: &'static str) -> MunicipalityRef {
    MunicipalityRef { code, name, region }
}

/// The 98 municipalities, by code.
pub const MUNICIPALITIES: &[MunicipalityRef] = &[
    m(101, "København", "hovedstaden"),
    m(147, "Frederiksberg", "hovedstaden"),
    m(151, "Ballerup", "hovedstaden"),
    m(153, "Brøndby", "hovedstaden"),
    m(155, "Dragør", "hovedstaden"),
    m(157, "Gentofte", "hovedstaden"),
    m(159, "Gladsaxe", "hovedstaden"),
    m(161, "Glostrup", "hovedstaden"),
    m(163, "Herlev", "hovedstaden"),
    m(165, "Albertslund", "hovedstaden"),
    m(167, "Hvidovre", "hovedstaden"),
    m(169, "Høje-Taastrup", "hovedstaden"),
    m(173, "Lyngby-Taarbæk", "hovedstaden"),
    m(175, "Rødovre", "hovedstaden"),
    m(183, "Ishøj", "hovedstaden"),
    m(185, "Tårnby", "hovedstaden"),
    m(187, "Vallensbæk", "hovedstaden"),
    m(190, "Furesø", "hovedstaden"),
    m(201, "Allerød", "hovedstaden"),
    m(210, "Fredensborg", "hovedstaden"),
    m(217, "Helsingør", "hovedstaden"),
    m(219, "Hillerød", "hovedstaden"),
    m(223, "Hørsholm", "hovedstaden"),
    m(230, "Rudersdal", "hovedstaden"),
    m(240, "Egedal", "hovedstaden"),
    m(250, "Frederikssund", "hovedstaden"),
    m(253, "Greve", "sjaelland"),
    m(259, "Køge", "sjaelland"),
    m(260, "Halsnæs", "hovedstaden"),
    m(265, "Roskilde", "sjaelland"),
    m(269, "Solrød", "sjaelland"),
    m(270, "Gribskov", "hovedstaden"),
    m(306, "Odsherred", "sjaelland"),
    m(316, "Holbæk", "sjaelland"),
    m(320, "Faxe", "sjaelland"),
    m(326, "Kalundborg", "sjaelland"),
    m(329, "Ringsted", "sjaelland"),
    m(330, "Slagelse", "sjaelland"),
    m(336, "Stevns", "sjaelland"),
    m(340, "Sorø", "sjaelland"),
    m(350, "Lejre", "sjaelland"),
    m(360, "Lolland", "sjaelland"),
    m(370, "Næstved", "sjaelland"),
    m(376, "Guldborgsund", "sjaelland"),
    m(390, "Vordingborg", "sjaelland"),
    m(400, "Bornholm", "hovedstaden"),
    m(410, "Middelfart", "syddanmark"),
    m(420, "Assens", "syddanmark"),
    m(430, "Faaborg-Midtfyn", "syddanmark"),
    m(440, "Kerteminde", "syddanmark"),
    m(450, "Nyborg", "syddanmark"),
    m(461, "Odense", "syddanmark"),
    m(479, "Svendborg", "syddanmark"),
    m(480, "Nordfyns", "syddanmark"),
    m(482, "Langeland", "syddanmark"),
    m(492, "Ærø", "syddanmark"),
    m(510, "Haderslev", "syddanmark"),
    m(530, "Billund", "syddanmark"),
    m(540, "Sønderborg", "syddanmark"),
    m(550, "Tønder", "syddanmark"),
    m(561, "Esbjerg", "syddanmark"),
    m(563, "Fanø", "syddanmark"),
    m(573, "Varde", "syddanmark"),
    m(575, "Vejen", "syddanmark"),
    m(580, "Aabenraa", "syddanmark"),
    m(607, "Fredericia", "syddanmark"),
    m(615, "Horsens", "midtjylland"),
    m(621, "Kolding", "syddanmark"),
    m(630, "Vejle", "syddanmark"),
    m(657, "Herning", "midtjylland"),
    m(661, "Holstebro", "midtjylland"),
    m(665, "Lemvig", "midtjylland"),
    m(671, "Struer", "midtjylland"),
    m(706, "Syddjurs", "midtjylland"),
    m(707, "Norddjurs", "midtjylland"),
    m(710, "Favrskov", "midtjylland"),
    m(727, "Odder", "midtjylland"),
    m(730, "Randers", "midtjylland"),
    m(740, "Silkeborg", "midtjylland"),
    m(741, "Samsø", "midtjylland"),
    m(746, "Skanderborg", "midtjylland"),
    m(751, "Aarhus", "midtjylland"),
    m(756, "Ikast-Brande", "midtjylland"),
    m(760, "Ringkøbing-Skjern", "midtjylland"),
    m(766, "Hedensted", "midtjylland"),
    m(773, "Morsø", "nordjylland"),
    m(779, "Skive", "midtjylland"),
    m(787, "Thisted", "nordjylland"),
    m(791, "Viborg", "midtjylland"),
    m(810, "Brønderslev", "nordjylland"),
    m(813, "Frederikshavn", "nordjylland"),
    m(820, "Vesthimmerland", "nordjylland"),
    m(825, "Læsø", "nordjylland"),
    m(840, "Rebild", "nordjylland"),
    m(846, "Mariagerfjord", "nordjylland"),
    m(849, "Jammerbugt", "nordjylland"),
    m(851, "Aalborg", "nordjylland"),
    m(860, "Hjørring", "nordjylland"),
];

/// The region with this id.
pub fn region_by_id(id: &str) -> Option<&'static RegionRef> {
    REGIONS.iter().find(|r| r.id == id)
}

/// The region with this official code.
///
/// ```
/// let r = sundhedsaftale::reference::region_by_code(1084).unwrap();
/// assert_eq!(r.name, "Region Hovedstaden");
/// ```
pub fn region_by_code(code: u16) -> Option<&'static RegionRef> {
    REGIONS.iter().find(|r| r.code == Some(code))
}

/// The municipality with this official code.
pub fn municipality(code: u16) -> Option<&'static MunicipalityRef> {
    MUNICIPALITIES
        .binary_search_by_key(&code, |m| m.code)
        .ok()
        .map(|i| &MUNICIPALITIES[i])
}

/// The region a municipality belongs to on `date`: the region it was placed
/// in, followed through its successors for as long as they have ended by
/// `date`. `None` before 2007 or for an unknown code.
///
/// ```
/// use chrono::NaiveDate;
/// use sundhedsaftale::reference::region_of;
/// let on = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
/// assert_eq!(region_of(101, on(2026)).unwrap().name, "Region Hovedstaden");
/// assert_eq!(region_of(101, on(2027)).unwrap().name, "Region Østdanmark");
/// assert_eq!(region_of(851, on(2027)).unwrap().name, "Region Nordjylland");
/// ```
pub fn region_of(code: u16, date: NaiveDate) -> Option<&'static RegionRef> {
    let mut region = region_by_id(municipality(code)?.region)?;
    if date < region.established {
        return None;
    }
    while !region.exists_on(date) {
        region = region_by_id(region.successor?)?;
    }
    Some(region)
}

/// The municipalities of a region on `date` (empty if it does not exist then).
///
/// ```
/// use chrono::NaiveDate;
/// use sundhedsaftale::reference::{municipalities_of, region_by_id};
/// let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
/// let count = |id, y| municipalities_of(region_by_id(id).unwrap(), d(y)).count();
/// assert_eq!(count("nordjylland", 2024), 11);
/// assert_eq!(count("hovedstaden", 2024), 29);
/// assert_eq!(count("oestdanmark", 2024), 0);
/// assert_eq!(count("oestdanmark", 2027), 29 + 17);
/// ```
pub fn municipalities_of(region: &RegionRef, date: NaiveDate) -> impl Iterator<Item = &'static MunicipalityRef> {
    let id = region.id;
    MUNICIPALITIES
        .iter()
        .filter(move |m| region_of(m.code, date).is_some_and(|r| r.id == id))
}

/// The name without a trailing " Kommune", for comparing names across sources.
pub fn bare_municipality_name(name: &str) -> &str {
    let name = name.trim();
    let name = name.strip_suffix(" Kommune").unwrap_or(name);
    // Bornholm's official name is "Bornholms Regionskommune".
    name.strip_suffix("s Regionskommune").unwrap_or(name).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_98_municipalities_in_five_regions_sorted_by_code() {
        assert_eq!(MUNICIPALITIES.len(), 98);
        assert!(MUNICIPALITIES.windows(2).all(|w| w[0].code < w[1].code));
        let count = |id| MUNICIPALITIES.iter().filter(|m| m.region == id).count();
        assert_eq!(
            [
                count("hovedstaden"),
                count("sjaelland"),
                count("syddanmark"),
                count("midtjylland"),
                count("nordjylland")
            ],
            [29, 17, 22, 19, 11]
        );
        assert!(municipality(411).is_none(), "Christiansø is not a municipality");
    }

    #[test]
    fn regions_follow_their_successors_from_the_merger() {
        let before = day(2026, 12, 31);
        assert_eq!(region_of(253, before).map(|r| r.id), Some("sjaelland"));
        assert_eq!(region_of(253, MERGER_2027).map(|r| r.id), Some("oestdanmark"));
        assert_eq!(region_of(253, day(2006, 12, 31)), None);
        assert!(region_by_id("oestdanmark").unwrap().code.is_none());
    }
}
