//! Observations from anything that exports an Arrow stream (the PyCapsule
//! interface): a pandas or polars DataFrame, a pyarrow Table. Each cell
//! becomes the text the CSV reader would see, so the same column rules,
//! checks and problem paths apply: a null or NaN is absent, an integer period
//! is a year, categories are their labels.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Float64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType};
use sundhedsaftale::observation::{ObservationTable, RowReader};
use sundhedsaftale::Problems;

/// A column as one text per row; `None` for an absent cell.
fn texts(column: &ArrayRef) -> Result<Vec<Option<String>>, ArrowError> {
    let n = column.len();
    let float = |i: usize, x: f64| (!column.is_null(i) && !x.is_nan()).then(|| format!("{x}"));
    Ok(match column.data_type() {
        DataType::Float64 => {
            let a = column.as_primitive::<Float64Type>();
            (0..n).map(|i| float(i, a.value(i))).collect()
        }
        DataType::Float32 => {
            let a = column.as_primitive::<Float32Type>();
            (0..n).map(|i| float(i, f64::from(a.value(i)))).collect()
        }
        _ => {
            let cast = arrow_cast::cast(column, &DataType::Utf8)?;
            let a: &StringArray = cast.as_string::<i32>();
            (0..n)
                .map(|i| (!a.is_null(i)).then(|| a.value(i).to_string()))
                .collect()
        }
    })
}

/// Reads the batches of a stream into a table, or every problem found.
pub fn read_batches(
    batches: impl Iterator<Item = Result<RecordBatch, ArrowError>>,
    columns: &[String],
) -> Result<Result<ObservationTable, Problems>, ArrowError> {
    let mut reader = match RowReader::new(columns) {
        Ok(r) => r,
        Err(problems) => return Ok(Err(problems)),
    };
    for batch in batches {
        let batch = batch?;
        let cells: Vec<Vec<Option<String>>> = batch.columns().iter().map(texts).collect::<Result<_, _>>()?;
        let mut row: Vec<&str> = Vec::with_capacity(cells.len());
        for i in 0..batch.num_rows() {
            row.clear();
            row.extend(cells.iter().map(|c| c[i].as_deref().unwrap_or("")));
            reader.push(&row);
        }
    }
    Ok(reader.finish())
}
