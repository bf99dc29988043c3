//! The annual follow-up (årlig opfølgning) of the focus areas.
//!
//! For each focus area and indicator, and each place from municipality to
//! region: the baseline, the latest value, the change, the target, the
//! status and score with all their components, the coverage, and what was
//! hidden for discretion. Results are tidy rows of plain data, ready for a
//! data frame; roll-ups give each focus area and the agreement a mean score
//! per place.
//!
//! ```
//! use sundhedsaftale::annual::{run, FollowUpConfig};
//! let agreement = sundhedsaftale::nordjylland_2024();
//! // Without observations, the agreement's own key figures are followed up.
//! let result = run(&agreement, None, 2024, &FollowUpConfig::default()).unwrap();
//! assert!(result.rows.iter().any(|r| r.indicator.starts_with("kf-")));
//! ```

use std::collections::BTreeMap;

use crate::ground::hash::HashMap;
use crate::ground::lang::labels;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::agreement::HealthAgreement;
use crate::document::indicator::IndicatorCatalogue;
use crate::document::target::{target_for, Target};
use crate::engine::aggregate::{aggregate_checked, CellId, Cells, Hidden, Weights};
use crate::engine::discretion;
use crate::engine::observation::{check_with, Dialect, Observation, ObservationTable, SkippedRows, SUPPRESSED};
use crate::engine::progress::{measure, roll_up, Goal, Point, Progress, ProgressConfig, Status};
use crate::ground::period::Period;
use crate::places::geography::{Geography, Level};
use crate::problems::problem::Problems;
use crate::reading::parse::derived;

derived!(FollowUpOptions);

/// Settings of a follow-up run.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpConfig {
    /// Targets, per indicator and optionally per place.
    pub targets: Vec<Target>,
    /// Weights for value-only observations, by place.
    pub weights: Option<Weights>,
    /// Counts below this are hidden, unless an indicator sets its own. The
    /// default, 5, is this library's choice, not an official rule: set the
    /// one your publication follows.
    pub small_count_threshold: u32,
    /// The progress thresholds.
    pub progress: ProgressConfig,
    /// How CSV observations are written; absent: detected from the header line.
    pub dialect: Option<Dialect>,
    /// The least coverage (municipalities observed / municipalities the
    /// place has) at which an aggregate is scored as that place's progress.
    /// Below it the row shows its values but no status or score
    /// ([`NotScored::PartialCoverage`]): eleven municipalities are not
    /// Denmark. The default, 1, asks for full coverage.
    pub min_coverage: f64,
    /// How far (relative) a place observed as a whole may be from the sum of
    /// its municipalities, when all are observed too, before the follow-up
    /// reports it (`aggregate_disagrees_with_parts`); default 0.01.
    pub aggregate_tolerance: f64,
}

impl Default for FollowUpConfig {
    fn default() -> FollowUpConfig {
        FollowUpConfig {
            targets: Vec::new(),
            weights: None,
            small_count_threshold: 5,
            progress: ProgressConfig::default(),
            dialect: None,
            min_coverage: 1.0,
            aggregate_tolerance: crate::engine::aggregate::DEFAULT_TOLERANCE,
        }
    }
}

/// [`FollowUpConfig`] in its JSON form, as the bindings pass it.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpOptions {
    /// Targets.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Weights by place code (`municipality:851`).
    #[serde(default)]
    pub weights: Option<BTreeMap<Geography, f64>>,
    /// The small-count threshold (default 5).
    #[serde(default)]
    pub small_count_threshold: Option<u32>,
    /// The progress thresholds.
    #[serde(default)]
    pub progress: Option<ProgressConfig>,
    /// How CSV observations are written (`{"separator": ";", "decimal_comma": true}`); absent: detected.
    #[serde(default)]
    pub dialect: Option<Dialect>,
    /// The least coverage, from 0 to 1, at which an aggregate is scored (default 1: full coverage).
    #[serde(default)]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub min_coverage: Option<f64>,
    /// How far, relative, a stated aggregate may be from the sum of its parts (default 0.01).
    #[serde(default)]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub aggregate_tolerance: Option<f64>,
}

impl From<FollowUpOptions> for FollowUpConfig {
    fn from(o: FollowUpOptions) -> FollowUpConfig {
        let defaults = FollowUpConfig::default();
        FollowUpConfig {
            targets: o.targets,
            weights: o.weights.map(|w| w.into_iter().collect()),
            small_count_threshold: o.small_count_threshold.unwrap_or(defaults.small_count_threshold),
            progress: o.progress.unwrap_or(defaults.progress),
            dialect: o.dialect,
            min_coverage: o.min_coverage.unwrap_or(defaults.min_coverage),
            aggregate_tolerance: o.aggregate_tolerance.unwrap_or(defaults.aggregate_tolerance),
        }
    }
}

/// Runs the follow-up of `year` on observations given as text (checked
/// against the agreement's own indicators and geography), or, with none
/// given, on the agreement's own key figures. Targets come from the document
/// and from `config`; where both set one for the same series with the same
/// specificity, `config`'s wins.
///
/// ```
/// let a = sundhedsaftale::nordjylland_2024();
/// let result = sundhedsaftale::annual::run(&a, None, 2025, &Default::default()).unwrap();
/// assert!(result.rows.iter().any(|r| r.indicator == "kf-kroniske-sygdomme"));
/// ```
pub fn run(
    agreement: &HealthAgreement,
    observations: Option<(&str, crate::engine::observation::Format)>,
    year: i32,
    config: &FollowUpConfig,
) -> Result<AnnualFollowUp, Problems> {
    match observations {
        None => run_on(agreement, None, year, config),
        Some((text, format)) => {
            let (table, skipped) = read_for(agreement, text, format, config.dialect)?;
            run_checking(agreement, Some((&table, skipped)), year, config)
        }
    }
}

/// Observations read for `agreement`'s follow-up. CSV rows of an indicator
/// the agreement does not follow up are left out as they are read (the
/// check reports them where they stood), so that memory is bounded by what
/// the follow-up can use, not by the rows of the file.
#[cfg(feature = "csv")]
fn read_for(
    agreement: &HealthAgreement,
    text: &str,
    format: crate::engine::observation::Format,
    dialect: Option<Dialect>,
) -> Result<(ObservationTable, SkippedRows), Problems> {
    if format != crate::engine::observation::Format::Csv {
        return Ok((
            crate::engine::observation::read_in(text, format, dialect)?,
            SkippedRows::default(),
        ));
    }
    let defined = agreement
        .indicator_catalogue()
        .0
        .indicators
        .into_iter()
        .map(|d| d.id)
        .collect();
    let dialect = dialect.unwrap_or_else(|| Dialect::detect(text));
    crate::engine::observation::read_csv_leaving(text, dialect, Some(std::sync::Arc::new(defined)))
}

/// Without the `csv` feature, every row is read (JSON) or none (CSV).
#[cfg(not(feature = "csv"))]
fn read_for(
    _: &HealthAgreement,
    text: &str,
    format: crate::engine::observation::Format,
    dialect: Option<Dialect>,
) -> Result<(ObservationTable, SkippedRows), Problems> {
    Ok((
        crate::engine::observation::read_in(text, format, dialect)?,
        SkippedRows::default(),
    ))
}

/// Runs the follow-up of `year` on a published table (StatBank CSV,
/// JSON-stat, a workbook) read through `mapping`: the mapping is checked
/// against the agreement's indicators first, then the table is read, and
/// every problem names the file's own row and column.
///
/// ```
/// use sundhedsaftale::published::Format;
/// let a = sundhedsaftale::nordjylland_2024();
/// let mapping = sundhedsaftale::parse_json(r#"{"indicator": "genindlaeggelser-30-dage",
///     "place": "OMRÅDE", "period": "TID", "numerator": "GENIND", "denominator": "UDSKR"}"#).unwrap();
/// let csv = "OMRÅDE;TID;GENIND;UDSKR\r\n851;2024;30;300\r\n";
/// let result = sundhedsaftale::annual::run_published(&a, csv.as_bytes(), Format::Statbank, &mapping, 2024, &Default::default()).unwrap();
/// assert!(result.rows.iter().any(|r| r.geography.to_string() == "municipality:851"));
/// ```
pub fn run_published(
    agreement: &HealthAgreement,
    bytes: &[u8],
    format: crate::engine::published::Format,
    mapping: &crate::engine::published::mapping::SourceMapping,
    year: i32,
    config: &FollowUpConfig,
) -> Result<AnnualFollowUp, Problems> {
    check_mapping(agreement, mapping)?;
    let table = crate::engine::published::read(bytes, format, mapping)?;
    run_on(agreement, Some(&table), year, config)
}

/// [`run_published`] on a table already read into a sheet (a workbook read
/// by the web package's Excel module).
pub fn run_published_sheet(
    agreement: &HealthAgreement,
    sheet: &crate::engine::published::Sheet,
    mapping: &crate::engine::published::mapping::SourceMapping,
    year: i32,
    config: &FollowUpConfig,
) -> Result<AnnualFollowUp, Problems> {
    check_mapping(agreement, mapping)?;
    let table = mapping.read(sheet)?;
    run_on(agreement, Some(&table), year, config)
}

/// A mapping against the agreement's indicators, before any table is read.
fn check_mapping(
    agreement: &HealthAgreement,
    mapping: &crate::engine::published::mapping::SourceMapping,
) -> Result<(), Problems> {
    let problems = mapping.check_against(&agreement.indicator_catalogue().0);
    match problems.has_errors() {
        true => Err(problems),
        false => Ok(()),
    }
}

/// Runs the follow-up of `year` on observations already read (checked
/// against the agreement's own indicators and geography first), or, with
/// none, on the agreement's own key figures: for reading a large file once
/// and following it up under several settings.
///
/// ```
/// use sundhedsaftale::{annual::run_on, observation::read_csv};
/// let a = sundhedsaftale::nordjylland_2024();
/// let table = read_csv("indicator,geography,period,numerator,denominator\n\
///     genindlaeggelser-30-dage,municipality:851,2024,30,300\n").unwrap();
/// let result = run_on(&a, Some(&table), 2024, &Default::default()).unwrap();
/// assert!(result.rows.iter().any(|r| r.geography.to_string() == "municipality:851"));
/// ```
pub fn run_on(
    agreement: &HealthAgreement,
    observations: Option<&ObservationTable>,
    year: i32,
    config: &FollowUpConfig,
) -> Result<AnnualFollowUp, Problems> {
    run_checking(
        agreement,
        observations.map(|t| (t, SkippedRows::default())),
        year,
        config,
    )
}

/// [`run_on`] on a table read without the rows in its [`SkippedRows`], which
/// are reported among the table's own.
fn run_checking(
    agreement: &HealthAgreement,
    observations: Option<(&ObservationTable, SkippedRows)>,
    year: i32,
    config: &FollowUpConfig,
) -> Result<AnnualFollowUp, Problems> {
    // Every option out of range at once, as every structural mistake is.
    let out_of_range: Vec<_> = [
        ("min_coverage", config.min_coverage),
        ("aggregate_tolerance", config.aggregate_tolerance),
    ]
    .into_iter()
    .filter(|(_, value)| !(0.0..=1.0).contains(value))
    .map(|(option, value)| {
        crate::problems::problem::Problem::with_context(
            crate::problems::catalogue::Code::OptionOutOfRange,
            crate::problems::problem::Pointer::root().key(option),
            crate::problems::problem::ctx!("option" => option, "value" => value, "min" => 0, "max" => 1),
        )
    })
    .collect();
    if !out_of_range.is_empty() {
        return Err(Problems(out_of_range));
    }
    // The year's data is held to the document as it stood at the year's
    // end: a target inserted in October 2019 applies to 2019, not to 2018.
    let amended;
    let agreement = match (
        agreement.amendments.is_empty(),
        chrono::NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (false, Some(last_day)) => {
            amended = agreement.as_of(last_day)?;
            &amended
        }
        _ => agreement,
    };
    let (catalogue, gaps) = agreement.indicator_catalogue();
    let own;
    let (table, later) = match observations {
        None => {
            own = key_figure_observations(agreement);
            (&own, Vec::new())
        }
        Some((table, skipped)) => {
            let limits = crate::problems::problem::Limits::default();
            let mut problems = check_with(table, skipped, &catalogue, &agreement.hierarchy());
            // Only the problems kept are built; the rest are counted.
            let mut categories = crate::problems::problem::Capped::new(limits);
            crate::engine::categories::check_into(table, &catalogue, &mut categories);
            problems.0.extend(categories.out);
            let problems = problems.capped_counting(limits, categories.counted);
            if problems.has_errors() {
                return Err(problems);
            }
            // The rows' warnings (an implausible value) stay with the result.
            let mut warnings = problems.0;
            warnings.extend(outside_window(table, year));
            (table, warnings)
        }
    };
    let mut result = annual_follow_up(agreement, &catalogue, table, year, config);
    result.problems.0.splice(0..0, gaps.0.into_iter().chain(later));
    Ok(result)
}

/// One warning per period after `year`: those rows are read but not used.
fn outside_window(table: &ObservationTable, year: i32) -> Vec<crate::problems::problem::Problem> {
    let mut rows: BTreeMap<Period, usize> = BTreeMap::new();
    for p in table.period.iter().filter(|p| p.year() > year) {
        *rows.entry(*p).or_insert(0) += 1;
    }
    rows.into_iter()
        .map(|(period, n)| {
            crate::problems::problem::Problem::with_context(
                crate::problems::catalogue::Code::PeriodOutsideWindow,
                "",
                crate::problems::problem::ctx!("period" => period.to_string(), "year" => year, "rows" => n,
                    "observations" => match n { 1 => "1 observation".to_string(), n => format!("{n} observations") },
                    "observations_da" => match n { 1 => "1 observation".to_string(), n => format!("{n} observationer") }),
            )
        })
        .collect()
}

/// One indicator at one place and stratum: what a follow-up table has one
/// row of. Values are in the indicator's unit (a percent as 12.1, a rate
/// per 1,000 as 3.2), exact, never rounded; periods are written as the
/// library writes them (`2024`, `2024Q3`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUpRow {
    /// The focus area's (pejlemærke's) id in the document.
    pub focus_area: String,
    /// The indicator's id in the document (or the key figure's).
    pub indicator: String,
    /// The indicator's name, as the agreement writes it (Danish).
    pub indicator_name: String,
    /// The place's level: country, region, cluster or municipality.
    pub level: Level,
    /// The place, as an id (`municipality:851`, `region:1081`, `cluster:nord`).
    pub geography: Geography,
    /// The place's name (`Aalborg Kommune`), when it is known.
    pub geography_name: Option<String>,
    /// The stratum, `dimension=category` joined by `;`, empty for the total.
    pub stratum: String,
    /// The baseline's period: the target's base period if it states one,
    /// else the first period with data up to the year followed up.
    pub baseline_period: Option<Period>,
    /// The value in the baseline period, in the indicator's unit.
    pub baseline_value: Option<f64>,
    /// The last period with data up to the year followed up.
    pub latest_period: Option<Period>,
    /// The value in the latest period, in the indicator's unit.
    pub latest_value: Option<f64>,
    /// Latest minus baseline, in the indicator's unit (not a percentage change).
    pub change: Option<f64>,
    /// The target value (or the nearer bound of a range), if any.
    pub target_value: Option<f64>,
    /// When the target is due.
    pub target_period: Option<Period>,
    /// The progress status, from `target_achieved` to `deterioration`, or
    /// `not_available` (with the reason in `progress` or `note`).
    pub status: Status,
    /// The progress score, from −5 (moving away fast) to 5 (target
    /// achieved, or moving fast the right way): the method's continuous
    /// measure behind the status, for means over indicators; absent when
    /// the status is not available.
    pub score: Option<f64>,
    /// The full progress result, with every component of the method.
    pub progress: Option<Progress>,
    /// How many municipalities contributed to the latest value (aggregates).
    pub contributed: usize,
    /// The municipalities of the place with no latest value (aggregates).
    pub missing: Vec<String>,
    /// For an aggregate: the share (0 to 1) of the place's municipalities
    /// observed, the lower of the baseline's and the latest value's; absent
    /// for a place observed as a whole.
    pub coverage: Option<f64>,
    /// Why the row has values but no status or score, when it has none.
    pub not_scored: Option<NotScored>,
    /// Why the row's values are hidden, if they are.
    pub hidden: Option<Hidden>,
    /// Why there is no result, when there is none, in English for logs;
    /// `figures::note` says it in either language.
    pub note: Option<String>,
}

impl FollowUpRow {
    /// A row for an indicator at a place with nothing measured: status
    /// `not_available`, every value absent, no note.
    pub fn without_data(
        focus_area: String,
        indicator: String,
        indicator_name: String,
        geography: Geography,
        geography_name: Option<String>,
    ) -> FollowUpRow {
        FollowUpRow {
            focus_area,
            indicator,
            indicator_name,
            level: geography.level,
            geography,
            geography_name,
            stratum: String::new(),
            baseline_period: None,
            baseline_value: None,
            latest_period: None,
            latest_value: None,
            change: None,
            target_value: None,
            target_period: None,
            status: Status::NotAvailable,
            score: None,
            progress: None,
            contributed: 0,
            missing: Vec::new(),
            coverage: None,
            not_scored: None,
            hidden: None,
            note: None,
        }
    }
}

/// A roll-up of indicator scores for a focus area (or the agreement) at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RollUpRow {
    /// The focus area; absent for the whole agreement.
    pub focus_area: Option<String>,
    /// The place.
    pub geography: Geography,
    /// Mean score.
    pub score: Option<f64>,
    /// Its band.
    pub status: Status,
    /// Indicators with a score.
    pub scored: usize,
    /// Indicators without one.
    pub not_available: usize,
    /// How each indicator entered: by its total, or as the mean of its strata.
    pub entered: Vec<RollUpEntry>,
    /// The focus area's (or agreement's) indicators that did not enter, and why.
    pub left_out: Vec<LeftOut>,
}

/// How an indicator entered a roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RollUpBasis {
    /// Its total: the row without a stratum, or the declared total category.
    Total,
    /// It has no total at the place: the mean of the scores of its strata in
    /// one dimension (the first by name that it is published by alone); a
    /// stratum without a score does not count, and with none scored the
    /// indicator counts as not available.
    MeanOfStrata,
}

labels!(RollUpBasis {
    Total => ("total", "total"),
    MeanOfStrata => ("mean of the strata", "gennemsnit af strata"),
});

/// Why an indicator did not enter a roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// No observation of it at the place up to the year.
    NoData,
    /// It is published at the place only by crossed strata (sex and age
    /// group together), neither a total nor one dimension alone.
    OnlyCrossedStrata,
}

labels!(LeftOutReason {
    NoData => ("no data", "ingen data"),
    OnlyCrossedStrata => ("only crossed strata", "kun krydsede strata"),
});

/// An indicator as it entered a roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RollUpEntry {
    /// Indicator id.
    pub indicator: String,
    /// How it entered.
    pub basis: RollUpBasis,
    /// For the mean of strata: the dimension whose strata were averaged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// For the mean of strata: how many strata were averaged (with a score or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strata: Option<usize>,
    /// The score it entered with.
    pub score: Option<f64>,
    /// Its status.
    pub status: Status,
}

/// An indicator left out of a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LeftOut {
    /// Indicator id.
    pub indicator: String,
    /// Why.
    pub reason: LeftOutReason,
}

/// The result of the annual follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualFollowUp {
    /// The year followed up.
    pub year: i32,
    /// One row per focus area, indicator, place and stratum.
    pub rows: Vec<FollowUpRow>,
    /// Roll-ups per focus area and place, then for the agreement per place.
    pub roll_ups: Vec<RollUpRow>,
    /// Problems met on the way (aggregation without weights, unusable targets).
    pub problems: Problems,
}

/// The agreement's own key figures as observations at the region, including
/// the earlier values the agreement states as changes ("a fall of 3
/// percentage points since 2010" gives 86 % in 2010).
pub fn key_figure_observations(agreement: &HealthAgreement) -> ObservationTable {
    let mut table = ObservationTable::new();
    let region = agreement
        .organisation(&agreement.region)
        .and_then(|o| o.code)
        .map(|c| c.to_string());
    let Some(region) = region else { return table };
    let geography = Geography::new(Level::Region, region);
    for k in agreement.focus_areas.iter().flat_map(|f| &f.key_figures) {
        let Some(year) = k.year else { continue };
        let mut push = |year: i32, value: f64| {
            table.push(&Observation {
                indicator: k.id.clone(),
                geography: geography.clone(),
                period: Period::Year(year),
                value: Some(value),
                numerator: None,
                denominator: None,
                disaggregation: BTreeMap::new(),
                provisional: false,
                break_in_series: false,
                suppressed: false,
            })
        };
        if let Some((earlier_year, earlier)) = k.earlier_value() {
            push(earlier_year, earlier);
        }
        push(year, k.value);
    }
    table
}

fn stratum_text(table: &ObservationTable, stratum: u32) -> String {
    table
        .stratum_of(stratum)
        .iter()
        .map(|(d, c)| format!("{d}={c}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A score and status, as roll-ups take them.
type Scored = (Option<f64>, Status);

/// One series of the follow-up: (indicator id, place, stratum text) in output
/// order, the interned stratum, its cells in period order, and the latest
/// period the source withheld (`..`) when it is later than every published one.
type Series<'a> = (
    (&'a str, &'a Geography, String),
    u32,
    Vec<(u32, CellId)>,
    Option<Period>,
);

/// The series (indicator, place, stratum) with a value up to `year`, in
/// output order. Cells arrive group by group in period order, so each
/// series' cells come out in period order by a counting pass: no hashing or
/// allocation per cell.
fn series<'a>(cells: &'a Cells<'_>, year: i32) -> Vec<Series<'a>> {
    let table = cells.table();
    let places = cells.places.len();
    // (indicator, stratum) pairs, densely numbered; a series is a pair at a place.
    let mut pairs: HashMap<(u32, u32), usize> = HashMap::default();
    let mut pair_of = Vec::with_capacity(cells.groups.len());
    for g in &cells.groups {
        let next = pairs.len();
        pair_of.push(*pairs.entry((g.indicator, g.stratum)).or_insert(next));
    }
    let in_window = |g: &crate::engine::aggregate::Group| g.period.year() <= year;
    // Each cell as its group and id: eight bytes, not a whole cell.
    let mut lists: Vec<Vec<(u32, CellId)>> = vec![Vec::new(); pairs.len() * places];
    for (k, (g, &pair)) in cells
        .groups
        .iter()
        .zip(&pair_of)
        .enumerate()
        .filter(|(_, (g, _))| in_window(g))
    {
        for &id in cells.group_members(g) {
            if !cells.value(id).is_nan() {
                lists[pair * places + cells.place(id) as usize].push((k as u32, id));
            }
        }
    }
    // Values the source withheld: suppressed rows are no cells, so they are
    // looked up in the table. Few rows are, so a map, not a slot per series.
    // A place's parents lose that period too, unless other parts give them a
    // value for it (the aggregation prepared every group's date).
    let mut withheld: HashMap<usize, Period> = HashMap::default();
    for r in (0..table.len()).filter(|&r| table.flags[r] & SUPPRESSED != 0) {
        let period = table.period[r];
        if period.year() > year {
            continue;
        }
        let Some(&pair) = pairs.get(&(table.indicator[r], table.stratum[r])) else {
            continue;
        };
        let place = table.geography[r];
        let parents = cells.places.on(period.last_day()).get(place as usize);
        for p in std::iter::once(place).chain(parents.into_iter().flatten().copied()) {
            let slot = withheld.entry(pair * places + p as usize).or_insert(period);
            *slot = (*slot).max(period);
        }
    }
    let mut out: Vec<Series<'a>> = Vec::new();
    for ((indicator, stratum), pair) in pairs {
        for place in 0..places {
            let list = std::mem::take(&mut lists[pair * places + place]);
            let last = |&(g, _): &(u32, CellId)| cells.groups[g as usize].period;
            let withheld = withheld
                .get(&(pair * places + place))
                .copied()
                .filter(|p| list.last().is_none_or(|c| last(c) < *p));
            if !list.is_empty() || withheld.is_some() {
                let key = (
                    table.indicator_id(indicator),
                    cells.places.get(place as u32),
                    stratum_text(table, stratum),
                );
                out.push((key, stratum, list, withheld));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Runs the annual follow-up of `year` over `observations`.
pub fn annual_follow_up(
    agreement: &HealthAgreement,
    catalogue: &IndicatorCatalogue,
    observations: &ObservationTable,
    year: i32,
    config: &FollowUpConfig,
) -> AnnualFollowUp {
    let hierarchy = agreement.hierarchy();
    let targets: Vec<Target> = config
        .targets
        .iter()
        .cloned()
        .chain(agreement.targets().into_iter().map(|(_, t)| t))
        .collect();
    let (mut cells, problems) = aggregate_checked(
        observations,
        catalogue,
        &hierarchy,
        config.weights.as_ref(),
        config.aggregate_tolerance,
    );
    discretion::apply(&mut cells, catalogue, &hierarchy, config.small_count_threshold);
    let mut problems = problems.0;
    problems.extend(crate::engine::totals::check(
        &cells,
        catalogue,
        config.aggregate_tolerance,
    ));
    let series = series(&cells, year);
    // Each (indicator, stratum text) as the roll-ups take it.
    let mut kinds: HashMap<(&str, &str), StratumKind> = HashMap::default();
    for ((indicator, _, text), id, ..) in &series {
        let stratum = observations.stratum_of(*id);
        let kind = match catalogue.get(indicator) {
            Some(def) if def.is_total(stratum) => StratumKind::Total,
            _ if stratum.len() == 1 => StratumKind::Single(stratum[0].0.as_str()),
            _ => StratumKind::Crossed,
        };
        kinds.insert((indicator, text.as_str()), kind);
    }

    let focus_order: Vec<&str> = agreement.focus_areas.iter().map(|f| f.id.as_str()).collect();
    let mut rows = Vec::new();
    for def in &catalogue.indicators {
        for focus_area in def.focus_areas.iter().filter(|f| focus_order.contains(&f.as_str())) {
            let mut any = false;
            let start = series.partition_point(|s| s.0 .0 < def.id.as_str());
            for ((indicator, geography, stratum), stratum_id, list, withheld) in &series[start..] {
                if *indicator != def.id {
                    break;
                }
                any = true;
                let target = target_for(&targets, &def.id, geography, observations.stratum_of(*stratum_id));
                let base_period = target.and_then(|t| t.base_period);
                let cell = |&(g, id): &(u32, CellId)| cells.cell(&cells.groups[g as usize], id);
                if let Some(period) = *withheld {
                    // The latest value is the source's to withhold: the last
                    // published one is not shown as if it were the latest.
                    let first = base_period
                        .and_then(|p| list.iter().map(cell).find(|c| c.period == p))
                        .or_else(|| list.first().map(cell))
                        .filter(|c| c.hidden.is_none());
                    rows.push(FollowUpRow {
                        stratum: stratum.clone(),
                        baseline_period: first.map(|c| c.period),
                        baseline_value: first.map(|c| c.value),
                        latest_period: Some(period),
                        hidden: Some(Hidden::Withheld { period }),
                        note: Some("withheld at the source".into()),
                        ..FollowUpRow::without_data(
                            focus_area.clone(),
                            def.id.clone(),
                            def.name.clone(),
                            Geography::clone(geography),
                            hierarchy.name(geography).map(str::to_string),
                        )
                    });
                    continue;
                }
                let last = cell(&list[list.len() - 1]);
                let first = base_period
                    .and_then(|p| list.iter().map(cell).find(|c| c.period == p))
                    .unwrap_or_else(|| cell(&list[0]));
                let hidden = last.hidden.or(first.hidden).cloned();
                let mut row = FollowUpRow {
                    focus_area: focus_area.clone(),
                    indicator: def.id.clone(),
                    indicator_name: def.name.clone(),
                    level: geography.level,
                    geography: Geography::clone(geography),
                    geography_name: hierarchy.name(geography).map(str::to_string),
                    stratum: stratum.clone(),
                    baseline_period: Some(first.period),
                    baseline_value: Some(first.value),
                    latest_period: Some(last.period),
                    latest_value: Some(last.value),
                    change: Some(last.value - first.value),
                    target_value: None,
                    target_period: None,
                    status: Status::NotAvailable,
                    score: None,
                    progress: None,
                    contributed: last.contributed,
                    missing: last.missing.to_vec(),
                    coverage: coverage(&first).into_iter().chain(coverage(&last)).reduce(f64::min),
                    not_scored: None,
                    hidden: hidden.clone(),
                    note: None,
                };
                if hidden.is_some() {
                    // A hidden value must not leak through its change or score either.
                    row.baseline_value = None;
                    row.latest_value = None;
                    row.change = None;
                    row.note = Some("hidden for discretion".into());
                    rows.push(row);
                    continue;
                }
                if let Some(p) = base_period.filter(|p| first.period != *p) {
                    row.note = Some(format!("no value in the base period {p}"));
                    rows.push(row);
                    continue;
                }
                let goal = match target {
                    None => Ok(Goal::default()),
                    Some(t) => t.goal(|p| list.iter().map(cell).find(|c| c.period == p).map(|c| c.value)),
                };
                let goal = match goal {
                    Ok(g) => g,
                    Err(e) => {
                        row.note = Some(format!("target not usable: {e}"));
                        rows.push(row);
                        continue;
                    }
                };
                row.target_value = goal.target.map(|t| t.value);
                row.target_period = goal.target.map(|t| t.period);
                if row.coverage.is_some_and(|c| c < config.min_coverage) {
                    // Shown with its values, but not scored as the place's progress.
                    row.not_scored = Some(NotScored::PartialCoverage);
                    rows.push(row);
                    continue;
                }
                let base = Point {
                    period: first.period,
                    value: first.value,
                };
                let current = Point {
                    period: last.period,
                    value: last.value,
                };
                match measure(base, current, def.direction, &goal, &config.progress) {
                    Ok(p) => {
                        row.status = p.status;
                        row.score = p.score;
                        if let Some(reason) = p.not_available {
                            row.note = Some(
                                serde_json::to_value(reason)
                                    .ok()
                                    .and_then(|v| v.as_str().map(str::to_string))
                                    .unwrap_or_default(),
                            );
                        }
                        row.progress = Some(p);
                    }
                    Err(e) => row.note = Some(e.to_string()),
                }
                rows.push(row);
            }
            if !any {
                let region = agreement.organisation(&agreement.region);
                let code = region.and_then(|o| o.code).map_or(String::new(), |c| c.to_string());
                rows.push(FollowUpRow {
                    note: Some("no data".into()),
                    ..FollowUpRow::without_data(
                        focus_area.clone(),
                        def.id.clone(),
                        def.name.clone(),
                        Geography::new(Level::Region, code),
                        region.map(|o| o.name.clone()),
                    )
                });
            }
        }
    }
    rows.sort_by_key(|r| focus_order.iter().position(|f| *f == r.focus_area));

    let roll_ups = roll_ups(catalogue, &focus_order, &rows, &kinds);
    problems.extend(regions_without_code(&rows, &hierarchy));
    problems.extend(targets_without_data(agreement, config, &series));
    for (i, t) in config.targets.iter().enumerate() {
        let at = crate::problems::problem::Pointer::root().key("targets").index(i);
        match t.indicator.as_deref() {
            None => problems.push(crate::problems::problem::Problem::new(
                crate::problems::catalogue::Code::TargetWithoutIndicator,
                at.key("indicator"),
            )),
            Some(id) if catalogue.get(id).is_none() => problems.push(crate::problems::problem::Problem::with_context(
                crate::problems::catalogue::Code::UnknownReference,
                at.key("indicator"),
                crate::problems::problem::ctx!("id" => id, "kind" => "indicator"),
            )),
            Some(_) => {}
        }
    }
    AnnualFollowUp {
        year,
        rows,
        roll_ups,
        problems: Problems(problems),
    }
}

/// The share of a cell's place that was observed: municipalities that
/// contributed over those the place has; `None` for a cell observed as a whole.
fn coverage(cell: &crate::engine::aggregate::Cell<'_>) -> Option<f64> {
    (cell.source != crate::engine::aggregate::CellSource::Observed)
        .then(|| cell.contributed as f64 / (cell.contributed + cell.missing.len()) as f64)
}

/// Why a follow-up row shows values but no status or score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotScored {
    /// The aggregate covers less of its place than the follow-up's
    /// `min_coverage`: its value is the observed municipalities', not the place's.
    PartialCoverage,
}

labels!(NotScored {
    PartialCoverage => ("covers only part of the place", "dækker kun en del af stedet"),
});

/// How a row's stratum enters the roll-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StratumKind<'a> {
    /// The total: no stratum, or each category its dimension's declared total.
    Total,
    /// One dimension alone.
    Single(&'a str),
    /// Several dimensions crossed.
    Crossed,
}

/// Roll-ups per focus area and place, then for the agreement per place. Each
/// indicator of a focus area enters once per place: by its total where there
/// is one, otherwise as the mean of its strata ([`RollUpBasis`]); one that
/// cannot is listed in `left_out` with the reason. A place has roll-ups once
/// any of the agreement's rows is for it.
fn roll_ups(
    catalogue: &IndicatorCatalogue,
    focus_order: &[&str],
    rows: &[FollowUpRow],
    kinds: &HashMap<(&str, &str), StratumKind<'_>>,
) -> Vec<RollUpRow> {
    // Rows with a result (not the "no data" placeholder), by (indicator, place).
    let mut at: BTreeMap<(&str, &Geography), Vec<&FollowUpRow>> = BTreeMap::new();
    let mut places: BTreeMap<&Geography, Vec<bool>> = BTreeMap::new();
    for r in rows {
        let area = focus_order.iter().position(|f| *f == r.focus_area);
        let seen = places
            .entry(&r.geography)
            .or_insert_with(|| vec![false; focus_order.len()]);
        if let Some(a) = area {
            seen[a] = true;
        }
        if r.note.as_deref() != Some("no data") {
            let list = at.entry((r.indicator.as_str(), &r.geography)).or_default();
            // An indicator in two focus areas has its rows once per area: take them once.
            if !list.iter().any(|o| o.stratum == r.stratum) {
                list.push(r);
            }
        }
    }
    let entry = |indicator: &str, geography: &Geography| -> Result<RollUpEntry, LeftOut> {
        let left_out = |reason| LeftOut {
            indicator: indicator.to_string(),
            reason,
        };
        let Some(list) = at.get(&(indicator, geography)) else {
            return Err(left_out(LeftOutReason::NoData));
        };
        let kind = |r: &FollowUpRow| {
            kinds
                .get(&(indicator, r.stratum.as_str()))
                .copied()
                .unwrap_or(StratumKind::Crossed)
        };
        if let Some(total) = list.iter().find(|r| kind(r) == StratumKind::Total) {
            return Ok(RollUpEntry {
                indicator: indicator.to_string(),
                basis: RollUpBasis::Total,
                dimension: None,
                strata: None,
                score: total.score,
                status: total.status,
            });
        }
        let dimension = list
            .iter()
            .filter_map(|r| match kind(r) {
                StratumKind::Single(d) => Some(d),
                _ => None,
            })
            .min();
        let Some(dimension) = dimension else {
            return Err(left_out(LeftOutReason::OnlyCrossedStrata));
        };
        let strata: Vec<Scored> = list
            .iter()
            .filter(|r| kind(r) == StratumKind::Single(dimension))
            .map(|r| (r.score, r.status))
            .collect();
        let mean = roll_up(&strata);
        Ok(RollUpEntry {
            indicator: indicator.to_string(),
            basis: RollUpBasis::MeanOfStrata,
            dimension: Some(dimension.to_string()),
            strata: Some(strata.len()),
            score: mean.score,
            status: mean.status,
        })
    };
    let make =
        |focus_area: Option<String>, geography: &Geography, entered: Vec<RollUpEntry>, left_out: Vec<LeftOut>| {
            let results: Vec<Scored> = entered.iter().map(|e| (e.score, e.status)).collect();
            let r = roll_up(&results);
            RollUpRow {
                focus_area,
                geography: geography.clone(),
                score: r.score,
                status: r.status,
                scored: r.scored,
                not_available: r.not_available,
                entered,
                left_out,
            }
        };
    let mut by_area = Vec::new();
    let mut by_place = Vec::new();
    for (geography, seen) in &places {
        let (mut all_in, mut all_out) = (Vec::new(), Vec::new());
        for (a, area) in focus_order.iter().enumerate() {
            let (mut entered, mut left_out) = (Vec::new(), Vec::new());
            for def in catalogue
                .indicators
                .iter()
                .filter(|d| d.focus_areas.iter().any(|f| f == area))
            {
                match entry(&def.id, geography) {
                    Ok(e) => entered.push(e),
                    Err(l) => left_out.push(l),
                }
            }
            all_in.extend(entered.iter().cloned());
            all_out.extend(left_out.iter().cloned());
            if seen[a] {
                by_area.push((a, make(Some(area.to_string()), geography, entered, left_out)));
            }
        }
        by_place.push(make(None, geography, all_in, all_out));
    }
    by_area.sort_by_key(|(a, _)| *a);
    by_area.into_iter().map(|(_, r)| r).chain(by_place).collect()
}

/// One warning per region in the rows whose code no source confirms
/// (Region Østdanmark): its rows carry the reference data's id, and the
/// reader is told so rather than shown an invented code.
fn regions_without_code(
    rows: &[FollowUpRow],
    hierarchy: &crate::places::geography::Hierarchy,
) -> Vec<crate::problems::problem::Problem> {
    let mut seen: Vec<&Geography> = Vec::new();
    for r in rows {
        let unconfirmed = r.geography.level == Level::Region
            && hierarchy.contains(&r.geography)
            && !hierarchy.region_code_confirmed(&r.geography.code);
        if unconfirmed && !seen.contains(&&r.geography) {
            seen.push(&r.geography);
        }
    }
    seen.into_iter()
        .map(|g| {
            crate::problems::problem::Problem::with_context(
                crate::problems::catalogue::Code::RegionCodeUnknown,
                "",
                crate::problems::problem::ctx!("geography" => g.to_string(), "name" => hierarchy.name(g).unwrap_or_default()),
            )
        })
        .collect()
}

/// A warning for each target for a stratum in which no series of its
/// indicator has a value up to the year: such a target is never applied.
fn targets_without_data(
    agreement: &HealthAgreement,
    config: &FollowUpConfig,
    series: &[Series<'_>],
) -> Vec<crate::problems::problem::Problem> {
    use crate::problems::problem::{ctx, Pointer, Problem};
    let given = config
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| (Pointer::root().key("targets").index(i), t.clone()));
    let mut out = Vec::new();
    for (at, t) in given.chain(agreement.targets()) {
        let Some(indicator) = t.indicator.as_deref() else {
            continue;
        };
        if t.stratum.is_empty() {
            continue;
        }
        let occurs_in_stratum = series.iter().any(|((i, g, text), ..)| {
            *i == indicator
                && t.geography.as_ref().is_none_or(|tg| tg == *g)
                && t.stratum
                    .iter()
                    .all(|(d, c)| text.split(';').any(|p| p == format!("{d}={c}")))
        });
        if !occurs_in_stratum {
            let stratum = t
                .stratum
                .iter()
                .map(|(d, c)| format!("{d}={c}"))
                .collect::<Vec<_>>()
                .join(";");
            out.push(Problem::with_context(
                crate::problems::catalogue::Code::TargetStratumWithoutData,
                at,
                ctx!("indicator" => indicator, "stratum" => stratum),
            ));
        }
    }
    out
}
