//! The readable report of an agreement on a date, in English or Danish.
//!
//! The report lives in core, not in the `report` program, so that Python and
//! JavaScript users get the same text from the same code.
//!
//! ```
//! use chrono::NaiveDate;
//! use sundhedsaftale::{report, rule_sets, validate, Lang};
//! let agreement = sundhedsaftale::nordjylland_2024();
//! let on = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
//! let text = report::render(&agreement, on, Lang::Da, rule_sets(), &validate(&agreement));
//! assert!(text.contains("Status: i kraft"));
//! ```

use std::fmt::Write;

use chrono::NaiveDate;

use crate::document::agreement::HealthAgreement;
use crate::document::composition::{FindingStatus, RuleFinding, RuleSet};
use crate::document::follow_up::DueStatus;
use crate::engine::aggregate::Hidden;
use crate::engine::annual::{AnnualFollowUp, FollowUpRow};
use crate::ground::lang::{Label, Lang};
use crate::meetings::meeting::Minutes;
use crate::places::geography::{Geography, Level};
use crate::problems::problem::Problems;

/// Picks the English or Danish text.
fn t(lang: Lang, en: &'static str, da: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Da => da,
    }
}

/// How the agreement came about and changed: the approvals that decide a
/// status before entry into force, each lifecycle step, the editions, the
/// annexes and the amendments (applied by `on`, or still to come). Nothing
/// when the document records none of them.
fn history(
    w: &mut String,
    lang: Lang,
    a: &HealthAgreement,
    on: NaiveDate,
    status: &crate::document::validity::ValidityStatus,
) {
    let name = |id: &str| {
        a.body(id)
            .map(|b| b.name.clone())
            .or_else(|| a.organisation(id).map(|o| o.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let day = |d: Option<NaiveDate>| {
        d.map_or_else(
            || t(lang, "date not known", "dato ukendt").to_string(),
            |d| d.to_string(),
        )
    };
    if !status.approvals.is_empty() || !status.awaiting_approval.is_empty() {
        let approvals: Vec<String> = status
            .approvals
            .iter()
            .map(|x| format!("{} ({})", name(&x.by), x.date))
            .collect();
        if !approvals.is_empty() {
            let _ = writeln!(
                w,
                "  {}: {}",
                t(lang, "Approved by", "Godkendt af"),
                approvals.join(", ")
            );
        }
        if !status.awaiting_approval.is_empty() {
            let names: Vec<String> = status.awaiting_approval.iter().map(|id| name(id)).collect();
            let _ = writeln!(
                w,
                "  {} ({}): {}",
                t(lang, "Awaiting approval by", "Afventer godkendelse fra"),
                names.len(),
                names.join(", ")
            );
        }
    }
    if a.lifecycle.is_empty() && a.editions.is_empty() && a.annexes.is_empty() && a.amendments.is_empty() {
        return;
    }
    let text = t(lang, "History", "Tilblivelse og ændringer");
    let _ = writeln!(w, "\n{text}\n{}", "=".repeat(text.chars().count()));
    let of_label = |id: &str| {
        a.editions
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("{} {}", t(lang, "of the edition", "af udgaven"), e.label))
            .or_else(|| {
                a.amendments
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| format!("{} {}", t(lang, "of the amendment of", "af ændringen fra"), m.date))
            })
            .unwrap_or_else(|| id.to_string())
    };
    for e in &a.lifecycle {
        let by: Vec<String> = e.organisation.iter().chain(e.body.iter()).map(|id| name(id)).collect();
        let by = if by.is_empty() {
            String::new()
        } else {
            format!(" — {}", by.join(", "))
        };
        let of =
            e.of.as_deref()
                .map_or_else(String::new, |id| format!(" ({})", of_label(id)));
        let _ = writeln!(w, "  {}: {}{of}{by}", day(e.date), e.kind.label(lang));
    }
    for e in &a.editions {
        let by = e.approved_by.as_deref().map_or_else(String::new, |id| {
            format!(", {} {}", t(lang, "approved by", "godkendt af"), name(id))
        });
        let changes = e.changes.as_deref().map_or_else(String::new, |c| format!(" — {c}"));
        let _ = writeln!(
            w,
            "  {}: {} ({}{by}){changes}",
            t(lang, "Edition", "Udgave"),
            e.label,
            day(e.date)
        );
    }
    for x in &a.annexes {
        let _ = writeln!(w, "  {}: {} ({})", t(lang, "Annex", "Bilag"), x.title, day(x.date));
    }
    for m in a.amendments_in_order().into_iter().map(|(_, m)| m) {
        let when = if m.date <= on {
            t(lang, "applied in this report", "indarbejdet i denne rapport")
        } else {
            t(
                lang,
                "applies from its date, after this report's date",
                "gælder fra sin dato, efter denne rapports dato",
            )
        };
        let by = m.approved_by.as_deref().map_or_else(String::new, |id| {
            format!(", {} {}", t(lang, "approved by", "godkendt af"), name(id))
        });
        let what = m.description.as_deref().map_or_else(String::new, |d| format!(": {d}"));
        let count = match m.changes.len() {
            1 => t(lang, "1 change", "1 ændring").to_string(),
            n => format!("{n} {}", t(lang, "changes", "ændringer")),
        };
        let _ = writeln!(
            w,
            "  {} {}{by}{what} ({count}; {when})",
            t(lang, "Amendment of", "Ændring af"),
            m.date
        );
    }
}

/// A line saying that the document lists nothing here, indented by `indent`.
fn none_in_document(w: &mut String, lang: Lang, indent: &str) {
    let _ = writeln!(
        w,
        "{indent}{}",
        t(lang, "(none in the document)", "(ingen i dokumentet)")
    );
}

/// A stratum as a reader reads it: each category by its declared name in
/// `lang` (`Kvinder`, `65+`), else as written, joined by `, `; the
/// dimensions (`sex`, `age_group`) are the data's codes and left unsaid,
/// since the categories say them. `pairs` are (dimension, category).
fn stratum_words<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    strata: &[crate::document::strata::Stratification],
    lang: Lang,
) -> String {
    pairs
        .into_iter()
        .map(|(dimension, category)| {
            strata
                .iter()
                .filter(|s| s.dimension == dimension)
                .flat_map(|s| &s.categories)
                .find(|c| c.code == category)
                .map_or(category, |c| match lang {
                    Lang::En => c.name_en.as_deref().unwrap_or(&c.name),
                    Lang::Da => &c.name,
                })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stratum as the follow-up's rows write it (`sex=kvinder;age_group=65+`), in words.
fn row_stratum_words(stratum: &str, indicator: &str, agreement: &HealthAgreement, lang: Lang) -> String {
    let strata = agreement
        .indicators
        .iter()
        .find(|i| i.id == indicator)
        .map_or(&[][..], |i| i.strata.as_slice());
    let pairs = stratum
        .split(';')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or(("", p)));
    stratum_words(pairs, strata, lang)
}

/// Errors and warnings counted in words: `2 fejl, 1 advarsel`, `0 errors, 2 warnings`.
///
/// ```
/// use sundhedsaftale::{report, Code, Lang, Problem, Problems};
/// let p = Problems(vec![Problem::new(Code::EmptyText, "/title"), Problem::new(Code::FacilitatorMissing, "")]);
/// assert_eq!(report::summary(&p, Lang::Da), "1 fejl, 1 advarsel");
/// assert_eq!(report::summary(&Problems::default(), Lang::En), "0 errors, 0 warnings");
/// ```
pub fn summary(problems: &Problems, lang: Lang) -> String {
    let errors = problems.errors().count();
    let warnings = problems.warnings().count();
    let (error, warning) = match (lang, errors == 1, warnings == 1) {
        (Lang::Da, _, true) => ("fejl", "advarsel"),
        (Lang::Da, _, false) => ("fejl", "advarsler"),
        (Lang::En, e, w) => (
            if e { "error" } else { "errors" },
            if w { "warning" } else { "warnings" },
        ),
    };
    format!("{errors} {error}, {warnings} {warning}")
}

/// A target in one line: what, by when, for whom, and where it comes from.
fn describe_target(
    target: &crate::document::target::Target,
    indicator: &crate::document::content::Indicator,
    agreement: &HealthAgreement,
    lang: Lang,
) -> String {
    use crate::document::target::TargetKind;
    let number = |v: Option<f64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    let mut text = match target.kind {
        TargetKind::Value => number(target.value),
        TargetKind::RelativeChange => format!(
            "{} % {} {}",
            number(target.change_percent),
            t(lang, "from", "fra"),
            target
                .baseline
                .as_ref()
                .map_or_else(|| "?".to_string(), ToString::to_string)
        ),
        TargetKind::Range => format!("{}–{}", number(target.low), number(target.high)),
    };
    if let Some(due) = &target.due {
        text.push_str(&format!(" {} {due}", t(lang, "by", "senest")));
    }
    if let Some(g) = &target.geography {
        // The place by name; a place the reference data does not know by its code, as written.
        match agreement.hierarchy().name(g) {
            Some(name) => text.push_str(&format!(" [{name}]")),
            None => text.push_str(&format!(" [`{g}`]")),
        }
    }
    if !target.stratum.is_empty() {
        let pairs = target.stratum.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        text.push_str(&format!(" ({})", stratum_words(pairs, &indicator.strata, lang)));
    }
    if let Some(source) = &target.source {
        text.push_str(&format!(" — {}: {source}", t(lang, "source", "kilde")));
    }
    text
}

/// The national reference data on `on`, region by region: each region with
/// its code and Statistics Denmark's, then its municipalities with theirs.
///
/// ```
/// let on = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
/// let text = sundhedsaftale::report::render_places(on, sundhedsaftale::Lang::Da);
/// assert!(text.contains("Region Østdanmark (kode ikke bekræftet af en kilde)"));
/// assert!(text.contains("  101 København\n"));
/// ```
pub fn render_places(on: NaiveDate, lang: Lang) -> String {
    use crate::places::directory::places_on;
    let mut out = String::new();
    let w = &mut out;
    let places = places_on(on);
    let _ = writeln!(
        w,
        "{} {on}",
        t(lang, "Regions and municipalities on", "Regioner og kommuner den")
    );
    let _ = writeln!(
        w,
        "Danmark ({}: 000)",
        t(lang, "Statistics Denmark", "Danmarks Statistik")
    );
    for region in places.iter().filter(|p| p.level == "region") {
        let code = match (&region.code, &region.statbank) {
            (Some(code), Some(statbank)) => format!(
                "{} {code}, {} {statbank}",
                t(lang, "code", "kode"),
                t(lang, "Statistics Denmark", "Danmarks Statistik")
            ),
            _ => t(
                lang,
                "code not confirmed by a source",
                "kode ikke bekræftet af en kilde",
            )
            .to_string(),
        };
        let members: Vec<_> = places
            .iter()
            .filter(|p| p.region.as_deref() == Some(region.geography.as_str()))
            .collect();
        let _ = writeln!(
            w,
            "\n{} ({code}) — {} {}",
            region.name,
            members.len(),
            t(lang, "municipalities", "kommuner")
        );
        for m in members {
            let _ = writeln!(w, "  {} {}", m.code.as_deref().unwrap_or(""), m.name);
        }
    }
    out
}

/// Renders the full report of `agreement` on `on`, with composition checked
/// against each of `rule_sets` and the given validation result.
pub fn render(
    agreement: &HealthAgreement,
    on: NaiveDate,
    lang: Lang,
    rule_sets: &[RuleSet],
    problems: &Problems,
) -> String {
    let mut out = String::new();
    // The content as it stood on the day: amendments dated by then applied.
    let amended = agreement.as_of(on).ok();
    let a = amended.as_ref().unwrap_or(agreement);
    let w = &mut out;
    let heading = |w: &mut String, text: &str| {
        let _ = writeln!(w, "\n{text}\n{}", "=".repeat(text.chars().count()));
    };
    let region = a.organisation(&a.region).map_or(a.region.as_str(), |o| o.name.as_str());
    let _ = writeln!(w, "{} — {}", a.title, region);
    if let Some(sub) = &a.subtitle {
        let _ = writeln!(w, "{sub}");
    }
    let _ = writeln!(w, "{}: {on}", t(lang, "Evaluated on", "Opgjort den"));

    heading(w, t(lang, "Validity", "Gyldighed"));
    let status = a.status_on(on);
    let _ = writeln!(w, "{}: {}", t(lang, "Status", "Status"), status.state.label(lang));
    for d in &status.decided_by {
        let _ = writeln!(w, "  {}: {}", d.role.label(lang), d.date);
    }
    let unknown = t(lang, "not known", "ukendt");
    let _ = writeln!(
        w,
        "  {}: {} ({})",
        t(
            lang,
            "Last day of the nominal period",
            "Sidste dag i den nominelle periode"
        ),
        status
            .last_nominal_day
            .map_or_else(|| unknown.to_string(), |d| d.to_string()),
        a.validity.nominal_duration_months.map_or_else(
            || t(lang, "duration not known", "varighed ukendt").to_string(),
            |m| format!("{m} {}", t(lang, "months", "måneder"))
        ),
    );
    let until_successor = match a.validity.until_successor {
        Some(true) => t(
            lang,
            "Remains in force until a new agreement enters into force.",
            "Gælder, indtil en ny aftale træder i kraft.",
        ),
        Some(false) => t(
            lang,
            "Ends with its nominal period.",
            "Udløber med den nominelle periode.",
        ),
        None => t(
            lang,
            "Whether it remains in force until a new agreement is not known.",
            "Det vides ikke, om aftalen gælder, indtil en ny træder i kraft.",
        ),
    };
    let _ = writeln!(w, "  {until_successor}");
    if let Some(law) = &status.affected_by_law {
        let confirmed = if law.end_confirmed {
            t(lang, "the date is confirmed", "datoen er bekræftet")
        } else {
            t(lang, "the date is not confirmed", "datoen er ikke bekræftet")
        };
        let _ = writeln!(
            w,
            "  {}: {} {}: {} {} ({confirmed}). {}: {}",
            t(lang, "Affected by law", "Berørt af lov"),
            law.law,
            quoted(&law.title, lang),
            t(
                lang,
                "ends the health agreements in their current form, likely from",
                "afskaffer sundhedsaftaler i deres nuværende form, sandsynligvis fra"
            ),
            law.likely_from,
            t(lang, "Source", "Kilde"),
            law.source
        );
    }
    // What holds on this date beyond the document: its region ceased, or
    // the law's end that may apply.
    let on_this_date = a.problems_on(on);
    if !on_this_date.0.is_empty() {
        let _ = write!(w, "  {}: ", t(lang, "On this date", "På denne dato"));
        write_problems(w, lang, &on_this_date);
    }
    history(w, lang, a, on, &status);

    heading(
        w,
        t(lang, "Parties, bound and covered", "Parter, forpligtede og omfattede"),
    );
    // As `roles_on` answers: nobody before entry into force or after the
    // end, and no region on a day it no longer exists.
    let on_date: Vec<&str> = a.roles_on(on).iter().map(|(o, _)| o.id.as_str()).collect();
    if on_date.is_empty() {
        let _ = writeln!(
            w,
            "{}",
            t(
                lang,
                "No organisation has a role on this date: the agreement does not apply.",
                "Ingen organisation har en rolle på denne dato: aftalen gælder ikke."
            )
        );
    }
    let named = |id: &str| match a.organisation(id) {
        Some(o) => match o.code {
            Some(code) => format!("{} ({code})", o.name),
            None => o.name.clone(),
        },
        None => id.to_string(),
    };
    for rule in a.roles.iter().filter(|_| !on_date.is_empty()) {
        let (now, gone): (Vec<&String>, Vec<&String>) =
            rule.organisations.iter().partition(|id| on_date.contains(&id.as_str()));
        let names: Vec<String> = now.iter().map(|id| named(id)).collect();
        let _ = writeln!(w, "{} [{}]: {}", rule.role.label(lang), names.len(), names.join(", "));
        if !gone.is_empty() {
            let gone: Vec<String> = gone.iter().map(|id| named(id)).collect();
            let _ = writeln!(
                w,
                "  {}: {}",
                t(
                    lang,
                    "No longer existing on this date",
                    "Eksisterer ikke længere på denne dato"
                ),
                gone.join(", ")
            );
        }
        if let Some(basis) = &rule.legal_basis {
            let _ = writeln!(w, "  {}: {basis}", t(lang, "Legal basis", "Hjemmel"));
        }
        if let Some(tasks) = &rule.tasks_set_in {
            let _ = writeln!(w, "  {}: {tasks}", t(lang, "Tasks set in", "Opgaver fastsat i"));
        }
        if let Some(cond) = &rule.condition {
            let _ = writeln!(w, "  {}: {cond}", t(lang, "Condition", "Betingelse"));
        }
    }

    heading(w, t(lang, "Health clusters", "Sundhedsklynger"));
    let clusters: Vec<_> = a.clusters_on(on).collect();
    if clusters.is_empty() {
        none_in_document(w, lang, "");
    }
    for c in clusters {
        let municipalities: Vec<String> = c
            .municipalities
            .iter()
            .map(|m| match a.organisation(m) {
                Some(o) => format!("{} ({})", o.name, o.code.map_or("?".into(), |c| c.to_string())),
                None => m.clone(),
            })
            .collect();
        let hospital = c
            .hospital
            .as_deref()
            .unwrap_or(t(lang, "not confirmed", "ikke bekræftet"));
        let _ = writeln!(w, "{}: {}", c.name, municipalities.join(", "));
        let _ = writeln!(w, "  {}: {hospital}", t(lang, "Acute hospital", "Akutsygehus"));
    }

    heading(w, t(lang, "Bodies and members", "Organer og medlemmer"));
    let bodies: Vec<_> = a.bodies_on(on).collect();
    if bodies.is_empty() {
        none_in_document(w, lang, "");
    }
    for body in bodies {
        let since = body
            .established
            .map_or_else(|| t(lang, "unknown", "ukendt").to_string(), |d| d.to_string());
        let _ = writeln!(
            w,
            "{} ({}; {} {since})",
            body.name,
            body.kind.label(lang),
            t(lang, "since", "siden")
        );
        let members = a.members_on(body, on);
        if members.is_empty() {
            let _ = writeln!(
                w,
                "  {}",
                t(lang, "No members recorded.", "Ingen medlemmer registreret.")
            );
            continue;
        }
        for s in &members {
            let name = s.person.map_or(s.membership.person.as_str(), |p| p.name.as_str());
            let org = a
                .organisation(&s.post.on_behalf_of)
                .map_or(s.post.on_behalf_of.as_str(), |o| o.name.as_str());
            let title = s
                .membership
                .title_text
                .as_deref()
                .unwrap_or(s.membership.title.label(lang));
            let _ = writeln!(w, "  - {name}, {title} ({}; {org})", s.membership.role.label(lang));
        }
        // Only the rule sets in force for this region on this date, as
        // `compositions_on` answers.
        for rule_set in a.rule_sets_on(rule_sets, on) {
            let Some(report) = a.composition(body, rule_set, on) else {
                continue;
            };
            let name = match lang {
                Lang::En => &rule_set.name_en,
                Lang::Da => &rule_set.name,
            };
            let _ = writeln!(
                w,
                "  {} {} ({}):",
                t(lang, "Composition against", "Sammensætning efter"),
                quoted(name, lang),
                report.rules_for.label(lang)
            );
            write_findings(w, lang, a, &report.findings, &report.uncounted, &|p| {
                a.person(p).map_or(p.to_string(), |x| x.name.clone())
            });
        }
    }
    let gone: Vec<&str> = a
        .bodies
        .iter()
        .filter(|b| !b.exists_on(on))
        .map(|b| b.name.as_str())
        .collect();
    if !gone.is_empty() {
        let _ = writeln!(
            w,
            "{}: {}",
            t(lang, "Not existing on this date", "Eksisterer ikke på denne dato"),
            gone.join("; ")
        );
    }

    heading(w, t(lang, "Vision and focus areas", "Vision og pejlemærker"));
    let _ = writeln!(w, "{}: {}", t(lang, "Vision", "Vision"), a.vision.text);
    for f in &a.focus_areas {
        let _ = writeln!(w, "\n{}", f.name);
        let _ = writeln!(w, "  {}", t(lang, "Objectives (Vi vil):", "Målsætninger (Vi vil):"));
        if f.objectives.is_empty() {
            none_in_document(w, lang, "    ");
        }
        for o in &f.objectives {
            let _ = writeln!(w, "    • {}", o.text);
        }
        let _ = writeln!(w, "  {}", t(lang, "Key figures:", "Nøgletal:"));
        if f.key_figures.is_empty() {
            none_in_document(w, lang, "    ");
        }
        for k in &f.key_figures {
            let year = k.year.map_or_else(|| "?".to_string(), |y| y.to_string());
            let _ = write!(
                w,
                "    {} {} — {} ({}; {})",
                k.value,
                k.unit.label(lang),
                k.measure,
                k.population,
                year
            );
            if let Some((since, earlier)) = k.earlier_value() {
                let _ = write!(w, "; {since}: {earlier} {}", k.unit.label(lang));
            }
            let _ = writeln!(w);
        }
        let indicators: Vec<&crate::document::content::Indicator> =
            a.indicators.iter().filter(|i| i.focus_areas.contains(&f.id)).collect();
        let _ = writeln!(w, "  {} ({}):", t(lang, "Indicators", "Indikatorer"), indicators.len());
        for i in indicators {
            let _ = writeln!(w, "    - {}", i.name);
            for target in &i.targets {
                let _ = writeln!(
                    w,
                    "      {}: {}",
                    t(lang, "Target", "Mål"),
                    describe_target(target, i, a, lang)
                );
            }
        }
    }

    heading(w, t(lang, "Follow-up calendar", "Opfølgningskalender"));
    let calendar = a.calendar(on);
    if calendar.is_empty() {
        none_in_document(w, lang, "");
    }
    // The law's end is not confirmed, so the duties stay as the document
    // gives them (see `FollowUp::calendar`); the reader is told.
    if let Some(law) = status
        .affected_by_law
        .as_ref()
        .filter(|law| calendar.iter().any(|e| e.due.is_some_and(|d| d >= law.likely_from)))
    {
        let _ = match lang {
            Lang::En => writeln!(
                w,
                "Duties due on or after {} are listed as the document gives them: {} may have ended the agreement first (the date is not confirmed).",
                law.likely_from, law.law
            ),
            Lang::Da => writeln!(
                w,
                "Opgaver med frist den {} eller senere vises, som dokumentet angiver dem: {} kan have afsluttet aftalen før (datoen er ikke bekræftet).",
                law.likely_from, law.law
            ),
        };
    }
    for e in calendar {
        let mark = match e.status {
            DueStatus::Done => "✓",
            DueStatus::Overdue => "!",
            DueStatus::DueNext => "→",
            DueStatus::Upcoming | DueStatus::NoDeadline => " ",
        };
        let what = match e.year {
            Some(y) => format!("{} {y}", e.kind.label(lang)),
            None => e.kind.label(lang).to_string(),
        };
        let due = e.due.map_or_else(|| "—".to_string(), |d| d.to_string());
        // How a deadline was set says nothing of a duty that has none.
        let basis = match e.due {
            Some(_) => format!(" ({})", e.due_basis.label(lang)),
            None => String::new(),
        };
        let _ = writeln!(w, "{mark} {due}  {what}: {}{basis}", e.status.label(lang));
    }

    if !a.collaboration_agreements.is_empty() {
        let overdue: Vec<&str> = a
            .collaboration_agreements
            .iter()
            .filter(|c| c.review_overdue_on(on))
            .map(|c| c.title.as_str())
            .collect();
        let _ = writeln!(
            w,
            "{}: {}; {}: {}",
            t(lang, "Collaboration agreements", "Samarbejdsaftaler"),
            a.collaboration_agreements.len(),
            t(lang, "review overdue", "revision overskredet"),
            if overdue.is_empty() {
                "–".to_string()
            } else {
                overdue.join("; ")
            }
        );
    }

    heading(w, t(lang, "Validation", "Validering"));
    write_problems(w, lang, problems);
    out
}

/// Renders the minutes of a meeting: header, attendance by party with the
/// composition findings under each rule set, each agenda item with its
/// recommendation and outcome, the project portfolio, and the validation result.
pub fn render_minutes(
    minutes: &Minutes,
    agreement: &HealthAgreement,
    lang: Lang,
    rule_sets: &[RuleSet],
    problems: &Problems,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let m = &minutes.meeting;
    let heading = |w: &mut String, text: &str| {
        let _ = writeln!(w, "\n{text}\n{}", "=".repeat(text.chars().count()));
    };
    let person = |id: &str| minutes.person(id).map_or(id.to_string(), |p| p.name.clone());
    let body_name = |id: &str| agreement.body(id).map_or(id.to_string(), |b| b.name.clone());
    let _ = writeln!(w, "{}", m.title);
    let _ = writeln!(
        w,
        "{}: {} ({})",
        t(lang, "Body", "Organ"),
        body_name(&m.body),
        m.state.label(lang)
    );
    let time = match (m.start_time, m.end_time) {
        (Some(s), Some(e)) => format!(" {}–{}", s.format("%H.%M"), e.format("%H.%M")),
        (Some(s), None) => format!(" {}", s.format("%H.%M")),
        _ => String::new(),
    };
    let _ = writeln!(w, "{}: {}{time}", t(lang, "Date", "Dato"), m.date);
    if let Some(loc) = &m.location {
        let _ = writeln!(w, "{}: {}", t(lang, "Place", "Sted"), loc.text);
        if let Some(note) = &loc.note {
            let _ = writeln!(w, "  {note}");
        }
    }
    for c in &m.chairs {
        let from = c
            .from_item
            .as_deref()
            .map_or_else(String::new, |i| format!(" ({} {i})", t(lang, "from item", "fra punkt")));
        let _ = writeln!(w, "{}: {}{from}", t(lang, "Chair", "Mødeleder"), person(&c.person));
    }
    if let Some(mt) = &m.minute_taker {
        let _ = writeln!(w, "{}: {}", t(lang, "Minutes taken by", "Referent"), person(mt));
    }
    for s in &m.secretaries {
        let _ = writeln!(w, "{}: {}", s.role_text, person(&s.person));
    }

    heading(w, t(lang, "Attendance by party", "Deltagelse pr. part"));
    let title_of = |id: &str| {
        m.attendance.iter().find(|a| a.person == id).map_or(String::new(), |a| {
            let org = a
                .organisation
                .as_deref()
                .and_then(|o| minutes.organisation(agreement, o));
            match org {
                Some(o) => format!("{}, {}", a.title_text, o.name),
                None => a.title_text.clone(),
            }
        })
    };
    for p in minutes.attendance_by_party(agreement) {
        let name = p
            .party
            .as_deref()
            .and_then(|id| minutes.organisation(agreement, id))
            .map_or(t(lang, "No organisation", "Ingen organisation").to_string(), |o| {
                o.name.clone()
            });
        let _ = writeln!(
            w,
            "{name}: {} {}, {} {}",
            p.present.len(),
            t(lang, "present", "deltog"),
            p.apologies.len(),
            t(lang, "sent apologies", "afbud")
        );
        for id in &p.present {
            let _ = writeln!(w, "  + {} ({})", person(id), title_of(id));
        }
        for id in &p.apologies {
            let _ = writeln!(
                w,
                "  - {} ({}; {})",
                person(id),
                title_of(id),
                t(lang, "apologies", "afbud")
            );
        }
        for id in &p.others {
            let _ = writeln!(w, "  · {} ({})", person(id), title_of(id));
        }
    }
    for rule_set in rule_sets {
        let Some(report) = minutes.composition(agreement, rule_set) else {
            continue;
        };
        let name = match lang {
            Lang::En => &rule_set.name_en,
            Lang::Da => &rule_set.name,
        };
        let in_force = if rule_set.applies_on(m.date) {
            t(lang, "in force on the meeting date", "gældende på mødedatoen")
        } else {
            t(lang, "not in force on the meeting date", "ikke gældende på mødedatoen")
        };
        let _ = writeln!(
            w,
            "{} {} ({}; {in_force}):",
            t(lang, "Attendance against", "Deltagelse efter"),
            quoted(name, lang),
            report.rules_for.label(lang)
        );
        write_findings(w, lang, agreement, &report.findings, &report.uncounted, &|id| {
            person(id)
        });
    }

    heading(w, t(lang, "Agenda", "Dagsorden"));
    for item in &m.agenda {
        let _ = writeln!(w, "\n{}. {}", item.number.trim_end_matches('.'), item.title);
        if let Some(by) = &item.introduced_by {
            let _ = writeln!(w, "  {}: {}", t(lang, "Introduced by", "Indledes af"), person(by));
        }
        for c in &item.consultations {
            let date = c.date.map_or_else(String::new, |d| format!(", {d}"));
            let _ = writeln!(w, "  {} ({}{date}): {}", body_name(&c.body), c.role.label(lang), c.text);
        }
        for a in &item.attachments {
            let _ = writeln!(w, "  {} {}: {}", t(lang, "Attachment", "Bilag"), a.number, a.title);
        }
        for r in &item.recommendations {
            let _ = writeln!(w, "  {}: {}", t(lang, "Recommendation", "Indstilling"), r.text);
        }
        if let Some(d) = &item.decision {
            let _ = writeln!(w, "  {}: {d}", t(lang, "Decision", "Beslutning"));
        }
        if let Some(n) = &item.note {
            let _ = writeln!(w, "  {}: {n}", t(lang, "Minuted", "Referat"));
        }
        if let Some(o) = item.outcome {
            let _ = writeln!(w, "  {}: {}", t(lang, "Outcome", "Udfald"), o.label(lang));
        }
    }

    if let Some(portfolio) = &minutes.portfolio {
        heading(w, t(lang, "Project portfolio", "Projektportefølje"));
        let _ = writeln!(
            w,
            "{}: {}",
            t(lang, "Kept by", "Varetages af"),
            body_name(&portfolio.kept_by)
        );
        for c in &portfolio.categories {
            let _ = writeln!(w, "  [{}] {}", c.category.label(lang), c.text);
        }
        let _ = writeln!(w, "{}:", t(lang, "Prioritised", "Prioriteret"));
        for p in portfolio.projects.iter().filter(|p| p.prioritised) {
            let _ = writeln!(w, "  • {}", p.name);
        }
        if let Some(model) = &portfolio.improvement_model {
            let phases: Vec<&str> = model.phases.iter().map(|p| p.label(lang)).collect();
            let _ = writeln!(
                w,
                "{}: {}",
                t(lang, "Improvement model", "Forbedringsmodel"),
                model.name
            );
            let _ = writeln!(
                w,
                "  {}: {}–{} {} ({})",
                body_name(&model.proposed_by),
                model.ideas_per_year_min,
                model.ideas_per_year_max,
                t(lang, "project ideas a year", "projektidéer om året"),
                model.principle.as_deref().unwrap_or("–"),
            );
            let _ = writeln!(
                w,
                "  {}: {} {}",
                body_name(&model.prioritised_by),
                model.prioritised_per_year,
                t(lang, "project prioritised a year", "projekt prioriteret om året"),
            );
            let _ = writeln!(w, "  {}: {}", t(lang, "Phases", "Faser"), phases.join(" → "));
            if let Some(from) = &model.facilitator_from {
                let _ = writeln!(
                    w,
                    "  {}: {from}",
                    t(
                        lang,
                        "External process facilitator from",
                        "Ekstern procesfacilitator fra"
                    )
                );
            }
        }
    }

    heading(w, t(lang, "Validation", "Validering"));
    write_problems(w, lang, problems);
    out
}

/// Writes composition findings, one line per rule and scope group.
fn write_findings(
    w: &mut String,
    lang: Lang,
    agreement: &HealthAgreement,
    findings: &[RuleFinding],
    uncounted: &[String],
    name: &dyn Fn(&str) -> String,
) {
    for f in findings {
        let mark = match f.status {
            FindingStatus::Met => "✓",
            FindingStatus::NotMet => "✗",
            FindingStatus::NotAssessed => "·",
        };
        let text = match lang {
            Lang::En => &f.text_en,
            Lang::Da => &f.text,
        };
        let scope = f
            .scope
            .as_deref()
            .map(|s| {
                agreement
                    .organisation(s)
                    .map(|o| o.name.as_str())
                    .or(agreement.cluster(s).map(|c| c.name.as_str()))
                    .unwrap_or(s)
            })
            .map_or_else(String::new, |s| format!(" [{s}]"));
        let _ = write!(w, "    {mark} {text}{scope}: {} — {}", f.status.label(lang), f.count);
        if f.status != FindingStatus::NotAssessed || f.count > 0 {
            let _ = write!(w, " ({} {})", t(lang, "expected", "forventet"), f.expected);
        }
        if f.missing_required {
            let _ = write!(w, "; {}", t(lang, "required seat missing", "krævet plads mangler"));
        }
        let _ = writeln!(w);
    }
    if !uncounted.is_empty() {
        let names: Vec<String> = uncounted.iter().map(|p| name(p)).collect();
        let _ = writeln!(
            w,
            "    {}: {}",
            t(lang, "Not counted by any rule", "Ikke talt af nogen regel"),
            names.join(", ")
        );
    }
}

/// Writes the validation result.
fn write_problems(w: &mut String, lang: Lang, problems: &Problems) {
    let _ = writeln!(w, "{}", summary(problems, lang));
    for p in problems.iter() {
        let _ = writeln!(
            w,
            "  {} {} {}: {}",
            p.severity.label(lang),
            p.code.as_str(),
            p.path,
            p.message(lang)
        );
    }
}

/// A name quoted as the language quotes it: »Ny organisering« in Danish,
/// “New organisation” in English.
fn quoted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("»{name}«"),
        Lang::En => format!("“{name}”"),
    }
}

/// Renders the annual follow-up: per focus area, each indicator with data at
/// each place (baseline, latest, change, target, status, score, progress in
/// words, coverage, discretion), the indicators without data, and the
/// roll-ups. `verbose` adds the progress method's own measures (x, the
/// thresholds, the limit coefficient).
pub fn render_follow_up(result: &AnnualFollowUp, agreement: &HealthAgreement, lang: Lang, verbose: bool) -> String {
    let mut out = String::new();
    let w = &mut out;
    // Two decimals at most; in Danish with a decimal comma and a minus sign, as Danes write numbers.
    let num = |v: Option<f64>| {
        v.map_or_else(
            || "–".to_string(),
            |v| {
                let text = format!("{}", (v * 100.0).round() / 100.0);
                match lang {
                    Lang::En => text,
                    Lang::Da => text.replace('.', ",").replace('-', "−"),
                }
            },
        )
    };
    let hierarchy = agreement.hierarchy();
    let figures = super::figures::Figures::of(agreement);
    let _ = writeln!(
        w,
        "{} {} — {}",
        t(lang, "Annual follow-up", "Årlig opfølgning"),
        result.year,
        agreement.title
    );
    for area in &agreement.focus_areas {
        let _ = writeln!(w, "\n{}\n{}", area.name, "=".repeat(area.name.chars().count()));
        let rows: Vec<&FollowUpRow> = result.rows.iter().filter(|r| r.focus_area == area.id).collect();
        let mut without_data = Vec::new();
        for r in &rows {
            if r.note.as_deref() == Some("no data") {
                without_data.push(r.indicator_name.as_str());
                continue;
            }
            let place = r.geography_name.clone().unwrap_or_else(|| r.geography.to_string());
            let stratum = if r.stratum.is_empty() {
                String::new()
            } else {
                format!(" [{}]", row_stratum_words(&r.stratum, &r.indicator, agreement, lang))
            };
            let _ = writeln!(w, "{} — {place}{stratum}", r.indicator_name);
            if let Some(h) = &r.hidden {
                let why = match h {
                    Hidden::SmallCount { threshold } => {
                        format!("{} {threshold}", t(lang, "count below", "antal under"))
                    }
                    Hidden::Complementary { protects, via } => {
                        // Places by name, as the rows name them.
                        let name = |g: &str| {
                            g.parse::<Geography>()
                                .ok()
                                .and_then(|g| hierarchy.name(&g).map(str::to_string))
                                .unwrap_or_else(|| g.to_string())
                        };
                        format!(
                            "{} {} {} {}",
                            t(lang, "protects", "beskytter"),
                            name(protects),
                            t(lang, "via", "via"),
                            name(via)
                        )
                    }
                    Hidden::Withheld { period } => {
                        let last = match (r.baseline_period, r.baseline_value) {
                            (Some(p), Some(v)) => {
                                format!(
                                    "; {} {p}: {}",
                                    t(lang, "baseline", "udgangspunkt"),
                                    figures.value(&r.indicator, v, lang)
                                )
                            }
                            _ => String::new(),
                        };
                        let _ = writeln!(
                            w,
                            "  {} ({period}{last})",
                            t(lang, "withheld at the source", "ikke offentliggjort af kilden")
                        );
                        continue;
                    }
                };
                let _ = writeln!(
                    w,
                    "  {} ({why})",
                    t(lang, "hidden for discretion", "skjult af diskretionshensyn")
                );
                continue;
            }
            let period =
                |p: Option<crate::ground::period::Period>| p.map_or_else(|| "–".to_string(), |p| p.to_string());
            // Values at their indicator's decimals and with its unit, a change of a percentage in points.
            let value = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| figures.value(&r.indicator, v, lang));
            let _ = writeln!(
                w,
                "  {} {}: {}  →  {} {}: {}  ({} {})",
                t(lang, "baseline", "udgangspunkt"),
                period(r.baseline_period),
                value(r.baseline_value),
                t(lang, "latest", "seneste"),
                period(r.latest_period),
                value(r.latest_value),
                t(lang, "change", "ændring"),
                r.change
                    .map_or_else(|| "–".to_string(), |c| figures.change(&r.indicator, c, lang)),
            );
            if let Some(target) = r.target_value {
                let _ = writeln!(
                    w,
                    "  {}: {} ({})",
                    t(lang, "target", "mål"),
                    value(Some(target)),
                    period(r.target_period)
                );
            }
            let score = r.score.map_or_else(String::new, |s| {
                format!(", {} {}", t(lang, "score", "score"), super::figures::number(s, 1, lang))
            });
            // The row's note is English; the reason behind it is said in the reader's language.
            let note = super::figures::note(r, lang).map_or_else(String::new, |n| format!(" ({n})"));
            if let Some(why) = r.not_scored {
                let _ = writeln!(
                    w,
                    "  {}: {} ({})",
                    t(lang, "status", "status"),
                    t(lang, "not scored", "ikke vurderet"),
                    why.label(lang)
                );
            } else {
                let _ = writeln!(
                    w,
                    "  {}: {}{score}{note}",
                    t(lang, "status", "status"),
                    r.status.label(lang)
                );
            }
            // Progress in words; the method's own measures only when asked for.
            if let Some(p) = &r.progress {
                let pct = |v: f64| num(Some(v * 100.0));
                let share = p
                    .target
                    .map(|target| (p.current.value - p.base.value) / (target.value - p.base.value))
                    .filter(|s| s.is_finite());
                match (share, p.observed_growth) {
                    (Some(share), _) => {
                        let _ = writeln!(
                            w,
                            "  {} {} %",
                            t(
                                lang,
                                "of the way from baseline to target:",
                                "af vejen fra basis til mål:"
                            ),
                            pct(share)
                        );
                    }
                    (None, Some(g)) if g.is_finite() => {
                        let _ = writeln!(
                            w,
                            "  {} {} %",
                            t(lang, "relative change a year:", "relativ ændring om året:"),
                            pct(g)
                        );
                    }
                    _ => {}
                }
                if let (true, Some(x)) = (verbose, p.x) {
                    // The method's figures as the language writes numbers: a decimal comma in Danish.
                    let figure = |v: f64, decimals: Option<usize>| {
                        let text = match decimals {
                            Some(d) => format!("{v:.d$}"),
                            None => v.to_string(),
                        };
                        match lang {
                            Lang::En => text,
                            Lang::Da => text.replace('.', ",").replace('-', "−"),
                        }
                    };
                    let _ = writeln!(
                        w,
                        "  {}: x = {}; {} {}; {} {}/{}/{}; c = {}",
                        t(lang, "method", "metode"),
                        figure(x, Some(6)),
                        t(lang, "growth", "vækst"),
                        figure(p.observed_growth.unwrap_or(f64::NAN), Some(6)),
                        t(lang, "thresholds", "tærskler"),
                        figure(p.thresholds.high, None),
                        figure(p.thresholds.medium, None),
                        figure(p.thresholds.low, None),
                        figure(p.coefficient, Some(6))
                    );
                }
            }
            if r.contributed > 0 || !r.missing.is_empty() {
                // Up to ten missing municipalities by name; beyond that, the count says it.
                let missing = match r.missing.len() {
                    0 => String::new(),
                    1..=10 => {
                        let names: Vec<String> = r
                            .missing
                            .iter()
                            .map(|m| {
                                let g = Geography::new(Level::Municipality, m.clone());
                                hierarchy.name(&g).map_or_else(|| m.clone(), str::to_string)
                            })
                            .collect();
                        format!("; {}: {}", t(lang, "missing", "mangler"), names.join(", "))
                    }
                    _ => String::new(),
                };
                let _ = writeln!(
                    w,
                    "  {}: {} {} {} {}{missing}",
                    t(lang, "coverage", "dækning"),
                    r.contributed,
                    t(lang, "of", "af"),
                    r.contributed + r.missing.len(),
                    t(lang, "municipalities", "kommuner"),
                );
            }
        }
        if !without_data.is_empty() {
            let _ = writeln!(
                w,
                "{} ({}): {}",
                t(lang, "No data", "Ingen data"),
                without_data.len(),
                without_data.join("; ")
            );
        }
    }
    let _ = writeln!(
        w,
        "\n{}\n{}",
        t(lang, "Roll-ups", "Samlet"),
        "=".repeat(t(lang, "Roll-ups", "Samlet").chars().count())
    );
    // Places and indicators by name, as the rows above show them.
    let indicator_names: std::collections::HashMap<&str, &str> = result
        .rows
        .iter()
        .map(|r| (r.indicator.as_str(), r.indicator_name.as_str()))
        .collect();
    let indicator_name = |id: &str| indicator_names.get(id).copied().unwrap_or(id).to_string();
    for r in &result.roll_ups {
        let place = hierarchy
            .name(&r.geography)
            .map_or_else(|| r.geography.to_string(), str::to_string);
        let what = r
            .focus_area
            .as_deref()
            .and_then(|f| agreement.focus_areas.iter().find(|a| a.id == f))
            .map_or(t(lang, "The agreement", "Aftalen"), |a| a.name.as_str());
        let _ = writeln!(
            w,
            "{what} — {place}: {} ({} {}; {} {}, {} {})",
            r.status.label(lang),
            t(lang, "mean score", "gennemsnitlig score"),
            num(r.score),
            r.scored,
            t(lang, "scored", "med score"),
            r.not_available,
            t(lang, "not available", "ikke tilgængelige")
        );
        // How it was formed: any indicator entered as the mean of its strata, and what was left out.
        let means: Vec<String> = r
            .entered
            .iter()
            .filter(|e| e.basis == crate::engine::annual::RollUpBasis::MeanOfStrata)
            .map(|e| match e.dimension.as_deref() {
                // The dimension is the data's code: in backticks, as written.
                Some(d) => format!("{} (`{d}`)", indicator_name(&e.indicator)),
                None => indicator_name(&e.indicator),
            })
            .collect();
        if !means.is_empty() {
            let _ = writeln!(
                w,
                "  {}: {}",
                crate::engine::annual::RollUpBasis::MeanOfStrata.label(lang),
                means.join(", ")
            );
        }
        if !r.left_out.is_empty() {
            let _ = writeln!(
                w,
                "  {} ({}): {}",
                t(lang, "Left out", "Udeladt"),
                r.left_out.len(),
                r.left_out
                    .iter()
                    .map(|l| format!("{} ({})", indicator_name(&l.indicator), l.reason.label(lang)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    if !result.problems.is_empty() {
        let _ = writeln!(w);
        write_problems(w, lang, &result.problems);
    }
    out
}
