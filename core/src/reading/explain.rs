//! Structural mistakes in words, in English and in Danish.
//!
//! serde and the structural walk ([`mod@crate::shape`]) name what they
//! found and expected in a programmer's terms (`integer`, `a sequence`,
//! `struct Vision`, `u32`), and serde says it in English only. Here each
//! of their findings is read into its parts (what was found, what belongs
//! there, the value given and the values allowed) and said as a reader
//! says it: `detail` in English and `detail_da` in Danish, the two the
//! templates of `invalid_type`, `invalid_value`, `invalid_date` and
//! `json_syntax` fill in. The parts stay in the context for programs
//! (`found`, `expected`, `value`, `allowed`, `minimum`, `maximum`), and
//! serde's own text never reaches a Danish message. Values a reader must
//! write as they are (an enum's variants, `true`, `null`) stay in
//! backticks.

use serde_json::Value;

use crate::ground::period::Period;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

/// A JSON kind of value, as JSON Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    /// The kind of `value` (a number without a fraction is an integer).
    pub(crate) fn of(value: &Value) -> Kind {
        match value {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Integer,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    /// The kind JSON Schema's `type` names.
    pub(crate) fn from_schema(name: &str) -> Option<Kind> {
        Some(match name {
            "null" => Kind::Null,
            "boolean" => Kind::Boolean,
            "integer" => Kind::Integer,
            "number" => Kind::Number,
            "string" => Kind::String,
            "array" => Kind::Array,
            "object" => Kind::Object,
            _ => return None,
        })
    }

    /// JSON Schema's name of the kind.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Boolean => "boolean",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
        }
    }

    /// What belongs where this kind is expected, in words.
    fn expected(self) -> (&'static str, &'static str) {
        match self {
            Kind::Null => ("`null`", "`null`"),
            Kind::Boolean => ("`true` or `false`", "`true` eller `false`"),
            Kind::Integer => ("a whole number", "et helt tal"),
            Kind::Number => ("a number", "et tal"),
            Kind::String => ("text in quotes", "en tekst i anførselstegn"),
            Kind::Array => ("a list", "en liste"),
            Kind::Object => ("an object", "et objekt"),
        }
    }

    /// What was found, in words (a number that is not whole is a decimal number).
    fn found(self) -> (&'static str, &'static str) {
        match self {
            Kind::Boolean => ("a truth value", "en sandhedsværdi"),
            Kind::Number => ("a decimal number", "et decimaltal"),
            Kind::String => ("a text", "en tekst"),
            other => other.expected(),
        }
    }
}

/// What was found, in words: a kind, with the value itself where it is short
/// (a number, `true`), always in backticks, so that a redacted problem
/// hides it; or serde's own words for a kind JSON does not have.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The JSON kind, when it is one.
    kind: Option<Kind>,
    en: String,
    da: String,
}

impl Found {
    /// `value` as found.
    pub(crate) fn value(value: &Value) -> Found {
        let kind = Kind::of(value);
        let literal = match value {
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        Found::kind(kind, literal)
    }

    fn kind(kind: Kind, literal: Option<String>) -> Found {
        let (en, da) = kind.found();
        let (en, da) = match (kind, literal) {
            (Kind::Boolean | Kind::Null, Some(l)) => (format!("`{l}`"), format!("`{l}`")),
            (Kind::Integer | Kind::Number, Some(l)) => (format!("the number `{l}`"), format!("tallet `{l}`")),
            (Kind::String, Some(l)) => (format!("the text `{l}`"), format!("teksten `{l}`")),
            _ => (en.to_string(), da.to_string()),
        };
        Found {
            kind: Some(kind),
            en,
            da,
        }
    }

    /// serde's words for what it found (`integer `5``, `sequence`, `string "x"`).
    fn serde(unexpected: &str) -> Found {
        let after = |prefix: &str| {
            unexpected
                .strip_prefix(prefix)
                .map(|rest| rest.trim_matches('`').to_string())
        };
        if let Some(b) = after("boolean ") {
            return Found::kind(Kind::Boolean, Some(b));
        }
        if let Some(n) = after("integer ") {
            return Found::kind(Kind::Integer, Some(n));
        }
        if let Some(n) = after("floating point ") {
            return Found::kind(Kind::Number, Some(n));
        }
        if let Some(s) = unexpected.strip_prefix("string ") {
            let text = serde_json::from_str::<String>(s).unwrap_or_else(|_| s.trim_matches('"').to_string());
            return Found::kind(Kind::String, Some(text));
        }
        if let Some(c) = after("character ") {
            return Found::kind(Kind::String, Some(c));
        }
        match unexpected {
            "sequence" => Found::kind(Kind::Array, None),
            "map" => Found::kind(Kind::Object, None),
            "unit value" | "null" => Found::kind(Kind::Null, None),
            other => Found {
                kind: None,
                en: other.to_string(),
                da: "en anden slags værdi".to_string(),
            },
        }
    }

    /// JSON Schema's name of what was found, or serde's words.
    fn name(&self) -> String {
        self.kind.map_or_else(|| self.en.clone(), |k| k.name().to_string())
    }
}

/// What belongs in a place, in words, with JSON Schema's names of the kinds.
#[derive(Debug, Clone)]
pub(crate) struct Expected {
    kinds: Vec<&'static str>,
    en: String,
    da: String,
}

impl Expected {
    /// One of `kinds` (`null` is left unsaid where anything else may stand:
    /// leaving the field out says the same).
    pub(crate) fn kinds(kinds: &[Kind]) -> Expected {
        let said: Vec<Kind> = match kinds.iter().any(|k| *k != Kind::Null) {
            true => kinds.iter().copied().filter(|k| *k != Kind::Null).collect(),
            false => kinds.to_vec(),
        };
        let en: Vec<&str> = said.iter().map(|k| k.expected().0).collect();
        let da: Vec<&str> = said.iter().map(|k| k.expected().1).collect();
        Expected {
            kinds: kinds.iter().map(|k| k.name()).collect(),
            en: join(&en, "or"),
            da: join(&da, "eller"),
        }
    }

    /// serde's words for what it expected (`a string`, `u32`, `struct Vision`).
    fn serde(expected: &str) -> Expected {
        let kind = |k: Kind| Expected::kinds(&[k]);
        let words = |k: Kind, en: &str, da: &str| Expected {
            kinds: vec![k.name()],
            en: en.to_string(),
            da: da.to_string(),
        };
        match expected {
            "a string" | "a borrowed string" | "string" | "a character" | "char" => kind(Kind::String),
            "a boolean" | "bool" => kind(Kind::Boolean),
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => words(
                Kind::Integer,
                "a whole number of 0 or more",
                "et helt tal på 0 eller derover",
            ),
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => kind(Kind::Integer),
            "f32" | "f64" => kind(Kind::Number),
            "unit" | "null" => kind(Kind::Null),
            "a sequence" | "a tuple" | "an array" | "a list" => kind(Kind::Array),
            "a map" | "an object" => kind(Kind::Object),
            e if e.starts_with("struct ") => kind(Kind::Object),
            e if e.starts_with("tuple") || e.starts_with("a tuple of size") => kind(Kind::Array),
            e if e.starts_with("enum ") || e == "variant identifier" => words(
                Kind::String,
                "one of the values allowed here",
                "en af de værdier, der er tilladt her",
            ),
            other => Expected {
                kinds: vec![],
                en: other.to_string(),
                da: "en anden slags værdi".to_string(),
            },
        }
    }
}

/// `items` joined as a list is said: `a`, `a or b`, `a, b or c`.
fn join(items: &[&str], or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

/// `invalid_type` at `at`: `found` where `expected` belongs.
pub(crate) fn wrong_type(at: Pointer, found: &Found, expected: &Expected) -> Problem {
    Problem::with_context(
        Code::InvalidType,
        at,
        ctx!(
            "detail" => format!("{} where {} belongs", found.en, expected.en),
            "detail_da" => format!("{}, hvor der skal stå {}", found.da, expected.da),
            "found" => found.name(),
            "expected" => expected.kinds,
        ),
    )
}

/// A value as a message shows it, in backticks: a text as written, anything else as JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// `invalid_value` at `at`: `value` is none of `allowed` (an enum's
/// variants, said as they are written).
pub(crate) fn not_one_of(at: Pointer, value: &Value, allowed: &[Value]) -> Problem {
    let list: Vec<String> = allowed.iter().map(shown).collect();
    let list = list.join(", ");
    Problem::with_context(
        Code::InvalidValue,
        at,
        ctx!(
            "detail" => format!("{} is not one of the values allowed here: {list}", shown(value)),
            "detail_da" => format!("{} er ikke en af de tilladte værdier her: {list}", shown(value)),
            "value" => value,
            "allowed" => allowed,
        ),
    )
}

/// `invalid_value` at `at`: `value` is not `expected`, the one value allowed here.
pub(crate) fn not_the_constant(at: Pointer, value: &Value, expected: &Value) -> Problem {
    Problem::with_context(
        Code::InvalidValue,
        at,
        ctx!(
            "detail" => format!("{} is given, but the value must be {}", shown(value), shown(expected)),
            "detail_da" => format!("{} er angivet, men værdien skal være {}", shown(value), shown(expected)),
            "value" => value,
            "expected" => expected,
        ),
    )
}

/// `invalid_value` at `at`: the number `n` lies outside `minimum`..=`maximum`.
pub(crate) fn out_of_range(
    at: Pointer,
    n: &serde_json::Number,
    minimum: Option<&Value>,
    maximum: Option<&Value>,
) -> Problem {
    let (en, da) = match (minimum, maximum) {
        (Some(min), Some(max)) => (
            format!("`{n}` is not from {min} to {max}"),
            format!(
                "`{n}` ligger ikke mellem {min} og {max}",
                min = danish(min),
                max = danish(max)
            ),
        ),
        (Some(min), None) => (
            format!("`{n}` is below {min}, the least allowed here"),
            format!("`{n}` er mindre end {}, det mindste tilladte her", danish(min)),
        ),
        (None, Some(max)) => (
            format!("`{n}` is above {max}, the most allowed here"),
            format!("`{n}` er større end {}, det største tilladte her", danish(max)),
        ),
        (None, None) => (
            format!("`{n}` is outside the range allowed here"),
            format!("`{n}` ligger uden for det tilladte her"),
        ),
    };
    Problem::with_context(
        Code::InvalidValue,
        at,
        ctx!("detail" => en, "detail_da" => da, "value" => n, "minimum" => minimum, "maximum" => maximum),
    )
}

/// A bound as Danes write it: a decimal comma.
fn danish(bound: &Value) -> String {
    bound.to_string().replace('.', ",")
}

/// chrono's parse errors, which serde passes through as custom messages,
/// with what they mean in Danish; our own [`crate::ground::date::NOT_A_DATE`] first.
const DATE_ERRORS: &[(&str, &str)] = &[
    (crate::ground::date::NOT_A_DATE, "ikke en dato skrevet ÅÅÅÅ-MM-DD"),
    (
        "input contains invalid characters",
        "teksten indeholder tegn, der ikke hører hjemme i en dato eller tid",
    ),
    (
        "premature end of input",
        "teksten slutter, før datoen eller tiden er skrevet helt",
    ),
    ("trailing input", "der står mere efter datoen eller tiden"),
    (
        "input is out of range",
        "et af tallene ligger uden for det mulige (som måned 13 eller time 25)",
    ),
    (
        "no possible date and time matching input",
        "ingen dato eller tid passer til teksten",
    ),
    (
        "input is not enough for unique date and time",
        "teksten er ikke nok til én bestemt dato eller tid",
    ),
    ("input is impossible", "teksten modsiger sig selv som dato eller tid"),
];

/// Whether `message` is one of the date and time errors serde passes through.
pub(crate) fn is_date_error(message: &str) -> bool {
    DATE_ERRORS.iter().any(|(en, _)| *en == message)
}

/// `invalid_date` at `at`, from the reader's words `detail` (chrono's or
/// [`crate::ground::date::NOT_A_DATE`]); `text` is the value, where it is
/// known, which says more: written in another form, or no day of the calendar.
pub(crate) fn bad_date(at: Pointer, text: Option<&str>, detail: &str) -> Problem {
    let (en, da) = match text {
        Some(text) if detail == crate::ground::date::NOT_A_DATE => {
            let b = text.as_bytes();
            let form = b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            match form {
                true => (
                    format!("`{text}` is not a day of the calendar"),
                    format!("`{text}` er ikke en dag i kalenderen"),
                ),
                false => (
                    format!("`{text}` is not written YYYY-MM-DD"),
                    format!("`{text}` er ikke skrevet ÅÅÅÅ-MM-DD"),
                ),
            }
        }
        _ => {
            let da = DATE_ERRORS
                .iter()
                .find(|(en, _)| *en == detail)
                .map_or("ikke en gyldig dato eller tid", |(_, da)| da);
            (detail.to_string(), da.to_string())
        }
    };
    Problem::with_context(Code::InvalidDate, at, ctx!("detail" => en, "detail_da" => da))
}

/// serde_json's syntax errors in Danish, in the order of its own list.
const SYNTAX_ERRORS: &[(&str, &str)] = &[
    (
        "EOF while parsing a list",
        "teksten slutter, før listen er lukket med `]`",
    ),
    (
        "EOF while parsing an object",
        "teksten slutter, før objektet er lukket med `}`",
    ),
    (
        "EOF while parsing a string",
        "teksten slutter, før en tekst er lukket med `\"`",
    ),
    (
        "EOF while parsing a value",
        "teksten slutter, hvor der skal stå en værdi",
    ),
    ("expected `:`", "her skal stå `:` mellem nøgle og værdi"),
    ("expected `,` or `]`", "her skal stå `,` eller `]`"),
    ("expected `,` or `}`", "her skal stå `,` eller `}`"),
    ("expected ident", "her skal stå `true`, `false` eller `null`"),
    ("expected value", "her skal stå en værdi"),
    ("expected `\"`", "her skal stå `\"`"),
    ("invalid escape", "et ugyldigt tegn efter `\\`"),
    ("invalid number", "et ugyldigt tal"),
    ("number out of range", "et tal, der er for stort"),
    ("invalid unicode code point", "et ugyldigt Unicode-tegn i en `\\u`-kode"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "et styretegn (U+0000 til U+001F) i en tekst; skriv det som `\\n`, `\\t` eller `\\u0000`",
    ),
    ("key must be a string", "en nøgle skal være en tekst i anførselstegn"),
    (
        "lone leading surrogate in hex escape",
        "en halv `\\u`-kode (et UTF-16-par uden sin anden halvdel)",
    ),
    ("trailing comma", "et komma for meget før `]` eller `}`"),
    ("trailing characters", "der står mere efter dokumentets slutning"),
    ("unexpected end of hex escape", "en `\\u`-kode med for få cifre"),
    ("recursion limit exceeded", "dokumentet er indlejret for dybt"),
];

/// serde_json's syntax error `message` (without its position) in Danish.
pub(crate) fn syntax_da(message: &str) -> String {
    SYNTAX_ERRORS
        .iter()
        .find(|(en, _)| *en == message)
        .map_or("teksten kan ikke læses som JSON", |(_, da)| da)
        .to_string()
}

/// The problem serde's error `message` (without its position) stands for
/// at `at`, other than a missing or unknown field: its parts read back
/// from serde's English, said in both languages.
pub(crate) fn serde_problem(at: Pointer, message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((unexpected, expected)) = rest.rsplit_once(", expected ") {
            return wrong_type(at, &Found::serde(unexpected), &Expected::serde(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((unexpected, expected)) = rest.rsplit_once(", expected ") {
            let (found, expected) = (Found::serde(unexpected), Expected::serde(expected));
            return Problem::with_context(
                Code::InvalidValue,
                at,
                ctx!(
                    "detail" => format!("{} where {} belongs", found.en, expected.en),
                    "detail_da" => format!("{}, hvor der skal stå {}", found.da, expected.da),
                    "found" => found.name(),
                    "expected" => expected.kinds,
                ),
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Problem::with_context(
            Code::InvalidValue,
            at,
            ctx!(
                "detail" => format!("a list of {length} where {expected} belongs"),
                "detail_da" => format!("en liste med {length} elementer, hvilket er et forkert antal her"),
                "length" => length.parse::<u64>().ok(),
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let quoted: Vec<Value> = rest.split('`').skip(1).step_by(2).map(Value::from).collect();
        if let Some((value, allowed)) = quoted.split_first() {
            return not_one_of(at, value, allowed);
        }
    }
    if let Some(field) = message
        .strip_prefix("duplicate field ")
        .and_then(|rest| rest.split('`').nth(1))
    {
        return Problem::with_context(
            Code::InvalidValue,
            at,
            ctx!(
                "detail" => format!("the field `{field}` is given twice"),
                "detail_da" => format!("feltet `{field}` er angivet to gange"),
                "repeated" => field,
            ),
        );
    }
    if message.starts_with("data did not match any variant of untagged enum") {
        return Problem::with_context(
            Code::InvalidValue,
            at,
            ctx!(
                "detail" => "the value fits none of the forms allowed here",
                "detail_da" => "værdien passer ikke til nogen af de former, der er tilladt her",
            ),
        );
    }
    if is_date_error(message) {
        return bad_date(at, None, message);
    }
    // A period or a geography, whose readers' own errors quote the text.
    let quoted = message.split('`').nth(1).unwrap_or_default();
    if message.contains("` is not a period: ") {
        if let Err(e) = quoted.parse::<Period>() {
            return Problem::with_context(
                Code::InvalidValue,
                at,
                ctx!("detail" => e.to_string(), "detail_da" => e.danish()),
            );
        }
    }
    for text in [quoted.to_string(), format!("{quoted}:?")] {
        if let Err((en, da)) = crate::places::geography::read_explained(&text) {
            if en == message {
                return Problem::with_context(Code::InvalidValue, at, ctx!("detail" => en, "detail_da" => da));
            }
        }
    }
    Problem::with_context(
        Code::InvalidValue,
        at,
        ctx!("detail" => message, "detail_da" => "værdien kan ikke læses her"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's English never reaches the Danish message, and no English word of it does.
    #[test]
    fn serde_messages_are_said_in_danish() {
        let cases = [
            ("invalid type: integer `5`, expected a string", "Forkert type: tallet `5`, hvor der skal stå en tekst i anførselstegn."),
            ("invalid type: sequence, expected struct Vision", "Forkert type: en liste, hvor der skal stå et objekt."),
            ("invalid type: string \"x\", expected u32", "Forkert type: teksten `x`, hvor der skal stå et helt tal på 0 eller derover."),
            ("invalid type: boolean `true`, expected a sequence", "Forkert type: `true`, hvor der skal stå en liste."),
            ("invalid type: unit value, expected a string", "Forkert type: `null`, hvor der skal stå en tekst i anførselstegn."),
            ("invalid value: integer `-5`, expected u32", "Ugyldig værdi: tallet `-5`, hvor der skal stå et helt tal på 0 eller derover."),
            ("invalid length 3, expected a tuple of size 2", "Ugyldig værdi: en liste med 3 elementer, hvilket er et forkert antal her."),
            ("unknown variant `kommune`, expected one of `region`, `municipality`", "Ugyldig værdi: `kommune` er ikke en af de tilladte værdier her: `region`, `municipality`."),
            ("unknown variant `x`, expected `a` or `b`", "Ugyldig værdi: `x` er ikke en af de tilladte værdier her: `a`, `b`."),
            ("duplicate field `id`", "Ugyldig værdi: feltet `id` er angivet to gange."),
            ("not a date of the form YYYY-MM-DD", "Ikke en gyldig dato eller tid (forventet ÅÅÅÅ-MM-DD eller TT:MM:SS): ikke en dato skrevet ÅÅÅÅ-MM-DD."),
            ("input contains invalid characters", "Ikke en gyldig dato eller tid (forventet ÅÅÅÅ-MM-DD eller TT:MM:SS): teksten indeholder tegn, der ikke hører hjemme i en dato eller tid."),
            ("something serde has not said before", "Ugyldig værdi: værdien kan ikke læses her."),
        ];
        for (serde, danish) in cases {
            let p = serde_problem(Pointer::root().key("x"), serde);
            assert_eq!(p.message.da, danish, "{serde}");
            assert!(!p.message.en.contains("invalid type"), "{}", p.message.en);
        }
        let period = "`2021Q5` is not a period: quarter must be 1 to 4 (use 2021, 2021S1, 2021Q3 or 2021K3, 2021-03 or 2021M03, 2021/22 or 2021-01-01/2021-06-30)";
        let p = serde_problem(Pointer::root(), period);
        assert!(p.message.da.contains("er ikke en periode"), "{}", p.message.da);
        let place = "kommune:851"
            .parse::<crate::places::geography::Geography>()
            .unwrap_err();
        let p = serde_problem(Pointer::root(), &place);
        assert!(p.message.da.contains("er ikke et niveau"), "{}", p.message.da);
        let place = "851".parse::<crate::places::geography::Geography>().unwrap_err();
        assert!(serde_problem(Pointer::root(), &place)
            .message
            .da
            .contains("niveau:kode"));
    }

    #[test]
    fn every_syntax_error_has_its_danish() {
        for (en, da) in SYNTAX_ERRORS {
            assert_eq!(syntax_da(en), *da);
        }
        assert_eq!(syntax_da("anything else"), "teksten kan ikke læses som JSON");
    }

    #[test]
    fn kinds_are_said_as_a_list_is_said() {
        let e = Expected::kinds(&[Kind::Integer, Kind::String, Kind::Null]);
        assert_eq!(e.da, "et helt tal eller en tekst i anførselstegn");
        assert_eq!(e.kinds, ["integer", "string", "null"]);
        assert_eq!(Expected::kinds(&[Kind::Null]).en, "`null`");
        assert_eq!(join(&["a", "b", "c"], "or"), "a, b or c");
    }
}
