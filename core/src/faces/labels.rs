//! Every code a person may be shown, with its English and Danish label: one
//! table for the bindings and for pages that render codes they receive
//! (a status, a level, a kind of body).
//!
//! ```
//! let table = sundhedsaftale::labels::all();
//! let in_force = table.iter().find(|l| l.kind == "validity_state" && l.code == "in_force").unwrap();
//! assert_eq!((in_force.en, in_force.da), ("in force", "i kraft"));
//! ```

use serde::Serialize;

use crate::ground::lang::{Label, Lang, Variants};

/// One code of one kind, with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelEntry {
    /// The kind of code, in snake case (`validity_state`, `status`, `level`).
    pub kind: &'static str,
    /// The code as the JSON form writes it (`in_force`).
    pub code: String,
    /// The English label.
    pub en: &'static str,
    /// The Danish label.
    pub da: &'static str,
}

fn entries<T: Label + Variants + Serialize>(kind: &'static str, out: &mut Vec<LabelEntry>) {
    for v in T::ALL {
        // Every labelled enum serializes to its code; the fallback is never taken.
        let code = serde_json::to_value(v)
            .ok()
            .and_then(|c| c.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push(LabelEntry {
            kind,
            code,
            en: v.label(Lang::En),
            da: v.label(Lang::Da),
        });
    }
}

/// Every labelled code, kind by kind.
pub fn all() -> Vec<LabelEntry> {
    use crate::document::{
        body, composition, content, dispute, edition, follow_up, indicator, organisation, people, target, validity,
    };
    use crate::engine::progress;
    use crate::ground::period;
    use crate::meetings::{meeting, portfolio};
    use crate::places::geography;
    let mut out = Vec::new();
    entries::<validity::ValidityState>("validity_state", &mut out);
    entries::<validity::DateRole>("date_role", &mut out);
    entries::<validity::LifecycleKind>("lifecycle_kind", &mut out);
    entries::<validity::ApproverKind>("approver_kind", &mut out);
    entries::<edition::ChangeOp>("change_op", &mut out);
    entries::<edition::DiffOp>("diff_op", &mut out);
    entries::<edition::Part>("part", &mut out);
    entries::<progress::Status>("status", &mut out);
    entries::<indicator::Direction>("direction", &mut out);
    entries::<geography::Level>("level", &mut out);
    entries::<indicator::MeasureUnit>("measure_unit", &mut out);
    entries::<content::Unit>("unit", &mut out);
    entries::<organisation::OrganisationKind>("organisation_kind", &mut out);
    entries::<organisation::AgreementRole>("agreement_role", &mut out);
    entries::<body::BodyKind>("body_kind", &mut out);
    entries::<people::MembershipRole>("membership_role", &mut out);
    entries::<people::Title>("title", &mut out);
    entries::<composition::FindingStatus>("finding_status", &mut out);
    entries::<follow_up::RequirementKind>("requirement_kind", &mut out);
    entries::<follow_up::DueBasis>("due_basis", &mut out);
    entries::<follow_up::DueStatus>("due_status", &mut out);
    entries::<dispute::DisputeLevel>("dispute_level", &mut out);
    entries::<dispute::DisputeKind>("dispute_kind", &mut out);
    entries::<portfolio::ProjectCategory>("project_category", &mut out);
    entries::<portfolio::Phase>("phase", &mut out);
    entries::<meeting::MeetingState>("meeting_state", &mut out);
    entries::<meeting::AttendanceStatus>("attendance_status", &mut out);
    entries::<meeting::AttendanceGroup>("attendance_group", &mut out);
    entries::<meeting::Outcome>("outcome", &mut out);
    entries::<meeting::ConsultationRole>("consultation_role", &mut out);
    entries::<target::TargetKind>("target_kind", &mut out);
    entries::<content::YearBasis>("year_basis", &mut out);
    entries::<indicator::Basis>("basis", &mut out);
    entries::<period::PeriodType>("period_type", &mut out);
    entries::<follow_up::DueAnchor>("due_anchor", &mut out);
    entries::<composition::RuleKind>("rule_kind", &mut out);
    entries::<composition::Scope>("scope", &mut out);
    entries::<progress::Method>("method", &mut out);
    entries::<progress::NotAvailable>("not_available", &mut out);
    entries::<crate::engine::annual::RollUpBasis>("roll_up_basis", &mut out);
    entries::<crate::engine::annual::LeftOutReason>("left_out_reason", &mut out);
    entries::<crate::engine::annual::NotScored>("not_scored", &mut out);
    entries::<crate::problems::catalogue::Severity>("severity", &mut out);
    entries::<crate::places::reform::Abolished>("abolished", &mut out);
    // Why a follow-up cell is hidden: the tag of `aggregate::Hidden`, whose
    // variants carry data and so have no `Variants` table.
    for (code, en, da) in crate::engine::aggregate::Hidden::KINDS {
        out.push(LabelEntry {
            kind: "hidden_kind",
            code: code.to_string(),
            en,
            da,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_label_in_both_languages_and_is_unique_in_its_kind() {
        let table = all();
        assert!(table.len() > 100, "{}", table.len());
        let mut seen = std::collections::HashSet::new();
        for l in &table {
            assert!(!l.code.is_empty() && !l.en.is_empty() && !l.da.is_empty(), "{l:?}");
            assert!(seen.insert((l.kind, l.code.clone())), "{l:?}");
        }
        let status: Vec<&str> = table
            .iter()
            .filter(|l| l.kind == "status")
            .map(|l| l.code.as_str())
            .collect();
        assert!(
            status.contains(&"substantial_progress") && status.contains(&"not_available"),
            "{status:?}"
        );
    }

    #[test]
    fn the_hidden_kinds_are_the_tags_serde_writes() {
        use crate::engine::aggregate::Hidden;
        let table = all();
        for hidden in [
            Hidden::SmallCount { threshold: 5 },
            Hidden::Complementary {
                protects: "a".into(),
                via: "b".into(),
            },
            Hidden::Withheld {
                period: crate::ground::period::Period::Year(2024),
            },
        ] {
            let tag = serde_json::to_value(&hidden).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(table.iter().any(|l| l.kind == "hidden_kind" && l.code == tag), "{tag}");
        }
    }
}
