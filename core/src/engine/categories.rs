//! Observations' strata against the indicators' declared categories
//! ([`crate::strata`]): a category a dimension does not declare is an error
//! at its row and column, with the declared category it most likely means
//! (`did_you_mean`) in the context. Nothing is mapped: a misspelt category
//! is never silently read as the declared one.
//!
//! ```
//! use sundhedsaftale::observation::read_csv;
//! let mut a = sundhedsaftale::nordjylland_2024();
//! a.indicators[0].strata = serde_json::from_str(r#"[{"dimension": "sex",
//!     "categories": [{"code": "kvinder", "name": "Kvinder"}, {"code": "mænd", "name": "Mænd"}]}]"#).unwrap();
//! let table = read_csv("indicator,geography,period,numerator,denominator,sex\n\
//!     genindlaeggelser-30-dage,region:1081,2024,30,300,maend\n").unwrap();
//! let (catalogue, _) = a.indicator_catalogue();
//! let problems = sundhedsaftale::categories::check(&table, &catalogue);
//! assert_eq!(problems[0].path, "/2/sex"); // row 2 of the file, after its header
//! assert_eq!(problems[0].context["did_you_mean"], "mænd");
//! ```

use crate::ground::hash::HashMap;

use crate::document::indicator::IndicatorCatalogue;
use crate::document::strata::undeclared;
use crate::engine::observation::ObservationTable;
use crate::problems::catalogue::Code;
use crate::problems::problem::{Problem, Report};

/// One problem per row and column whose category its indicator's dimension
/// does not declare. Dimensions without declared categories accept any. The
/// path is the cell where the table's source wrote it: the row and column
/// of a file (`/14/sex`), or inside a JSON observation (`/3/disaggregation/sex`).
pub fn check(table: &ObservationTable, catalogue: &IndicatorCatalogue) -> Vec<Problem> {
    let mut out = Vec::new();
    check_into(table, catalogue, &mut out);
    out
}

/// [`check`] into any report, which builds only the problems it keeps: a
/// file whose every row has a category not declared costs the cap, not a
/// problem per row.
pub(crate) fn check_into(table: &ObservationTable, catalogue: &IndicatorCatalogue, out: &mut impl Report) {
    // The undeclared pairs of each (indicator, stratum): column and context, found once.
    type Found = Vec<(Code, String, std::collections::BTreeMap<String, serde_json::Value>)>;
    let mut found: HashMap<(u32, u32), Found> = HashMap::default();
    for r in 0..table.len() {
        let key = (table.indicator[r], table.stratum[r]);
        let pairs = found.entry(key).or_insert_with(|| {
            let id = table.indicator_id(key.0);
            let Some(def) = catalogue.get(id) else {
                return Vec::new();
            };
            table
                .stratum_of(key.1)
                .iter()
                .filter_map(|(d, c)| match def.stratification(d) {
                    Some(v) => (!v.declares(c)).then(|| (Code::UndeclaredCategory, d.clone(), undeclared(id, v, c))),
                    None => def
                        .unknown_dimension(d)
                        .map(|context| (Code::UnknownStratum, d.clone(), context)),
                })
                .collect()
        });
        for (code, column, context) in pairs.iter() {
            match out.wants(*code) {
                true => out.keep(table.problem(*code, r, column, context.clone())),
                false => out.count(*code),
            }
        }
    }
}
