//! Loading: parsing and validating in one step, succeeding only for a
//! document without errors.
//!
//! ```
//! let agreement = sundhedsaftale::load_str(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).unwrap();
//! assert_eq!(agreement.title, "Sundhedsaftale 2024");
//! let problems = sundhedsaftale::load_str("{}").unwrap_err();
//! assert!(problems.iter().all(|p| p.code.as_str() == "missing_field"));
//! ```

use std::path::{Path, PathBuf};

use crate::document::agreement::HealthAgreement;
use crate::faces::validate::validate;
use crate::problems::problem::Problems;
use crate::reading::parse::parse_json;

/// Why a document could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The document has errors; all of them are listed.
    #[error("the document has {count} problem(s):\n{0}", count = .0.len())]
    Invalid(Problems),
}

/// Parses an agreement and validates it. Succeeds when there are no errors;
/// warnings are available from [`crate::validate()`].
///
/// ```
/// let text = sundhedsaftale::embedded::NORDJYLLAND_2024_JSON;
/// let agreement = sundhedsaftale::load_str(text).unwrap();
/// assert_eq!(agreement.id, "nordjylland-2024");
/// ```
pub fn load_str(text: &str) -> Result<HealthAgreement, Problems> {
    let agreement: HealthAgreement = parse_json(text)?;
    let problems = validate(&agreement);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(agreement)
}

/// Reads, parses and validates an agreement file.
pub fn load_path(path: impl AsRef<Path>) -> Result<HealthAgreement, LoadError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    load_str(&text).map_err(LoadError::Invalid)
}
