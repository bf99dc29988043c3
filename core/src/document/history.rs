//! Asking the document as it stood: [`HealthAgreement::as_of`] applies the
//! amendments dated by a day, [`HealthAgreement::at`] gives a day or an
//! edition, [`HealthAgreement::diff`] lists what differs between two, and
//! [`check`] holds the history against itself. The types are in
//! [`crate::edition`].
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::edition::Moment;
//! let mut a = sundhedsaftale::nordjylland_2024();
//! let amendment = r#"{"id": "a1", "date": "2025-03-01", "changes": [
//!     {"op": "replace", "path": "/subtitle", "value": "Ny undertitel"}]}"#;
//! a.amendments.push(serde_json::from_str(amendment).unwrap());
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_ne!(a.as_of(day(2025, 2, 28)).unwrap().subtitle.as_deref(), Some("Ny undertitel"));
//! assert_eq!(a.as_of(day(2025, 3, 1)).unwrap().subtitle.as_deref(), Some("Ny undertitel"));
//! let changes = a.diff(&Moment::Date(day(2025, 1, 1)), &Moment::Date(day(2025, 6, 1))).unwrap();
//! assert_eq!((changes[0].path.as_str(), changes[0].message_da.as_str()), ("/subtitle", "Undertitel ændret ved /subtitle"));
//! ```

use chrono::NaiveDate;
use serde_json::Value;

use crate::document::agreement::HealthAgreement;
use crate::document::edition::{
    apply, differences, Amendment, Change, ChangeOp, Difference, Moment, Refused, AMENDABLE,
};
use crate::ground::lang::Lang;
use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, date_or_unknown, Pointer, Problem, Problems};

/// The problem for change `j` of the amendment at `index` that cannot be applied.
fn refused(why: Refused, index: usize, j: usize, change: &Change, date: NaiveDate) -> Problem {
    let at = Pointer::root().key("amendments").index(index).key("changes").index(j);
    match why {
        Refused::NotContent => Problem::with_context(
            Code::AmendmentPathNotContent,
            at.key("path"),
            ctx!("path" => change.path, "parts" => AMENDABLE.join(", ")),
        ),
        Refused::NotFound(en, da) => Problem::with_context(
            Code::AmendmentPathNotFound,
            at.key("path"),
            ctx!("path" => change.path, "date" => date.to_string(), "reason" => en, "reason_da" => da),
        ),
        Refused::NoValue => Problem::with_context(
            Code::AmendmentValueMissing,
            at,
            ctx!("op" => match change.op { ChangeOp::Insert => "insert", ChangeOp::Replace => "replace", ChangeOp::Remove => "remove" }),
        ),
    }
}

impl HealthAgreement {
    /// The amendments in the order they apply: by date, and in the
    /// document's order within a day; with their index in `amendments`.
    pub fn amendments_in_order(&self) -> Vec<(usize, &Amendment)> {
        let mut order: Vec<(usize, &Amendment)> = self.amendments.iter().enumerate().collect();
        order.sort_by_key(|(i, a)| (a.date, *i));
        order
    }

    /// The document with the amendments that `include` selects applied, in
    /// order, skipping those the document already has applied (`amended_as_of`).
    /// After each amendment the document must still read: the first that
    /// cannot be applied, or leaves a document that does not read, is the
    /// error, at its own path.
    pub(crate) fn replay(&self, include: impl Fn(usize, &Amendment) -> bool) -> Result<HealthAgreement, Problems> {
        let (amended, problems) = self.steps(include, false);
        match problems.is_empty() {
            true => Ok(amended),
            false => Err(Problems(problems)),
        }
    }

    /// Applies the selected amendments in order. An amendment that cannot
    /// be applied, or leaves a document that does not read, is a problem;
    /// with `keep_going` it is left out and the rest applied (so a check
    /// reports every such amendment at once), else applying stops there.
    pub(crate) fn steps(
        &self,
        include: impl Fn(usize, &Amendment) -> bool,
        keep_going: bool,
    ) -> (HealthAgreement, Vec<Problem>) {
        let pending: Vec<(usize, &Amendment)> = self
            .amendments_in_order()
            .into_iter()
            .filter(|(i, a)| include(*i, a) && self.amended_as_of.is_none_or(|done| a.date > done))
            .collect();
        let mut problems = Vec::new();
        let Some(mut doc) = (!pending.is_empty()).then(|| serde_json::to_value(self).ok()).flatten() else {
            return (self.clone(), problems);
        };
        let mut last = None;
        for (index, a) in pending {
            let before = doc.clone();
            let refusal = a.changes.iter().enumerate().find_map(|(j, change)| {
                apply(&mut doc, change)
                    .err()
                    .map(|why| refused(why, index, j, change, a.date))
            });
            let step = match refusal {
                Some(p) => Err(p),
                None => crate::reading::parse::parse_json::<HealthAgreement>(&doc.to_string()).map_err(|found| {
                    let first = found.iter().next();
                    Problem::with_context(
                        Code::AmendmentMakesInvalid,
                        Pointer::root().key("amendments").index(index),
                        ctx!("date" => a.date.to_string(),
                             "problem" => first.map_or("", |p| p.code.as_str()),
                             "at" => first.map_or("", |p| p.path.as_str()),
                             "message" => first.map_or("", |p| p.message(Lang::En)),
                             "message_da" => first.map_or("", |p| p.message(Lang::Da))),
                    )
                }),
            };
            match step {
                Ok(amended) => last = Some(amended),
                Err(p) => {
                    problems.push(p);
                    if !keep_going {
                        break;
                    }
                    doc = before;
                }
            }
        }
        (last.unwrap_or_else(|| self.clone()), problems)
    }

    /// The agreement as in force on `date`: its amendments dated on or
    /// before that day applied, and `amended_as_of` set to it. Every question asked
    /// of the result (targets, indicators, the follow-up) is answered as the
    /// document then stood. A document that already stands as of a later
    /// day cannot be taken back (`as_of_needs_original`).
    ///
    /// ```
    /// let a = sundhedsaftale::nordjylland_2024();
    /// let on = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let now = a.as_of(on).unwrap();
    /// assert_eq!((now.amended_as_of, now.focus_areas.len()), (Some(on), 3));
    /// ```
    pub fn as_of(&self, date: NaiveDate) -> Result<HealthAgreement, Problems> {
        self.needs_original_before(Some(date))?;
        let mut amended = self.replay(|_, a| a.date <= date)?;
        amended.amended_as_of = Some(date);
        Ok(amended)
    }

    /// `as_of_needs_original` when the document already stands as of a day
    /// after `date` (or as of any day, when `date` is `None`: an edition is
    /// found from the base text).
    fn needs_original_before(&self, date: Option<NaiveDate>) -> Result<(), Problems> {
        match (self.amended_as_of, date) {
            (Some(done), Some(d)) if d >= done => Ok(()),
            (Some(done), _) => Err(Problems(vec![Problem::with_context(
                Code::AsOfNeedsOriginal,
                Pointer::root().key("amended_as_of"),
                ctx!("as_of" => done.to_string(), "date" => date.map_or_else(String::new, |d| d.to_string())),
            )])),
            (None, _) => Ok(()),
        }
    }

    /// The document at `moment`: as in force on a day, or as an edition has
    /// it (the amendments of that edition and the earlier ones).
    pub fn at(&self, moment: &Moment) -> Result<HealthAgreement, Problems> {
        match moment {
            Moment::Date(d) => self.as_of(*d),
            Moment::Edition(id) => {
                self.needs_original_before(None)?;
                let Some(position) = self.editions.iter().position(|e| &e.id == id) else {
                    return Err(Problems(vec![Problem::with_context(
                        Code::UnknownReference,
                        Pointer::root().key("editions"),
                        ctx!("id" => id, "kind" => "edition"),
                    )]));
                };
                let upto: Vec<&str> = self.editions[..=position].iter().map(|e| e.id.as_str()).collect();
                self.replay(|_, a| a.edition.as_deref().is_some_and(|e| upto.contains(&e)))
            }
        }
    }

    /// What differs between the document at `from` and at `to` (days or
    /// editions, in either order), each difference at its JSON Pointer and
    /// described in both languages. Items with an `id` are matched by it, so
    /// an inserted objective is one insertion, not a shift of every later one.
    pub fn diff(&self, from: &Moment, to: &Moment) -> Result<Vec<Difference>, Problems> {
        let content = |a: HealthAgreement| -> Value {
            let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                map.retain(|k, _| AMENDABLE.contains(&k.as_str()));
            }
            v
        };
        let (before, after) = (content(self.at(from)?), content(self.at(to)?));
        let mut out = Vec::new();
        differences(&before, &after, &mut Vec::new(), &mut out);
        Ok(out)
    }
}

/// The document's history against itself, at the document's root: each
/// amendment's date within the agreement's time in force
/// (`date_outside_validity`), after the edition it appears in
/// (`amendment_after_its_edition`), editions in date order
/// (`edition_out_of_order`), and every amendment applicable in turn, each
/// leaving a document that reads.
pub(crate) fn check(a: &HealthAgreement) -> Vec<Problem> {
    let root = Pointer::root();
    let mut out = Vec::new();
    let from = a.validity.in_force_from;
    let until = a.validity.effective_end().map(|(_, d)| d);
    for (i, m) in a.amendments.iter().enumerate() {
        if from.is_some_and(|f| m.date < f) || until.is_some_and(|u| m.date >= u) {
            out.push(Problem::with_context(
                Code::DateOutsideValidity,
                root.key("amendments").index(i).key("date"),
                ctx!("date" => m.date.to_string(), "from" => date_or_unknown(from), "until" => date_or_unknown(until)),
            ));
        }
        let edition = m.edition.as_ref().and_then(|e| a.editions.iter().find(|x| &x.id == e));
        if let Some(e) = edition {
            if let Some(date) = e.date.filter(|d| *d < m.date) {
                out.push(Problem::with_context(
                    Code::AmendmentAfterItsEdition,
                    root.key("amendments").index(i).key("date"),
                    ctx!("date" => m.date.to_string(), "edition" => e.label, "edition_date" => date.to_string()),
                ));
            }
        }
    }
    let mut latest: Option<(usize, NaiveDate)> = None;
    for (i, e) in a.editions.iter().enumerate() {
        let Some(date) = e.date else { continue };
        match latest {
            Some((j, before)) if date < before => out.push(Problem::with_context(
                Code::EditionOutOfOrder,
                root.key("editions").index(i).key("date"),
                ctx!("date" => date.to_string(), "before" => before.to_string(),
                     "earlier" => root.key("editions").index(j).as_str()),
            )),
            _ => latest = Some((i, date)),
        }
    }
    out.extend(a.steps(|_, _| true, true).1);
    out
}
