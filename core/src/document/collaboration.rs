//! Collaboration agreements (samarbejdsaftaler) under the cross-sector
//! framework agreement (Den Tværsektorielle Grundaftale).
//!
//! The health agreement asks that these be reviewed continually, have clear
//! goals and a fixed systematic follow-up, and involve patient
//! representatives where relevant. A missing goal or follow-up is reported as
//! a warning; a review past its date is a question asked on a date.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::collaboration::CollaborationAgreement;
//! let c: CollaborationAgreement = serde_json::from_str(
//!     r#"{"id": "akut", "title": "En samarbejdsaftale (eksempel)", "review_due": "2025-06-30"}"#,
//! ).unwrap();
//! assert!(c.review_overdue_on(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()));
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::problems::catalogue::Code;
use crate::problems::problem::{Pointer, Problem};

/// A collaboration agreement (samarbejdsaftale).
#[doc(alias = "samarbejdsaftale")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollaborationAgreement {
    /// Unique id within the document.
    pub id: String,
    /// Title.
    pub title: String,
    /// The framework it belongs to ("Den Tværsektorielle Grundaftale").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Its goals.
    #[serde(default)]
    pub goals: Vec<String>,
    /// How it is followed up systematically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// When it was last reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub reviewed_on: Option<NaiveDate>,
    /// When the next review is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::ground::date::strict_option")]
    pub review_due: Option<NaiveDate>,
    /// Whether patient representatives took part in making it; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_representatives_involved: Option<bool>,
}

impl CollaborationAgreement {
    /// Whether the next review was due before `on`.
    pub fn review_overdue_on(&self, on: NaiveDate) -> bool {
        self.review_due.is_some_and(|due| due < on)
    }

    /// Warnings for a missing goal or follow-up; `at` points to the agreement.
    pub fn check(&self, at: &Pointer) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.goals.iter().all(|g| g.trim().is_empty()) {
            out.push(Problem::new(Code::CollaborationAgreementWithoutGoal, at.key("goals")));
        }
        if self.follow_up.as_deref().is_none_or(|f| f.trim().is_empty()) {
            out.push(Problem::new(
                Code::CollaborationAgreementWithoutFollowUp,
                at.key("follow_up"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement(goals: Vec<&str>, follow_up: Option<&str>, review_due: Option<&str>) -> CollaborationAgreement {
        CollaborationAgreement {
            id: "sa".into(),
            title: "Samarbejdsaftale".into(),
            framework: None,
            goals: goals.into_iter().map(str::to_string).collect(),
            follow_up: follow_up.map(str::to_string),
            reviewed_on: None,
            review_due: review_due.map(|d| d.parse().unwrap()),
            patient_representatives_involved: None,
        }
    }

    #[test]
    fn a_review_is_overdue_only_after_its_due_date() {
        let a = agreement(vec!["mål"], Some("årligt"), Some("2025-06-30"));
        assert!(!a.review_overdue_on("2025-06-30".parse().unwrap()));
        assert!(a.review_overdue_on("2025-07-01".parse().unwrap()));
        assert!(!agreement(vec!["mål"], Some("årligt"), None).review_overdue_on("2030-01-01".parse().unwrap()));
    }

    #[test]
    fn blank_goals_and_follow_up_count_as_missing() {
        let problems = agreement(vec!["  "], Some(""), None).check(&Pointer::root());
        let codes: Vec<(&str, &str)> = problems.iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
        assert_eq!(
            codes,
            [
                ("collaboration_agreement_without_goal", "/goals"),
                ("collaboration_agreement_without_follow_up", "/follow_up")
            ]
        );
        assert!(agreement(vec!["mål"], Some("årligt"), None)
            .check(&Pointer::root())
            .is_empty());
    }
}
