//! Formats: the JSON Schemas derived from the types (documents and query
//! results) and the data compiled in. It may use every layer below.

#[cfg(feature = "embedded")]
pub mod embedded;
pub mod schema;
