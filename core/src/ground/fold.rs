//! Loose matching of what people write against the names the data holds.
//!
//! Danish text arrives written many ways: `Ærø`, `AERØ`, `Aeroe`, `Æro`.
//! [`loose`] folds case, the Danish letters to their two-letter spellings
//! (`æ` → `ae`, `ø` → `oe`, `å` → `aa`) and drops everything but letters and
//! digits, so that two writings of one name fold alike. It is for
//! *suggesting* what was meant, never for accepting a writing silently: a
//! caller that finds a match by folding reports it as a suggestion.
//!
//! ```
//! use sundhedsaftale::fold::{edit_distance, loose};
//! assert_eq!(loose("Ærø Kommune"), loose("aeroe kommune"));
//! assert_eq!(loose("Lyngby-Taarbæk"), "lyngbytaarbaek");
//! assert_eq!(edit_distance("alborg", "aalborg"), 1);
//! ```

/// `text` folded: lower case, `æ ø å` (and `ä ö ü é`) spelt out, only
/// letters and digits kept.
pub fn loose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ü' => out.push_str("ue"),
            'é' | 'è' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The number of single-character insertions, deletions and substitutions
/// that turn `a` into `b` (Levenshtein), counted over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether `written` is close enough to `known` (both folded by [`loose`])
/// to suggest it: one edit in a short word, two in a longer one.
pub fn close_enough(written: &str, known: &str) -> bool {
    let allowed = if known.chars().count() <= 5 { 1 } else { 2 };
    edit_distance(written, known) <= allowed
}

/// The first of `known` that `written` is close to after folding
/// ([`loose`], [`close_enough`]): a suggestion, never a substitute.
///
/// ```
/// use sundhedsaftale::fold::nearest;
/// assert_eq!(nearest("Kvindr", ["I alt", "Kvinder", "Mænd"]), Some("Kvinder"));
/// assert_eq!(nearest("Tid", ["OMRÅDE", "TID"]), Some("TID"));
/// assert_eq!(nearest("Narnia", ["K", "M"]), None);
/// ```
pub fn nearest<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = loose(written);
    known.into_iter().find(|k| close_enough(&folded, &loose(k)))
}
