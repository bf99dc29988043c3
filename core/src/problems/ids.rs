//! The one id rule, and the namespaces ids are defined in.
//!
//! An id is how one part of a document names another, so it must read the
//! same to every reader and every program: in Unicode normal form C, and
//! without whitespace of any kind, control characters or characters that
//! show nothing (a no-break space, a zero-width space, a soft hyphen, a
//! byte-order mark). References resolve exactly; two ids that differ only
//! in case are allowed, but flagged, because a reader takes them for one.
//!
//! Every id a document defines goes through [`IdSpace::define`], so the rule
//! holds for agreements, rule sets and minutes alike, and for any id a new
//! type adds.
//!
//! ```
//! let mut agreement = sundhedsaftale::nordjylland_2024();
//! agreement.people[0].id = "søren\u{a0}smalbro".into();
//! let problems = sundhedsaftale::validate(&agreement);
//! let p = problems.iter().find(|p| p.code.as_str() == "id_character_not_allowed").unwrap();
//! assert_eq!(p.path, "/people/0/id");
//! assert_eq!(p.context["character"], "U+00A0");
//! ```

use std::borrow::Cow;

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::ground::hash::HashMap;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Locate, Report};

/// What kind of character an id may not hold (`kind` in the problem's
/// context, for programs; the message names the character by code point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unseen {
    Whitespace,
    Control,
    Invisible,
}

impl Unseen {
    fn of(c: char) -> Option<Unseen> {
        if c.is_whitespace() {
            Some(Unseen::Whitespace)
        } else if c.is_control() {
            Some(Unseen::Control)
        } else if invisible(c) {
            Some(Unseen::Invisible)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unseen::Whitespace => "whitespace",
            Unseen::Control => "control",
            Unseen::Invisible => "invisible",
        }
    }
}

/// Characters that show nothing and are neither whitespace nor controls:
/// Unicode's format characters (general category Cf: soft hyphen, Arabic
/// and Syriac marks, zero-width space and joiners, direction marks and
/// embeddings, word joiner and invisible operators, byte-order mark,
/// interlinear annotation, tags), variation selectors, the combining
/// grapheme joiner and the Hangul fillers, which render as blank.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{06DD}' | '\u{070F}' | '\u{08E2}' | '\u{115F}' | '\u{1160}'
        | '\u{0600}'..='\u{0605}' | '\u{0890}'..='\u{0891}' | '\u{17B4}'..='\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// `id` with every character the rule forbids written as `<U+XXXX>`, so a
/// message shows what the eye cannot.
fn shown(id: &str) -> String {
    id.chars()
        .map(|c| match Unseen::of(c) {
            Some(_) => format!("<U+{:04X}>", c as u32),
            None => c.to_string(),
        })
        .collect()
}

/// The id rule for one id defined at `at`. Empty ids and NUL are the text
/// check's (`empty_text`, `forbidden_character`), so they are not repeated.
pub(crate) fn check<L: Locate>(id: &str, at: &L, out: &mut impl Report) {
    check_field(id, at, "id", out);
}

/// [`check`] for an id held in another field than `id`. A category's
/// `code` is written in data as published (`børn og unge`), so it may hold
/// single spaces between words, and nothing else the rule forbids.
fn check_field<L: Locate>(id: &str, at: &L, field: &str, out: &mut impl Report) {
    // Most ids are printable ASCII: in normal form C, nothing unseen in them.
    if id.bytes().all(|b| b.is_ascii_graphic()) || id.contains('\0') {
        return;
    }
    let words = field == "code";
    let chars: Vec<char> = id.chars().collect();
    let between_words = |i: usize| {
        words && chars[i] == ' ' && i > 0 && i + 1 < chars.len() && chars[i - 1] != ' ' && chars[i + 1] != ' '
    };
    let found = chars
        .iter()
        .enumerate()
        .find_map(|(i, &c)| Unseen::of(c).filter(|_| !between_words(i)).map(|u| (i, c, u)));
    if let Some((position, c, unseen)) = found {
        out.emit(Code::IdCharacterNotAllowed, || {
            (
                at.pointer().key(field),
                ctx!("id" => id, "shown" => shown(id), "character" => format!("U+{:04X}", c as u32),
                     "position" => position + 1, "kind" => unseen.name()),
            )
        });
    } else if !is_nfc(id) {
        out.emit(Code::IdNotNormalised, || {
            (
                at.pointer().key(field),
                ctx!("id" => id, "composed" => id.nfc().collect::<String>()),
            )
        });
    }
}

/// `id` in lower case, borrowed when it is already: most ids are, and every
/// id of a document passes through here.
fn folded(id: &str) -> Cow<'_, str> {
    if id.chars().any(char::is_uppercase) {
        Cow::Owned(id.to_lowercase())
    } else {
        Cow::Borrowed(id)
    }
}

/// One namespace of ids (the organisations of an agreement, the posts and
/// memberships of all its bodies, the items of an agenda): each id is
/// checked by the id rule, defined once, and compared with the others
/// without regard to case.
pub(crate) struct IdSpace<'a, L> {
    /// The field the ids are held in: `id`, or `code` for categories.
    field: &'static str,
    defined: HashMap<&'a str, L>,
    /// Lowercased id → the id first defined with that spelling.
    folded: HashMap<Cow<'a, str>, &'a str>,
}

impl<L> Default for IdSpace<'_, L> {
    fn default() -> Self {
        IdSpace::held_in("id")
    }
}

impl<L> IdSpace<'_, L> {
    /// A namespace whose ids are held in `field` of each item.
    pub(crate) fn held_in(field: &'static str) -> Self {
        IdSpace {
            field,
            defined: HashMap::default(),
            folded: HashMap::default(),
        }
    }
}

impl<'a, L: Locate> IdSpace<'a, L> {
    /// Defines `id` at `at`: the id rule, then `duplicate_id` against its
    /// first definition, or `ids_differ_only_in_case` against an id spelt
    /// the same but for case. Each is reported once, at this definition.
    pub(crate) fn define(&mut self, id: &'a str, at: L, out: &mut impl Report) {
        check_field(id, &at, self.field, out);
        if let Some(first) = self.defined.get(id) {
            out.emit(Code::DuplicateId, || {
                (
                    at.pointer().key(self.field),
                    ctx!("id" => id, "first" => first.pointer().as_str()),
                )
            });
            return;
        }
        let lower = folded(id);
        match self.folded.get(&lower) {
            Some(&other) => {
                let first = self.defined.get(other);
                out.emit(Code::IdsDifferOnlyInCase, || {
                    let first = first.map(|l| l.pointer().as_str().to_owned()).unwrap_or_default();
                    (
                        at.pointer().key(self.field),
                        ctx!("id" => id, "other" => other, "first" => first),
                    )
                });
            }
            None => {
                self.folded.insert(lower, id);
            }
        }
        self.defined.insert(id, at);
    }

    /// Whether `id` is defined here, exactly.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.defined.contains_key(id)
    }

    /// The id defined here that `id` matches but for case, to suggest for a
    /// reference that does not resolve.
    pub(crate) fn same_but_for_case(&self, id: &str) -> Option<&'a str> {
        self.folded.get(&folded(id)).copied().filter(|&other| other != id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problems::problem::Pointer;

    fn codes(ids: &[&str]) -> Vec<(String, String)> {
        let mut space: IdSpace<'_, Pointer> = IdSpace::default();
        let mut out: Vec<crate::problems::problem::Problem> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            space.define(id, Pointer::root().index(i), &mut out);
        }
        out.iter()
            .map(|p| (p.code.as_str().to_owned(), p.path.to_string()))
            .collect()
    }

    #[test]
    fn every_unseen_character_is_refused_wherever_it_is() {
        for c in [
            '\u{a0}',
            ' ',
            '\t',
            '\u{2009}',
            '\u{3000}',
            '\u{200b}',
            '\u{ad}',
            '\u{feff}',
            '\u{2060}',
            '\u{1}',
            '\u{7f}',
            '\u{e0041}',
            '\u{fe0f}',
        ] {
            for id in [format!("{c}a"), format!("a{c}b"), format!("a{c}")] {
                assert_eq!(
                    codes(&[&id]),
                    [("id_character_not_allowed".to_owned(), "/0/id".to_owned())],
                    "{:?}",
                    id
                );
            }
        }
    }

    #[test]
    fn a_category_code_may_hold_single_spaces_between_words() {
        let mut out: Vec<crate::problems::problem::Problem> = Vec::new();
        let mut space: IdSpace<'_, Pointer> = IdSpace::held_in("code");
        for (i, code) in ["børn og unge", " ældre", "i  alt", "mænd ", "voksne\u{a0}25-64"]
            .iter()
            .enumerate()
        {
            space.define(code, Pointer::root().index(i), &mut out);
        }
        let found: Vec<String> = out.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(found, ["/1/code", "/2/code", "/3/code", "/4/code"]);
    }

    #[test]
    fn decomposed_letters_are_not_normal_form_c() {
        // "å" as a + combining ring above.
        assert_eq!(
            codes(&["ha\u{30a}b"]),
            [("id_not_normalised".to_owned(), "/0/id".to_owned())]
        );
        assert!(codes(&["håb", "søren-smalbro", "klynge-vest-før-2022"]).is_empty());
    }

    #[test]
    fn case_twins_are_flagged_once_and_duplicates_against_the_first() {
        assert_eq!(
            codes(&["Aalborg", "aalborg", "AALBORG", "aalborg"]),
            [
                ("ids_differ_only_in_case".to_owned(), "/1/id".to_owned()),
                ("ids_differ_only_in_case".to_owned(), "/2/id".to_owned()),
                ("duplicate_id".to_owned(), "/3/id".to_owned()),
            ]
        );
    }
}
