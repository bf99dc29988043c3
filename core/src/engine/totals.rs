//! Stated totals against their strata.
//!
//! A table that gives an indicator by sex often gives the total beside it,
//! either as a row without a stratum or as the dimension's declared total
//! category (`køn=i_alt`). Where the total and every declared category of one
//! dimension are observed for the same indicator, place and period, the
//! strata must add up to the total: fractions by summing numerators and
//! denominators, additive units by summing values. A total further from its
//! strata than the tolerance is reported at the total's row, with both
//! figures; the stated total is what the follow-up uses. Means and other
//! values that do not add up are not compared: without weights their strata
//! say nothing exact about the total.
//!
//! ```
//! use sundhedsaftale::{aggregate::aggregate, observation::read_json, totals::check};
//! let mut agreement = sundhedsaftale::nordjylland_2024();
//! agreement.indicators[0].strata = vec![sundhedsaftale::strata::Stratification {
//!     dimension: "sex".into(),
//!     categories: ["kvinder", "mænd", "i_alt"]
//!         .map(|c| sundhedsaftale::strata::Category { code: c.into(), name: c.into(), name_en: None })
//!         .into(),
//!     total: Some("i_alt".into()),
//! }];
//! let (catalogue, _) = agreement.indicator_catalogue();
//! let row = |sex: &str, n: u32| format!(
//!     r#"{{"indicator":"genindlaeggelser-30-dage","geography":"region:1081","period":"2024",
//!         "numerator":{n},"denominator":1000,"disaggregation":{{"sex":"{sex}"}}}}"#);
//! let text = format!("[{},{},{}]", row("kvinder", 100), row("mænd", 120), row("i_alt", 400));
//! let table = read_json(&text).unwrap();
//! let (cells, _) = aggregate(&table, &catalogue, &agreement.hierarchy(), None);
//! let problems = check(&cells, &catalogue, 0.01);
//! // 100 + 120 of 2,000 is 11 %, not the 40 % stated.
//! assert_eq!(problems[0].code.as_str(), "total_disagrees_with_strata");
//! assert_eq!(problems[0].path.to_string(), "/2/numerator");
//! ```

use crate::ground::hash::HashMap;

use crate::document::indicator::IndicatorCatalogue;
use crate::engine::aggregate::{CellId, Cells};
use crate::ground::period::Period;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Problem};

/// The strata of one dimension at one indicator, place and period, summed.
#[derive(Default)]
struct Parts {
    /// Categories observed (each at most once: duplicates are errors before this runs).
    categories: usize,
    numerator: f64,
    denominator: f64,
    fractions: usize,
    values: f64,
    /// The row stating the dimension's total category, if one does.
    total: Option<CellId>,
}

/// Every stated total that disagrees with its strata by more than
/// `tolerance` (relative to the strata's figure), among the observed cells.
pub fn check(cells: &Cells<'_>, catalogue: &IndicatorCatalogue, tolerance: f64) -> Vec<Problem> {
    let table = cells.table();
    // Rows without a stratum: the total of every dimension.
    let mut plain: HashMap<(u32, Period, u32), CellId> = HashMap::default();
    let mut parts: HashMap<(u32, Period, u32, &str), Parts> = HashMap::default();
    for g in &cells.groups {
        let Some(def) = catalogue.get(table.indicator_id(g.indicator)) else {
            continue;
        };
        let stratum = table.stratum_of(g.stratum);
        // Only the file's own rows: aggregates are sums already.
        let observed = cells.group_members(g).iter().filter(|&&id| (id as usize) < table.len());
        match stratum.as_slice() {
            [] => {
                for &id in observed {
                    plain.insert((g.indicator, g.period, cells.place(id)), id);
                }
            }
            [(dimension, category)] => {
                let Some(vocabulary) = def.stratification(dimension) else {
                    continue;
                };
                let is_total = vocabulary.total.as_deref() == Some(category.as_str());
                if !is_total && !vocabulary.declares(category) {
                    continue;
                }
                for &id in observed {
                    let entry = parts
                        .entry((g.indicator, g.period, cells.place(id), vocabulary.dimension.as_str()))
                        .or_default();
                    let r = id as usize;
                    if is_total {
                        entry.total = Some(id);
                        continue;
                    }
                    entry.categories += 1;
                    let (n, d) = (table.numerator[r], table.denominator[r]);
                    if !n.is_nan() && !d.is_nan() {
                        entry.numerator += n;
                        entry.denominator += d;
                        entry.fractions += 1;
                    } else {
                        entry.values += table.value[r];
                    }
                }
            }
            // Crossed strata have no single dimension to add up along.
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut keys: Vec<_> = parts.keys().copied().collect();
    // In the table's order of totals, so that the problems come out the same every run.
    keys.sort_by_key(|k| (parts[k].total, k.0, k.1.first_day(), k.2, k.3));
    for key in keys {
        let (indicator, period, place, dimension) = key;
        let p = &parts[&key];
        let Some(def) = catalogue.get(table.indicator_id(indicator)) else {
            continue;
        };
        let Some(vocabulary) = def.stratification(dimension) else {
            continue;
        };
        let declared = vocabulary
            .categories
            .iter()
            .filter(|c| vocabulary.total.as_deref() != Some(c.code.as_str()))
            .count();
        let Some(total) = p.total.or_else(|| plain.get(&(indicator, period, place)).copied()) else {
            continue;
        };
        if p.categories != declared || declared == 0 {
            continue;
        }
        let strata = if p.fractions == p.categories {
            p.numerator / p.denominator * def.factor
        } else if p.fractions == 0 && def.unit.is_additive() {
            p.values
        } else {
            continue;
        };
        let stated = cells.value(total);
        if stated.is_nan() || strata.is_nan() || (stated - strata).abs() <= tolerance * strata.abs() {
            continue;
        }
        let r = total as usize;
        let column = if table.value[r].is_nan() { "numerator" } else { "value" };
        out.push(table.problem(
            Code::TotalDisagreesWithStrata,
            r,
            column,
            ctx!("indicator" => def.id, "indicator_name" => def.name, "geography" => cells.places.get(place).to_string(),
                "period" => period.to_string(), "dimension" => dimension, "stated" => stated,
                "strata" => strata, "categories" => p.categories, "used" => "stated"),
        ));
    }
    out
}
