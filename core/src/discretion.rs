//! Discretion: hiding small counts so that no person can be identified.
//!
//! A cell is hidden when its count (its numerator, or the value of a count
//! indicator) is above zero but below the threshold. Hiding one cell is not
//! enough when a published total and its published siblings give it back by
//! subtraction: then a second cell, the sibling with the smallest count, is
//! hidden too, and the result says which cell it protects and through which
//! total. The same holds when a hidden total could be rebuilt from all of its
//! published parts. This repeats until nothing more can be recovered.
//!
//! Zero counts are published: a zero identifies no one.
//!
//! ```
//! use sundhedsaftale::annual::{run, FollowUpConfig};
//! use sundhedsaftale::observation::Format;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let csv = "indicator,geography,period,numerator,denominator\n\
//!     genindlaeggelser-30-dage,municipality:825,2024,3,40\n";
//! let result = run(&agreement, Some((csv, Format::Csv)), 2024, &FollowUpConfig::default()).unwrap();
//! let laesoe = result.rows.iter().find(|r| r.geography.to_string() == "municipality:825").unwrap();
//! // 3 is below the default threshold of 5: the value is hidden, and says why.
//! assert!(laesoe.hidden.is_some() && laesoe.latest_value.is_none());
//! ```

use crate::hash::HashMap;

use crate::aggregate::{Cell, Hidden};
use crate::geography::{Geography, Hierarchy, Level};
use crate::indicator::IndicatorCatalogue;
use crate::observation::ObservationTable;

/// Hides small counts and the complementary cells that protect them.
pub fn apply(
    cells: &mut [Cell],
    table: &ObservationTable,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
    threshold: u32,
) {
    let mut groups: HashMap<(u32, crate::period::Period, u32), Vec<usize>> = HashMap::default();
    for (i, c) in cells.iter().enumerate() {
        groups.entry((c.indicator, c.period, c.stratum)).or_default().push(i);
    }
    for ((indicator, period, _), members) in groups {
        let Some(def) = catalogue.get(table.indicator_id(indicator)) else {
            continue;
        };
        let limit = f64::from(def.small_count_threshold.unwrap_or(threshold));
        let additive = def.unit.is_additive();
        for &i in &members {
            if cells[i].count(additive).is_some_and(|n| n > 0.0 && n < limit) {
                cells[i].hidden = Some(Hidden::SmallCount {
                    threshold: def.small_count_threshold.unwrap_or(threshold),
                });
            }
        }
        // Each cell's direct parent among the cells of this group.
        let date = period.last_day();
        let position: HashMap<&Geography, usize> = members.iter().map(|&i| (&*cells[i].geography, i)).collect();
        let parent_of: HashMap<usize, usize> = members
            .iter()
            .filter_map(|&i| {
                let g = &cells[i].geography;
                hierarchy
                    .parents(g, date)
                    .into_iter()
                    .find_map(|p| position.get(&p).copied())
                    .map(|p| (i, p))
            })
            .collect();
        let mut children: HashMap<usize, Vec<usize>> = HashMap::default();
        for (&child, &parent) in &parent_of {
            children.entry(parent).or_default().push(child);
        }
        for list in children.values_mut() {
            list.sort_by(|&a, &b| cells[a].geography.cmp(&cells[b].geography));
        }
        let mut parents: Vec<usize> = children.keys().copied().collect();
        parents.sort_by_key(|&p| (level_rank(cells[p].geography.level), cells[p].geography.clone()));
        loop {
            let mut changed = false;
            for &p in &parents {
                let kids = &children[&p];
                // The parts add up to the total only when the total's coverage is exactly these parts.
                let complete = cells[p].missing.is_empty();
                let hidden: Vec<usize> = kids.iter().copied().filter(|&k| cells[k].hidden.is_some()).collect();
                let published: Vec<usize> = kids.iter().copied().filter(|&k| cells[k].hidden.is_none()).collect();
                let exposed = match (cells[p].hidden.is_some(), hidden.len()) {
                    (false, 1) if complete => Some(hidden[0]),
                    (true, 0) if complete => Some(p),
                    _ => None,
                };
                let (Some(protected), Some(&smallest)) = (
                    exposed,
                    published.iter().min_by(|&&a, &&b| {
                        let ca = cells[a].count(additive).unwrap_or(f64::INFINITY);
                        let cb = cells[b].count(additive).unwrap_or(f64::INFINITY);
                        ca.total_cmp(&cb)
                    }),
                ) else {
                    continue;
                };
                cells[smallest].hidden = Some(Hidden::Complementary {
                    protects: cells[protected].geography.to_string(),
                    via: cells[p].geography.to_string(),
                });
                changed = true;
            }
            if !changed {
                break;
            }
        }
    }
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Country => 0,
        Level::Region => 1,
        Level::Cluster => 2,
        Level::Municipality => 3,
    }
}
