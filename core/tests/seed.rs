//! Checks the embedded data against the source documents themselves, in
//! `../shared/seeds/` beside the repository. The texts were extracted from
//! PDFs, so they are compared after undoing line breaks and hyphenation.

mod support;

use sundhedsaftale::embedded::{rules_before_2022, rules_from_2022};
use sundhedsaftale::nordjylland_2024;

fn seed(name: &str) -> String {
    let path = support::repo().join("../shared/seeds").join(name);
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the seed {} must be beside the repository: {e}", path.display()));
    normalise(&raw)
}

/// Joins words hyphenated across lines, then folds all white space to single spaces.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-' && i > 0 && chars[i - 1].is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let crosses_line = chars[i + 1..j].contains(&'\n');
            if crosses_line && j < chars.len() && chars[j].is_lowercase() {
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").replace("/ ", "/")
}

fn assert_in(seed: &str, text: &str, what: &str) {
    let t = normalise(text);
    assert!(seed.contains(&t), "{what} not found in the seed: {t}");
}

const AGREEMENT: &str = "000_3db26068adc092cd.txt";
const MINUTES: &str = "004_4d7a52418dcd5283.txt";

#[test]
fn every_percentage_in_the_seed_is_a_key_figure_and_no_other() {
    let s = seed(AGREEMENT);
    let mut in_seed: Vec<u32> = Vec::new();
    let words: Vec<&str> = s.split(' ').collect();
    for w in words.windows(2) {
        if w[1] == "%" {
            if let Ok(n) = w[0].parse() {
                in_seed.push(n);
            }
        }
    }
    let a = nordjylland_2024();
    let mut in_data: Vec<u32> = a
        .focus_areas
        .iter()
        .flat_map(|f| &f.key_figures)
        .map(|k| k.value as u32)
        .collect();
    in_seed.sort_unstable();
    in_data.sort_unstable();
    assert_eq!(in_seed.len(), 21);
    assert_eq!(in_data, in_seed);
}

#[test]
fn every_key_figure_stands_in_the_seed_as_written() {
    let s = seed(AGREEMENT);
    for f in &nordjylland_2024().focus_areas {
        for k in &f.key_figures {
            assert_in(&s, &k.statement, &k.id);
            assert!(normalise(&k.statement).contains(&format!("{} %", k.value)), "{}", k.id);
            assert_in(&s, k.source.as_deref().unwrap(), &k.id);
            if let Some(c) = &k.change {
                let word = if c.amount < 0.0 { "fald" } else { "stigning" };
                let phrase = format!("{word} på {} procentpoint siden {}", c.amount.abs(), c.since_year);
                assert!(k.statement.contains(&phrase), "{}: {phrase}", k.id);
            }
        }
    }
}

#[test]
fn texts_of_the_agreement_stand_in_the_seed() {
    let s = seed(AGREEMENT);
    let a = nordjylland_2024();
    assert_in(&s, &a.vision.text, "vision");
    for p in a.foreword.iter().chain(&a.vision.elaboration) {
        assert_in(&s, p, "paragraph");
    }
    for f in &a.focus_areas {
        assert_in(&s, &f.name, &f.id);
        for t in f.description.iter().chain(&f.target_groups) {
            assert_in(&s, t, &f.id);
        }
        for o in &f.objectives {
            assert_in(&s, &o.text, &o.id);
        }
        for d in &f.definitions {
            assert_in(&s, &d.text, &d.term);
        }
    }
    for p in &a.guiding_principles {
        assert_in(&s, &p.title, &p.id);
        for t in &p.text {
            assert_in(&s, t, &p.id);
        }
    }
    for i in &a.indicators {
        assert_in(&s, &i.name, &i.id);
    }
    for r in &a.roles {
        assert_in(&s, &r.text, "role");
    }
    assert_in(&s, a.validity.text.as_deref().unwrap(), "validity");
    let disputes = a.dispute_rules.as_ref().unwrap();
    assert_in(&s, &disputes.principle, "dispute principle");
    assert_in(&s, &disputes.citizens_not_caught_between, "citizens");
    for st in &disputes.settlement {
        assert_in(&s, &st.text, "settlement");
    }
    for r in &a.follow_up.requirements {
        assert_in(&s, &r.text, &r.id);
    }
}

#[test]
fn every_signatory_and_title_stands_in_the_seed() {
    let s = seed(AGREEMENT);
    let a = nordjylland_2024();
    for sig in &a.signatories {
        let name = &a.person(&sig.person).unwrap().name;
        assert_in(&s, &format!("{name} {}", sig.title_text), name);
        if let Some(role) = &sig.role_text {
            assert_in(&s, role, name);
        }
    }
}

#[test]
fn every_composition_rule_stands_in_the_minutes() {
    let s = seed(MINUTES);
    for rs in [rules_before_2022(), rules_from_2022()] {
        for b in &rs.bodies {
            assert_in(&s, &b.name_in_source, &rs.id);
            for r in &b.rules {
                assert_in(&s, &r.text, &r.id);
            }
        }
    }
}

#[test]
fn every_name_in_the_minutes_is_in_the_data() {
    let raw = std::fs::read_to_string(support::repo().join("../shared/seeds").join(MINUTES)).unwrap();
    let m = sundhedsaftale::embedded::politisk_klynge_vest_2021();
    let names: Vec<String> = m
        .people
        .iter()
        .flat_map(|p| std::iter::once(p.name.clone()).chain(p.aliases.clone()))
        .collect();
    // Names the minutes give after these markers must be known names or aliases.
    for marker in ["Velkomst ved ", "Indledes af ", "Referent:", "Anny Winther overtog"] {
        let mut rest = raw.as_str();
        while let Some(i) = rest.find(marker) {
            let after = normalise(&rest[i + marker.len()..]);
            if marker == "Anny Winther overtog" {
                assert!(names.iter().any(|n| n == "Anny Winther"));
            } else {
                let two: Vec<&str> = after.split([' ', ',']).filter(|w| !w.is_empty()).take(2).collect();
                let name = two.join(" ");
                assert!(names.contains(&name), "{marker}{name} is not in the data");
            }
            rest = &rest[i + marker.len()..];
        }
    }
    // In the lists of participants and apologies, every word is a name's, a title's or an organisation's.
    let a = nordjylland_2024();
    let section = normalise(&raw[raw.find("Deltagere:").unwrap()..raw.find("Mødedato:").unwrap()]);
    let mut vocabulary: Vec<String> = names
        .iter()
        .flat_map(|n| n.split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect();
    for at in &m.meeting.attendance {
        vocabulary.extend(at.title_text.split(' ').map(str::to_string));
        if let Some(org) = at.organisation.as_deref().and_then(|o| m.organisation(&a, o)) {
            vocabulary.extend(org.name.split(' ').map(str::to_string));
        }
    }
    for s in &m.meeting.secretaries {
        vocabulary.extend(s.role_text.split(' ').map(str::to_string));
    }
    vocabulary.extend(["Deltagere:", "Politikere:", "Administration:", "Afbud:", "Emne:"].map(str::to_string));
    vocabulary.extend(normalise(&m.meeting.title).split(' ').map(str::to_string));
    let stray: Vec<&str> = section
        .split([' ', ','])
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty() && !vocabulary.iter().any(|v| v.trim_end_matches([',', '.']) == *w))
        .collect();
    assert!(
        stray.is_empty(),
        "words in the participant lists that no name, title or organisation explains: {stray:?}"
    );
    for p in &m.people {
        assert_in(&normalise(&raw), &p.name, &p.id);
    }
}

#[test]
fn texts_of_the_minutes_stand_in_the_seed() {
    let s = seed(MINUTES);
    let m = sundhedsaftale::embedded::politisk_klynge_vest_2021();
    assert_in(&s, &m.meeting.title, "title");
    for a in &m.meeting.attendance {
        assert_in(&s, &a.title_text, &a.person);
    }
    let loc = m.meeting.location.as_ref().unwrap();
    assert_in(&s, &loc.text, "location");
    assert_in(&s, loc.note.as_deref().unwrap(), "location note");
    for c in &m.meeting.chairs {
        assert_in(&s, c.text.as_deref().unwrap(), "chair");
    }
    for item in &m.meeting.agenda {
        assert_in(&s, &item.title, &item.id);
        for t in item
            .case_text
            .iter()
            .chain(item.decision.iter())
            .chain(item.note.iter())
        {
            assert_in(&s, t, &item.id);
        }
        for r in &item.recommendations {
            assert_in(&s, &r.text, &item.id);
        }
        for c in &item.consultations {
            assert_in(&s, &c.text, &item.id);
        }
    }
    let portfolio = m.portfolio.as_ref().unwrap();
    for c in &portfolio.categories {
        assert_in(&s, &c.text, "category");
    }
    for p in &portfolio.projects {
        assert_in(&s, &p.name, &p.id);
    }
    let model = portfolio.improvement_model.as_ref().unwrap();
    assert_in(&s, &model.name, "model");
    for step in &model.steps {
        assert_in(&s, step, "model step");
    }
}
