//! Official reference data: region codes, and the municipalities of the
//! regions whose lists this project has a source for.
//!
//! Source: the project's domain notes (DOMAIN.md), which give the five region
//! codes and Region Nordjylland's 11 municipalities with their official codes
//! and health clusters. Other regions' municipality lists are not held here;
//! for them, validation checks only what the document itself declares.

/// A Danish region and its official code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionRef {
    /// Official region code.
    pub code: u16,
    /// Name.
    pub name: &'static str,
}

/// The five Danish regions.
pub const REGIONS: &[RegionRef] = &[
    RegionRef {
        code: 1081,
        name: "Region Nordjylland",
    },
    RegionRef {
        code: 1082,
        name: "Region Midtjylland",
    },
    RegionRef {
        code: 1083,
        name: "Region Syddanmark",
    },
    RegionRef {
        code: 1084,
        name: "Region Hovedstaden",
    },
    RegionRef {
        code: 1085,
        name: "Region Sjælland",
    },
];

/// A municipality on an official list, with its health cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MunicipalityRef {
    /// Official municipality code.
    pub code: u16,
    /// Name, without "Kommune".
    pub name: &'static str,
    /// The code of its region.
    pub region_code: u16,
    /// The health cluster it belongs to.
    pub cluster: &'static str,
}

/// Region Nordjylland's 11 municipalities.
pub const NORDJYLLAND: &[MunicipalityRef] = &[
    MunicipalityRef {
        code: 773,
        name: "Morsø",
        region_code: 1081,
        cluster: "Vest",
    },
    MunicipalityRef {
        code: 787,
        name: "Thisted",
        region_code: 1081,
        cluster: "Vest",
    },
    MunicipalityRef {
        code: 810,
        name: "Brønderslev",
        region_code: 1081,
        cluster: "Nord",
    },
    MunicipalityRef {
        code: 813,
        name: "Frederikshavn",
        region_code: 1081,
        cluster: "Nord",
    },
    MunicipalityRef {
        code: 820,
        name: "Vesthimmerland",
        region_code: 1081,
        cluster: "Syd",
    },
    MunicipalityRef {
        code: 825,
        name: "Læsø",
        region_code: 1081,
        cluster: "Nord",
    },
    MunicipalityRef {
        code: 840,
        name: "Rebild",
        region_code: 1081,
        cluster: "Syd",
    },
    MunicipalityRef {
        code: 846,
        name: "Mariagerfjord",
        region_code: 1081,
        cluster: "Syd",
    },
    MunicipalityRef {
        code: 849,
        name: "Jammerbugt",
        region_code: 1081,
        cluster: "Midt",
    },
    MunicipalityRef {
        code: 851,
        name: "Aalborg",
        region_code: 1081,
        cluster: "Midt",
    },
    MunicipalityRef {
        code: 860,
        name: "Hjørring",
        region_code: 1081,
        cluster: "Nord",
    },
];

/// The region with this code.
pub fn region(code: u16) -> Option<&'static RegionRef> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The official municipality list of a region, where this project holds one.
///
/// ```
/// assert_eq!(sundhedsaftale::reference::municipalities_of(1081).map(|m| m.len()), Some(11));
/// assert_eq!(sundhedsaftale::reference::municipalities_of(1084), None);
/// ```
pub fn municipalities_of(region_code: u16) -> Option<&'static [MunicipalityRef]> {
    (region_code == 1081).then_some(NORDJYLLAND)
}

/// The name without a trailing " Kommune", for comparing names across sources.
pub fn bare_municipality_name(name: &str) -> &str {
    name.strip_suffix(" Kommune").unwrap_or(name).trim()
}
