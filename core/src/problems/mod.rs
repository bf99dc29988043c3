//! Problems: the catalogue of codes, the problem type with its JSON
//! Pointers and limits, and the text checks every document gets. It may use
//! the ground.

pub mod catalogue;
pub(crate) mod ids;
pub mod problem;
pub mod text;
