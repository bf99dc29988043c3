//! Meetings: minutes (attendance, agenda items, decisions), attendance as
//! composition seats against the agreement's rule sets, and a cluster's
//! project portfolio. It may use every layer below (the follow-up engine
//! included, though nothing needs it today).

pub mod meeting;
pub mod portfolio;
