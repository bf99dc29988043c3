//! Places: the national reference data (regions and municipalities as dated
//! data) and the geography that places a municipality in its cluster, region
//! and country on a date; and places as people write them (codes, names,
//! Statistics Denmark's forms); and the 2024 health reform as dated data
//! (`reform`: the law, what it ends and from when, the health councils). It
//! may use the ground and problems.

pub mod directory;
pub mod geography;
pub mod reference;
pub mod reform;
pub mod written;
