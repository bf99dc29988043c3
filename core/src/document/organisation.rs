//! Organisations and the role each plays in an agreement.
//!
//! The law makes a sharp distinction that the model keeps: the region and the
//! municipalities are *parties* (they sign); general practice is *bound* by
//! law without being a party; private providers are *covered* only where they
//! deliver publicly funded treatment. The role is therefore data on the
//! agreement, not a property of the organisation.
//!
//! ```
//! use sundhedsaftale::AgreementRole;
//! let agreement = sundhedsaftale::nordjylland_2024();
//! assert_eq!(agreement.role_of("aalborg"), Some(AgreementRole::Party));
//! assert_eq!(agreement.role_of("plo-nordjylland"), Some(AgreementRole::BoundNonParty));
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ground::lang::labels;

/// What kind of organisation this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A region (region), e.g. Region Nordjylland, code 1081.
    #[doc(alias = "region")]
    Region,
    /// A municipality (kommune), with its official code.
    #[doc(alias = "kommune")]
    Municipality,
    /// The organisation of general practitioners (PLO, praktiserende læger).
    #[doc(alias = "PLO")]
    #[doc(alias = "praktiserende læger")]
    GeneralPractice,
    /// Private providers (private aktører), taken together as one category.
    #[doc(alias = "private aktører")]
    PrivateProviders,
    /// A unit of the region: a hospital, psychiatry, the regional administration.
    RegionalUnit,
}

labels!(OrganisationKind {
    Region => ("region", "region"),
    Municipality => ("municipality", "kommune"),
    GeneralPractice => ("general practice", "almen praksis"),
    PrivateProviders => ("private providers", "private aktører"),
    RegionalUnit => ("regional unit", "regional enhed"),
});

/// An organisation that takes part in, is bound by, or is covered by an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Unique id within the document.
    pub id: String,
    /// What kind of organisation.
    pub kind: OrganisationKind,
    /// Name, in Danish, as the source writes it.
    pub name: String,
    /// The official code: region code (1081–1085) or municipality code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u16>,
    /// The organisation this one belongs to: a municipality's or a unit's region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// The role an organisation plays in an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementRole {
    /// A party (aftalepart): signs, and answers for implementation in its own sector.
    #[doc(alias = "aftalepart")]
    Party,
    /// Not a party, but bound by law to work in line with the agreement (general practice).
    BoundNonParty,
    /// Not a party, but covered where it delivers publicly funded treatment (private providers).
    CoveredNonParty,
}

impl AgreementRole {
    /// The kinds of organisation that can hold the role; empty: any. The
    /// parties are the region and its municipalities (DOMAIN.md: general
    /// practice is bound but not a party, private providers covered but not
    /// a party). No source limits the other two roles, so they are open.
    pub fn kinds(self) -> &'static [OrganisationKind] {
        match self {
            AgreementRole::Party => &[OrganisationKind::Region, OrganisationKind::Municipality],
            AgreementRole::BoundNonParty | AgreementRole::CoveredNonParty => &[],
        }
    }
}

labels!(AgreementRole {
    Party => ("party", "aftalepart"),
    BoundNonParty => ("bound by law, not a party", "forpligtet ved lov, ikke aftalepart"),
    CoveredNonParty => ("covered, not a party", "omfattet, ikke aftalepart"),
});

/// One rule of the agreement on who takes part and how.
///
/// One rule may name several organisations (the region and all 11
/// municipalities share the rule that makes them parties).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRule {
    /// The organisations the rule is about.
    pub organisations: Vec<String>,
    /// The role it gives them.
    pub role: AgreementRole,
    /// The legal basis, cited exactly as the agreement gives it (e.g. "Sundhedslovens §57c, stk. 2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// What the organisation answers for under this rule, in the agreement's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<String>,
    /// Where such an organisation's concrete tasks are set (e.g. "Praksisplanen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_set_in: Option<String>,
    /// The condition under which the rule applies, in the agreement's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The agreement's own text for the rule.
    pub text: String,
}
