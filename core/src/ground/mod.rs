//! The ground: dates, periods, languages and hashing, which every other
//! layer stands on. It may use nothing of the crate's own outside itself.

pub mod date;
pub mod fold;
pub(crate) mod hash;
pub mod lang;
pub mod period;
