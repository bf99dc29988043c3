//! JSON-stat 2.0 datasets: a cube of dimensions (`id`, `size`, each
//! dimension's categories with their index and labels), a flat `value`
//! array (or an object of the cells that have one) in row-major order, the
//! last dimension varying fastest, and `status` marking cells (Statistics
//! Denmark writes `..` for a value withheld).
//!
//! The cube is read into a [`Sheet`] of one row per cell: a column per
//! dimension holding its category's id (a mapping may name a category by
//! its label too), then the value. A problem in a cell names it as the cube
//! does, `/value/17`.
//!
//! ```
//! let cube = r#"{"version": "2.0", "class": "dataset", "id": ["OMRÅDE", "TID"], "size": [1, 2],
//!   "dimension": {"OMRÅDE": {"category": {"index": ["851"], "label": {"851": "Aalborg"}}},
//!                 "TID": {"category": {"index": {"2023": 0, "2024": 1}}}},
//!   "value": [12.5, null], "status": {"1": ".."}}"#;
//! let sheet = sundhedsaftale::published::jsonstat::read(cube).unwrap();
//! assert_eq!(sheet.columns, ["OMRÅDE", "TID", "value"]);
//! assert_eq!(sheet.cells.len(), 2);
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem, Problems};
use crate::reading::parse::{derived, parse_json};

use super::{Cell, Rows, Sheet};

derived!(Dataset);

/// The most cells a cube may have: a dataset's cells are listed one by one,
/// so a cube's `size` cannot promise more than its text could hold.
const MOST_CELLS: usize = 16 << 20;

/// A JSON-stat 2.0 dataset, as far as reading its values needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dataset {
    /// `2.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `dataset`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// The table's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who publishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The dimensions' ids, in the cube's order.
    pub id: Vec<String>,
    /// Each dimension's number of categories.
    pub size: Vec<usize>,
    /// The dimensions by id.
    pub dimension: BTreeMap<String, Dimension>,
    /// The cells' values.
    pub value: Values,
    /// The cells' status marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// A dimension of the cube.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dimension {
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its categories.
    pub category: Category,
}

/// A dimension's categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Category {
    /// The categories' ids in order, or each id's position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<Index>,
    /// Each category's label by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<serde_json::Map<String, serde_json::Value>>,
}

/// The categories' order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Index {
    /// The ids in order.
    Ids(Vec<String>),
    /// Each id's position.
    Positions(BTreeMap<String, usize>),
}

/// The cells' values: every cell, or the cells that have one by position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Values {
    /// Every cell, `null` for none.
    Dense(Vec<Option<f64>>),
    /// The cells that have a value, by their position (`"17"`).
    Sparse(BTreeMap<String, Option<f64>>),
}

/// The cells' status marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Status {
    /// One mark for every cell.
    All(String),
    /// A mark per cell.
    Dense(Vec<Option<String>>),
    /// Marks by position.
    Sparse(BTreeMap<String, String>),
}

/// Reads a JSON-stat 2.0 dataset into a [`Sheet`]. Problems: JSON syntax
/// and shape (at their pointer), and a cube that does not hold together
/// (`jsonstat_malformed`: `id` and `size` of different lengths, a dimension
/// missing, a dimension's categories not its size, values not the cube's
/// cells).
pub fn read(text: &str) -> Result<Sheet, Problems> {
    let cube: Dataset = parse_json(text)?;
    let mut problems = Vec::new();
    // What is wrong, in English and in Danish.
    let malformed = |at: Pointer, en: String, da: String| {
        Problem::with_context(Code::JsonstatMalformed, at, ctx!("detail" => en, "detail_da" => da))
    };
    if cube.id.len() != cube.size.len() {
        problems.push(malformed(
            Pointer::root().key("size"),
            format!(
                "`id` names {} dimensions and `size` gives {}",
                cube.id.len(),
                cube.size.len()
            ),
            format!(
                "`id` nævner {} dimensioner, og `size` angiver {}",
                cube.id.len(),
                cube.size.len()
            ),
        ));
        return Err(Problems(problems));
    }
    // Each dimension's category ids, in order.
    let mut ids: Vec<Vec<String>> = Vec::new();
    let mut labels: Vec<Vec<(String, String)>> = Vec::new();
    for (d, (name, &size)) in cube.id.iter().zip(&cube.size).enumerate() {
        let at = Pointer::root().key("dimension").key(name);
        let Some(dimension) = cube.dimension.get(name) else {
            problems.push(malformed(
                Pointer::root().key("id").index(d),
                format!("`{name}` has no dimension"),
                format!("`{name}` har ingen dimension"),
            ));
            continue;
        };
        let category = &dimension.category;
        let order: Vec<String> = match (&category.index, &category.label) {
            (Some(Index::Ids(ids)), _) => ids.clone(),
            (Some(Index::Positions(positions)), _) => {
                let mut order = vec![None; positions.len()];
                for (id, &p) in positions {
                    match order.get_mut(p) {
                        Some(slot) if slot.is_none() => *slot = Some(id.clone()),
                        _ => problems.push(malformed(
                            at.key("category").key("index").key(id),
                            format!(
                                "position {p} of `{id}` is taken or past the dimension's {} categories",
                                positions.len()
                            ),
                            format!(
                                "plads {p} for `{id}` er optaget eller ud over dimensionens {} kategorier",
                                positions.len()
                            ),
                        )),
                    }
                }
                order.into_iter().flatten().collect()
            }
            // A dimension of one category may give its label alone.
            (None, Some(label)) => label.keys().cloned().collect(),
            (None, None) => Vec::new(),
        };
        if order.len() != size {
            problems.push(malformed(
                at.key("category"),
                format!("`{name}` has {} categories but `size` gives {size}", order.len()),
                format!("`{name}` har {} kategorier, men `size` angiver {size}", order.len()),
            ));
        }
        let label = category.label.as_ref().map_or_else(Vec::new, |l| {
            l.iter()
                .filter_map(|(id, label)| Some((id.clone(), label.as_str()?.to_string())))
                .collect()
        });
        ids.push(order);
        labels.push(label);
    }
    let cells = cube
        .size
        .iter()
        .try_fold(1usize, |n, &s| n.checked_mul(s))
        .filter(|&n| n <= MOST_CELLS);
    let Some(count) = cells else {
        problems.push(malformed(
            Pointer::root().key("size"),
            format!("the cube's size {:?} has more cells than a dataset can list", cube.size),
            format!(
                "kubens størrelse {:?} har flere celler, end et datasæt kan opregne",
                cube.size
            ),
        ));
        return Err(Problems(problems));
    };
    let mut values = vec![None; count];
    match &cube.value {
        Values::Dense(v) if v.len() != count => problems.push(malformed(
            Pointer::root().key("value"),
            format!("{} values for a cube of {count} cells", v.len()),
            format!("{} værdier til en kube med {count} celler", v.len()),
        )),
        Values::Dense(v) => values.clone_from(v),
        Values::Sparse(v) => {
            for (k, x) in v {
                match k.parse::<usize>().ok().filter(|&k| k < count) {
                    Some(k) => values[k] = *x,
                    None => problems.push(malformed(
                        Pointer::root().key("value").key(k),
                        format!("`{k}` is not a cell of a cube of {count} cells"),
                        format!("`{k}` er ikke en celle i en kube med {count} celler"),
                    )),
                }
            }
        }
    }
    let mut marks: Vec<Option<&str>> = vec![None; count];
    match &cube.status {
        None => {}
        Some(Status::All(s)) => marks.fill(Some(s)),
        Some(Status::Dense(s)) if s.len() != count => problems.push(malformed(
            Pointer::root().key("status"),
            format!("{} status marks for a cube of {count} cells", s.len()),
            format!("{} statusmærker til en kube med {count} celler", s.len()),
        )),
        Some(Status::Dense(s)) => {
            for (m, s) in marks.iter_mut().zip(s) {
                *m = s.as_deref();
            }
        }
        Some(Status::Sparse(s)) => {
            for (k, mark) in s {
                match k.parse::<usize>().ok().filter(|&k| k < count) {
                    Some(k) => marks[k] = Some(mark),
                    None => problems.push(malformed(
                        Pointer::root().key("status").key(k),
                        format!("`{k}` is not a cell of a cube of {count} cells"),
                        format!("`{k}` er ikke en celle i en kube med {count} celler"),
                    )),
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let mut rows = Vec::with_capacity(count);
    for k in 0..count {
        let mut row = Vec::with_capacity(ids.len() + 1);
        let mut rest = k;
        for d in (0..ids.len()).rev() {
            let size = cube.size[d];
            row.push(Cell::Text(ids[d][rest % size].clone()));
            rest /= size;
        }
        row.reverse();
        row.push(match (values[k], marks[k]) {
            (_, Some("..")) => Cell::Text("..".into()),
            (Some(x), _) => Cell::Number(x),
            (None, _) => Cell::Empty,
        });
        rows.push(row);
    }
    let mut columns = cube.id.clone();
    columns.push("value".into());
    labels.push(Vec::new());
    Ok(Sheet {
        numbers: (1..=columns.len() as u32).collect(),
        columns,
        cells: rows,
        rows: Rows::Cube((0..count as u32).collect()),
        labels,
    })
}
