//! Problems: the one shape in which every parse error, validation error and
//! composition finding is reported.
//!
//! A problem is a value, not a control-flow event: validation collects all of
//! them, and callers decide what to do. The shape is the same in Rust, Python
//! and JavaScript: `code`, `path` (a JSON Pointer, RFC 6901), `severity`,
//! messages in English and Danish, and `context`.
//!
//! ```
//! use sundhedsaftale::{Code, Lang, Problem, Severity};
//! let p = Problem::new(Code::EmptyText, "/title");
//! assert_eq!(p.severity, Severity::Error);
//! assert_eq!(p.message(Lang::En), "The text is empty.");
//! assert_eq!(p.message(Lang::Da), "Teksten er tom.");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ground::lang::Lang;
use crate::problems::catalogue::Code;
pub use crate::problems::catalogue::Severity;

/// At most this many characters of an input value are echoed in a context
/// or message; a longer value is cut and ends in `…`. A 100 KB string, or a
/// personal identifier typed into the wrong field, must not fill every log
/// and traceback it passes through.
pub const ECHO_LIMIT: usize = 40;

/// `text` cut to [`ECHO_LIMIT`] characters.
fn cut(text: &str) -> String {
    match text.char_indices().nth(ECHO_LIMIT) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// `detail` explains in the library's words and quotes input between
/// backticks or double quotes: only the quotes are cut.
fn cut_quoted(detail: &str) -> String {
    let mut out = String::with_capacity(detail.len().min(256));
    let mut rest = detail;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('`');
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        match after.find(quote) {
            Some(close) => {
                out.push_str(&cut(&after[..close]));
                out.push(quote);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&cut(after));
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The context keys whose text is the library's own words, which quote
/// input (and codes) only between backticks or double quotes: a `detail`,
/// a cell in words (`at`: the column's name quoted), the places a place
/// name may mean (`suggestion`, `candidates`), the categories an
/// indicator declares, and a composition rule's text and its rule set's
/// name (a rule set's wording, quoted whole), each in English and Danish.
fn is_wording(key: &str) -> bool {
    matches!(
        key.strip_suffix("_da").unwrap_or(key),
        "detail" | "at" | "suggestion" | "candidates" | "declared_codes" | "rule_text" | "rule_set_name"
    )
}

/// A context value with its echoes of input bounded: every text (in lists
/// too) is cut, except that wording ([`is_wording`]) has only its quotations cut.
fn bounded(key: &str, value: Value) -> Value {
    match value {
        Value::String(s) if is_wording(key) => Value::String(cut_quoted(&s)),
        Value::String(s) => Value::String(cut(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| bounded(key, v)).collect()),
        other => other,
    }
}

/// A value's type and length in place of the value.
fn redact(key: &str, value: &Value) -> Value {
    match value {
        Value::String(s) if is_wording(key) => Value::String(replace_quoted(s)),
        Value::String(s) => Value::String(format!("<string:{}>", s.chars().count())),
        Value::Number(n) => Value::String(format!("<number:{}>", n.to_string().len())),
        Value::Array(items) => Value::Array(items.iter().map(|v| redact(key, v)).collect()),
        Value::Object(_) => Value::String("<object>".into()),
        other => other.clone(),
    }
}

/// `detail` with each quotation replaced by its length.
fn replace_quoted(detail: &str) -> String {
    let mut out = String::new();
    let mut rest = detail;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('`');
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let close = after.find(quote).unwrap_or(after.len());
        out.push_str(&format!("<string:{}>", after[..close].chars().count()));
        if close < after.len() {
            out.push(quote);
            rest = &after[close + 1..];
        } else {
            return out;
        }
    }
    out.push_str(rest);
    out
}

/// Messages in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Messages {
    /// English.
    pub en: String,
    /// Danish.
    pub da: String,
}

/// One problem found in a document.
///
/// ```
/// use sundhedsaftale::{Code, Problem, Lang};
/// let p = Problem::new(Code::EmptyText, "/title");
/// assert_eq!(p.code, Code::EmptyText);
/// assert_eq!(p.message(Lang::Da), "Teksten er tom.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The stable code; see [`crate::catalogue()`].
    pub code: Code,
    /// A JSON Pointer (RFC 6901) to the offending place; `""` is the whole document.
    pub path: String,
    /// Error or warning; fixed by the code.
    pub severity: Severity,
    /// The rendered messages.
    pub message: Messages,
    /// Values that explain the problem; also the placeholders of the messages.
    pub context: BTreeMap<String, Value>,
}

impl Problem {
    /// A problem with no context.
    pub fn new(code: Code, path: impl Into<String>) -> Problem {
        Problem::with_context(code, path, BTreeMap::new())
    }

    /// A problem whose messages are rendered from `context`.
    pub fn with_context(code: Code, path: impl Into<String>, context: BTreeMap<String, Value>) -> Problem {
        let context: BTreeMap<String, Value> = context
            .into_iter()
            .map(|(k, v)| {
                let v = bounded(&k, v);
                (k, v)
            })
            .collect();
        let message = messages(code, &context);
        Problem {
            code,
            path: path.into(),
            severity: code.severity(),
            message,
            context,
        }
    }

    /// This problem with every value it echoes replaced by its type and
    /// length (`<string:12>`, `<number:10>`), messages rendered again; for
    /// logs that must hold no personal data. Quotations in a `detail` are
    /// replaced the same way; codes and paths stay.
    ///
    /// ```
    /// use sundhedsaftale::{Code, Problem};
    /// let p = Problem::with_context(Code::UnknownReference, "/people/0",
    ///     [("id".to_string(), "0101701234".into()), ("kind".to_string(), "person".into())].into());
    /// let r = p.redacted();
    /// assert_eq!(r.context["id"], "<string:10>");
    /// assert!(!r.message.en.contains("0101701234") && !r.message.da.contains("0101701234"));
    /// ```
    pub fn redacted(&self) -> Problem {
        let context: BTreeMap<String, Value> = self.context.iter().map(|(k, v)| (k.clone(), redact(k, v))).collect();
        Problem {
            message: messages(self.code, &context),
            context,
            ..self.clone()
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message.en,
            Lang::Da => &self.message.da,
        }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "/" } else { &self.path };
        write!(
            f,
            "{} {} at {}: {}",
            self.severity.as_str(),
            self.code.as_str(),
            path,
            self.message.en
        )
    }
}

/// Builds a problem's context from `name => value` pairs.
macro_rules! ctx {
    ($($key:literal => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut map = ::std::collections::BTreeMap::<String, ::serde_json::Value>::new();
        $( map.insert($key.to_string(), ::serde_json::json!($value)); )*
        map
    }};
}
pub(crate) use ctx;

/// A code's messages from `context`. A suggestion (`did_you_mean`) is
/// said in the message as well, where the template does not already say it,
/// so a reader sees it without opening the context.
fn messages(code: Code, context: &BTreeMap<String, Value>) -> Messages {
    let mut en = render(code.template(Lang::En), context, Lang::En);
    let mut da = render(code.template(Lang::Da), context, Lang::Da);
    let template = code.template(Lang::En);
    if let Some(Value::String(near)) = context.get("did_you_mean") {
        if !template.contains("{did_you_mean}") && !template.contains("{suggestion}") {
            en.push_str(&format!(" Did you mean `{near}`?"));
            da.push_str(&format!(" Mente du `{near}`?"));
        }
    }
    Messages { en, da }
}

/// Fills `{name}` placeholders from `context`. Strings are inserted bare,
/// other values as JSON; a missing value renders as `?` so that a template
/// never panics on incomplete context.
/// Fills `{name}` placeholders from `context`. In Danish, `name_da` is used
/// where the context has it: a label (a title, a kind of organisation) is
/// put in the context in both languages, `kind` for programs and English
/// and `kind_da` for the Danish message, and both templates keep the same
/// placeholders.
fn render(template: &str, context: &BTreeMap<String, Value>, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                let localised = match lang {
                    Lang::Da => context.get(&format!("{name}_da")),
                    Lang::En => None,
                };
                // The kind of thing a reference names, in Danish, where the
                // context gives it in English only.
                let kind_da = match (lang, name, context.get(name)) {
                    (Lang::Da, "kind", Some(Value::String(en))) if localised.is_none() => kind_in_danish(en),
                    _ => None,
                };
                if let Some(da) = kind_da {
                    out.push_str(da);
                    rest = &after[close + 1..];
                    continue;
                }
                match localised.or_else(|| context.get(name)) {
                    Some(Value::String(s)) => out.push_str(s),
                    Some(Value::Number(n)) => out.push_str(&number(n, lang)),
                    Some(Value::Null) | None => out.push('?'),
                    Some(other) => out.push_str(&other.to_string()),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Danish name of a kind of thing a document refers to (`kind` in the
/// context of `unknown_reference`, `reference_not_alive`, …). The agreement's
/// own word for a focus area is *pejlemærke*.
fn kind_in_danish(en: &str) -> Option<&'static str> {
    Some(match en {
        "person" => "person",
        "organisation" => "organisation",
        "body" => "organ",
        "cluster" => "klynge",
        "focus area" => "pejlemærke",
        "objective" => "mål",
        "indicator" => "indikator",
        "follow-up requirement" => "opfølgningsopgave",
        "membership" => "medlemskab",
        "agenda item" => "dagsordenspunkt",
        "project idea" => "projektidé",
        "national goal" => "nationalt mål",
        "objective of the action plan" => "mål i handleplanen",
        "place" | "geography" => "sted",
        "rule set" => "regelsæt",
        _ => return None,
    })
}

/// A number as a message shows it: whole numbers without a decimal part
/// (a factor of `1000`, not `1000.0`), others to at most four decimals, with
/// a decimal comma in Danish. No thousands separator: numbers in messages
/// are as often years and codes (2024, 851) as amounts. The context keeps
/// the exact value.
fn number(n: &serde_json::Number, lang: Lang) -> String {
    let text = match n.as_f64() {
        Some(v) if !(n.is_i64() || n.is_u64()) => {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{v:.0}")
            } else {
                let fixed = format!("{v:.4}");
                fixed.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        }
        _ => n.to_string(),
    };
    match lang {
        Lang::Da => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A collection of problems, with the queries callers need most.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// True when any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Problem::is_error)
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.is_error())
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| !p.is_error())
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over all problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// The problems, each marked as found in `document` (context
    /// `document`), for a caller that reads several documents at once: a
    /// mapping's `/period` is not the table's.
    ///
    /// ```
    /// let p = sundhedsaftale::Problems(vec![sundhedsaftale::Problem::new(sundhedsaftale::Code::MissingField, "/place")]);
    /// assert_eq!(p.in_document("mapping").0[0].context["document"], "mapping");
    /// ```
    pub fn in_document(mut self, document: &str) -> Problems {
        for p in &mut self.0 {
            p.context.insert("document".into(), serde_json::json!(document));
        }
        self
    }

    /// Every problem [`Problem::redacted`].
    pub fn redacted(&self) -> Problems {
        Problems(self.0.iter().map(Problem::redacted).collect())
    }

    /// At most `limits.per_code` problems of each code and `limits.total` in
    /// all, in their order; each code that was cut gets one `more_problems`
    /// warning saying how many of it were left out. A document with a
    /// thousand copies of one mistake then costs a page to read, not a
    /// thousand; errors stay errors, because the first ones of each code are
    /// kept.
    ///
    /// ```
    /// use sundhedsaftale::{Code, Problem, Problems};
    /// use sundhedsaftale::problem::Limits;
    /// let many = Problems((0..250).map(|i| Problem::new(Code::EmptyText, format!("/x/{i}"))).collect());
    /// let capped = many.capped(Limits { per_code: 100, total: 1000 });
    /// assert_eq!(capped.len(), 101);
    /// assert_eq!(capped.0[100].code.as_str(), "more_problems");
    /// assert!(capped.has_errors());
    /// ```
    pub fn capped(self, limits: Limits) -> Problems {
        self.capped_counting(limits, std::iter::empty())
    }

    /// [`Problems::capped`], with problems a check counted without building
    /// them (because their code was at its limit already) added to the
    /// summaries.
    pub(crate) fn capped_counting(self, limits: Limits, counted: impl IntoIterator<Item = (Code, usize)>) -> Problems {
        let mut collector = Collector::new(limits);
        for p in self.0 {
            collector.push(p);
        }
        for (code, n) in counted {
            *collector.counts.entry(code).or_insert(0) += n;
            *collector.left_out.entry(code).or_insert(0) += n;
        }
        collector.finish()
    }
}

/// Where a check puts its problems. A check that may find a problem per
/// item calls [`Report::emit`], which builds the problem (its pointer, its
/// context, its two messages) only when the report will keep it: past its
/// code's limit, a problem is only counted. A plain `Vec` keeps everything.
pub(crate) trait Report {
    /// Whether a problem of `code` would be kept.
    fn wants(&self, code: Code) -> bool;
    /// Keeps `p`, or counts it when its code is at its limit.
    fn keep(&mut self, p: Problem);
    /// Counts a problem of `code` that was not built.
    fn count(&mut self, code: Code);
    /// Counts `n` problems of `code` that were not built.
    fn count_many(&mut self, code: Code, n: usize) {
        for _ in 0..n {
            self.count(code);
        }
    }
    /// Keeps each of `problems`, or counts it.
    fn keep_all(&mut self, problems: impl IntoIterator<Item = Problem>) {
        for p in problems {
            self.keep(p);
        }
    }
    /// A problem of `code`, built by `build` only if it is kept.
    fn emit(&mut self, code: Code, build: impl FnOnce() -> (Pointer, BTreeMap<String, Value>)) {
        if self.wants(code) {
            let (at, context) = build();
            self.keep(Problem::with_context(code, at, context));
        } else {
            self.count(code);
        }
    }
}

impl Report for Vec<Problem> {
    fn wants(&self, _: Code) -> bool {
        true
    }
    fn keep(&mut self, p: Problem) {
        self.push(p);
    }
    fn count(&mut self, _: Code) {}
}

/// A report that keeps at most [`Limits::per_code`] problems of each code
/// and counts the rest, for [`Problems::capped_counting`].
#[derive(Debug, Default)]
pub(crate) struct Capped {
    /// The kept problems.
    pub(crate) out: Vec<Problem>,
    per_code: usize,
    built: crate::ground::hash::HashMap<Code, usize>,
    /// Problems past their code's limit, counted and never built.
    pub(crate) counted: BTreeMap<Code, usize>,
}

impl Capped {
    /// An empty report under `limits`.
    pub(crate) fn new(limits: Limits) -> Capped {
        Capped {
            per_code: limits.per_code,
            ..Capped::default()
        }
    }

    /// The report, capped to `limits` in all, with the summaries.
    pub(crate) fn finish(self, limits: Limits) -> Problems {
        Problems(self.out).capped_counting(limits, self.counted)
    }
}

impl Report for Capped {
    fn wants(&self, code: Code) -> bool {
        self.built.get(&code).is_none_or(|n| *n < self.per_code)
    }
    fn keep(&mut self, p: Problem) {
        if self.wants(p.code) {
            *self.built.entry(p.code).or_insert(0) += 1;
            self.out.push(p);
        } else {
            self.count(p.code);
        }
    }
    fn count(&mut self, code: Code) {
        self.count_many(code, 1);
    }
    fn count_many(&mut self, code: Code, n: usize) {
        if n > 0 {
            *self.counted.entry(code).or_insert(0) += n;
        }
    }
}

impl Extend<Problem> for Capped {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, problems: I) {
        for p in problems {
            self.keep(p);
        }
    }
}

/// Gathers problems up to [`Limits`], counting the rest without keeping them,
/// so that memory stays bounded however many rows of input are wrong.
#[derive(Debug, Clone, Default)]
pub struct Collector {
    limits: Limits,
    kept: Vec<Problem>,
    counts: BTreeMap<Code, usize>,
    left_out: BTreeMap<Code, usize>,
}

impl Collector {
    /// An empty collector.
    pub fn new(limits: Limits) -> Collector {
        Collector {
            limits,
            ..Collector::default()
        }
    }

    /// Keeps `p`, or counts it when its code or the total is at the limit.
    pub fn push(&mut self, p: Problem) {
        let n = self.counts.entry(p.code).or_insert(0);
        *n += 1;
        if *n <= self.limits.per_code && self.kept.len() < self.limits.total {
            self.kept.push(p);
        } else {
            *self.left_out.entry(p.code).or_insert(0) += 1;
        }
    }

    /// How many problems were pushed, kept or counted.
    pub fn seen(&self) -> usize {
        self.counts.values().sum()
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The kept problems, then one `more_problems` summary per code that was cut.
    pub fn finish(self) -> Problems {
        let mut kept = self.kept;
        for (code, count) in self.left_out {
            kept.push(Problem::with_context(
                Code::MoreProblems,
                "",
                ctx!("code" => code.as_str(), "count" => count,
                     "more" => match count { 1 => "1 more problem".to_string(), n => format!("{n} more problems") },
                     "more_da" => match count { 1 => "1 problem mere".to_string(), n => format!("{n} problemer mere") }),
            ));
        }
        Problems(kept)
    }
}

/// How many problems a report holds at most; see [`Problems::capped`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// At most this many of each code.
    pub per_code: usize,
    /// At most this many in all (before the summaries).
    pub total: usize,
}

impl Default for Limits {
    /// 100 of each code, 1,000 in all.
    fn default() -> Limits {
        Limits {
            per_code: 100,
            total: 1_000,
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A JSON Pointer under construction. Segments are escaped per RFC 6901
/// (`~` → `~0`, `/` → `~1`), so ids with slashes still give valid pointers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document (`""`).
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// This pointer with one more segment.
    ///
    /// ```
    /// use sundhedsaftale::Pointer;
    /// assert_eq!(Pointer::root().key("a/b").index(3).as_str(), "/a~1b/3");
    /// ```
    pub fn key(&self, segment: &str) -> Pointer {
        // Pointers are built on every check's hot path: one allocation each.
        let mut s = String::with_capacity(self.0.len() + 1 + segment.len());
        s.push_str(&self.0);
        s.push('/');
        if segment.bytes().any(|b| b == b'~' || b == b'/') {
            for c in segment.chars() {
                match c {
                    '~' => s.push_str("~0"),
                    '/' => s.push_str("~1"),
                    c => s.push(c),
                }
            }
        } else {
            s.push_str(segment);
        }
        Pointer(s)
    }

    /// This pointer with one more array index.
    pub fn index(&self, i: usize) -> Pointer {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = i;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut s = String::with_capacity(self.0.len() + 1 + digits.len() - at);
        s.push_str(&self.0);
        s.push('/');
        // The digits are ASCII.
        s.extend(digits[at..].iter().map(|&d| char::from(d)));
        Pointer(s)
    }

    /// The pointer as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A date for a message's context, or `?` when it is not known.
pub(crate) fn date_or_unknown(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "?".to_string(), |d| d.to_string())
}

/// `end_before_start` at `at`: something ends before it starts.
pub(crate) fn end_before_start(at: Pointer, start: chrono::NaiveDate, end: chrono::NaiveDate) -> Problem {
    Problem::with_context(
        Code::EndBeforeStart,
        at,
        ctx!("start" => start.to_string(), "end" => end.to_string()),
    )
}

/// A place in a document that can become a [`Pointer`].
pub(crate) trait Locate {
    /// The pointer to this place.
    fn pointer(&self) -> Pointer;
}

impl Locate for Pointer {
    fn pointer(&self) -> Pointer {
        self.clone()
    }
}

/// A place a few fixed keys and indices deep, kept without allocating and
/// turned into a [`Pointer`] only when a problem is reported there: the
/// first places of thousands of ids are remembered, and almost never shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Location {
    segments: [Segment; 6],
    len: u8,
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Key(&'static str),
    Index(usize),
}

impl Location {
    /// The whole document.
    pub(crate) fn root() -> Location {
        Location {
            segments: [Segment::Index(0); 6],
            len: 0,
        }
    }

    fn with(mut self, segment: Segment) -> Location {
        // Deeper places than this are not built anywhere; the last segment is kept either way.
        let at = usize::from(self.len).min(self.segments.len() - 1);
        self.segments[at] = segment;
        self.len = (at + 1) as u8;
        self
    }

    /// This place with one more key.
    pub(crate) fn key(self, key: &'static str) -> Location {
        self.with(Segment::Key(key))
    }

    /// This place with one more index.
    pub(crate) fn index(self, i: usize) -> Location {
        self.with(Segment::Index(i))
    }
}

impl Locate for Location {
    fn pointer(&self) -> Pointer {
        self.segments[..usize::from(self.len)]
            .iter()
            .fold(Pointer::root(), |p, s| match s {
                Segment::Key(k) => p.key(k),
                Segment::Index(i) => p.index(*i),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_placeholders_and_marks_missing_ones() {
        let c = ctx!("id" => "x", "n" => 3);
        assert_eq!(render("{id}/{n}/{gone}", &c, Lang::En), "x/3/?");
        assert_eq!(render("unclosed {id", &c, Lang::En), "unclosed {id");
    }

    #[test]
    fn numbers_in_messages_read_as_people_write_them() {
        let c = ctx!("a" => 1000.0, "b" => 41.666_666_666_666_67, "c" => -150.0, "d" => 2024, "e" => 12.5);
        assert_eq!(
            render("{a} {b} {c} {d} {e}", &c, Lang::En),
            "1000 41.6667 -150 2024 12.5"
        );
        assert_eq!(
            render("{a} {b} {c} {d} {e}", &c, Lang::Da),
            "1000 41,6667 -150 2024 12,5"
        );
    }

    #[test]
    fn the_kind_of_a_reference_reads_in_danish() {
        let c = ctx!("id" => "x", "kind" => "focus area");
        assert_eq!(render("{id}: {kind}", &c, Lang::Da), "x: pejlemærke");
        assert_eq!(render("{id}: {kind}", &c, Lang::En), "x: focus area");
    }

    #[test]
    fn danish_messages_take_the_danish_form_of_a_label() {
        let c = ctx!("kind" => "municipality", "kind_da" => "kommune", "id" => "x");
        assert_eq!(render("{id}: {kind}", &c, Lang::En), "x: municipality");
        assert_eq!(render("{id}: {kind}", &c, Lang::Da), "x: kommune");
    }

    #[test]
    fn a_location_becomes_the_pointer_built_the_same_way() {
        let at = Location::root().key("bodies").index(3).key("posts").index(0);
        assert_eq!(
            at.pointer(),
            Pointer::root().key("bodies").index(3).key("posts").index(0)
        );
        assert_eq!(Location::root().pointer().as_str(), "");
    }

    #[test]
    fn severity_comes_from_the_code() {
        let p = Problem::new(Code::CompositionRuleNotMet, "/bodies/0");
        assert_eq!(p.severity, Severity::Warning);
        assert!(!p.is_error());
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(Pointer::root().key("~/").as_str(), "/~0~1");
        assert_eq!(Pointer::root().as_str(), "");
    }
}
