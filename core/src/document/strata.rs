//! The declared categories of an indicator's disaggregations (its strata
//! vocabularies): each dimension's categories, with Danish and English
//! names, and which of them is the total.
//!
//! Observations and targets must use a declared category; one that is not
//! declared is reported with the declared category it most likely means
//! ([`suggest`]: the same after folding case, Danish letters and
//! `ae`/`oe`/`aa` for `æ`/`ø`/`å`, or one or two letters off). A suggestion is only ever shown, never
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
//! assert_eq!(suggest("kvinde", &sex), Some("kvinder"));
//! assert_eq!(suggest("børn", &sex), None);
//! ```

use crate::ground::fold::{close_enough, loose};
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

    /// The declared codes as a message says them: each in backticks, as it
    /// is written, joined by `, `.
    pub fn codes_quoted(&self) -> String {
        self.categories
            .iter()
            .map(|c| format!("`{}`", c.code))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The declared category `category` most likely means: the one whose code
/// or a name is the same after [`loose`] folding (case, Danish letters,
/// punctuation), else the one within a small edit distance of it
/// ([`close_enough`]: `kvinde` for `kvinder`); none when no category is
/// close, or `category` is itself declared.
pub fn suggest<'a>(category: &str, stratification: &'a Stratification) -> Option<&'a str> {
    if stratification.declares(category) {
        return None;
    }
    let folded = loose(category);
    let writings = |c: &'a Category| {
        [Some(c.code.as_str()), Some(c.name.as_str()), c.name_en.as_deref()]
            .into_iter()
            .flatten()
            .map(loose)
    };
    let categories = &stratification.categories;
    categories
        .iter()
        .find(|c| writings(c).any(|w| w == folded))
        .or_else(|| {
            categories
                .iter()
                .find(|c| writings(c).any(|w| close_enough(&folded, &w)))
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
        "category" => category, "declared" => vocabulary.codes(), "declared_codes" => vocabulary.codes_quoted());
    if let Some(s) = suggest(category, vocabulary) {
        context.insert("did_you_mean".into(), serde_json::Value::from(s));
    }
    context
}
