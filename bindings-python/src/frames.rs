//! Observations from anything that exports an Arrow stream (the PyCapsule
//! interface): a pandas or polars DataFrame, a pyarrow Table. Each cell
//! becomes the text the CSV reader would see, so the same column rules,
//! checks and problem paths apply: a null or NaN is absent, an integer period
//! is a year, categories are their labels.

use arrow_array::cast::AsArray;
use arrow_array::types::Float64Type;
use arrow_array::{Array, ArrayRef, Float64Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType};
use sundhedsaftale::observation::{ObservationTable, RowReader};
use sundhedsaftale::Problems;

/// A column, read cell by cell as the text CSV would hold, without a
/// string per cell: texts are borrowed from the (cast) array, and a number
/// is written into one buffer per column, reused from row to row.
enum Column {
    /// Floats (32-bit ones cast), written as Rust writes them; NaN is absent.
    Float(Float64Array),
    /// Everything else, cast to text once per batch.
    Text(StringArray),
}

impl Column {
    fn of(column: &ArrayRef) -> Result<Column, ArrowError> {
        Ok(match column.data_type() {
            DataType::Float64 | DataType::Float32 => Column::Float(
                arrow_cast::cast(column, &DataType::Float64)?
                    .as_primitive::<Float64Type>()
                    .clone(),
            ),
            _ => Column::Text(arrow_cast::cast(column, &DataType::Utf8)?.as_string::<i32>().clone()),
        })
    }

    /// Writes row `i`'s number, if this is a column of numbers, into `buffer`.
    fn prepare(&self, i: usize, buffer: &mut String) {
        if let Column::Float(values) = self {
            buffer.clear();
            let x = values.value(i);
            if !values.is_null(i) && !x.is_nan() {
                use std::fmt::Write;
                // Writing into a String cannot fail.
                let _ = write!(buffer, "{x}");
            }
        }
    }

    /// Row `i`'s text; "" for an absent cell.
    fn text<'a>(&'a self, i: usize, buffer: &'a str) -> &'a str {
        match self {
            Column::Float(_) => buffer,
            Column::Text(a) if a.is_null(i) => "",
            Column::Text(a) => a.value(i),
        }
    }
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
        let columns: Vec<Column> = batch.columns().iter().map(Column::of).collect::<Result<_, _>>()?;
        let mut buffers = vec![String::new(); columns.len()];
        for i in 0..batch.num_rows() {
            for (column, buffer) in columns.iter().zip(buffers.iter_mut()) {
                column.prepare(i, buffer);
            }
            let row: Vec<&str> = columns.iter().zip(&buffers).map(|(c, b)| c.text(i, b)).collect();
            reader.push(&row);
        }
    }
    Ok(reader.finish())
}
