//! Aggregation: municipality → cluster → region → country.
//!
//! Ratios are aggregated the only correct way, by summing numerators and
//! denominators and then applying the indicator's factor. Counts add up.
//! Averages and ratios given only as values need explicit weights (say,
//! population); without them the result is an error, never a silent plain
//! mean. Every aggregate carries its coverage: which municipalities
//! contributed, and which of those the place contains were missing.
//!
//! The result, [`Cells`], is columnar: observed cells are the observation
//! table's own rows (referred to, never copied), aggregates live in a few
//! plain columns, and cells are grouped by indicator, period and stratum.
//! Nothing is allocated or reference-counted per row, so a national run over
//! millions of observations costs little more memory than its input.
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
//! assert_eq!(vest.contributed, 2);
//! assert_eq!((vest.numerator, vest.denominator), (50.0, 500.0));
//! ```

use crate::ground::hash::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::indicator::{IndicatorCatalogue, IndicatorDefinition};
use crate::engine::observation::{ObservationTable, SUPPRESSED};
use crate::ground::lang::{Label, Lang};
use crate::ground::period::Period;
use crate::places::geography::{Geography, Hierarchy, Level};
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Problem, Problems};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
    /// Withheld by the publisher: the source marks the period's value `..`
    /// (suppressed), so the place's last published value is not its latest.
    Withheld {
        /// The latest period the source withheld.
        period: Period,
    },
}

impl Hidden {
    /// Each kind of hiding: its code (the JSON `kind`) and its English and
    /// Danish labels. `Hidden` carries data, so its labels live here rather
    /// than in a `Label` table.
    pub const KINDS: [(&'static str, &'static str, &'static str); 3] = [
        ("small_count", "hidden: small count", "skjult: lille antal"),
        (
            "complementary",
            "hidden so that another hidden cell cannot be worked out",
            "skjult, så en anden skjult celle ikke kan udledes",
        ),
        ("withheld", "withheld at the source", "ikke offentliggjort af kilden"),
    ];

    /// The kind's code, as the JSON form's `kind` writes it.
    pub fn kind(&self) -> &'static str {
        match self {
            Hidden::SmallCount { .. } => Self::KINDS[0].0,
            Hidden::Complementary { .. } => Self::KINDS[1].0,
            Hidden::Withheld { .. } => Self::KINDS[2].0,
        }
    }
}

impl Label for Hidden {
    fn label(&self, lang: Lang) -> &'static str {
        let (_, en, da) = Self::KINDS
            .iter()
            .find(|(code, _, _)| *code == self.kind())
            .copied()
            .unwrap_or_default();
        if lang == Lang::Da {
            da
        } else {
            en
        }
    }
}

/// One number for one indicator, place, period and stratum: a view into [`Cells`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cell<'a> {
    /// Interned indicator (see [`ObservationTable::indicator_id`]).
    pub indicator: u32,
    /// The place.
    pub geography: &'a Geography,
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
    /// How many municipalities contributed (aggregates only; 0 for observed cells).
    pub contributed: usize,
    /// Municipality codes of the place with no data (aggregates only).
    pub missing: &'a [String],
    /// Why it is hidden, if it is.
    pub hidden: Option<&'a Hidden>,
}

impl Cell<'_> {
    /// The count discretion judges: the numerator, else the value of a count indicator.
    pub fn count(&self, additive: bool) -> Option<f64> {
        count(self.numerator, self.value, additive)
    }
}

fn count(numerator: f64, value: f64, additive: bool) -> Option<f64> {
    if !numerator.is_nan() {
        Some(numerator)
    } else if additive && !value.is_nan() {
        Some(value)
    } else {
        None
    }
}

/// Weights for aggregating value-only observations (e.g. population), by place.
pub type Weights = std::collections::HashMap<Geography, f64>;

/// A cell's id in [`Cells`]: an observed cell is its row in the observation
/// table; aggregates are numbered after the last row.
pub(crate) type CellId = u32;

/// All cells of one indicator, period and stratum: a range of [`Cells::members`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group {
    pub(crate) indicator: u32,
    pub(crate) period: Period,
    pub(crate) stratum: u32,
    /// The period's last day: the place structure aggregation follows.
    pub(crate) date: NaiveDate,
    start: u32,
    end: u32,
}

/// Places by dense id: the observation table's own places first (with the
/// same ids), then the parents met while aggregating.
#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    list: Vec<Geography>,
    ids: HashMap<Geography, u32>,
    /// Per date, each place's parents (nearest first), worked out once per
    /// date: the same dates recur in every indicator and stratum.
    parents: HashMap<NaiveDate, Vec<Box<[u32]>>>,
}

impl Places {
    fn new(table: &ObservationTable) -> Places {
        let mut places = Places::default();
        for g in 0..table.geography_count() {
            places.id(table.geography_of(g as u32));
        }
        places
    }

    fn id(&mut self, g: &Geography) -> u32 {
        if let Some(&id) = self.ids.get(g) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(g.clone());
        self.ids.insert(g.clone(), id);
        id
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn get(&self, id: u32) -> &Geography {
        &self.list[id as usize]
    }

    /// Makes sure every place's parents on `date` are known, interning
    /// parents not met before, so that [`Places::on`] can answer for `date`.
    pub(crate) fn prepare(&mut self, date: NaiveDate, hierarchy: &Hierarchy) {
        let mut done = self.parents.get(&date).map_or(0, Vec::len);
        // Parents found may be new places, whose own parents are then needed too.
        while done < self.list.len() {
            let found: Box<[u32]> = hierarchy
                .parents(&self.list[done], date)
                .iter()
                .map(|p| self.id(p))
                .collect();
            self.parents.entry(date).or_default().push(found);
            done += 1;
        }
    }

    /// Each place's parents on `date` (nearest first), indexed by place id;
    /// [`Places::prepare`] must have been called for `date`.
    pub(crate) fn on(&self, date: NaiveDate) -> &[Box<[u32]>] {
        self.parents.get(&date).map_or(&[], Vec::as_slice)
    }
}

/// Aggregated cells in columns: what [`aggregate`] returns and
/// [`crate::discretion::apply`] marks.
#[derive(Debug, Clone)]
pub struct Cells<'t> {
    table: &'t ObservationTable,
    /// Per interned indicator: the catalogue's factor, absent when the catalogue lacks the indicator.
    factor: Vec<Option<f64>>,
    pub(crate) places: Places,
    /// In output order: indicator id, period, stratum.
    pub(crate) groups: Vec<Group>,
    /// Every cell's id, group by group.
    members: Vec<CellId>,
    aggregates: Aggregates,
    /// Lists of missing municipalities; the first is the empty list of complete coverage.
    missing_lists: Vec<Box<[String]>>,
    /// The few hidden cells.
    pub(crate) hidden: HashMap<CellId, Hidden>,
}

/// The aggregate cells' own columns, indexed by cell id minus the table's length.
#[derive(Debug, Clone, Default)]
struct Aggregates {
    place: Vec<u32>,
    value: Vec<f64>,
    numerator: Vec<f64>,
    denominator: Vec<f64>,
    source: Vec<CellSource>,
    contributed: Vec<u32>,
    missing: Vec<u32>,
}

impl<'t> Cells<'t> {
    /// Number of cells.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no cells.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Every cell, group by group in output order (indicator id, period, stratum).
    pub fn iter(&self) -> impl Iterator<Item = Cell<'_>> + '_ {
        self.groups
            .iter()
            .flat_map(move |g| self.group_members(g).iter().map(move |&id| self.cell(g, id)))
    }

    /// The observation table the cells come from.
    pub fn table(&self) -> &'t ObservationTable {
        self.table
    }

    pub(crate) fn group_members(&self, g: &Group) -> &[CellId] {
        &self.members[g.start as usize..g.end as usize]
    }

    fn aggregate_index(&self, id: CellId) -> Option<usize> {
        (id as usize).checked_sub(self.table.len())
    }

    /// Cell `id`, of group `g`.
    pub(crate) fn cell(&self, g: &Group, id: CellId) -> Cell<'_> {
        let (numerator, denominator) = self.fraction(id);
        let (source, contributed, missing) = match self.aggregate_index(id) {
            None => (CellSource::Observed, 0, &[][..]),
            Some(a) => (
                self.aggregates.source[a],
                self.aggregates.contributed[a] as usize,
                &*self.missing_lists[self.aggregates.missing[a] as usize],
            ),
        };
        Cell {
            indicator: g.indicator,
            geography: self.places.get(self.place(id)),
            period: g.period,
            stratum: g.stratum,
            value: self.value(id),
            numerator,
            denominator,
            source,
            contributed,
            missing,
            hidden: self.hidden.get(&id),
        }
    }

    /// The place id of cell `id`.
    pub(crate) fn place(&self, id: CellId) -> u32 {
        match self.aggregate_index(id) {
            None => self.table.geography[id as usize],
            Some(a) => self.aggregates.place[a],
        }
    }

    fn fraction(&self, id: CellId) -> (f64, f64) {
        match self.aggregate_index(id) {
            None => (self.table.numerator[id as usize], self.table.denominator[id as usize]),
            Some(a) => (self.aggregates.numerator[a], self.aggregates.denominator[a]),
        }
    }

    /// The value of cell `id`; an observed fraction without a value gets one from its factor.
    pub(crate) fn value(&self, id: CellId) -> f64 {
        match self.aggregate_index(id) {
            Some(a) => self.aggregates.value[a],
            None => {
                let r = id as usize;
                let (v, n, d) = (self.table.value[r], self.table.numerator[r], self.table.denominator[r]);
                if v.is_nan() && !n.is_nan() && !d.is_nan() {
                    n / d * self.factor[self.table.indicator[r] as usize].unwrap_or(f64::NAN)
                } else {
                    v
                }
            }
        }
    }

    /// The count of cell `id` that discretion judges.
    pub(crate) fn count(&self, id: CellId, additive: bool) -> Option<f64> {
        count(self.fraction(id).0, self.value(id), additive)
    }

    /// Whether the place of aggregate `id` is covered in full (observed cells always are).
    pub(crate) fn complete(&self, id: CellId) -> bool {
        self.aggregate_index(id).is_none_or(|a| self.aggregates.missing[a] == 0)
    }
}

#[derive(Default, Clone)]
struct Acc {
    numerator: f64,
    denominator: f64,
    fraction_rows: usize,
    value_sum: f64,
    weighted_sum: f64,
    weight: f64,
    weighted_rows: usize,
    /// The least and greatest value given as a value (not a fraction), and
    /// how many were: any mean of the parts lies between the two.
    value_low: f64,
    value_high: f64,
    value_rows: usize,
    /// Municipalities counted; which ones is worked out only when coverage is incomplete.
    contributed: usize,
}

/// How far a stated aggregate may be from the sum of its parts, relative to
/// the parts' value, before it is reported: 1 %, room for published figures
/// rounded to one decimal, not for a figure of another population.
pub const DEFAULT_TOLERANCE: f64 = 0.01;

/// Aggregates every group (indicator, period, stratum) from its municipalities
/// upwards. Observed cells are kept as they are; a place observed directly is
/// not overwritten by a sum, but where all of its municipalities are observed
/// too, the two are compared ([`aggregate_checked`], at [`DEFAULT_TOLERANCE`]).
/// Groups of indicators the catalogue lacks give no cells.
pub fn aggregate<'t>(
    table: &'t ObservationTable,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
    weights: Option<&Weights>,
) -> (Cells<'t>, Problems) {
    aggregate_checked(table, catalogue, hierarchy, weights, DEFAULT_TOLERANCE)
}

/// [`aggregate`], with a place observed as a whole compared against the sum
/// of its municipalities wherever every one of them is observed: a stated
/// value further than `tolerance` (relative to the parts' value) from the
/// parts' is reported (`aggregate_disagrees_with_parts`, at the stated row,
/// with both figures). The stated figure is the one used, and the problem
/// says so.
///
/// ```
/// use sundhedsaftale::{aggregate::aggregate_checked, observation::read_csv};
/// let agreement = sundhedsaftale::nordjylland_2024();
/// let (catalogue, _) = agreement.indicator_catalogue();
/// // Cluster Vest stated as 41.67 %, its two municipalities 12.3 % together.
/// let table = read_csv("indicator,geography,period,numerator,denominator\n\
///     genindlaeggelser-30-dage,municipality:773,2024,20,200\n\
///     genindlaeggelser-30-dage,municipality:787,2024,41,300\n\
///     genindlaeggelser-30-dage,cluster:vest,2024,250,600\n").unwrap();
/// let (_, problems) = aggregate_checked(&table, &catalogue, &agreement.hierarchy(), None, 0.01);
/// assert_eq!(problems.0[0].code.as_str(), "aggregate_disagrees_with_parts");
/// // The cluster's row is row 4 of the file, after its header.
/// assert_eq!(problems.0[0].path.to_string(), "/4/numerator");
/// ```
pub fn aggregate_checked<'t>(
    table: &'t ObservationTable,
    catalogue: &IndicatorCatalogue,
    hierarchy: &Hierarchy,
    weights: Option<&Weights>,
    tolerance: f64,
) -> (Cells<'t>, Problems) {
    let defs: Vec<Option<&IndicatorDefinition>> = (0..table.indicator_count())
        .map(|i| catalogue.get(table.indicator_id(i as u32)))
        .collect();
    let weight: Vec<Option<f64>> = (0..table.geography_count())
        .map(|g| weights.and_then(|w| w.get(table.geography_of(g as u32))).copied())
        .collect();
    let (keys, order, starts) = group_rows(table);
    let mut cells = Cells {
        table,
        factor: defs.iter().map(|d| d.map(|d| d.factor)).collect(),
        places: Places::new(table),
        groups: Vec::with_capacity(keys.len()),
        members: Vec::with_capacity(table.len() + keys.len() * 8),
        aggregates: Aggregates::default(),
        missing_lists: vec![Box::from([])],
        hidden: HashMap::default(),
    };
    let mut problems = Vec::new();
    // Indexed by place id, reset after each group.
    let mut accs: Vec<Acc> = Vec::new();
    // The row observing each place as a whole in this group, `NOT_OBSERVED` if none.
    let mut observed: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut observed_here: Vec<u32> = Vec::new();
    // The municipalities each place contains on a date.
    let mut expected: HashMap<(u32, NaiveDate), Box<[String]>> = HashMap::default();

    for k in sorted_groups(table, &keys) {
        let (indicator, period, stratum) = keys[k];
        let Some(def) = defs[indicator as usize] else {
            continue;
        };
        let rows = &order[starts[k] as usize..starts[k + 1] as usize];
        let date = period.last_day();
        cells.places.prepare(date, hierarchy);
        let parents_on = cells.places.on(date);
        let start = cells.members.len() as u32;
        for &r in rows {
            let r = r as usize;
            let place = table.geography[r];
            let municipality = table.geography_of(place).level == Level::Municipality;
            if table.flags[r] & SUPPRESSED != 0 {
                continue;
            }
            cells.members.push(r as CellId);
            if !municipality {
                if observed.len() <= place as usize {
                    observed.resize(place as usize + 1, NOT_OBSERVED);
                }
                observed[place as usize] = r as u32;
                observed_here.push(place);
                continue;
            }
            let (v, n, d) = (table.value[r], table.numerator[r], table.denominator[r]);
            let has_fraction = !n.is_nan() && !d.is_nan();
            let parents = &parents_on[place as usize];
            if let Some(&top) = parents.iter().max() {
                grow(&mut accs, top as usize + 1);
            }
            for &p in parents {
                let acc = &mut accs[p as usize];
                if acc.contributed == 0 {
                    touched.push(p);
                }
                acc.contributed += 1;
                if has_fraction {
                    acc.numerator += n;
                    acc.denominator += d;
                    acc.fraction_rows += 1;
                } else if !v.is_nan() {
                    acc.value_sum += v;
                    (acc.value_low, acc.value_high) = if acc.value_rows == 0 {
                        (v, v)
                    } else {
                        (acc.value_low.min(v), acc.value_high.max(v))
                    };
                    acc.value_rows += 1;
                    if let Some(w) = weight[place as usize] {
                        acc.weighted_sum += w * v;
                        acc.weight += w;
                        acc.weighted_rows += 1;
                    }
                }
            }
        }
        // In the order places were first met: nearest level first, as the hierarchy lists them.
        touched.sort_unstable();
        for &p in &touched {
            let acc = std::mem::take(&mut accs[p as usize]);
            let rows_in = acc.contributed;
            let parent = cells.places.get(p);
            let stated = observed.get(p as usize).copied().unwrap_or(NOT_OBSERVED);
            if stated != NOT_OBSERVED {
                let parts_in_full = expected
                    .entry((p, date))
                    .or_insert_with(|| hierarchy.municipalities_under(parent, date).into())
                    .len()
                    == rows_in;
                // A rate given by value alone, without weights: no mean of the
                // parts is known, but every mean of them lies between the least
                // and the greatest; a stated figure outside cannot be theirs.
                let bounded = parts_in_full && combine(&acc, def).is_none() && acc.value_rows == rows_in;
                let given = cells.value(stated);
                let slack = tolerance * acc.value_high.abs().max(acc.value_low.abs());
                if bounded && !given.is_nan() && (given < acc.value_low - slack || given > acc.value_high + slack) {
                    let column = "value";
                    problems.push(table.problem(
                        Code::AggregateOutsideParts,
                        stated as usize,
                        column,
                        ctx!("indicator" => def.id, "indicator_name" => def.name,
                            "geography" => parent.to_string(),
                            "name" => hierarchy.name(parent).unwrap_or(""), "period" => period.to_string(),
                            "stated" => given, "low" => acc.value_low, "high" => acc.value_high,
                            "municipalities" => rows_in),
                    ));
                }
                if let Some((parts, ..)) = combine(&acc, def).filter(|_| parts_in_full) {
                    let given = cells.value(stated);
                    if !given.is_nan() && !parts.is_nan() && (given - parts).abs() > tolerance * parts.abs() {
                        let column = if table.value[stated as usize].is_nan() {
                            "numerator"
                        } else {
                            "value"
                        };
                        problems.push(table.problem(
                            Code::AggregateDisagreesWithParts,
                            stated as usize,
                            column,
                            ctx!("indicator" => def.id, "indicator_name" => def.name,
                                "geography" => parent.to_string(),
                                "name" => hierarchy.name(parent).unwrap_or(""), "period" => period.to_string(),
                                "stated" => given, "parts" => parts, "municipalities" => rows_in,
                                "used" => "stated"),
                        ));
                    }
                }
                continue;
            }
            let Some((value, numerator, denominator, source)) = combine(&acc, def) else {
                problems.push(Problem::with_context(
                    Code::AggregationNeedsWeights,
                    "",
                    ctx!("indicator" => def.id, "geography" => parent.to_string(), "period" => period.to_string()),
                ));
                continue;
            };
            if !(value.is_finite() || value.is_nan()) || numerator.is_infinite() || denominator.is_infinite() {
                problems.push(Problem::with_context(
                    Code::SumNotFinite,
                    "",
                    ctx!("indicator" => def.id, "geography" => parent.to_string(), "period" => period.to_string()),
                ));
                continue;
            }
            let expected = expected
                .entry((p, date))
                .or_insert_with(|| hierarchy.municipalities_under(parent, date).into());
            let missing = if rows_in == expected.len() {
                0
            } else {
                let mut codes: Vec<&str> = Vec::new();
                for &r in rows {
                    let place = table.geography[r as usize];
                    let counted = table.flags[r as usize] & SUPPRESSED == 0
                        && table.geography_of(place).level == Level::Municipality
                        && parents_on[place as usize].contains(&p);
                    if counted {
                        codes.push(&table.geography_of(place).code);
                    }
                }
                codes.sort_unstable();
                let missing: Box<[String]> = expected
                    .iter()
                    .filter(|m| codes.binary_search(&m.as_str()).is_err())
                    .cloned()
                    .collect();
                cells.missing_lists.push(missing);
                cells.missing_lists.len() as u32 - 1
            };
            let a = &mut cells.aggregates;
            cells.members.push((table.len() + a.place.len()) as CellId);
            a.place.push(p);
            a.value.push(value);
            a.numerator.push(numerator);
            a.denominator.push(denominator);
            a.source.push(source);
            a.contributed.push(rows_in as u32);
            a.missing.push(missing);
        }
        touched.clear();
        for p in observed_here.drain(..) {
            observed[p as usize] = NOT_OBSERVED;
        }
        cells.groups.push(Group {
            indicator,
            period,
            stratum,
            date,
            start,
            end: cells.members.len() as u32,
        });
    }
    (cells, Problems(problems))
}

/// No row observes the place as a whole.
const NOT_OBSERVED: u32 = u32::MAX;

/// The aggregate of a place's municipalities: (value, numerator,
/// denominator, source). Fractions sum their parts; additive values add up;
/// other values need every part weighted. `None` when the parts cannot be
/// combined without weights.
fn combine(acc: &Acc, def: &IndicatorDefinition) -> Option<(f64, f64, f64, CellSource)> {
    let rows_in = acc.contributed;
    if acc.fraction_rows == rows_in {
        Some((
            acc.numerator / acc.denominator * def.factor,
            acc.numerator,
            acc.denominator,
            CellSource::Summed,
        ))
    } else if def.unit.is_additive() && acc.fraction_rows == 0 {
        Some((acc.value_sum, f64::NAN, f64::NAN, CellSource::Summed))
    } else if acc.fraction_rows == 0 && acc.weighted_rows == rows_in && acc.weight > 0.0 {
        Some((acc.weighted_sum / acc.weight, f64::NAN, f64::NAN, CellSource::Weighted))
    } else {
        None
    }
}

fn grow<T: Default + Clone>(v: &mut Vec<T>, len: usize) {
    if v.len() < len {
        v.resize(len, T::default());
    }
}

/// Group keys (indicator, period, stratum) in order of first appearance, and
/// the rows of each group (a counting sort: `order[starts[k]..starts[k + 1]]`
/// are group `k`'s rows, in table order).
#[allow(clippy::type_complexity)]
fn group_rows(table: &ObservationTable) -> (Vec<(u32, Period, u32)>, Vec<u32>, Vec<u32>) {
    let n = table.len();
    // Periods numbered densely; tidy files repeat a period over neighbouring rows.
    let mut period_ids: HashMap<Period, u32> = HashMap::default();
    let mut last: Option<(Period, u32)> = None;
    let period_of: Vec<u32> = table
        .period
        .iter()
        .map(|&p| match last {
            Some((q, id)) if q == p => id,
            _ => {
                let next = period_ids.len() as u32;
                let id = *period_ids.entry(p).or_insert(next);
                last = Some((p, id));
                id
            }
        })
        .collect();
    let (periods, strata) = (period_ids.len(), table.strata_count());
    // A dense key space when it is small (the normal case), else a hash map.
    let dense = table
        .indicator_count()
        .checked_mul(periods)
        .and_then(|x| x.checked_mul(strata))
        .filter(|&x| x <= 4 * n.max(1024));
    let mut slots = vec![u32::MAX; dense.unwrap_or(0)];
    let mut ids: HashMap<(u32, u32, u32), u32> = HashMap::default();
    let mut keys = Vec::new();
    let mut group = Vec::with_capacity(n);
    for (r, &p) in period_of.iter().enumerate() {
        let (i, s) = (table.indicator[r], table.stratum[r]);
        let mut new = || {
            keys.push((i, table.period[r], s));
            keys.len() as u32 - 1
        };
        let id = if dense.is_some() {
            let slot = &mut slots[(i as usize * periods + p as usize) * strata + s as usize];
            if *slot == u32::MAX {
                *slot = new();
            }
            *slot
        } else {
            *ids.entry((i, p, s)).or_insert_with(new)
        };
        group.push(id);
    }
    let mut starts = vec![0u32; keys.len() + 1];
    for &g in &group {
        starts[g as usize + 1] += 1;
    }
    for k in 0..keys.len() {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut order = vec![0u32; table.len()];
    for (r, &g) in group.iter().enumerate() {
        order[next[g as usize] as usize] = r as u32;
        next[g as usize] += 1;
    }
    (keys, order, starts)
}

/// Group indices in output order: indicator id, period, stratum.
fn sorted_groups(table: &ObservationTable, keys: &[(u32, Period, u32)]) -> Vec<usize> {
    let mut sorted: Vec<usize> = (0..keys.len()).collect();
    sorted.sort_by_cached_key(|&k| {
        let (indicator, period, stratum) = keys[k];
        (
            table.indicator_id(indicator),
            period.first_day(),
            period.last_day(),
            stratum,
        )
    });
    sorted
}
