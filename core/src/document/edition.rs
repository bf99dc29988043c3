//! The document through time: its editions, its annexes, and the dated
//! amendments that change its content after it was signed.
//!
//! An agreement is signed once but read for years, and its text changes in
//! between: Region Midtjylland's 2019–2023 agreement was approved by the
//! health coordination committee on 30 April 2019, entered into force on
//! 1 July 2019, and had its targets on mental illness inserted after the
//! committee's final approval on 29 October 2019. A follow-up of 2018's data
//! must not hold that data to targets that did not exist yet.
//!
//! So the document records its base text (as it entered into force) and its
//! amendments, each dated (the first day it applies) and made of changes in
//! the manner of JSON Patch (RFC 6902): `insert`, `replace` or `remove` at a
//! JSON Pointer into the document's content, as that content stands after
//! the earlier amendments. `HealthAgreement::as_of` (in
//! [`crate::history`]) applies those dated on or before a day;
//! `HealthAgreement::diff` lists what differs between two
//! days or two editions, each difference at its JSON Pointer and described
//! in both languages. Only the content may be amended (texts, focus areas
//! with their objectives, targets and key figures, indicators, annexes):
//! the parties, bodies and clusters already carry their own dates.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ground::lang::{labels, Label, Lang};
use crate::problems::problem::Pointer;

/// An edition of the document (udgave, version): a text as it was
/// published, such as the approved agreement and a later final version.
#[doc(alias = "udgave")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Unique id among the editions.
    pub id: String,
    /// The edition's name as the sources give it ("version 1", "endelig udgave").
    pub label: String,
    /// When it was approved or published; absent when no source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub date: Option<NaiveDate>,
    /// Who approved it: a body's or an organisation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// What the edition says it changed, in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<String>,
    /// Where the edition is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An annex (bilag, tillæg): a part of the document with its own title and date.
#[doc(alias = "bilag")]
#[doc(alias = "tillæg")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Unique id among the annexes.
    pub id: String,
    /// Its title, verbatim.
    pub title: String,
    /// Its date; absent when no source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub date: Option<NaiveDate>,
    /// Its text, paragraph by paragraph, where it is recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A dated change to the document's content after it entered into force
/// (tillæg, ændring).
#[doc(alias = "ændring")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// Unique id among the amendments.
    pub id: String,
    /// The first day it applies: the day of the approval that made it,
    /// unless a source gives another.
    #[serde(deserialize_with = "crate::ground::date::strict")]
    pub date: NaiveDate,
    /// Who approved it: a body's or an organisation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// The edition it first appears in (an edition's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// What it does, in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
    /// Where it is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What a change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    /// Inserts `value` at `path`: before the array item there, at the end for
    /// `-`, or as an object member that does not exist yet.
    Insert,
    /// Replaces what is at `path` with `value`.
    Replace,
    /// Removes what is at `path`.
    Remove,
}

labels!(ChangeOp {
    Insert => ("insert", "indsæt"),
    Replace => ("replace", "erstat"),
    Remove => ("remove", "fjern"),
});

/// One change of an amendment, at a JSON Pointer into the document as it
/// stands after the amendment's earlier changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// What it does.
    pub op: ChangeOp,
    /// Where: a JSON Pointer into the content (`/focus_areas/2/objectives/-`).
    pub path: String,
    /// The new part, in the document's own format (`insert`, `replace`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// The parts of a document an amendment may change: its content. Parties,
/// bodies and clusters carry their own dates; validity and lifecycle are the
/// history itself.
pub const AMENDABLE: &[&str] = &[
    "title",
    "subtitle",
    "foreword",
    "vision",
    "focus_areas",
    "guiding_principles",
    "national_goals",
    "indicators",
    "annexes",
];

/// A point in the document's history: a day, or an edition by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moment {
    /// The document as in force on this day.
    Date(NaiveDate),
    /// The document as this edition has it: its base text with the
    /// amendments of this and the earlier editions.
    Edition(String),
}

impl Moment {
    /// `YYYY-MM-DD` is a day; any other text names an edition.
    ///
    /// ```
    /// use sundhedsaftale::edition::Moment;
    /// assert!(matches!(Moment::from_text("2019-10-29"), Moment::Date(_)));
    /// assert_eq!(Moment::from_text("version-1"), Moment::Edition("version-1".into()));
    /// ```
    pub fn from_text(text: &str) -> Moment {
        match crate::ground::date::parse(text) {
            Some(d) => Moment::Date(d),
            None => Moment::Edition(text.to_string()),
        }
    }
}

/// How a part differs between two points in the document's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// In the later document only.
    Inserted,
    /// In both, changed.
    Replaced,
    /// In the earlier document only.
    Removed,
}

labels!(DiffOp {
    Inserted => ("inserted", "indsat"),
    Replaced => ("changed", "ændret"),
    Removed => ("removed", "fjernet"),
});

/// What kind of part a difference is in: the innermost element its path
/// lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The title.
    Title,
    /// The subtitle.
    Subtitle,
    /// The foreword.
    Foreword,
    /// The vision.
    Vision,
    /// A focus area (pejlemærke).
    FocusArea,
    /// An objective (målsætning).
    Objective,
    /// A target (mål).
    Target,
    /// A key figure (nøgletal).
    KeyFigure,
    /// A guiding principle.
    GuidingPrinciple,
    /// A national goal.
    NationalGoal,
    /// An indicator.
    Indicator,
    /// An annex.
    Annex,
    /// Any other text of the content.
    Text,
}

labels!(Part {
    Title => ("Title", "Titel"),
    Subtitle => ("Subtitle", "Undertitel"),
    Foreword => ("Foreword", "Forord"),
    Vision => ("Vision", "Vision"),
    FocusArea => ("Focus area", "Pejlemærke"),
    Objective => ("Objective", "Målsætning"),
    Target => ("Target", "Mål"),
    KeyFigure => ("Key figure", "Nøgletal"),
    GuidingPrinciple => ("Guiding principle", "Bærende princip"),
    NationalGoal => ("National goal", "Nationalt mål"),
    Indicator => ("Indicator", "Indikator"),
    Annex => ("Annex", "Bilag"),
    Text => ("Text", "Tekst"),
});

impl Part {
    /// The innermost element `segments` lie in.
    fn of(segments: &[String]) -> Part {
        let mut part = Part::Text;
        for (i, s) in segments.iter().enumerate() {
            let element = i + 1 < segments.len() && segments[i + 1].parse::<usize>().is_ok();
            part = match (s.as_str(), element || i + 1 == segments.len()) {
                ("title", _) if i == 0 => Part::Title,
                ("subtitle", _) if i == 0 => Part::Subtitle,
                ("foreword", _) if i == 0 => Part::Foreword,
                ("vision", _) if i == 0 => Part::Vision,
                ("focus_areas", true) => Part::FocusArea,
                ("objectives", true) => Part::Objective,
                ("targets", true) => Part::Target,
                ("key_figures", true) => Part::KeyFigure,
                ("guiding_principles", true) => Part::GuidingPrinciple,
                ("national_goals", true) => Part::NationalGoal,
                ("indicators", true) => Part::Indicator,
                ("annexes", true) => Part::Annex,
                _ => part,
            };
        }
        part
    }
}

/// One difference between two points in the document's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Difference {
    /// Inserted, changed or removed.
    pub op: DiffOp,
    /// Where, as a JSON Pointer: into the later document for an insertion or
    /// a change, into the earlier one for a removal.
    pub path: String,
    /// The kind of part it is in.
    pub part: Part,
    /// The part before (absent for an insertion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    /// The part after (absent for a removal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    /// The difference in English: "Target inserted at /…".
    pub message_en: String,
    /// The difference in Danish: "Mål indsat ved /…".
    pub message_da: String,
}

impl Difference {
    fn new(op: DiffOp, path: &[String], before: Option<Value>, after: Option<Value>) -> Difference {
        let part = Part::of(path);
        let pointer = path.iter().fold(Pointer::root(), |p, s| p.key(s));
        let at = if pointer.as_str().is_empty() {
            "/"
        } else {
            pointer.as_str()
        };
        Difference {
            op,
            part,
            before,
            after,
            message_en: format!("{} {} at {at}", part.label(Lang::En), op.label(Lang::En)),
            message_da: format!("{} {} ved {at}", part.label(Lang::Da), op.label(Lang::Da)),
            path: pointer.as_str().to_string(),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message_en,
            Lang::Da => &self.message_da,
        }
    }
}

/// Why a change cannot be applied.
pub(crate) enum Refused {
    /// Its path is outside the content.
    NotContent,
    /// Its path does not lead to a part (`reason` in each language).
    NotFound(&'static str, &'static str),
    /// It needs a value it does not have.
    NoValue,
}

/// The segments of a JSON Pointer, unescaped; `None` unless it starts with `/`.
fn segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// Applies `change` to `doc`.
pub(crate) fn apply(doc: &mut Value, change: &Change) -> Result<(), Refused> {
    let segments = segments(&change.path).ok_or(Refused::NotContent)?;
    if !AMENDABLE.contains(&segments[0].as_str()) {
        return Err(Refused::NotContent);
    }
    let value = || change.value.clone().ok_or(Refused::NoValue);
    let (last, parents) = segments.split_last().ok_or(Refused::NotContent)?;
    let mut at = &mut *doc;
    for s in parents {
        at = match at {
            Value::Object(map) => map.get_mut(s.as_str()),
            Value::Array(items) => s.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        }
        .ok_or(Refused::NotFound(
            "a part on the way does not exist",
            "en del på vejen findes ikke",
        ))?;
    }
    let missing = Refused::NotFound("nothing is there", "der er intet");
    match (at, change.op) {
        (Value::Array(items), op) => {
            let index = match last.as_str() {
                "-" if op == ChangeOp::Insert => items.len(),
                s => s
                    .parse::<usize>()
                    .ok()
                    .filter(|i| *i < items.len() || (op == ChangeOp::Insert && *i == items.len()))
                    .ok_or(Refused::NotFound(
                        "the list has no item with that number",
                        "listen har intet punkt med det nummer",
                    ))?,
            };
            match op {
                ChangeOp::Insert => items.insert(index, value()?),
                ChangeOp::Replace => items[index] = value()?,
                ChangeOp::Remove => {
                    items.remove(index);
                }
            }
        }
        (Value::Object(map), ChangeOp::Insert) if map.get(last.as_str()).is_some_and(|v| !v.is_null()) => {
            return Err(Refused::NotFound(
                "a part is there already: replace it",
                "der er allerede en del: erstat den",
            ))
        }
        (Value::Object(map), ChangeOp::Insert) => {
            map.insert(last.clone(), value()?);
        }
        (Value::Object(map), op) => {
            let slot = map.get_mut(last.as_str()).filter(|v| !v.is_null()).ok_or(missing)?;
            match op {
                ChangeOp::Replace => *slot = value()?,
                _ => {
                    map.remove(last.as_str());
                }
            }
        }
        _ => return Err(missing),
    }
    Ok(())
}

/// The differences between `a` and `b` at `path`, appended to `out`.
pub(crate) fn differences(a: &Value, b: &Value, path: &mut Vec<String>, out: &mut Vec<Difference>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                path.push(k.clone());
                match y.get(k) {
                    Some(vb) => differences(va, vb, path, out),
                    None => out.push(Difference::new(DiffOp::Removed, path, Some(va.clone()), None)),
                }
                path.pop();
            }
            for (k, vb) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                path.push(k.clone());
                out.push(Difference::new(DiffOp::Inserted, path, None, Some(vb.clone())));
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) => list_differences(x, y, path, out),
        _ => out.push(Difference::new(
            DiffOp::Replaced,
            path,
            Some(a.clone()),
            Some(b.clone()),
        )),
    }
}

/// An item's id, when it has one.
fn id_of(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

/// The differences between two lists: items matched by id where both have
/// ids, else by the longest common subsequence of equal items; an unmatched
/// item removed and one inserted at the same place are one change.
fn list_differences(x: &[Value], y: &[Value], path: &mut Vec<String>, out: &mut Vec<Difference>) {
    let same = |a: &Value, b: &Value| match (id_of(a), id_of(b)) {
        (Some(i), Some(j)) => i == j,
        _ => a == b,
    };
    // Longest common subsequence over `same`; lists in a document are short.
    let (n, m) = (x.len(), y.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if same(&x[i], &y[j]) {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let at = |path: &mut Vec<String>, k: usize| {
        let mut p = path.clone();
        p.push(k.to_string());
        p
    };
    while i < n || j < m {
        if i < n && j < m && same(&x[i], &y[j]) {
            let mut p = at(path, j);
            differences(&x[i], &y[j], &mut p, out);
            i += 1;
            j += 1;
        } else if i < n
            && j < m
            && table[i + 1][j] == table[i][j + 1]
            && id_of(&x[i]).is_none()
            && id_of(&y[j]).is_none()
        {
            // Neither is kept elsewhere: the item at this place changed.
            let mut p = at(path, j);
            differences(&x[i], &y[j], &mut p, out);
            i += 1;
            j += 1;
        } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
            out.push(Difference::new(
                DiffOp::Inserted,
                &at(path, j),
                None,
                Some(y[j].clone()),
            ));
            j += 1;
        } else {
            out.push(Difference::new(DiffOp::Removed, &at(path, i), Some(x[i].clone()), None));
            i += 1;
        }
    }
}
