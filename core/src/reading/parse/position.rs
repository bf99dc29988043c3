//! The JSON Pointer of a place in JSON text, given as serde_json reports it
//! (line and column).
//!
//! serde stops at its first error and says only where in the text it was.
//! Tracking the path while deserializing (`serde_path_to_error`) would wrap
//! every visitor of the model, compiling its deserialization a second time
//! and slowing every parse, to serve only the failures. Instead, the text of
//! a failed document, known by then to be well-formed JSON, is scanned once
//! more up to the error's position.

use crate::problems::problem::Pointer;

/// The byte offset of `line` and `column` (both from 1, as serde_json counts:
/// the column is the byte after the last one read, 0 at a line's start).
pub(super) fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// The pointer of the innermost value, or object key, whose text holds the
/// byte just before `offset`: serde reports an error just after what it read
/// last (a value of the wrong type, a key it does not know, the `}` of an
/// object missing a field). `text` must be well-formed JSON, and `offset`
/// at most its length.
///
/// A value's own check (a period code, a date) fails after serde_json has
/// read on to the end of the enclosing object or array when the value is its
/// last; with `closing_is_last`, a position on a closing `}` or `]` is taken
/// as that last member's. A missing field is the object's, so it passes false.
pub(super) fn pointer_at(text: &str, offset: usize, closing_is_last: bool) -> Pointer {
    let bytes = text.as_bytes();
    // serde_json reports a value it only peeked at (an object or array where
    // a string belongs) before that value, just after a `:`, `,`, `[` or
    // whitespace: then the value is the one that starts next.
    let target = match offset.checked_sub(1).map(|i| bytes[i]) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | b':' | b',' | b'[') => {
            offset + bytes[offset..].iter().take_while(|b| b.is_ascii_whitespace()).count()
        }
        _ => offset.saturating_sub(1),
    };
    let mut scan = Scan {
        bytes,
        at: 0,
        target,
        closing_is_last,
    };
    let mut found = None;
    scan.value(&Pointer::root(), &mut found);
    found.unwrap_or_else(Pointer::root)
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    target: usize,
    closing_is_last: bool,
}

impl Scan<'_> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.at).copied().unwrap_or(b'\0')
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
    }

    /// Skips a string, from its opening quote to after its closing one (or
    /// to the end of the text, never past it).
    fn string(&mut self) {
        self.at += 1;
        while self.at < self.bytes.len() {
            match self.bytes[self.at] {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
        self.at = self.bytes.len();
    }

    /// Moves to the next member or element of a container closed by `close`;
    /// false at its closing bracket (left unread) or at the end of the text.
    fn next_item(&mut self, close: u8) -> bool {
        loop {
            self.whitespace();
            match self.peek() {
                b',' => self.at += 1,
                b'\0' => return false,
                byte => return byte != close,
            }
        }
    }

    /// Steps over a container's closing bracket, unless the target is on it
    /// and stands for the container's last item (`last`): then that is found.
    fn close(&mut self, last: Option<Pointer>, found: &mut Option<Pointer>) {
        if self.at == self.target && self.closing_is_last && last.is_some() {
            *found = last;
        } else if self.at < self.bytes.len() {
            self.at += 1;
        }
    }

    /// Scans one value at `pointer`; sets `found` to the innermost pointer
    /// whose text holds the target, and returns once it is set.
    fn value(&mut self, pointer: &Pointer, found: &mut Option<Pointer>) {
        self.whitespace();
        let start = self.at;
        match self.peek() {
            b'{' => {
                self.at += 1;
                let mut last = None;
                while self.next_item(b'}') && self.peek() == b'"' {
                    let key_start = self.at;
                    self.string();
                    let key: String = std::str::from_utf8(&self.bytes[key_start..self.at])
                        .ok()
                        .and_then(|k| serde_json::from_str(k).ok())
                        .unwrap_or_default();
                    let member = pointer.key(&key);
                    if (key_start..self.at).contains(&self.target) {
                        *found = Some(member);
                        return;
                    }
                    self.whitespace();
                    self.at += 1; // ':'
                    self.value(&member, found);
                    if found.is_some() {
                        return;
                    }
                    last = Some(member);
                }
                self.close(last, found);
            }
            b'[' => {
                self.at += 1;
                let mut count = 0;
                while self.next_item(b']') {
                    self.value(&pointer.index(count), found);
                    if found.is_some() {
                        return;
                    }
                    count += 1;
                }
                self.close(count.checked_sub(1).map(|i| pointer.index(i)), found);
            }
            b'"' => self.string(),
            _ => {
                while !matches!(self.peek(), b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' | b'\0') {
                    self.at += 1;
                }
            }
        }
        if found.is_none() && (start..self.at).contains(&self.target) {
            *found = Some(pointer.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> String {
        // The byte after the needle, as serde reports an error after what it read.
        let end = text.find(needle).unwrap() + needle.len();
        pointer_at(text, end, false).as_str().to_string()
    }

    #[test]
    fn the_innermost_value_or_key_before_the_position() {
        let text = r#"{"a": {"b": [1, {"c": "x"}, 3]}, "d~/e": true}"#;
        assert_eq!(at(text, r#""x""#), "/a/b/1/c");
        assert_eq!(at(text, "3"), "/a/b/2");
        assert_eq!(at(text, r#""c""#), "/a/b/1/c");
        assert_eq!(at(text, r#""x"}"#), "/a/b/1");
        assert_eq!(at(text, "3]"), "/a/b");
        assert_eq!(at(text, "true"), "/d~0~1e");
        assert_eq!(at(text, "true}"), "");
    }

    #[test]
    fn a_closing_bracket_can_stand_for_the_last_member() {
        let text = r#"{"a": {"b": "x"}, "c": [1, 2]}"#;
        let end = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(pointer_at(text, end(r#""x"}"#), true).as_str(), "/a/b");
        assert_eq!(pointer_at(text, end(r#""x"}"#), false).as_str(), "/a");
        assert_eq!(pointer_at(text, end("2]"), true).as_str(), "/c/1");
        assert_eq!(pointer_at(text, end("2]"), false).as_str(), "/c");
    }

    #[test]
    fn a_value_only_peeked_at_is_the_next_one() {
        // serde_json stops before an object or array of the wrong type.
        let text = r#"{"a": {"b": [{"c": 1}]}}"#;
        assert_eq!(pointer_at(text, text.find("[").unwrap() - 1, true).as_str(), "/a/b");
        assert_eq!(pointer_at(text, text.find("[").unwrap() + 1, true).as_str(), "/a/b/0");
    }

    #[test]
    fn text_that_ends_inside_a_string_does_not_panic() {
        assert_eq!(pointer_at(r#"{"a": "x\"#, 8, true).as_str(), "/a");
        // A key that does not decode (it never ends) is taken as the empty key.
        assert_eq!(pointer_at(r#"{"a\"#, 4, true).as_str(), "/");
    }

    #[test]
    fn line_and_column_become_an_offset() {
        let text = "{\n  \"a\": 5\n}";
        assert_eq!(offset(text, 2, 8), text.find('5').unwrap() + 1);
        assert_eq!(offset(text, 1, 0), 0);
    }
}
