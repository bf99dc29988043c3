//! Places as people write them: the one place a text means, or why it
//! names none.
//!
//! Published data writes a place in many ways. Statistics Denmark writes a
//! municipality by its three-digit code (`773`) or its name (`Morsø`), a
//! region as `081`–`085` or `Region Nordjylland`, and the whole country as
//! `000` or `Hele landet`; colleagues write `kommune:773`, `0773` or
//! `Aalborg Kommune`. [`read_place`] turns each into the one canonical
//! [`Geography`] it means (`municipality:773`, `region:1081`, `country:DK`),
//! from the national reference data, or says exactly why it cannot: unknown,
//! misspelt (with the place it probably means, never taken in its stead),
//! ambiguous, or a place with no confirmed code.
//!
//! The document format itself keeps the strict `level:code` form
//! ([`Geography`]'s `FromStr`); this reader is for data as it is published.
//!
//! ```
//! use sundhedsaftale::geography::Geography;
//! use sundhedsaftale::written::{read_place, PlaceError};
//! let aalborg: Geography = "municipality:851".parse().unwrap();
//! for text in ["851", "0851", "kommune:851", "Aalborg", "aalborg kommune"] {
//!     assert_eq!(read_place(text).unwrap(), aalborg);
//! }
//! assert_eq!(read_place("081").unwrap().to_string(), "region:1081");
//! assert_eq!(read_place("Hele landet").unwrap().to_string(), "country:DK");
//! assert!(matches!(read_place("Alborg"), Err(PlaceError::Misspelt { .. })));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::ground::fold::{close_enough, edit_distance, loose};
use crate::places::geography::{Geography, Level};
use crate::places::reference::{
    bare_municipality_name, municipality, MunicipalityRef, RegionRef, MUNICIPALITIES, REGIONS,
};
use crate::problems::catalogue::Code;
use crate::problems::problem::ctx;

/// Why a text names no one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceError {
    /// `level:code` with a level or code that is not one.
    Malformed {
        /// What is wrong, in English (the strict parser's words).
        detail: String,
        /// What is wrong, in Danish.
        detail_da: String,
    },
    /// No place is written or spelt like this.
    Unknown {
        /// The text as written.
        text: String,
    },
    /// Not a place as written, but close to one: the place it probably means.
    Misspelt {
        /// The text as written.
        text: String,
        /// The place it is close to.
        suggestion: Geography,
        /// That place's name.
        name: String,
    },
    /// Close to several places, or their names, at once.
    Ambiguous {
        /// The text as written.
        text: String,
        /// The places it could mean, with their names.
        candidates: Vec<(Geography, String)>,
    },
    /// A place the reference data knows by name but whose code no source confirms.
    WithoutCode {
        /// Its name.
        name: String,
    },
}

impl PlaceError {
    /// The problem code for this error.
    pub fn code(&self) -> Code {
        match self {
            PlaceError::Malformed { .. } => Code::InvalidGeography,
            PlaceError::Unknown { .. } => Code::UnknownPlace,
            PlaceError::Misspelt { .. } => Code::MisspeltPlace,
            PlaceError::Ambiguous { .. } => Code::AmbiguousPlace,
            PlaceError::WithoutCode { .. } => Code::PlaceWithoutCode,
        }
    }

    /// The problem's context: what was written and what it may mean.
    pub fn context(&self) -> BTreeMap<String, Value> {
        let named = |g: &Geography, name: &str| format!("{name} (`{g}`)");
        match self {
            PlaceError::Malformed { detail, detail_da } => ctx!("detail" => detail, "detail_da" => detail_da),
            PlaceError::Unknown { text } => ctx!("text" => text),
            PlaceError::Misspelt { text, suggestion, name } => ctx!(
                "text" => text,
                "did_you_mean" => suggestion.to_string(),
                "suggestion" => named(suggestion, name),
            ),
            PlaceError::Ambiguous { text, candidates } => ctx!(
                "text" => text,
                "could_mean" => candidates.iter().map(|(g, _)| g.to_string()).collect::<Vec<_>>(),
                "candidates" => candidates.iter().map(|(g, n)| named(g, n)).collect::<Vec<_>>().join(", "),
            ),
            PlaceError::WithoutCode { name } => ctx!("name" => name),
        }
    }
}

impl fmt::Display for PlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaceError::Malformed { detail, .. } => f.write_str(detail),
            PlaceError::Unknown { text } => write!(f, "`{text}` is not a place in the reference data"),
            PlaceError::Misspelt { text, suggestion, name } => {
                write!(
                    f,
                    "`{text}` is not a place as written; did you mean {name} ({suggestion})?"
                )
            }
            PlaceError::Ambiguous { text, candidates } => {
                let list: Vec<String> = candidates.iter().map(|(g, n)| format!("{n} ({g})")).collect();
                write!(f, "`{text}` could mean {}", list.join(", "))
            }
            PlaceError::WithoutCode { name } => write!(f, "{name} has no confirmed code"),
        }
    }
}

impl std::error::Error for PlaceError {}

fn of_municipality(m: &MunicipalityRef) -> Geography {
    Geography::new(Level::Municipality, m.code.to_string())
}

/// A region as a geography; `None` when no source confirms its code.
fn of_region(r: &RegionRef) -> Option<Geography> {
    r.code.map(|c| Geography::new(Level::Region, c.to_string()))
}

fn country() -> Geography {
    Geography::new(Level::Country, "DK")
}

/// A place written as digits: a municipality's code (`773`, `0773`), a
/// region's (`1081`, or Statistics Denmark's `081`), or `000`, the country.
fn by_digits(digits: &str) -> Result<Geography, PlaceError> {
    let unknown = || PlaceError::Unknown {
        text: digits.to_string(),
    };
    let value: u32 = digits.parse().map_err(|_| unknown())?;
    if digits == "000" {
        return Ok(country());
    }
    let region_code = match (digits.len(), value) {
        (3, 81..=85) if digits.starts_with('0') => Some(1000 + value),
        (_, 1081..=1085) => Some(value),
        _ => None,
    };
    // StatBank's `081` or `000` read as a number (a spreadsheet, pandas)
    // loses its leading zeros: suggested, never taken, since `81` is no code.
    if digits.len() < 3 && (value == 0 || (81..=85).contains(&value)) {
        let meant = if value == 0 {
            Ok(country())
        } else {
            by_digits(&format!("{value:03}"))
        };
        if let Ok(suggestion) = meant {
            let name = match value {
                0 => "Hele landet".to_string(),
                _ => REGIONS
                    .iter()
                    .find(|r| r.code.map(u32::from) == Some(1000 + value))
                    .map_or_else(String::new, |r| r.name.to_string()),
            };
            return Err(PlaceError::Misspelt {
                text: digits.to_string(),
                suggestion,
                name: format!("{name}, {value:03}"),
            });
        }
    }
    if let Some(code) = region_code {
        return REGIONS
            .iter()
            .find(|r| r.code.map(u32::from) == Some(code))
            .and_then(of_region)
            .ok_or_else(unknown);
    }
    u16::try_from(value)
        .ok()
        .and_then(municipality)
        .map(of_municipality)
        .ok_or_else(unknown)
}

/// Every named place, with the names it may be written by (compared
/// without regard to case).
fn named_places() -> impl Iterator<Item = (Option<Geography>, &'static str, Vec<String>)> {
    let country_names = ["Danmark", "Hele landet", "Denmark"];
    let regions = REGIONS.iter().map(|r| {
        let short = r.name.strip_prefix("Region ").unwrap_or(r.name);
        (of_region(r), r.name, vec![r.name.to_string(), short.to_string()])
    });
    let municipalities = MUNICIPALITIES.iter().map(|m| {
        let names = vec![
            m.name.to_string(),
            format!("{} Kommune", m.name),
            format!("{}s Kommune", m.name),
        ];
        (Some(of_municipality(m)), m.name, names)
    });
    std::iter::once((Some(country()), "Danmark", country_names.map(String::from).to_vec()))
        .chain(regions)
        .chain(municipalities)
}

/// A place written by its name, exactly but for case; else what it is close to.
fn by_name(text: &str) -> Result<Geography, PlaceError> {
    let wanted = text.to_lowercase();
    let bare = bare_municipality_name(text).to_lowercase();
    for (place, name, names) in named_places() {
        if names
            .iter()
            .any(|n| n.to_lowercase() == wanted || n.to_lowercase() == bare)
        {
            return place.ok_or_else(|| PlaceError::WithoutCode { name: name.to_string() });
        }
    }
    // Not a name as written: suggest what it is spelt like, never take it.
    let folded = loose(text);
    let folded_bare = loose(bare_municipality_name(text));
    // The places nearest in spelling (0 edits: the same letters folded),
    // among those close enough to suggest at all.
    let mut nearest: Option<usize> = None;
    let mut found: Vec<(Geography, String)> = Vec::new();
    for (place, name, names) in named_places() {
        let Some(place) = place else { continue };
        let distance = names
            .iter()
            .map(|n| loose(n))
            .flat_map(|f| [(&folded, f.clone()), (&folded_bare, f)])
            .filter(|(written, known)| close_enough(written, known))
            .map(|(written, known)| edit_distance(written, &known))
            .min();
        let Some(distance) = distance else { continue };
        match nearest {
            Some(best) if distance > best => continue,
            Some(best) if distance == best => {}
            _ => {
                nearest = Some(distance);
                found.clear();
            }
        }
        found.push((place, name.to_string()));
    }
    found.dedup();
    match found.len() {
        0 => Err(PlaceError::Unknown { text: text.to_string() }),
        1 => {
            let (suggestion, name) = found.remove(0);
            Err(PlaceError::Misspelt {
                text: text.to_string(),
                suggestion,
                name,
            })
        }
        _ => Err(PlaceError::Ambiguous {
            text: text.to_string(),
            candidates: found,
        }),
    }
}

/// The one place `text` means, however it is written; see the module's
/// documentation for the forms read.
pub fn read_place(text: &str) -> Result<Geography, PlaceError> {
    let text = text.trim();
    if let Some((level, code)) = text.split_once(':') {
        let (level, code) = (level.trim().to_lowercase(), code.trim());
        return match level.as_str() {
            "municipality" | "kommune" if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) => {
                match by_digits(code) {
                    Ok(g) if g.level == Level::Municipality => Ok(g),
                    _ => Err(PlaceError::Unknown { text: text.to_string() }),
                }
            }
            "region" if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) => match by_digits(code) {
                Ok(g) if g.level == Level::Region => Ok(g),
                _ => Err(PlaceError::Unknown { text: text.to_string() }),
            },
            "country" | "land" if code.eq_ignore_ascii_case("DK") => Ok(country()),
            "cluster" | "klynge" if !code.is_empty() => Ok(Geography::new(Level::Cluster, code)),
            _ => crate::places::geography::read_explained(text)
                .map_err(|(detail, detail_da)| PlaceError::Malformed { detail, detail_da }),
        };
    }
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return by_digits(text);
    }
    if text.eq_ignore_ascii_case("DK") {
        return Ok(country());
    }
    by_name(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> String {
        read_place(text).map_or_else(|e| e.code().as_str().to_string(), |g| g.to_string())
    }

    #[test]
    fn every_municipality_reads_by_code_and_by_its_names() {
        for m in MUNICIPALITIES {
            let want = format!("municipality:{}", m.code);
            for text in [
                m.code.to_string(),
                format!("{:04}", m.code),
                format!("kommune:{}", m.code),
                m.name.to_string(),
                m.name.to_uppercase(),
                format!("{} Kommune", m.name),
            ] {
                assert_eq!(place(&text), want, "{text}");
            }
        }
    }

    #[test]
    fn regions_and_the_country_read_as_statistics_denmark_writes_them() {
        assert_eq!(place("081"), "region:1081");
        assert_eq!(place("085"), "region:1085");
        assert_eq!(place("region:1084"), "region:1084");
        assert_eq!(place("Region Nordjylland"), "region:1081");
        assert_eq!(place("region syddanmark"), "region:1083");
        assert_eq!(place("000"), "country:DK");
        assert_eq!(place("Hele landet"), "country:DK");
        assert_eq!(place("Danmark"), "country:DK");
        assert_eq!(place("Region Østdanmark"), "place_without_code");
        // A code that lost its leading zero as a number is suggested, not read.
        assert_eq!(place("81"), "misspelt_place");
        let Err(PlaceError::Misspelt { suggestion, name, .. }) = read_place("81") else {
            panic!("81")
        };
        assert_eq!(
            (suggestion.to_string(), name.as_str()),
            ("region:1081".into(), "Region Nordjylland, 081")
        );
        assert_eq!(place("0"), "misspelt_place");
    }

    #[test]
    fn what_names_no_place_says_why() {
        assert_eq!(place("999"), "unknown_place");
        assert_eq!(place("kommune:999"), "unknown_place");
        assert_eq!(place("region:851"), "unknown_place");
        assert_eq!(place("nowhere"), "unknown_place");
        assert_eq!(place("amt:5"), "invalid_geography");
        assert_eq!(place("Alborg"), "misspelt_place");
        assert_eq!(place("Aeroe"), "misspelt_place");
        assert_eq!(place("Koebenhavns Kommune"), "misspelt_place");
        let Err(PlaceError::Misspelt { suggestion, .. }) = read_place("Kobenhavn") else {
            panic!("Kobenhavn should be misspelt");
        };
        assert_eq!(suggestion.to_string(), "municipality:101");
        // One letter from Viborg and one from Nyborg: a problem, never a guess.
        let Err(e @ PlaceError::Ambiguous { .. }) = read_place("Vyborg") else {
            panic!("Vyborg should be ambiguous");
        };
        assert_eq!(
            e.context()["could_mean"],
            serde_json::json!(["municipality:450", "municipality:791"])
        );
    }
}
