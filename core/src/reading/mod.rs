//! Reading: JSON text into a typed value, and the structural walk that
//! explains a failed parse at every pointer. It knows no document: each type
//! it reads (the agreement, the minutes, a rule set, the follow-up's inputs)
//! implements [`parse::Document`] beside itself. It may use the ground,
//! problems and places.

pub(crate) mod explain;
pub mod parse;
pub mod shape;
