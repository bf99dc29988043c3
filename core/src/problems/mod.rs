//! Problems: the catalogue of codes, the problem type with its JSON
//! Pointers and limits, and the text checks every document gets. It may use
//! the ground.

pub mod catalogue;
pub mod problem;
pub mod text;
