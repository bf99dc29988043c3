//! The document: the agreement and each of its parts (organisations,
//! people, bodies, clusters, composition rule sets, content, indicators,
//! targets, validity, follow-up duties, disputes, collaboration agreements),
//! each part with the checks that need only itself. It may use every layer
//! below: the ground, problems, places and reading.

pub mod agreement;
pub mod body;
pub mod cluster;
pub mod collaboration;
pub mod composition;
pub mod content;
pub mod dispute;
pub mod edition;
pub mod follow_up;
pub mod history;
pub mod indicator;
pub mod organisation;
pub mod people;
pub mod strata;
pub mod target;
pub mod validity;
