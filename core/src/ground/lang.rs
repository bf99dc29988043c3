//! The two languages every person-facing label and message exists in.
//!
//! ```
//! use sundhedsaftale::{Label, Lang, ValidityState};
//! assert_eq!(ValidityState::InForce.label(Lang::En), "in force");
//! assert_eq!(ValidityState::InForce.label(Lang::Da), "i kraft");
//! ```

use serde::{Deserialize, Serialize};

/// A language for messages and labels.
///
/// ```
/// use sundhedsaftale::Lang;
/// assert_eq!("da".parse::<Lang>(), Ok(Lang::Da));
/// assert!("de".parse::<Lang>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Danish (dansk).
    #[doc(alias = "dansk")]
    Da,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "en" => Ok(Lang::En),
            "da" => Ok(Lang::Da),
            other => Err(format!("unknown language `{other}` (use `en` or `da`)")),
        }
    }
}

/// A bilingual label for a domain value, as shown to people.
pub trait Label {
    /// The label in `lang`.
    fn label(&self, lang: Lang) -> &'static str;
}

/// Every value of a labelled enum, so that a table of all labels can be made
/// (see [`crate::labels`]).
pub(crate) trait Variants: Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
}

/// Implements [`Label`] (and [`Variants`]) for a fieldless enum from
/// `Variant => ("en", "da")` pairs.
macro_rules! labels {
    ($ty:ty { $($variant:ident => ($en:literal, $da:literal)),* $(,)? }) => {
        impl $crate::ground::lang::Label for $ty {
            fn label(&self, lang: $crate::ground::lang::Lang) -> &'static str {
                match (self, lang) {
                    $((<$ty>::$variant, $crate::ground::lang::Lang::En) => $en,
                      (<$ty>::$variant, $crate::ground::lang::Lang::Da) => $da,)*
                }
            }
        }
        impl $crate::ground::lang::Variants for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),*];
        }
    };
}
pub(crate) use labels;
