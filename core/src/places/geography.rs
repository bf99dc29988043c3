//! Geography: municipality → health cluster → region → country, aware of time.
//!
//! The hierarchy is derived from an agreement's organisations and clusters
//! ([`crate::HealthAgreement::hierarchy`]),
//! so the cluster structure in force on a date is the one that applies: a
//! municipality in 2021 belongs to the pre-2022 cluster, in 2023 to the new
//! one. Regions have lives too: from 1 January 2027 the municipalities of
//! Region Hovedstaden and Region Sjælland are in Region Østdanmark, whose
//! code no source confirms yet, so it is written by the reference data's id,
//! `region:oestdanmark`. A period is placed by its last day. Geographies are written
//! `level:code`: `municipality:851`, `cluster:nord`, `region:1081`, `country:DK`.
//!
//! ```
//! use sundhedsaftale::geography::{Geography, Level};
//! let g: Geography = "municipality:851".parse().unwrap();
//! assert_eq!(g, Geography::new(Level::Municipality, "851"));
//! let h = sundhedsaftale::nordjylland_2024().hierarchy();
//! assert_eq!(h.name(&g), Some("Aalborg Kommune"));
//! ```

use crate::ground::hash::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::date::alive_on;
use crate::ground::lang::labels;

/// A level of the hierarchy, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Kommune, by official code.
    Municipality,
    /// Sundhedsklynge, by cluster id.
    Cluster,
    /// Region, by official code.
    Region,
    /// The country (`DK`).
    Country,
}

labels!(Level {
    Municipality => ("municipality", "kommune"),
    Cluster => ("health cluster", "sundhedsklynge"),
    Region => ("region", "region"),
    Country => ("country", "land"),
});

impl Level {
    /// The level's name in a geography (`municipality`, `cluster`, `region`, `country`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Municipality => "municipality",
            Level::Cluster => "cluster",
            Level::Region => "region",
            Level::Country => "country",
        }
    }
}

/// A place at one level.
///
/// ```
/// use sundhedsaftale::geography::{Geography, Level};
/// let g: Geography = "municipality:851".parse().unwrap();
/// assert_eq!(g.level, Level::Municipality);
/// assert_eq!(g.to_string(), "municipality:851");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Geography {
    /// The level.
    pub level: Level,
    /// The code at that level.
    pub code: String,
}

impl Geography {
    /// A geography from its parts.
    pub fn new(level: Level, code: impl Into<String>) -> Geography {
        Geography {
            level,
            code: code.into(),
        }
    }
}

impl fmt::Display for Geography {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.level.as_str(), self.code)
    }
}

impl FromStr for Geography {
    type Err = String;
    fn from_str(s: &str) -> Result<Geography, String> {
        read_explained(s).map_err(|(en, _)| en)
    }
}

/// `s` read as `level:code`, or why not in English and in Danish (the
/// level names stay as written, in backticks: they are what to write).
pub(crate) fn read_explained(s: &str) -> Result<Geography, (String, String)> {
    let levels = "`municipality`, `cluster`, `region`, `country`";
    let (level, code) = s.split_once(':').ok_or_else(|| {
        (
            format!("`{s}` is not a geography (use level:code, e.g. municipality:851)"),
            format!("`{s}` er ikke et sted skrevet niveau:kode (f.eks. `municipality:851`)"),
        )
    })?;
    let level = match level {
        "municipality" => Level::Municipality,
        "cluster" => Level::Cluster,
        "region" => Level::Region,
        "country" => Level::Country,
        other => {
            return Err((
                format!("`{other}` is not a level (municipality, cluster, region, country)"),
                format!("`{other}` er ikke et niveau (skriv {levels})"),
            ))
        }
    };
    if code.trim().is_empty() {
        return Err((format!("`{s}` has no code"), format!("`{s}` mangler en kode")));
    }
    Ok(Geography::new(level, code.trim()))
}

impl Serialize for Geography {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Geography {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Geography, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Geography {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Geography".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^(municipality|cluster|region|country):.+$",
            "description": "level:code, e.g. municipality:851, cluster:nord, region:1081, country:DK"
        })
    }
}

/// A cluster's membership over its lifetime.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterSpan {
    /// Cluster code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Region code.
    pub region: String,
    /// Municipality codes.
    pub municipalities: Vec<String>,
    /// First day (unknown: open).
    pub established: Option<NaiveDate>,
    /// First day no longer existing (unknown: open).
    pub abolished: Option<NaiveDate>,
}

/// A region over its lifetime, as the hierarchy holds it.
#[derive(Debug, Clone, PartialEq)]
struct RegionSpan {
    name: String,
    /// First day (unknown: open).
    established: Option<NaiveDate>,
    /// First day no longer existing (unknown: open).
    abolished: Option<NaiveDate>,
    /// The code of the region that takes over its municipalities when it ends.
    successor: Option<String>,
    /// Whether `code` is an official region code; otherwise it is the
    /// reference data's id (`oestdanmark`), since no source confirms a code.
    code_confirmed: bool,
}

/// The hierarchy of places, in time: municipalities move to a successor
/// region on the day their region ends (the 2027 merger), clusters exist
/// from their establishment to their abolition, and every question is asked
/// for a date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hierarchy {
    /// Municipality code → (name, code of the region it was placed in).
    municipalities: HashMap<String, (String, String)>,
    /// Region code → its life.
    regions: HashMap<String, RegionSpan>,
    clusters: Vec<ClusterSpan>,
}

impl Hierarchy {
    /// An empty hierarchy, to fill with [`Hierarchy::add_region`] and friends.
    pub fn new() -> Hierarchy {
        Hierarchy::default()
    }

    /// Adds a region that exists at all times, or names a known one anew
    /// (its life stays as it was added).
    pub fn add_region(&mut self, code: &str, name: &str) {
        match self.regions.get_mut(code) {
            Some(r) => r.name = name.to_string(),
            None => self.add_region_span(code, name, None, None, None, true),
        }
    }

    /// Adds a region with its lifetime: `abolished` is its first day no
    /// longer existing, `successor` the code of the region that then takes
    /// over its municipalities, and `code_confirmed` whether `code` is an
    /// official code (not only the reference data's id for it).
    pub fn add_region_span(
        &mut self,
        code: &str,
        name: &str,
        established: Option<NaiveDate>,
        abolished: Option<NaiveDate>,
        successor: Option<&str>,
        code_confirmed: bool,
    ) {
        self.regions.insert(
            code.to_string(),
            RegionSpan {
                name: name.to_string(),
                established,
                abolished,
                successor: successor.map(str::to_string),
                code_confirmed,
            },
        );
    }

    /// Adds a municipality, placed in a region; from the day that region
    /// ends, it belongs to the region's successor.
    pub fn add_municipality(&mut self, code: &str, name: &str, region: &str) {
        self.municipalities
            .insert(code.to_string(), (name.to_string(), region.to_string()));
    }

    /// Names a municipality anew, keeping its region if it is known; adds
    /// it in `region` if not.
    pub fn name_municipality(&mut self, code: &str, name: &str, region: &str) {
        match self.municipalities.get_mut(code) {
            Some(m) => m.0 = name.to_string(),
            None => self.add_municipality(code, name, region),
        }
    }

    /// Adds a cluster with its lifetime.
    pub fn add_cluster(&mut self, span: ClusterSpan) {
        self.clusters.push(span);
    }

    /// Whether the hierarchy knows the place (a region or cluster at any time).
    pub fn contains(&self, g: &Geography) -> bool {
        match g.level {
            Level::Municipality => self.municipalities.contains_key(&g.code),
            Level::Cluster => self.clusters.iter().any(|c| c.code == g.code),
            Level::Region => self.regions.contains_key(&g.code),
            Level::Country => g.code == "DK",
        }
    }

    /// The life of a known region or cluster, as (first day, first day no
    /// longer existing), either open when unknown; `None` for a
    /// municipality, the country or an unknown place, whose lives the
    /// hierarchy does not limit. A cluster re-established under the same
    /// code spans from its first establishment to its last abolition.
    pub fn life(&self, g: &Geography) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        match g.level {
            Level::Region => self.regions.get(&g.code).map(|r| (r.established, r.abolished)),
            Level::Cluster => {
                let spans = self.clusters.iter().filter(|c| c.code == g.code);
                spans.fold(None, |acc: Option<(Option<NaiveDate>, Option<NaiveDate>)>, c| {
                    let (from, to) = (c.established, c.abolished);
                    Some(match acc {
                        None => (from, to),
                        Some((f, t)) => (f.zip(from).map(|(a, b)| a.min(b)), t.zip(to).map(|(a, b)| a.max(b))),
                    })
                })
            }
            Level::Municipality | Level::Country => None,
        }
    }

    /// Whether the place exists on some day from `first` to `last`
    /// (inclusive): always, for a place whose life is not limited.
    pub fn exists_during(&self, g: &Geography, first: NaiveDate, last: NaiveDate) -> bool {
        self.life(g)
            .is_none_or(|(from, to)| from.is_none_or(|from| from <= last) && to.is_none_or(|to| first < to))
    }

    /// Whether a region's code is an official one; `false` for a region the
    /// reference data knows only by its id (Region Østdanmark), and for
    /// anything that is not a known region.
    pub fn region_code_confirmed(&self, code: &str) -> bool {
        self.regions.get(code).is_some_and(|r| r.code_confirmed)
    }

    /// The place's name, where known.
    pub fn name(&self, g: &Geography) -> Option<&str> {
        match g.level {
            Level::Municipality => self.municipalities.get(&g.code).map(|(n, _)| n.as_str()),
            Level::Cluster => self.clusters.iter().find(|c| c.code == g.code).map(|c| c.name.as_str()),
            Level::Region => self.regions.get(&g.code).map(|r| r.name.as_str()),
            Level::Country => Some("Danmark"),
        }
    }

    /// The cluster a municipality belongs to on `date`.
    pub fn cluster_of(&self, municipality: &str, date: NaiveDate) -> Option<&ClusterSpan> {
        self.clusters
            .iter()
            .find(|c| alive_on(c.established, c.abolished, date) && c.municipalities.iter().any(|m| m == municipality))
    }

    /// The region that holds what was placed in `region`, on `date`: the
    /// region itself while it exists, then its successors in turn. A region
    /// the hierarchy does not know stays as it is.
    fn region_on<'a>(&'a self, mut region: &'a str, date: NaiveDate) -> &'a str {
        // Each step moves to a region that starts when the last one ended, so
        // a chain is never longer than the list of regions.
        for _ in 0..=self.regions.len() {
            match self.regions.get(region) {
                Some(r) if r.abolished.is_some_and(|end| date >= end) => match r.successor.as_deref() {
                    Some(next) => region = next,
                    None => break,
                },
                _ => break,
            }
        }
        region
    }

    /// The places above `g` on `date`, nearest first.
    pub fn parents(&self, g: &Geography, date: NaiveDate) -> Vec<Geography> {
        let mut out = Vec::new();
        let region = match g.level {
            Level::Municipality => {
                if let Some(c) = self.cluster_of(&g.code, date) {
                    out.push(Geography::new(Level::Cluster, c.code.clone()));
                }
                self.municipalities.get(&g.code).map(|(_, r)| self.region_on(r, date))
            }
            Level::Cluster => self
                .clusters
                .iter()
                .find(|c| c.code == g.code)
                .map(|c| self.region_on(&c.region, date)),
            Level::Region => Some(g.code.as_str()),
            Level::Country => return out,
        };
        if let Some(r) = region.filter(|r| !r.is_empty()) {
            if g.level != Level::Region {
                out.push(Geography::new(Level::Region, r));
            }
            out.push(Geography::new(Level::Country, "DK"));
        }
        out
    }

    /// The municipalities under `g` on `date`, sorted by code.
    pub fn municipalities_under(&self, g: &Geography, date: NaiveDate) -> Vec<String> {
        let mut out: Vec<String> = match g.level {
            Level::Municipality => vec![g.code.clone()],
            Level::Cluster => self
                .clusters
                .iter()
                .find(|c| c.code == g.code && alive_on(c.established, c.abolished, date))
                .map(|c| c.municipalities.clone())
                .unwrap_or_default(),
            Level::Region => self
                .municipalities
                .iter()
                .filter(|(_, (_, r))| self.region_on(r, date) == g.code)
                .map(|(m, _)| m.clone())
                .collect(),
            Level::Country => self.municipalities.keys().cloned().collect(),
        };
        out.sort();
        out
    }
}

/// When a place was asked for, in words for each language: `in 2027` /
/// `i 2027` for a period, `on 2027-01-01` / `den 2027-01-01` for a day.
pub(crate) fn when_words(when: &str, day: bool) -> (String, String) {
    if day {
        (format!("on {when}"), format!("den {when}"))
    } else {
        (format!("in {when}"), format!("i {when}"))
    }
}

/// A place's life in words, in English and Danish (`from 2022-07-01 to
/// 2026-12-31`, `fra 2022-07-01 til 2026-12-31`), either end left out when it
/// is not known: a message's `life` and `life_da`.
pub(crate) fn life_words(life: Option<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)>) -> (String, String) {
    let (from, to) = life.unwrap_or((None, None));
    // The hierarchy keeps the first day no longer existing; people read the last day existing.
    let to = to.and_then(|d| d.pred_opt());
    let say = |from_word: &str, to_word: &str, always: &str| match (from, to) {
        (Some(f), Some(t)) => format!("{from_word} {f} {to_word} {t}"),
        (Some(f), None) => format!("{from_word} {f}"),
        (None, Some(t)) => format!("{to_word} {t}"),
        (None, None) => always.to_string(),
    };
    (say("from", "to", "at all times"), say("fra", "til og med", "altid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geography_codes_parse_and_reject() {
        assert!("kommune:851".parse::<Geography>().unwrap_err().contains("not a level"));
        assert!("851".parse::<Geography>().unwrap_err().contains("level:code"));
        assert!("region:".parse::<Geography>().unwrap_err().contains("no code"));
        let (en, da) = read_explained("kommune:851").unwrap_err();
        assert!(en.contains("not a level") && da.contains("er ikke et niveau"), "{da}");
        assert!(read_explained("municipality:851").is_ok());
    }
}
