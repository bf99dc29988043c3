//! Places: the national reference data (regions and municipalities as dated
//! data) and the geography that places a municipality in its cluster, region
//! and country on a date; and places as people write them (codes, names,
//! Statistics Denmark's forms). It may use the ground and problems.

pub mod directory;
pub mod geography;
pub mod reference;
pub mod written;
