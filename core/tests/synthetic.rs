//! The synthetic generator is deterministic, and aggregation over it adds up.

mod support;

use sundhedsaftale::aggregate::aggregate;
use sundhedsaftale::observation::check;
use support::synthetic::{catalogue, hierarchy, observations, Sizes, NATIONAL};

const SMALL: Sizes = Sizes {
    municipalities: 98,
    indicators: 2,
    years: 1,
    strata: 2,
};

#[test]
fn national_scale_is_about_2_8_million_rows() {
    let n = NATIONAL.municipalities * NATIONAL.indicators * NATIONAL.years as usize * 12 * NATIONAL.strata;
    assert_eq!(n, 2_822_400);
}

#[test]
fn the_generator_is_deterministic_and_valid() {
    let (a, b) = (observations(SMALL), observations(SMALL));
    assert_eq!(a.len(), 98 * 2 * 12 * 2);
    assert_eq!(a.numerator, b.numerator);
    assert!(check(&a, &catalogue(SMALL), &hierarchy(SMALL)).is_empty());
}

#[test]
fn every_level_adds_up_to_the_same_country_total() {
    let table = observations(SMALL);
    let (cells, problems) = aggregate(&table, &catalogue(SMALL), &hierarchy(SMALL), None);
    assert!(problems.is_empty());
    let first = (table.indicator[0], table.period[0], table.stratum[0]);
    let in_group = |level: &str| -> f64 {
        cells
            .iter()
            .filter(|c| (c.indicator, c.period, c.stratum) == first && c.geography.to_string().starts_with(level))
            .map(|c| c.numerator)
            .sum()
    };
    let municipalities = in_group("municipality:");
    assert_eq!(in_group("region:"), municipalities);
    assert_eq!(in_group("country:"), municipalities);
    // Only North Jutland's clusters are known: in January 2010, Klynge Vest (Morsø and Thisted).
    let vest: f64 = cells
        .iter()
        .filter(|c| {
            (c.indicator, c.period, c.stratum) == first
                && ["municipality:773", "municipality:787"].contains(&c.geography.to_string().as_str())
        })
        .map(|c| c.numerator)
        .sum();
    assert_eq!(in_group("cluster:"), vest);
    let regions = cells
        .iter()
        .filter(|c| (c.indicator, c.period, c.stratum) == first && c.geography.to_string().starts_with("region:"))
        .count();
    assert_eq!(regions, 5);
}
