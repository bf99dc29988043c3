//! What Danish output must not hold: English words, and codes where words
//! belong. Shared by the library's test (`core/tests/danish.rs`: every
//! message of the catalogue and of the shared vectors) and the report
//! program's (`examples/tests/danish.rs`: every mode of `report --lang da`).
//!
//! A line is read without what is quoted in backticks (a value to write
//! as it is: an enum's variant, `true`, an id), without JSON Pointers
//! (`/bodies/0`, a place in the document), without the markers of a
//! redacted value (`<string:12>`), and without the leading severity, code
//! and path of a problem line (`fejl invalid_type /id:`) or the program's
//! name before its own message (`report:`), the stable identifiers a
//! reader may search for. What is left must hold no word of [`english`],
//! no snake_case code, no place id (`municipality:851`) and no plural
//! hedged in brackets (`advarsel(er)`).
#![allow(dead_code)] // each test binary uses a different part

/// Common English function and domain words that are not also Danish
/// words: the shared list of `tests/danish/english-words.json`, which the
/// Python and browser tests read too (its `about` names the words left out
/// on purpose because Danish has them as well: `for`, `i`, `til`, `under`,
/// `status`, `score`, `indikator`, `type`, …).
pub fn english() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let list: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/danish/english-words.json")).unwrap();
        list["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    })
}

/// Whether `word` (lower case) is in the list of [`english`] words.
pub fn is_english(word: &str) -> bool {
    english().iter().any(|w| w == word)
}

/// `line` without its backtick quotations (an unclosed one runs to the end).
fn without_backticks(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        } else {
            out.push(' ');
        }
    }
    out
}

/// `line` without the markers a redacted problem shows in place of each
/// value it echoes (`<string:12>`, `<number:10>`, `<object>`): a notation
/// of type and length, the same in every language, not words.
fn without_markers(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let marker = after.find('>').map(|close| &after[..=close]).filter(|m| {
            let inner = &m[1..m.len() - 1];
            inner == "object"
                || inner.split_once(':').is_some_and(|(kind, n)| {
                    ["string", "number"].contains(&kind) && n.bytes().all(|b| b.is_ascii_digit())
                })
        });
        match marker {
            Some(m) => {
                out.push(' ');
                rest = &after[m.len()..];
            }
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `line` without the leading severity, code and path of a problem line
/// (`fejl invalid_type /id: …`, `  advarsel more_problems /: …`, with a
/// mapping's `(kildebeskrivelsen)` before the path).
fn without_problem_prefix(line: &str) -> &str {
    let trimmed = line.trim_start();
    let Some(rest) = trimmed
        .strip_prefix("fejl ")
        .or_else(|| trimmed.strip_prefix("advarsel "))
    else {
        return line;
    };
    let Some((code, rest)) = rest.split_once(' ') else {
        return line;
    };
    if !code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return line;
    }
    let rest = rest.strip_prefix("(kildebeskrivelsen) ").unwrap_or(rest);
    match rest.split_once(": ") {
        Some((path, message)) if path.starts_with('/') || path.is_empty() => message,
        _ => line,
    }
}

/// Whether a token (letters, digits and underscores) is a snake_case code.
fn is_snake_case(token: &str) -> bool {
    token.contains('_')
        && token
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && token
            .split('_')
            .filter(|p| p.bytes().any(|b| b.is_ascii_lowercase()))
            .count()
            >= 2
}

/// What offends in one line of Danish text, each as a short note; empty
/// when the line reads as Danish.
pub fn offences(line: &str) -> Vec<String> {
    // The program's name before its own messages (`report: kan ikke læse …`) is the command typed.
    let line = line.strip_prefix("report: ").unwrap_or(line);
    let text = without_markers(&without_backticks(without_problem_prefix(line)));
    // JSON Pointers are places in a document, not words.
    let text: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.trim_start_matches(['(', '«', '"', '»', '[']).starts_with('/'))
        .collect();
    let text = text.join(" ");
    let mut found = Vec::new();
    for level in ["municipality:", "region:", "cluster:", "country:"] {
        if text.contains(level) {
            found.push(format!("place id `{level}…`"));
        }
    }
    // A plural hedged in brackets (`advarsel(er)`, `error(s)`) is no way to count in Danish.
    for hedge in ["(er)", "(r)", "(e)", "(s)"] {
        let mut rest = text.as_str();
        while let Some(i) = rest.find(hedge) {
            if rest[..i].chars().next_back().is_some_and(char::is_alphabetic) {
                let word: String = rest[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                found.push(format!("hedged plural `{word}{hedge}`"));
            }
            rest = &rest[i + hedge.len()..];
        }
    }
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if is_snake_case(token) {
            found.push(format!("code `{token}`"));
        }
    }
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let lower = word.to_lowercase();
        if is_english(&lower) {
            found.push(format!("English `{word}`"));
        }
    }
    found.dedup();
    found
}

/// Every line of `text` that offends, with what offends in it.
pub fn offending_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let found = offences(line);
            (!found.is_empty()).then(|| format!("{} ⟵ {}", line.trim(), found.join(", ")))
        })
        .collect()
}
