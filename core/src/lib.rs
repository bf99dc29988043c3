//! # sundhedsaftale
//!
//! Danish cross-sector health agreements (*sundhedsaftaler*) as typed,
//! validated data, and the follow-up they call for: who is a party, bound or
//! covered; how bodies are composed and whether they meet their rules; what
//! the agreement aims at; when it is in force and what is due when; how
//! disputes escalate.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::{nordjylland_2024, validate, ValidityState};
//!
//! let agreement = nordjylland_2024();
//! let status = agreement.status_on(NaiveDate::from_ymd_opt(2027, 7, 1).unwrap());
//! assert_eq!(status.state, ValidityState::InForceAwaitingSuccessor);
//! assert!(!validate(&agreement).has_errors());
//! ```
//!
//! Identifiers are English; each type's documentation gives the Danish term,
//! and `#[doc(alias)]` lets a search for the Danish word find the type. Data
//! content (names, objectives, key figures) stays in Danish as the sources
//! write it. Every problem is a [`Problem`] with a stable [`Code`] from the
//! [`catalogue()`], a JSON Pointer, a severity and messages in both languages.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The crate's layers, each a folder; `tests/layers.rs` declares their order
// from the ground up and holds every `crate::` path to it: a module may use
// its own layer and those below, never one above. The layer modules are
// private; their modules are public here, at the paths they always had.
mod document;
mod engine;
mod faces;
mod formats;
mod ground;
mod meetings;
mod places;
mod problems;
mod reading;

pub use document::{
    agreement, body, cluster, collaboration, composition, content, dispute, edition, follow_up, history, indicator,
    organisation, people, strata, target, validity,
};
pub use engine::{aggregate, annual, categories, discretion, observation, progress, published, totals};
pub use faces::{figures, labels, load, report, validate};
#[cfg(feature = "embedded")]
pub use formats::embedded;
pub use formats::schema;
pub use ground::{date, fold, lang, period};
pub use meetings::{meeting, portfolio};
pub use places::{directory, geography, reference, reform, written};
pub use problems::{catalogue, problem, text};
pub use reading::{parse, shape};

pub use agreement::{CompositionReport, HealthAgreement, Sitting, SCHEMA_VERSION};
pub use body::{Body, BodyKind};
pub use catalogue::{catalogue, Code, CodeInfo};
pub use cluster::Cluster;
pub use composition::{FindingStatus, RuleFinding, RuleSet, Seat};
pub use content::{FocusArea, Indicator, KeyFigure, NationalGoal, Objective, Signatory, Vision};
pub use dispute::{Dispute, DisputeKind, DisputeLevel, DisputeRules};
pub use edition::{Amendment, Annex, Difference, Edition, Moment};
#[cfg(feature = "embedded")]
pub use embedded::{nordjylland_2024, politisk_klynge_vest_2021, rule_sets};
pub use follow_up::{CalendarEntry, DueStatus, FollowUp};
pub use lang::{Label, Lang};
pub use load::{load_path, load_str, LoadError};
pub use meeting::{AgendaItem, Attendance, Meeting, Minutes, Outcome};
pub use organisation::{AgreementRole, Organisation, OrganisationKind};
pub use parse::{parse_json, Document};
pub use people::{Membership, MembershipRole, Person, Post, Title};
pub use problem::{Messages, Pointer, Problem, Problems, Severity};
pub use validate::{validate, validate_minutes, validate_rule_set, validate_with};
pub use validity::{Validity, ValidityState, ValidityStatus};

/// The crate README's example, compiled and run as a doctest so it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
