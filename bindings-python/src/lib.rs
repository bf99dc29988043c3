//! The native half of the Python package `sundhedsaftale`.
//!
//! This module is private (`sundhedsaftale._native`): the public API is the
//! Python facade in `python/sundhedsaftale/`, which shapes results into
//! Pythonic types. Here we only convert at the boundary: core values go out
//! as plain Python data (via their JSON form, so the shape is the same one
//! documented by the JSON Schema), and problems go out as the Python-defined
//! `sundhedsaftale.ValidationError`. Core never sees Python.

use chrono::NaiveDate;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;
use std::collections::HashMap;
use sundhedsaftale as core;

mod frames;
mod table;

/// Many small allocations (a document's texts, a follow-up's rows) are
/// served several times faster than by the system allocator; polars and
/// other Rust extensions make the same choice.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Converts JSON data to plain Python data. Keys and short texts recur
/// across thousands of rows (field names, codes, statuses, periods), so each
/// distinct one becomes a Python string once and is shared: strings are
/// immutable, and a follow-up of national data converts several times faster.
struct Converter<'py> {
    py: Python<'py>,
    strings: HashMap<String, Bound<'py, PyString>>,
}

impl<'py> Converter<'py> {
    /// Texts up to this length are shared; longer ones (names, messages) rarely recur.
    const SHARED: usize = 40;

    fn new(py: Python<'py>) -> Self {
        Converter {
            py,
            strings: HashMap::new(),
        }
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyString> {
        if s.len() > Self::SHARED {
            return PyString::new(self.py, s);
        }
        if let Some(found) = self.strings.get(s) {
            return found.clone();
        }
        let made = PyString::new(self.py, s);
        self.strings.insert(s.to_string(), made.clone());
        made
    }

    fn convert(&mut self, value: &Value) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match value {
            Value::Null => py.None().into_bound(py),
            Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => i.into_pyobject(py)?.into_any(),
                (None, Some(u)) => u.into_pyobject(py)?.into_any(),
                _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
            },
            Value::String(s) => self.string(s).into_any(),
            Value::Array(items) => {
                let items = items
                    .iter()
                    .map(|item| self.convert(item))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, items)?.into_any()
            }
            Value::Object(map) => {
                let dict = PyDict::new(py);
                for (k, v) in map {
                    dict.set_item(self.string(k), self.convert(v)?)?;
                }
                dict.into_any()
            }
        })
    }
}

/// Serializes a core value and converts it to Python data.
fn serialize<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    Converter::new(py).convert(&json)
}

/// Builds `sundhedsaftale.ValidationError(problems)`; the class is defined in Python.
fn validation_error(py: Python<'_>, problems: &core::Problems) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let class = py.import("sundhedsaftale._errors")?.getattr("ValidationError")?;
        let instance = class.call1((serialize(py, problems)?,))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

/// The index of `item`, a reference core handed out into `items`. Python
/// holds the same lists, built from the same document, so an index names
/// the same object on both sides.
fn index_of<T>(items: &[T], item: &T) -> usize {
    // Core's queries return references into these very slices.
    items.iter().position(|x| std::ptr::eq(x, item)).unwrap_or(usize::MAX)
}

fn role_code(role: core::AgreementRole) -> &'static str {
    match role {
        core::AgreementRole::Party => "party",
        core::AgreementRole::BoundNonParty => "bound_non_party",
        core::AgreementRole::CoveredNonParty => "covered_non_party",
    }
}

fn lang(code: &str) -> PyResult<core::Lang> {
    code.parse().map_err(PyValueError::new_err)
}

/// A parsed, validated agreement.
#[pyclass(module = "sundhedsaftale._native", name = "NativeAgreement", frozen)]
struct NativeAgreement {
    inner: core::HealthAgreement,
}

#[pymethods]
impl NativeAgreement {
    /// The agreement's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The agreement's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// Every problem, errors and warnings, as plain data.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &core::validate(&self.inner))
    }

    /// The validity status on a date, as plain data with ISO dates.
    fn status_on<'py>(&self, py: Python<'py>, on: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.status_on(on))
    }

    /// What holds on a date beyond the document (its region ceased, the
    /// law's unconfirmed end), as problems in plain data.
    fn problems_on<'py>(&self, py: Python<'py>, on: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.problems_on(on))
    }

    /// The agreement as in force on a date (its amendments dated by then
    /// applied), as a new native agreement; `ValidationError` when it cannot be.
    fn as_of(&self, py: Python<'_>, on: NaiveDate) -> PyResult<NativeAgreement> {
        self.inner
            .as_of(on)
            .map(|inner| NativeAgreement { inner })
            .map_err(|p| validation_error(py, &p))
    }

    /// What differs between two days or editions (each `YYYY-MM-DD` or an
    /// edition's id), as plain data; `ValidationError` when one is unknown.
    fn diff<'py>(&self, py: Python<'py>, from_: &str, to: &str) -> PyResult<Bound<'py, PyAny>> {
        match self
            .inner
            .diff(&core::Moment::from_text(from_), &core::Moment::from_text(to))
        {
            Ok(differences) => serialize(py, &differences),
            Err(p) => Err(validation_error(py, &p)),
        }
    }

    /// The follow-up calendar on a date, as plain data with ISO dates.
    fn calendar<'py>(&self, py: Python<'py>, on: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.calendar(on))
    }

    /// The organisations with a role on a date, as (index in `organisations`, role code).
    fn roles_on(&self, on: NaiveDate) -> Vec<(usize, &'static str)> {
        self.inner
            .roles_on(on)
            .into_iter()
            .map(|(o, role)| (index_of(&self.inner.organisations, o), role_code(role)))
            .collect()
    }

    /// The clusters existing on a date, as indices in `clusters`.
    fn clusters_on(&self, on: NaiveDate) -> Vec<usize> {
        self.inner
            .clusters_on(on)
            .map(|c| index_of(&self.inner.clusters, c))
            .collect()
    }

    /// The bodies existing on a date, as indices in `bodies`.
    fn bodies_on(&self, on: NaiveDate) -> Vec<usize> {
        self.inner
            .bodies_on(on)
            .map(|b| index_of(&self.inner.bodies, b))
            .collect()
    }

    /// Who sits in a body on a date, as (post index, membership index) in
    /// that body; `None` for an unknown body.
    fn members_on(&self, body: &str, on: NaiveDate) -> Option<Vec<(usize, usize)>> {
        let body = self.inner.body(body)?;
        Some(
            self.inner
                .members_on(body, on)
                .iter()
                .map(|s| {
                    (
                        index_of(&body.posts, s.post),
                        index_of(&s.post.memberships, s.membership),
                    )
                })
                .collect(),
        )
    }

    /// A body's composition on a date against every rule set that applies,
    /// as plain data; `None` for an unknown body.
    fn composition<'py>(&self, py: Python<'py>, body: &str, on: NaiveDate) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(body) = self.inner.body(body) else {
            return Ok(None);
        };
        serialize(py, &self.inner.compositions_on(body, core::rule_sets(), on)).map(Some)
    }

    /// The document as JSON text.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        let text = if pretty {
            serde_json::to_string_pretty(&self.inner)
        } else {
            serde_json::to_string(&self.inner)
        };
        text.map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// The document as plain Python data (the JSON form).
    fn to_data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    /// The annual follow-up of `year` as plain data; observations as text
    /// (`format` "csv" or "json"), or none for the agreement's key figures;
    /// `options` as JSON (targets, weights, small_count_threshold, progress).
    #[pyo3(signature = (year, observations = None, format = "csv", options = None))]
    fn follow_up(
        &self,
        py: Python<'_>,
        year: i32,
        observations: Option<&str>,
        format: &str,
        options: Option<&str>,
    ) -> PyResult<NativeFollowUp> {
        let format = observation_format(format)?;
        let options: core::annual::FollowUpOptions = match options {
            None => Default::default(),
            Some(text) => core::parse_json(text).map_err(|p| validation_error(py, &p))?,
        };
        let result = core::annual::run(&self.inner, observations.map(|t| (t, format)), year, &options.into())
            .map_err(|p| validation_error(py, &p))?;
        Ok(NativeFollowUp::new(result, &self.inner))
    }

    /// The annual follow-up of `year` on a file (`format` "csv" or "json",
    /// `dialect` as in `read_observations`), read here without the GIL and
    /// checked as it is read: rows the agreement cannot use are counted,
    /// not kept, so a file of a million of them costs its text and the
    /// problems shown. Raises as `read_observations_file`, then as `follow_up_table`.
    #[pyo3(signature = (year, path, format = "csv", dialect = None, options = None))]
    fn follow_up_file(
        &self,
        py: Python<'_>,
        year: i32,
        path: std::path::PathBuf,
        format: &str,
        dialect: Option<&str>,
        options: Option<&str>,
    ) -> PyResult<NativeFollowUp> {
        let format = observation_format(format)?;
        let dialect: Option<core::observation::Dialect> = match dialect {
            None => None,
            Some(text) => Some(core::parse_json(text).map_err(|p| validation_error(py, &p))?),
        };
        let bytes = py.detach(|| std::fs::read(&path))?;
        let text = core::parse::text_of(&bytes).map_err(|p| validation_error(py, &p))?;
        let options: core::annual::FollowUpOptions = match options.map(core::parse_json) {
            None => Default::default(),
            Some(Ok(options)) => options,
            Some(Err(problems)) => {
                // The file's own problems come first, as when it is read before the follow-up.
                py.detach(|| core::observation::read_in(text, format, dialect))
                    .map_err(|p| validation_error(py, &p))?;
                return Err(validation_error(py, &problems));
            }
        };
        let config = core::annual::FollowUpConfig {
            dialect,
            ..options.into()
        };
        let result = py
            .detach(|| core::annual::run(&self.inner, Some((text, format)), year, &config))
            .map_err(|p| validation_error(py, &p))?;
        Ok(NativeFollowUp::new(result, &self.inner))
    }

    /// The annual follow-up of `year` on observations already read; `options` as in `follow_up`.
    #[pyo3(signature = (year, observations, options = None))]
    fn follow_up_table(
        &self,
        py: Python<'_>,
        year: i32,
        observations: &NativeObservations,
        options: Option<&str>,
    ) -> PyResult<NativeFollowUp> {
        let options: core::annual::FollowUpOptions = match options {
            None => Default::default(),
            Some(text) => core::parse_json(text).map_err(|p| validation_error(py, &p))?,
        };
        if let Some(mapping) = &observations.mapping {
            let problems = mapping.check_against(&self.inner.indicator_catalogue().0);
            if problems.has_errors() {
                return Err(validation_error(py, &problems));
            }
        }
        let result = core::annual::run_on(&self.inner, Some(&observations.table), year, &options.into())
            .map_err(|p| validation_error(py, &p))?;
        Ok(NativeFollowUp::new(result, &self.inner))
    }

    /// The readable report on a date.
    fn report(&self, on: NaiveDate, lang_code: &str) -> PyResult<String> {
        let rule_sets = core::rule_sets();
        let problems = core::validate_with(&self.inner, rule_sets);
        Ok(core::report::render(
            &self.inner,
            on,
            lang(lang_code)?,
            rule_sets,
            &problems,
        ))
    }
}

/// A follow-up result, held natively: it becomes Python data only for the
/// parts asked for.
#[pyclass(module = "sundhedsaftale._native", name = "NativeFollowUp", frozen)]
struct NativeFollowUp {
    inner: core::annual::AnnualFollowUp,
    /// The agreement's names and units, for the readers' columns and texts.
    figures: core::figures::Figures,
}

impl NativeFollowUp {
    fn new(inner: core::annual::AnnualFollowUp, agreement: &core::HealthAgreement) -> Self {
        NativeFollowUp {
            inner,
            figures: core::figures::Figures::of(agreement),
        }
    }
}

#[pymethods]
impl NativeFollowUp {
    /// The year followed up.
    #[getter]
    fn year(&self) -> i32 {
        self.inner.year
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    /// The rows as plain data.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.rows)
    }

    /// The roll-ups as plain data.
    fn roll_ups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.roll_ups)
    }

    /// The problems met on the way, as plain data.
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.problems)
    }

    /// A value of `indicator` as a reader reads it in `lang_code`: rounded to
    /// the indicator's decimals, with its unit, the language's decimal mark.
    fn value_text(&self, indicator: &str, value: f64, lang_code: &str) -> PyResult<String> {
        Ok(self.figures.value(indicator, value, lang(lang_code)?))
    }

    /// A change of `indicator` as a reader reads it: of a percentage, in
    /// percentage points (see `figures::Figures::change`).
    fn change_text(&self, indicator: &str, change: f64, lang_code: &str) -> PyResult<String> {
        Ok(self.figures.change(indicator, change, lang(lang_code)?))
    }

    /// Why row `index` has no value, status or score, in `lang_code` (see
    /// `figures::note`); `None` when it has them.
    fn note_text(&self, index: usize, lang_code: &str) -> PyResult<Option<String>> {
        let lang = lang(lang_code)?;
        Ok(self.inner.rows.get(index).and_then(|r| core::figures::note(r, lang)))
    }

    /// A focus area's name, as the agreement writes it.
    fn focus_area_name(&self, id: &str) -> Option<String> {
        self.figures.focus_area(id).map(str::to_string)
    }

    /// The rows as an Arrow stream (the PyCapsule interface), one scalar per
    /// column, the readers' columns (labels, names) in `lang_code`.
    #[pyo3(signature = (lang_code, requested_schema = None))]
    fn arrow_stream<'py>(
        &self,
        py: Python<'py>,
        lang_code: &str,
        requested_schema: Option<Bound<'py, pyo3::types::PyCapsule>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        let batch = table::rows_batch(&self.inner.rows, &self.figures, lang(lang_code)?)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let schema = batch.schema();
        let field = arrow_schema::Field::new_struct("", schema.fields().clone(), false);
        let arrays = std::iter::once(Ok(
            std::sync::Arc::new(arrow_array::StructArray::from(batch)) as arrow_array::ArrayRef
        ));
        let reader = Box::new(pyo3_arrow::ffi::ArrayIterator::new(arrays, field.into()));
        Ok(pyo3_arrow::ffi::to_stream_pycapsule(py, reader, requested_schema)?)
    }
}

/// Observations read once and held in native columns, for following up
/// without reading them again.
#[pyclass(module = "sundhedsaftale._native", name = "NativeObservations", frozen)]
struct NativeObservations {
    table: core::observation::ObservationTable,
    /// The mapping a published table was read through, checked against the
    /// agreement when the table is followed up.
    mapping: Option<core::published::mapping::SourceMapping>,
}

#[pymethods]
impl NativeObservations {
    /// Number of rows.
    fn __len__(&self) -> usize {
        self.table.len()
    }

    /// The observations as a JSON array, in the order read.
    fn to_json(&self) -> String {
        let rows: Vec<core::observation::Observation> = (0..self.table.len()).map(|r| self.table.row(r)).collect();
        serde_json::to_string(&rows).unwrap_or_default()
    }
}

/// Reads observations from text (`format` "csv" or "json"); `dialect` as JSON
/// (`{"separator": ";", "decimal_comma": true}`), detected when absent. Raises
/// `ValidationError` with every malformed cell.
#[pyfunction]
#[pyo3(signature = (text, format = "csv", dialect = None))]
fn read_observations(py: Python<'_>, text: &str, format: &str, dialect: Option<&str>) -> PyResult<NativeObservations> {
    let format = observation_format(format)?;
    let dialect: Option<core::observation::Dialect> = match dialect {
        None => None,
        Some(text) => Some(core::parse_json(text).map_err(|p| validation_error(py, &p))?),
    };
    // Reading millions of rows takes a while: other Python threads may run meanwhile.
    let table = py
        .detach(|| core::observation::read_in(text, format, dialect))
        .map_err(|p| validation_error(py, &p))?;
    Ok(NativeObservations { table, mapping: None })
}

/// Reads observations from a file (`format` "csv" or "json"); see
/// `read_observations`. The file is read and parsed here, without holding
/// the GIL and without first becoming a Python string. Raises `OSError`
/// when the file cannot be read, `ValidationError` when it is not UTF-8 or
/// has malformed cells.
#[pyfunction]
#[pyo3(signature = (path, format = "csv", dialect = None))]
fn read_observations_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    format: &str,
    dialect: Option<&str>,
) -> PyResult<NativeObservations> {
    let format = observation_format(format)?;
    let dialect: Option<core::observation::Dialect> = match dialect {
        None => None,
        Some(text) => Some(core::parse_json(text).map_err(|p| validation_error(py, &p))?),
    };
    let bytes = py.detach(|| std::fs::read(&path))?;
    let table = py
        .detach(|| {
            let text = core::parse::text_of(&bytes)?;
            core::observation::read_in(text, format, dialect)
        })
        .map_err(|p| validation_error(py, &p))?;
    Ok(NativeObservations { table, mapping: None })
}

/// Reads observations from anything exporting an Arrow stream (a pandas or
/// polars DataFrame, a pyarrow Table), with the CSV reader's columns and
/// checks; raises `ValidationError` with every malformed cell.
#[pyfunction]
fn read_observations_arrow(py: Python<'_>, data: pyo3_arrow::PyRecordBatchReader) -> PyResult<NativeObservations> {
    let reader = data.into_reader()?;
    let columns: Vec<String> = reader.schema().fields().iter().map(|f| f.name().clone()).collect();
    let result = py
        .detach(|| frames::read_batches(reader, &columns))
        .map_err(|e| PyValueError::new_err(format!("cannot read the table: {e}")))?;
    let table = result.map_err(|p| validation_error(py, &p))?;
    Ok(NativeObservations { table, mapping: None })
}

/// A mapping's JSON text, parsed; its problems marked as the mapping's.
fn mapping_of(py: Python<'_>, mapping: &str) -> PyResult<core::published::mapping::SourceMapping> {
    core::parse_json(mapping).map_err(|p| validation_error(py, &p.in_document("mapping")))
}

fn published_format(format: &str) -> PyResult<core::published::Format> {
    format.parse().map_err(PyValueError::new_err)
}

/// Reads a published table's bytes (`format` "statbank", "jsonstat" or
/// "xlsx") through a mapping given as JSON text. Raises `ValidationError`
/// with every problem, each at the file's own row and column.
#[pyfunction]
fn read_published(py: Python<'_>, data: &[u8], format: &str, mapping: &str) -> PyResult<NativeObservations> {
    let (format, mapping) = (published_format(format)?, mapping_of(py, mapping)?);
    let table = py
        .detach(|| core::published::read(data, format, &mapping))
        .map_err(|p| validation_error(py, &p))?;
    Ok(NativeObservations {
        table,
        mapping: Some(mapping),
    })
}

/// Reads a published table from a file; see `read_published`. Raises
/// `OSError` when the file cannot be read.
#[pyfunction]
fn read_published_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    format: &str,
    mapping: &str,
) -> PyResult<NativeObservations> {
    let bytes = py.detach(|| std::fs::read(&path))?;
    read_published(py, &bytes, format, mapping)
}

/// One cell of a data frame: a number, a text, or nothing.
#[derive(FromPyObject)]
enum FrameCell {
    Number(f64),
    Text(String),
}

/// Reads a data frame's columns (names, and each row's cells) through a
/// mapping; rows are counted by position from 0, as the frame counts them.
#[pyfunction]
fn read_published_rows(
    py: Python<'_>,
    columns: Vec<String>,
    rows: Vec<Vec<Option<FrameCell>>>,
    mapping: &str,
) -> PyResult<NativeObservations> {
    use core::published::Cell;
    let mapping = mapping_of(py, mapping)?;
    let cells = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| match c {
                    Some(FrameCell::Number(x)) if x.is_nan() => Cell::Empty,
                    Some(FrameCell::Number(x)) => Cell::Number(x),
                    Some(FrameCell::Text(t)) => Cell::Text(t),
                    None => Cell::Empty,
                })
                .collect()
        })
        .collect();
    let sheet = core::published::Sheet::listed(columns, cells);
    let table = mapping.read(&sheet).map_err(|p| validation_error(py, &p))?;
    Ok(NativeObservations {
        table,
        mapping: Some(mapping),
    })
}

fn observation_format(format: &str) -> PyResult<core::observation::Format> {
    match format {
        "csv" => Ok(core::observation::Format::Csv),
        "json" => Ok(core::observation::Format::Json),
        other => Err(PyValueError::new_err(format!(
            "unknown format {other:?} (use \"csv\" or \"json\")"
        ))),
    }
}

/// Parses and validates JSON text, raising `ValidationError` with every problem.
#[pyfunction]
fn loads(py: Python<'_>, text: &str) -> PyResult<NativeAgreement> {
    core::load_str(text)
        .map(|inner| NativeAgreement { inner })
        .map_err(|problems| validation_error(py, &problems))
}

/// Problems (their JSON form) with every echoed value replaced by its type and length.
#[pyfunction]
fn redact<'py>(py: Python<'py>, problems_json: &str) -> PyResult<Bound<'py, PyAny>> {
    let problems: core::Problems =
        serde_json::from_str(problems_json).map_err(|e| PyValueError::new_err(e.to_string()))?;
    serialize(py, &problems.redacted())
}

/// Bytes as UTF-8 text; raises `ValidationError` (`invalid_encoding`) when they are not.
#[pyfunction]
fn decode(py: Python<'_>, data: &[u8]) -> PyResult<String> {
    core::parse::text_of(data)
        .map(str::to_string)
        .map_err(|problems| validation_error(py, &problems))
}

/// Every problem in JSON text, parse errors included, without raising.
#[pyfunction]
fn problems<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let problems = match core::parse_json::<core::HealthAgreement>(text) {
        Ok(agreement) => core::validate(&agreement),
        Err(problems) => problems,
    };
    serialize(py, &problems)
}

/// Progress for one question in its JSON form; raises `ProgressError` (defined in Python) for unusable input.
#[pyfunction]
fn progress<'py>(py: Python<'py>, input: &str) -> PyResult<Bound<'py, PyAny>> {
    let input: core::progress::ProgressInput = core::parse_json(input).map_err(|p| validation_error(py, &p))?;
    match input.measure() {
        Ok(result) => serialize(py, &result),
        Err(e) => {
            let class = py.import("sundhedsaftale._errors")?.getattr("ProgressError")?;
            let code = serialize(py, &e)?;
            Err(PyErr::from_value(class.call1((code, e.to_string()))?))
        }
    }
}

/// The agreement minutes are checked against: the one given, else the embedded one.
/// The given agreement, or the embedded one (parsed once per process).
fn agreement_or_embedded(agreement: Option<&NativeAgreement>) -> &core::HealthAgreement {
    static EMBEDDED: std::sync::OnceLock<core::HealthAgreement> = std::sync::OnceLock::new();
    match agreement {
        Some(a) => &a.inner,
        None => EMBEDDED.get_or_init(core::nordjylland_2024),
    }
}

/// Every problem in minutes (JSON text), checked against an agreement
/// (the embedded one by default), without raising.
#[pyfunction]
#[pyo3(signature = (text, agreement = None))]
fn minutes_problems<'py>(
    py: Python<'py>,
    text: &str,
    agreement: Option<&NativeAgreement>,
) -> PyResult<Bound<'py, PyAny>> {
    let problems = match core::parse_json::<core::Minutes>(text) {
        Ok(minutes) => core::validate_minutes(&minutes, agreement_or_embedded(agreement), core::rule_sets()),
        Err(problems) => problems,
    };
    serialize(py, &problems)
}

/// The readable report of minutes (JSON text), checked against an agreement
/// (the embedded one by default).
#[pyfunction]
#[pyo3(signature = (text, lang_code, agreement = None))]
fn minutes_report(
    py: Python<'_>,
    text: &str,
    lang_code: &str,
    agreement: Option<&NativeAgreement>,
) -> PyResult<String> {
    let agreement = agreement_or_embedded(agreement);
    let minutes: core::Minutes = core::parse_json(text).map_err(|p| validation_error(py, &p))?;
    let problems = core::validate_minutes(&minutes, agreement, core::rule_sets());
    if problems.has_errors() {
        return Err(validation_error(py, &problems));
    }
    Ok(core::report::render_minutes(
        &minutes,
        agreement,
        lang(lang_code)?,
        core::rule_sets(),
        &problems,
    ))
}

/// Minutes (JSON text) queried against an agreement (the embedded one by
/// default): attendance per party and the attendance's composition against
/// every rule set that applies on the meeting's date, as plain data.
/// Raises `ValidationError` when the minutes do not parse.
#[pyfunction]
#[pyo3(signature = (text, agreement = None))]
fn minutes_queries<'py>(
    py: Python<'py>,
    text: &str,
    agreement: Option<&NativeAgreement>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let agreement = agreement_or_embedded(agreement);
    let minutes: core::Minutes = core::parse_json(text).map_err(|p| validation_error(py, &p))?;
    Ok((
        serialize(py, &minutes.attendance_by_party(agreement))?,
        serialize(py, &minutes.compositions(agreement, core::rule_sets()))?,
    ))
}

/// The known composition rule sets, as JSON text.
#[pyfunction]
fn rule_sets_json() -> PyResult<String> {
    serde_json::to_string(core::rule_sets()).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// The embedded minutes of Politisk Klynge Vest, 6 September 2021, as JSON text.
#[pyfunction]
fn politisk_klynge_vest_2021_json() -> &'static str {
    core::embedded::POLITISK_KLYNGE_VEST_2021_JSON
}

/// The embedded North Jutland health agreement 2024.
#[pyfunction]
fn nordjylland_2024() -> NativeAgreement {
    NativeAgreement {
        inner: core::nordjylland_2024(),
    }
}

/// Every place of the reference data on a date: the country, the regions,
/// the municipalities with their region then.
#[pyfunction]
fn places_on<'py>(py: Python<'py>, on: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    serialize(py, &core::directory::places_on(on))
}

/// The place a text names on a date (by code or name, as published);
/// raises `ValidationError` with the problem (unknown, misspelt with a
/// suggestion, ambiguous, or not existing then).
#[pyfunction]
fn place_on<'py>(py: Python<'py>, text: &str, on: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    match core::directory::place_on(text, on) {
        Ok(place) => serialize(py, &place),
        Err(problem) => Err(validation_error(py, &core::Problems(vec![problem]))),
    }
}

/// Every labelled code with its English and Danish label.
#[pyfunction]
fn labels<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    serialize(py, &core::labels::all())
}

/// `value` rounded to `decimals` as `lang_code` writes numbers (see `figures::number`).
#[pyfunction]
fn format_number(value: f64, decimals: u8, lang_code: &str) -> PyResult<String> {
    Ok(core::figures::number(value, decimals, lang(lang_code)?))
}

/// The catalogue of problem codes.
#[pyfunction]
fn catalogue<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    serialize(py, &core::catalogue())
}

/// The JSON Schema of an agreement document.
#[pyfunction]
fn agreement_schema() -> String {
    core::schema::agreement_schema()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeAgreement>()?;
    m.add_class::<NativeObservations>()?;
    m.add_class::<NativeFollowUp>()?;
    m.add_function(wrap_pyfunction!(read_observations, m)?)?;
    m.add_function(wrap_pyfunction!(read_observations_file, m)?)?;
    m.add_function(wrap_pyfunction!(read_observations_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(read_published, m)?)?;
    m.add_function(wrap_pyfunction!(places_on, m)?)?;
    m.add_function(wrap_pyfunction!(place_on, m)?)?;
    m.add_function(wrap_pyfunction!(read_published_file, m)?)?;
    m.add_function(wrap_pyfunction!(read_published_rows, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(problems, m)?)?;
    m.add_function(wrap_pyfunction!(nordjylland_2024, m)?)?;
    m.add_function(wrap_pyfunction!(minutes_problems, m)?)?;
    m.add_function(wrap_pyfunction!(progress, m)?)?;
    m.add_function(wrap_pyfunction!(minutes_report, m)?)?;
    m.add_function(wrap_pyfunction!(minutes_queries, m)?)?;
    m.add_function(wrap_pyfunction!(rule_sets_json, m)?)?;
    m.add_function(wrap_pyfunction!(politisk_klynge_vest_2021_json, m)?)?;
    m.add_function(wrap_pyfunction!(catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(labels, m)?)?;
    m.add_function(wrap_pyfunction!(format_number, m)?)?;
    m.add_function(wrap_pyfunction!(agreement_schema, m)?)?;
    m.add("SCHEMA_VERSION", core::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
