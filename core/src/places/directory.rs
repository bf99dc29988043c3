//! The national reference data asked as a directory: the country, the
//! regions and the municipalities that exist on a date, each with its
//! canonical geography, code, name and (for a municipality) its region on
//! that date; and one place looked up as people write it, by code or name.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::directory::{place_on, places_on};
//! let on = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
//! let count = |y, level: &str| places_on(on(y)).iter().filter(|p| p.level == level).count();
//! assert_eq!((count(2026, "region"), count(2026, "municipality")), (5, 98));
//! assert_eq!(count(2027, "region"), 4);
//! let k = place_on("København", on(2027)).unwrap();
//! assert_eq!((k.geography.as_str(), k.region.as_deref()), ("municipality:101", Some("region:oestdanmark")));
//! assert_eq!(place_on("Region Hovedstaden", on(2027)).unwrap_err().code.as_str(), "place_not_in_period");
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::places::geography::{life_words, when_words, Level};
use crate::places::reference::{region_by_code, region_of, RegionRef, MUNICIPALITIES, REGIONS};
use crate::places::written::{read_place, PlaceError};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Problem};

/// A place of the reference data on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceOn {
    /// The canonical geography (`municipality:851`, `region:1081`, `country:DK`;
    /// `region:oestdanmark` for a region whose code no source confirms).
    pub geography: String,
    /// `country`, `region` or `municipality`.
    pub level: String,
    /// The official code, where one is confirmed (`851`, `1081`, `DK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Statistics Denmark's code for it (`851`, `081`, `000`), where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statbank: Option<String>,
    /// The name as the reference data has it (`Aalborg`, `Region
    /// Nordjylland`, `Danmark`); a municipality's official name is not always
    /// its name with "Kommune" after it (Københavns Kommune), so none is made.
    pub name: String,
    /// A municipality's region on the date, as a geography.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

fn region_geography(r: &RegionRef) -> String {
    match r.code {
        Some(code) => format!("region:{code}"),
        None => format!("region:{}", r.id),
    }
}

fn region_place(r: &RegionRef) -> PlaceOn {
    PlaceOn {
        geography: region_geography(r),
        level: "region".into(),
        code: r.code.map(|c| c.to_string()),
        // StatBank's 081–085 follow the region codes 1081–1085.
        statbank: r.code.map(|c| format!("{:03}", c - 1000)),
        name: r.name.into(),
        region: None,
    }
}

fn country() -> PlaceOn {
    PlaceOn {
        geography: "country:DK".into(),
        level: "country".into(),
        code: Some("DK".into()),
        statbank: Some("000".into()),
        name: "Danmark".into(),
        region: None,
    }
}

/// Every place on `date`: the country, the regions that exist then, and
/// the municipalities with their region then. Before the reference data's
/// first day (1 January 2007), the country alone.
pub fn places_on(date: NaiveDate) -> Vec<PlaceOn> {
    let mut out = vec![country()];
    out.extend(REGIONS.iter().filter(|r| r.exists_on(date)).map(region_place));
    for m in MUNICIPALITIES {
        if let Some(region) = region_of(m.code, date) {
            out.push(PlaceOn {
                geography: format!("municipality:{}", m.code),
                level: "municipality".into(),
                code: Some(m.code.to_string()),
                statbank: Some(format!("{:03}", m.code)),
                name: m.name.to_string(),
                region: Some(region_geography(region)),
            });
        }
    }
    out
}

/// The place `text` names on `date`, written any way [`read_place`] reads
/// (`851`, `Aalborg`, `081`, `Region Nordjylland`, `Hele landet`), or the
/// problem with it: unknown, misspelt or ambiguous (with what it may mean),
/// or a place that does not exist on that date (`place_not_in_period`).
pub fn place_on(text: &str, date: NaiveDate) -> Result<PlaceOn, Problem> {
    let g = match read_place(text) {
        Ok(g) => g,
        // A region known by name without a confirmed code is still a place on its dates.
        Err(PlaceError::WithoutCode { name }) => {
            let region = REGIONS.iter().find(|r| r.name == name && r.code.is_none());
            return match region {
                Some(r) if r.exists_on(date) => Ok(region_place(r)),
                Some(r) => Err(not_then(&region_place(r), r.established, r.abolished, date)),
                None => Err(Problem::with_context(Code::PlaceWithoutCode, "", ctx!("name" => name))),
            };
        }
        Err(e) => return Err(Problem::with_context(e.code(), "", e.context())),
    };
    let all = places_on(date);
    if let Some(p) = all.iter().find(|p| p.geography == g.to_string()) {
        return Ok(p.clone());
    }
    // Known, but not on this date: say when it exists.
    let (place, from, until) = match g.level {
        Level::Region => {
            let r = g.code.parse().ok().and_then(region_by_code);
            match r {
                Some(r) => (region_place(r), r.established, r.abolished),
                None => return Err(Problem::with_context(Code::UnknownPlace, "", ctx!("text" => text))),
            }
        }
        _ => {
            let first = crate::places::reference::FIRST_DAY;
            let name = crate::places::reference::municipality(g.code.parse().unwrap_or(0))
                .map_or_else(|| text.to_string(), |m| m.name.to_string());
            let place = PlaceOn {
                geography: g.to_string(),
                level: g.level.as_str().into(),
                code: Some(g.code.clone()),
                statbank: None,
                name,
                region: None,
            };
            (place, first, None)
        }
    };
    Err(not_then(&place, from, until, date))
}

/// The region of the reference data that `place` names (by code) or that a
/// text names without a confirmed code (`name`), when it exists on no day of
/// `period`: the context of its `place_not_in_period`. Readers of published
/// data ask this per row, so that Region Hovedstaden in 2027, or Region
/// Østdanmark in 2024, is said not to exist then, whatever is followed up.
pub(crate) fn region_not_in(
    place: Option<&crate::places::geography::Geography>,
    name: Option<&str>,
    period: crate::ground::period::Period,
) -> Option<std::collections::BTreeMap<String, serde_json::Value>> {
    let region = match (place, name) {
        (Some(g), _) if g.level == Level::Region => g.code.parse().ok().and_then(region_by_code),
        (None, Some(name)) => REGIONS.iter().find(|r| r.name == name && r.code.is_none()),
        _ => None,
    }?;
    let (first, last) = (period.first_day(), period.last_day());
    let lives = region.established <= last && region.abolished.is_none_or(|end| first < end);
    (!lives).then(|| {
        let (life, life_da) = life_words(Some((Some(region.established), region.abolished)));
        let (when, when_da) = when_words(&period.to_string(), false);
        ctx!("name" => region.name, "geography" => region_geography(region), "period" => period.to_string(),
            "when" => when, "when_da" => when_da, "life" => life, "life_da" => life_da)
    })
}

/// A place asked for on a date outside its life.
fn not_then(place: &PlaceOn, from: NaiveDate, until: Option<NaiveDate>, date: NaiveDate) -> Problem {
    let (life, life_da) = life_words(Some((Some(from), until)));
    Problem::with_context(Code::PlaceNotInPeriod, "", {
        let (when, when_da) = when_words(&date.to_string(), true);
        ctx!("name" => place.name, "geography" => place.geography, "period" => date.to_string(),
                "when" => when, "when_da" => when_da, "life" => life, "life_da" => life_da)
    })
}
