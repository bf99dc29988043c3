//! The faces: what a caller meets first. Validation's orchestration (the
//! checks that cross parts), loading (parse, then validate), the readable
//! report, numbers and names as a reader sees them, and the table of every
//! label. It may use every layer.

pub mod figures;
pub mod labels;
pub mod load;
pub mod report;
pub mod validate;
