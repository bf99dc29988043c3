//! Aggregation: municipality → cluster → region → country.
//!
//! Ratios are aggregated the only correct way, by summing numerators and
//! denominators and then applying the indicator's factor. Counts add up.
//! Averages and ratios given only as values need explicit weights (say,
//! population); without them the result is an error, never a silent plain
//! mean. Every aggregate carries its coverage: which municipalities
//! contributed, and which of those the place contains were missing.
//!
//! ```
//! use sundhedsaftale::{aggregate::aggregate, observation::read_csv};
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let (catalogue, _) = agreement.indicator_catalogue();
//! let table = read_csv("indicator,geography,period,numerator,denominator\n\
//!     genindlaeggelser-30-dage,municipality:773,2024,20,200\n\
//!     genindlaeggelser-30-dage,municipality:787,2024,30,300\n").unwrap();
//! let (cells, _) = aggregate(&table, &catalogue, &agreement.hierarchy(), None);
//! // Cluster Vest (Morsø and Thisted) sums both: 50 of 500.
//! let vest = cells.iter().find(|c| c.geography.to_string() == "cluster:vest").unwrap();
//! assert_eq!((vest.numerator, vest.denominator), (50.0, 500.0));
//! ```

use crate::hash::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::Code;
use crate::geography::{Geography, Hierarchy, Level};
use crate::indicator::IndicatorCatalogue;
use crate::observation::{ObservationTable, SUPPRESSED};
use crate::period::Period;
use crate::problem::{ctx, Problem, Problems};

/// Where a cell's number comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellSource {
    /// Observed at this place.
    Observed,
    /// Summed from municipalities (numerators and denominators, or counts).
    Summed,
    /// A weighted mean of municipalities' values.
    Weighted,
}

/// Why a cell is hidden on output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Hidden {
    /// Its own count is below the threshold.
    SmallCount {
        /// The threshold.
        threshold: u32,
    },
    /// Hidden so that another hidden cell cannot be recovered by subtraction.
    Complementary {
        /// The hidden cell it protects.
        protects: String,
        /// The published total that would otherwise give it away.
        via: String,
    },
}

/// One number for one indicator, place, period and stratum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Interned indicator (see [`ObservationTable::indicator_id`]).
    pub indicator: u32,
    /// The place.
    pub geography: Arc<Geography>,
    /// The period.
    pub period: Period,
    /// Interned stratum (see [`ObservationTable::stratum_of`]).
    pub stratum: u32,
    /// The value (NaN when absent).
    pub value: f64,
    /// The numerator (NaN when absent).
    pub numerator: f64,
    /// The denominator (NaN when absent).
    pub denominator: f64,
    /// Where the number comes from.
    pub source: CellSource,
    /// Municipality codes that contributed (aggregates only). Shared: complete
    /// coverage, the common case, costs no copy.
    pub contributed: Arc<[String]>,
    /// Municipality codes of the place with no data (aggregates only).
    pub missing: Arc<[String]>,
    /// Why it is hidden, if it is.
    pub hidden: Option<Hidden>,
}

impl Cell {
    /// The count discretion judges: the numerator, else the value of a count indicator.
    pub fn count(&self, additive: bool) -> Option<f64> {
        if !self.numerator.is_nan() {
            Some(self.numerator)
        } else if additive && !self.value.is_nan() {
            Some(self.value)
        } else {
            None
        }
    }
}

/// Weights for aggregating value-only observations (e.g. population), by place.
pub type Weights = std::collections::HashMap<Geography, f64>;

#[derive(Default, Clone)]
struct Acc {
    numerator: f64,
    denominator: f64,
    fraction_rows: usize,
    value_sum: f64,
    weighted_sum: f64,
    weight: f64,
    weighted_rows: usize,
    value_rows: usize,
    /// Municipalities counted; which ones is worked out only when coverage is incomplete.
    contributed: usize,
}

/// Aggregates every group (indicator, period, stratum) from its municipalities
/// upwards. Observed cells are kept as they are; a place observed directly is
/// not overwritten by a sum.
pub fn aggregate(
    table: &ObservationTable,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
    weights: Option<&Weights>,
) -> (Vec<Cell>, Problems) {
    let mut problems = Vec::new();
    let mut groups: HashMap<(u32, Period, u32), Vec<usize>> = HashMap::default();
    for r in 0..table.len() {
        groups
            .entry((table.indicator[r], table.period[r], table.stratum[r]))
            .or_default()
            .push(r);
    }
    let mut keys: Vec<(u32, Period, u32)> = groups.keys().copied().collect();
    keys.sort_by(|a, b| (table.indicator_id(a.0), a.1, a.2).cmp(&(table.indicator_id(b.0), b.1, b.2)));

    // Parents of each municipality on a date, interned; the structure changes rarely.
    let mut parents_index: Vec<Arc<Geography>> = Vec::new();
    // Each observed place once, shared by all its cells.
    let places: Vec<Arc<Geography>> = (0..table.geography_count())
        .map(|g| Arc::new(table.geography_of(g as u32).clone()))
        .collect();
    let mut parent_ids: HashMap<Geography, usize> = HashMap::default();
    // Per date, per interned place: its parents (the cluster structure changes rarely).
    let mut parent_cache: HashMap<NaiveDate, Vec<Option<Vec<usize>>>> = HashMap::default();
    // The municipalities each place contains on a date, shared by every cell that covers them all.
    let mut expected_cache: HashMap<(usize, NaiveDate), Arc<[String]>> = HashMap::default();
    let empty: Arc<[String]> = Arc::from(Vec::new());
    let mut cells = Vec::with_capacity(table.len() + keys.len() * 8);

    for key in keys {
        let rows = &groups[&key];
        let Some(def) = catalogue.get(table.indicator_id(key.0)) else {
            continue;
        };
        let date = key.1.last_day();
        let mut accs: Vec<Acc> = vec![Acc::default(); parents_index.len()];
        let by_place = parent_cache.entry(date).or_default();
        let mut observed_places: Vec<&Geography> = Vec::new();
        for &r in rows {
            let g = table.geography_of(table.geography[r]);
            let (v, n, d) = (table.value[r], table.numerator[r], table.denominator[r]);
            let suppressed = table.flags[r] & SUPPRESSED != 0;
            let has_fraction = !n.is_nan() && !d.is_nan();
            if !suppressed {
                let value = if v.is_nan() && has_fraction {
                    n / d * def.factor
                } else {
                    v
                };
                cells.push(Cell {
                    indicator: key.0,
                    geography: places[table.geography[r] as usize].clone(),
                    period: key.1,
                    stratum: key.2,
                    value,
                    numerator: n,
                    denominator: d,
                    source: CellSource::Observed,
                    contributed: empty.clone(),
                    missing: empty.clone(),
                    hidden: None,
                });
                if g.level != Level::Municipality {
                    observed_places.push(g);
                }
            }
            if g.level != Level::Municipality || suppressed {
                continue;
            }
            let place = table.geography[r] as usize;
            if by_place.len() <= place {
                by_place.resize(place + 1, None);
            }
            let parents = by_place[place].get_or_insert_with(|| {
                hierarchy
                    .parents(g, date)
                    .into_iter()
                    .map(|p| {
                        *parent_ids.entry(p.clone()).or_insert_with(|| {
                            parents_index.push(Arc::new(p));
                            parents_index.len() - 1
                        })
                    })
                    .collect()
            });
            if accs.len() < parents_index.len() {
                accs.resize(parents_index.len(), Acc::default());
            }
            let weight = weights.and_then(|w| w.get(g)).copied();
            for &p in parents.iter() {
                let acc = &mut accs[p];
                acc.contributed += 1;
                if has_fraction {
                    acc.numerator += n;
                    acc.denominator += d;
                    acc.fraction_rows += 1;
                } else if !v.is_nan() {
                    acc.value_rows += 1;
                    acc.value_sum += v;
                    if let Some(w) = weight {
                        acc.weighted_sum += w * v;
                        acc.weight += w;
                        acc.weighted_rows += 1;
                    }
                }
            }
        }
        let mut observed_parent = vec![false; parents_index.len()];
        for g in observed_places {
            if let Some(&p) = parent_ids.get(g) {
                observed_parent[p] = true;
            }
        }
        for (p, acc) in accs.into_iter().enumerate() {
            let rows_in = acc.contributed;
            if rows_in == 0 || observed_parent[p] {
                continue;
            }
            let parent = &parents_index[p];
            let (value, numerator, denominator, source) = if acc.fraction_rows == rows_in {
                (
                    acc.numerator / acc.denominator * def.factor,
                    acc.numerator,
                    acc.denominator,
                    CellSource::Summed,
                )
            } else if def.unit.is_additive() && acc.fraction_rows == 0 {
                (acc.value_sum, f64::NAN, f64::NAN, CellSource::Summed)
            } else if acc.fraction_rows == 0 && acc.weighted_rows == rows_in && acc.weight > 0.0 {
                (acc.weighted_sum / acc.weight, f64::NAN, f64::NAN, CellSource::Weighted)
            } else {
                problems.push(Problem::with_context(
                    Code::AggregationNeedsWeights,
                    "",
                    ctx!("indicator" => def.id, "geography" => parent.to_string(), "period" => key.1.to_string()),
                ));
                continue;
            };
            if !(value.is_finite() || value.is_nan()) || numerator.is_infinite() || denominator.is_infinite() {
                problems.push(Problem::with_context(
                    Code::SumNotFinite,
                    "",
                    ctx!("indicator" => def.id, "geography" => parent.to_string(), "period" => key.1.to_string()),
                ));
                continue;
            }
            let expected = expected_cache
                .entry((p, date))
                .or_insert_with(|| Arc::from(hierarchy.municipalities_under(parent, date)))
                .clone();
            let (contributed, missing) = if rows_in == expected.len() {
                (expected, empty.clone())
            } else {
                let mut codes: Vec<String> = rows
                    .iter()
                    .filter(|&&r| table.flags[r] & SUPPRESSED == 0)
                    .filter(|&&r| {
                        by_place
                            .get(table.geography[r] as usize)
                            .is_some_and(|ps| ps.as_ref().is_some_and(|ps| ps.contains(&p)))
                    })
                    .map(|&r| table.geography_of(table.geography[r]).code.clone())
                    .collect();
                codes.sort();
                let missing: Vec<String> = expected
                    .iter()
                    .filter(|m| codes.binary_search(m).is_err())
                    .cloned()
                    .collect();
                (Arc::from(codes), Arc::from(missing))
            };
            cells.push(Cell {
                indicator: key.0,
                geography: parent.clone(),
                period: key.1,
                stratum: key.2,
                value,
                numerator,
                denominator,
                source,
                contributed,
                missing,
                hidden: None,
            });
        }
    }
    (cells, Problems(problems))
}
