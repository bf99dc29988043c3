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

use crate::document::indicator::IndicatorCatalogue;
use crate::engine::aggregate::{Cells, Hidden, Places};
use crate::places::geography::{Hierarchy, Level};

/// Hides small counts and the complementary cells that protect them.
pub fn apply(cells: &mut Cells<'_>, catalogue: &IndicatorCatalogue, hierarchy: &Hierarchy, threshold: u32) {
    let table = cells.table();
    let mut ranks = Ranks::default();
    // Buffers reused from group to group: no allocation per group.
    let (mut members, mut counts, mut hidden) = (Vec::new(), Vec::new(), Vec::new());
    // Each place's position among the group's cells; each total's first part, and each part's next sibling.
    let (mut slot, mut first_part, mut next_part) = (Vec::new(), Vec::new(), Vec::new());
    let mut totals: Vec<usize> = Vec::new();
    for gi in 0..cells.groups.len() {
        let group = cells.groups[gi];
        let Some(def) = catalogue.get(table.indicator_id(group.indicator)) else {
            continue;
        };
        let limit = def.small_count_threshold.unwrap_or(threshold);
        let additive = def.unit.is_additive();
        members.clear();
        members.extend_from_slice(cells.group_members(&group));
        counts.clear();
        counts.extend(members.iter().map(|&id| cells.count(id, additive).unwrap_or(f64::NAN)));
        hidden.clear();
        hidden.extend(counts.iter().map(|&n| n > 0.0 && n < f64::from(limit)));
        if !hidden.contains(&true) {
            // Nothing hidden, so nothing to give away.
            continue;
        }
        for (k, _) in hidden.iter().enumerate().filter(|(_, h)| **h) {
            cells.hidden.insert(members[k], Hidden::SmallCount { threshold: limit });
        }

        // Each cell's direct parent among the cells of this group. Visiting
        // places in their fixed orders gives each total's parts in place
        // order, and the totals country first, without sorting per group.
        cells.places.prepare(group.date, hierarchy);
        ranks.update(&cells.places);
        slot.resize(cells.places.len(), NONE);
        for (k, &id) in members.iter().enumerate() {
            slot[cells.place(id) as usize] = k as u32;
        }
        let on = cells.places.on(group.date);
        first_part.clear();
        first_part.resize(members.len(), NONE);
        next_part.clear();
        next_part.resize(members.len(), NONE);
        for &place in ranks.by_place.iter().rev() {
            let k = slot[place as usize];
            if k == NONE {
                continue;
            }
            if let Some(parent) = on[place as usize]
                .iter()
                .map(|&p| slot[p as usize])
                .find(|&s| s != NONE)
            {
                next_part[k as usize] = first_part[parent as usize];
                first_part[parent as usize] = k;
            }
        }
        totals.clear();
        totals.extend(
            ranks
                .as_parent
                .iter()
                .map(|&place| slot[place as usize])
                .filter(|&k| k != NONE && first_part[k as usize] != NONE)
                .map(|k| k as usize),
        );
        for &id in &members {
            slot[cells.place(id) as usize] = NONE;
        }

        loop {
            let mut changed = false;
            for &p in &totals {
                // The parts add up to the total only when the total's coverage is exactly these parts.
                if !cells.complete(members[p]) {
                    continue;
                }
                let (mut hidden_parts, mut last_hidden, mut smallest) = (0, None, None::<usize>);
                let mut k = first_part[p];
                while k != NONE {
                    let part = k as usize;
                    if hidden[part] {
                        hidden_parts += 1;
                        last_hidden = Some(part);
                    } else {
                        let count = |k: usize| if counts[k].is_nan() { f64::INFINITY } else { counts[k] };
                        if smallest.is_none_or(|s| count(part).total_cmp(&count(s)).is_lt()) {
                            smallest = Some(part);
                        }
                    }
                    k = next_part[part];
                }
                let exposed = match (hidden[p], hidden_parts) {
                    (false, 1) => last_hidden,
                    (true, 0) => Some(p),
                    _ => None,
                };
                let (Some(protected), Some(smallest)) = (exposed, smallest) else {
                    continue;
                };
                let reason = Hidden::Complementary {
                    protects: cells.places.get(cells.place(members[protected])).to_string(),
                    via: cells.places.get(cells.place(members[p])).to_string(),
                };
                hidden[smallest] = true;
                cells.hidden.insert(members[smallest], reason);
                changed = true;
            }
            if !changed {
                break;
            }
        }
    }
}

/// No cell: an empty slot or the end of a list.
const NONE: u32 = u32::MAX;

/// Places in the two orders discretion visits them in.
#[derive(Default)]
struct Ranks {
    /// By place (level, then code): the order of a total's parts.
    by_place: Vec<u32>,
    /// The order totals are visited in: the country first, then regions,
    /// clusters, municipalities; by place within a level.
    as_parent: Vec<u32>,
}

impl Ranks {
    fn update(&mut self, places: &Places) {
        if self.by_place.len() == places.len() {
            return;
        }
        self.by_place = (0..places.len() as u32).collect();
        self.by_place.sort_by(|&a, &b| places.get(a).cmp(places.get(b)));
        self.as_parent = self.by_place.clone();
        self.as_parent.sort_by_key(|&p| level_rank(places.get(p).level));
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
