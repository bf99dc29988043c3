//! SYNTHETIC data, for tests and benchmarks only: invented indicators and
//! numbers at national scale over the real places (the 98 municipalities of
//! the national reference data, in their 5 regions), 40 indicators, 15 years
//! of months, 4 strata: about 2.8 million observations. Deterministic: the
//! same sizes give the same rows.
#![allow(dead_code)] // the test and the benchmark use different parts

use sundhedsaftale::geography::Hierarchy;
use sundhedsaftale::indicator::{Basis, IndicatorCatalogue, MeasureUnit};
use sundhedsaftale::observation::ObservationTable;
use sundhedsaftale::period::{Period, PeriodType};
use sundhedsaftale::progress::Direction;
use sundhedsaftale::reference::MUNICIPALITIES;
use sundhedsaftale::{HealthAgreement, Indicator};

/// Sizes of a synthetic data set.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub municipalities: usize,
    pub indicators: usize,
    pub years: i32,
    pub strata: usize,
}

/// The national scale of the issue: 98 × 40 × 180 × 4 = 2,822,400 rows.
pub const NATIONAL: Sizes = Sizes {
    municipalities: 98,
    indicators: 40,
    years: 15,
    strata: 4,
};

/// SplitMix64: a small, well-known deterministic generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The SYNTHETIC follow-up document: the embedded North Jutland agreement
/// with the synthetic indicators added to its first focus area. Places are
/// real (the 98 municipalities of the national reference data, and North
/// Jutland's own clusters); indicators and numbers are invented.
pub fn agreement(sizes: Sizes) -> HealthAgreement {
    let mut a = sundhedsaftale::nordjylland_2024();
    let focus_area = a.focus_areas[0].id.clone();
    a.indicators.extend((0..sizes.indicators).map(|i| Indicator {
        id: format!("synthetic-{i:02}"),
        name: format!("Syntetisk indikator {i}"),
        name_en: Some(format!("Synthetic indicator {i}")),
        focus_areas: vec![focus_area.clone()],
        national_goals: vec![],
        unit: Some(MeasureUnit::Percent),
        unit_basis: Some(Basis::Meaning),
        direction: Some(if i % 2 == 0 {
            Direction::HigherIsBetter
        } else {
            Direction::LowerIsBetter
        }),
        direction_basis: Some(Basis::Meaning),
        numerator: None,
        denominator: None,
        fraction_basis: None,
        factor: None,
        decimals: Some(1),
        population: None,
        source: Some("SYNTHETIC".into()),
        period_type: Some(PeriodType::Month),
        disaggregations: vec!["stratum".into()],
        strata: Vec::new(),
        small_count_threshold: None,
        targets: vec![],
    }));
    a
}

/// The places: national reference data plus North Jutland's clusters.
pub fn hierarchy(sizes: Sizes) -> Hierarchy {
    agreement(sizes).hierarchy()
}

/// The indicator definitions the follow-up runs on.
pub fn catalogue(sizes: Sizes) -> IndicatorCatalogue {
    agreement(sizes).indicator_catalogue().0
}

/// The first `n` official municipality codes (all 98 at national scale).
pub fn municipality_codes(n: usize) -> Vec<String> {
    MUNICIPALITIES.iter().take(n).map(|m| m.code.to_string()).collect()
}

/// The observations as tidy CSV text, for runs through `report --follow-up`.
pub fn csv(sizes: Sizes) -> String {
    let t = observations(sizes);
    let mut out = String::from("indicator,geography,period,numerator,denominator,stratum\n");
    for r in 0..t.len() {
        let stratum = &t.stratum_of(t.stratum[r])[0].1;
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            t.indicator_id(t.indicator[r]),
            t.geography_of(t.geography[r]),
            t.period[r],
            t.numerator[r],
            t.denominator[r],
            stratum
        ));
    }
    out
}

/// The observations: every municipality, indicator, month and stratum.
pub fn observations(sizes: Sizes) -> ObservationTable {
    let mut rng = Rng(0x5EED);
    let mut t = ObservationTable::new();
    let months = sizes.years as usize * 12;
    t.reserve(sizes.municipalities * sizes.indicators * months * sizes.strata);
    let geos: Vec<u32> = municipality_codes(sizes.municipalities)
        .iter()
        .map(|code| t.intern_geography(&format!("municipality:{code}").parse().unwrap()))
        .collect();
    let strata: Vec<u32> = (0..sizes.strata)
        .map(|s| t.intern_stratum(&vec![("stratum".into(), ((b'a' + s as u8) as char).to_string())]))
        .collect();
    for i in 0..sizes.indicators {
        let ind = t.intern_indicator(&format!("synthetic-{i:02}"));
        for y in 0..sizes.years {
            for m in 1..=12u8 {
                let period = Period::Month(2010 + y, m);
                for &g in &geos {
                    for &s in &strata {
                        let denominator = 200 + rng.below(5000);
                        let numerator = rng.below(denominator / 4 + 1);
                        t.push_row(
                            ind,
                            g,
                            period,
                            s,
                            None,
                            Some(numerator as f64),
                            Some(denominator as f64),
                            0,
                        );
                    }
                }
            }
        }
    }
    t
}
