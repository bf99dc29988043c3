//! The follow-up engine: observations and their readers, aggregation up the
//! geography, discretion, progress, and the annual follow-up that joins them
//! with the agreement's indicators and targets. It may use the document and
//! every layer below it.

pub mod aggregate;
pub mod annual;
pub mod categories;
pub mod discretion;
pub mod observation;
pub mod progress;
pub mod published;
pub mod totals;
