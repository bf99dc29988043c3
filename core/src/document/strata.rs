//! The declared categories of an indicator's disaggregations (its strata
//! vocabularies): each dimension's categories, with Danish and English
//! names, and which of them is the total.
//!
//! Observations and targets must use a declared category; one that is not
//! declared is reported with the declared category it most likely means
//! ([`suggest`]: the same after folding case, Danish letters and
//! `ae`/`oe`/`aa` for `æ`/`ø`/`å`). A suggestion is only ever shown, never
//! applied: `maend` stays `maend` until the data says `mænd`.
//!
//! ```
//! use sundhedsaftale::strata::{suggest, Category, Stratification};
//! let sex = Stratification {
//!     dimension: "sex".into(),
//!     categories: vec![
//!         Category { code: "kvinder".into(), name: "Kvinder".into(), name_en: Some("Women".into()) },
//!         Category { code: "mænd".into(), name: "Mænd".into(), name_en: Some("Men".into()) },
//!     ],
//!     total: None,
//! };
//! assert!(sex.declares("mænd") && !sex.declares("maend"));
//! assert_eq!(suggest("maend", &sex), Some("mænd"));
//! assert_eq!(suggest("Kvinder", &sex), Some("kvinder"));
//! assert_eq!(suggest("børn", &sex), None);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One category of a disaggregation dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The category as observations and targets write it (`kvinder`).
    pub code: String,
    /// Its name in Danish (`Kvinder`).
    pub name: String,
    /// Its name in English (`Women`), where one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// The declared categories of one disaggregation dimension of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stratification {
    /// The dimension (`sex`, `age_group`), as the observations' column is named.
    pub dimension: String,
    /// Its categories.
    pub categories: Vec<Category>,
    /// The category that is the total of the others (`i_alt`), if the data has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
}

impl Stratification {
    /// Whether `code` is one of the declared categories.
    pub fn declares(&self, code: &str) -> bool {
        self.categories.iter().any(|c| c.code == code)
    }

    /// The declared codes, joined by `, ` (for messages).
    pub fn codes(&self) -> String {
        self.categories
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `text` folded for comparison: lower case, with `æ`, `ø`, `å` written
/// `ae`, `oe`, `aa`, and the surrounding space trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c => out.push(c),
        }
    }
    out
}

/// The declared category `category` most likely means: the one whose code
/// or name is the same after [`fold`]ing; none when there is no such one,
/// or `category` is itself declared.
pub fn suggest<'a>(category: &str, stratification: &'a Stratification) -> Option<&'a str> {
    if stratification.declares(category) {
        return None;
    }
    let folded = fold(category);
    stratification
        .categories
        .iter()
        .find(|c| {
            fold(&c.code) == folded
                || fold(&c.name) == folded
                || c.name_en.as_deref().is_some_and(|n| fold(n) == folded)
        })
        .map(|c| c.code.as_str())
}

/// The context of an undeclared category: what was written, what is
/// declared, and (`did_you_mean`) the declared category it most likely means.
pub fn undeclared(
    indicator: &str,
    vocabulary: &Stratification,
    category: &str,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut context = crate::problems::problem::ctx!("indicator" => indicator, "dimension" => vocabulary.dimension,
        "category" => category, "declared" => vocabulary.codes());
    if let Some(s) = suggest(category, vocabulary) {
        context.insert("did_you_mean".into(), serde_json::Value::from(s));
    }
    context
}
