//! SYNTHETIC data, for tests and benchmarks only: invented places and
//! numbers at national scale (98 municipalities in 21 clusters of 5 regions,
//! 40 indicators, 15 years of months, 4 strata: about 2.8 million
//! observations). Deterministic: the same sizes give the same rows.
#![allow(dead_code)] // the test and the benchmark use different parts

use sundhedsaftale::geography::{ClusterSpan, Hierarchy};
use sundhedsaftale::indicator::{Basis, IndicatorCatalogue, IndicatorDefinition, MeasureUnit};
use sundhedsaftale::observation::ObservationTable;
use sundhedsaftale::period::{Period, PeriodType};
use sundhedsaftale::progress::Direction;

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

/// Synthetic regions SR1–SR5, clusters SC01–SC21, municipalities S001–S098 (spread evenly).
pub fn hierarchy(sizes: Sizes) -> Hierarchy {
    let mut h = Hierarchy::new();
    let clusters = 21.min(sizes.municipalities.max(1));
    for r in 1..=5 {
        h.add_region(&format!("SR{r}"), &format!("Synthetic region {r}"));
    }
    let mut members: Vec<Vec<String>> = vec![Vec::new(); clusters];
    for m in 0..sizes.municipalities {
        let cluster = m * clusters / sizes.municipalities;
        let region = 1 + cluster * 5 / clusters;
        let code = format!("S{:03}", m + 1);
        h.add_municipality(
            &code,
            &format!("Synthetic municipality {}", m + 1),
            &format!("SR{region}"),
        );
        members[cluster].push(code);
    }
    for (c, municipalities) in members.into_iter().enumerate() {
        h.add_cluster(ClusterSpan {
            code: format!("SC{:02}", c + 1),
            name: format!("Synthetic cluster {}", c + 1),
            region: format!("SR{}", 1 + c * 5 / clusters),
            municipalities,
            established: None,
            abolished: None,
        });
    }
    h
}

/// Synthetic indicators: percentages, monthly, alternating direction.
pub fn catalogue(sizes: Sizes) -> IndicatorCatalogue {
    let indicators = (0..sizes.indicators)
        .map(|i| IndicatorDefinition {
            id: format!("synthetic-{i:02}"),
            name: format!("Syntetisk indikator {i}"),
            name_en: Some(format!("Synthetic indicator {i}")),
            focus_areas: vec!["synthetic".into()],
            national_goals: vec![],
            key_figure: None,
            unit: MeasureUnit::Percent,
            unit_basis: Some(Basis::Meaning),
            direction: if i % 2 == 0 {
                Direction::HigherIsBetter
            } else {
                Direction::LowerIsBetter
            },
            direction_basis: Some(Basis::Meaning),
            numerator: None,
            denominator: None,
            fraction_basis: None,
            factor: 100.0,
            decimals: 1,
            population: None,
            source: Some("synthetic".into()),
            period_type: PeriodType::Month,
            disaggregations: vec!["stratum".into()],
            small_count_threshold: None,
        })
        .collect();
    IndicatorCatalogue {
        id: "synthetic".into(),
        notes: vec!["SYNTHETIC".into()],
        indicators,
    }
}

/// The observations: every municipality, indicator, month and stratum.
pub fn observations(sizes: Sizes) -> ObservationTable {
    let mut rng = Rng(0x5EED);
    let mut t = ObservationTable::new();
    let months = sizes.years as usize * 12;
    t.reserve(sizes.municipalities * sizes.indicators * months * sizes.strata);
    let geos: Vec<u32> = (0..sizes.municipalities)
        .map(|m| t.intern_geography(&format!("municipality:S{:03}", m + 1).parse().unwrap()))
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
