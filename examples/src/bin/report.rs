//! `report`: a readable report of a health agreement on a date.
//!
//! ```text
//! report [FILE.json] [--date YYYY-MM-DD] [--lang en|da] [--redact]
//! report --minutes [MINUTES.json] [--agreement FILE.json] [--lang en|da]
//! report --follow-up YEAR [--observations FILE.csv|FILE.json] [FILE.json] [--lang en|da]
//! report --follow-up YEAR --observations TABLE.csv|TABLE.json|TABLE.xlsx --mapping MAPPING.json [FILE.json]
//! report --places [--date YYYY-MM-DD] [--lang en|da]
//! report --place TEXT [--date YYYY-MM-DD] [--lang en|da]
//! ```
//!
//! With no file it reports on the embedded North Jutland agreement 2024.
//! With `--minutes` it reports on meeting minutes (by default the embedded
//! minutes of Politisk Klynge Vest, 6 September 2021), checked against the
//! agreement's organisation (by default the embedded agreement).
//! With `--follow-up YEAR` it runs the annual follow-up of the focus areas on
//! observations (by default the agreement's own key figures, including the
//! earlier values stated as changes). With `--mapping`, the observations are
//! a table as published (StatBank CSV, JSON-stat, an Excel workbook, by the
//! file's extension) read through the mapping, and problems name the file's
//! own row and column.
//! With `--verbose`, a follow-up also shows the progress method's own
//! measures (x, growth, thresholds, the limit coefficient).
//! With `--redact`, problems show every echoed value as its type and length
//! (`<string:12>`), so that the output holds no personal data from the input.
//! Exit codes: 0 when the document has no errors (warnings allowed); 1 when
//! it has errors, all of which are printed with code and path; 2 when the
//! file cannot be read or the arguments are wrong.

use std::process::ExitCode;

use chrono::NaiveDate;
use sundhedsaftale::annual::{self, FollowUpConfig};
use sundhedsaftale::{
    embedded, observation, parse_json, published, report, rule_sets, validate, validate_minutes, HealthAgreement,
    Label, Lang, Minutes, Problems,
};

const USAGE: &str = "usage: report [FILE.json] [--date YYYY-MM-DD] [--lang en|da] [--redact]\n       report --minutes [MINUTES.json] [--agreement FILE.json] [--lang en|da]\n       report --follow-up YEAR [--observations FILE.csv|FILE.json] [FILE.json] [--lang en|da] [--verbose]\n       report --follow-up YEAR --observations TABLE.csv|TABLE.json|TABLE.xlsx --mapping MAPPING.json [FILE.json] [--lang en|da] [--verbose]\n       report --places [--date YYYY-MM-DD] [--lang en|da]\n       report --place TEXT [--date YYYY-MM-DD] [--lang en|da]";

struct Args {
    file: Option<String>,
    minutes: bool,
    agreement: Option<String>,
    follow_up: Option<i32>,
    observations: Option<String>,
    mapping: Option<String>,
    places: bool,
    place: Option<String>,
    date: NaiveDate,
    lang: Lang,
    redact: bool,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: None,
        minutes: false,
        agreement: None,
        follow_up: None,
        observations: None,
        mapping: None,
        places: false,
        place: None,
        date: chrono::Local::now().date_naive(),
        lang: Lang::En,
        redact: false,
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--date" => {
                let value = it.next().ok_or("--date needs a value")?;
                args.date = sundhedsaftale::date::parse(&value)
                    .ok_or_else(|| format!("--date: `{value}` is not a date YYYY-MM-DD"))?;
            }
            "--lang" => {
                let value = it.next().ok_or("--lang needs a value")?;
                args.lang = value.parse()?;
            }
            "--minutes" => args.minutes = true,
            "--redact" => args.redact = true,
            "--verbose" => args.verbose = true,
            "--follow-up" => {
                let value = it.next().ok_or("--follow-up needs a year")?;
                args.follow_up = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--follow-up: `{value}` is not a year"))?,
                );
            }
            "--observations" => args.observations = Some(it.next().ok_or("--observations needs a file")?),
            "--places" => args.places = true,
            "--place" => args.place = Some(it.next().ok_or("--place needs a code or name")?),
            "--mapping" => args.mapping = Some(it.next().ok_or("--mapping needs a file")?),
            "--agreement" => args.agreement = Some(it.next().ok_or("--agreement needs a file")?),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file if args.file.is_none() => args.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(args)
}

/// Prints every problem with its code and path, and gives exit code 1.
/// The problems as the report shows them: with `--redact`, no echoed value.
fn shown(problems: &Problems, args: &Args) -> Problems {
    if args.redact {
        problems.redacted()
    } else {
        problems.clone()
    }
}

fn fail(problems: &Problems, args: &Args) -> ExitCode {
    let lang = args.lang;
    for p in shown(problems, args).iter() {
        let path = if p.path.is_empty() { "/" } else { &p.path };
        // A mapping's problem is in the mapping, not in the table.
        let in_mapping = p.context.get("document").and_then(|d| d.as_str()) == Some("mapping");
        let path = match (in_mapping, lang) {
            (false, _) => path.to_string(),
            (true, Lang::Da) => format!("(kildebeskrivelsen) {path}"),
            (true, Lang::En) => format!("(mapping) {path}"),
        };
        eprintln!(
            "{} {} {path}: {}",
            p.severity.label(lang),
            p.code.as_str(),
            p.message(lang)
        );
    }
    eprintln!("{}", report::summary(problems, lang));
    ExitCode::from(1)
}

/// A place of the reference data in words: its name, its level, its codes
/// and its region by name, then how a file writes it (in backticks, as it
/// is written): `Aalborg: kommune 851 i Region Nordjylland, Danmarks
/// Statistik 851; skrives `municipality:851``.
fn place_in_words(p: &sundhedsaftale::directory::PlaceOn, on: NaiveDate, lang: Lang) -> String {
    let level = p
        .geography
        .parse::<sundhedsaftale::geography::Geography>()
        .map_or_else(|_| p.level.clone(), |g| g.level.label(lang).to_string());
    let mut text = format!("{}: {level}", p.name);
    match (p.code.as_deref(), p.level.as_str(), lang) {
        (_, "country", _) => {}
        (Some(code), _, Lang::Da) => text.push_str(&format!(", kode {code}")),
        (Some(code), _, Lang::En) => text.push_str(&format!(", code {code}")),
        (None, _, Lang::Da) => text.push_str(", kode ikke bekræftet af en kilde"),
        (None, _, Lang::En) => text.push_str(", code not confirmed by a source"),
    }
    if let Some(region) = &p.region {
        let name = sundhedsaftale::directory::place_on(region, on).map_or_else(|_| region.clone(), |r| r.name);
        match lang {
            Lang::Da => text.push_str(&format!(", i {name}")),
            Lang::En => text.push_str(&format!(", in {name}")),
        }
    }
    if let Some(statbank) = &p.statbank {
        match lang {
            Lang::Da => text.push_str(&format!(", Danmarks Statistik {statbank}")),
            Lang::En => text.push_str(&format!(", Statistics Denmark {statbank}")),
        }
    }
    match lang {
        Lang::Da => format!("{text}; skrives `{}`", p.geography),
        Lang::En => format!("{text}; written `{}`", p.geography),
    }
}

/// Why a file cannot be read, in `lang`: the system's own words are
/// English, so a Danish reader gets what they mean.
fn unreadable(path: &str, e: &std::io::Error, lang: Lang) -> ExitCode {
    match lang {
        Lang::En => eprintln!("report: cannot read {path}: {e}"),
        Lang::Da => {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "filen findes ikke",
                std::io::ErrorKind::PermissionDenied => "adgang nægtet",
                std::io::ErrorKind::InvalidData => "filen er ikke UTF-8-tekst; gem den som UTF-8",
                std::io::ErrorKind::IsADirectory => "det er en mappe, ikke en fil",
                _ => "filen kan ikke læses",
            };
            eprintln!("report: kan ikke læse {path}: {why}");
        }
    }
    ExitCode::from(2)
}

/// Reads a file, or gives the embedded text when no file is named; an unreadable file is exit code 2.
fn read(path: Option<&str>, embedded: &str, lang: Lang) -> Result<String, ExitCode> {
    match path {
        None => Ok(embedded.to_string()),
        Some(path) => std::fs::read_to_string(path).map_err(|e| unreadable(path, &e, lang)),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("report: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.places {
        print!("{}", report::render_places(args.date, args.lang));
        return ExitCode::SUCCESS;
    }
    if let Some(text) = args.place.as_deref() {
        return match sundhedsaftale::directory::place_on(text, args.date) {
            Ok(p) => {
                println!("{}", place_in_words(&p, args.date, args.lang));
                ExitCode::SUCCESS
            }
            Err(problem) => fail(&Problems(vec![problem]), &args),
        };
    }
    if args.minutes {
        let agreement_text = match read(args.agreement.as_deref(), embedded::NORDJYLLAND_2024_JSON, args.lang) {
            Ok(text) => text,
            Err(code) => return code,
        };
        let agreement = match sundhedsaftale::load_str(&agreement_text) {
            Ok(a) => a,
            Err(problems) => return fail(&problems, &args),
        };
        let text = match read(
            args.file.as_deref(),
            embedded::POLITISK_KLYNGE_VEST_2021_JSON,
            args.lang,
        ) {
            Ok(text) => text,
            Err(code) => return code,
        };
        let minutes: Minutes = match parse_json(&text) {
            Ok(m) => m,
            Err(problems) => return fail(&problems, &args),
        };
        let problems = validate_minutes(&minutes, &agreement, rule_sets());
        if problems.has_errors() {
            return fail(&problems, &args);
        }
        print!(
            "{}",
            report::render_minutes(&minutes, &agreement, args.lang, rule_sets(), &shown(&problems, &args))
        );
        return ExitCode::SUCCESS;
    }
    let text = match read(args.file.as_deref(), embedded::NORDJYLLAND_2024_JSON, args.lang) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let agreement: HealthAgreement = match parse_json(&text) {
        Ok(a) => a,
        Err(problems) => return fail(&problems, &args),
    };
    let problems = validate(&agreement);
    if problems.has_errors() {
        return fail(&problems, &args);
    }
    if let (Some(year), Some(mapping)) = (args.follow_up, args.mapping.as_deref()) {
        let Some(table) = args.observations.as_deref() else {
            match args.lang {
                Lang::En => eprintln!("report: --mapping needs --observations TABLE"),
                Lang::Da => eprintln!("report: --mapping kræver --observations TABEL"),
            }
            return ExitCode::from(2);
        };
        let Some(format) = published::Format::from_path(table) else {
            match args.lang {
                Lang::En => {
                    eprintln!("report: {table}: a published table is .csv (StatBank), .json (JSON-stat) or .xlsx")
                }
                Lang::Da => {
                    eprintln!("report: {table}: en offentliggjort tabel er .csv (Statistikbanken), .json (JSON-stat) eller .xlsx")
                }
            }
            return ExitCode::from(2);
        };
        let mapping = match read(Some(mapping), "", args.lang)
            .map(|text| parse_json::<published::mapping::SourceMapping>(&text))
        {
            Ok(Ok(m)) => m,
            Ok(Err(problems)) => return fail(&problems.in_document("mapping"), &args),
            Err(code) => return code,
        };
        let bytes = match std::fs::read(table) {
            Ok(b) => b,
            Err(e) => return unreadable(table, &e, args.lang),
        };
        return match annual::run_published(&agreement, &bytes, format, &mapping, year, &FollowUpConfig::default()) {
            Ok(mut result) => {
                result.problems = shown(&result.problems, &args);
                print!(
                    "{}",
                    report::render_follow_up(&result, &agreement, args.lang, args.verbose)
                );
                ExitCode::SUCCESS
            }
            Err(problems) => fail(&problems, &args),
        };
    }
    if let Some(year) = args.follow_up {
        let text = match args.observations.as_deref().map(|path| read(Some(path), "", args.lang)) {
            None => None,
            Some(Ok(text)) => Some(text),
            Some(Err(code)) => return code,
        };
        let format = args
            .observations
            .as_deref()
            .map_or(observation::Format::Csv, observation::Format::from_path);
        match annual::run(
            &agreement,
            text.as_deref().map(|t| (t, format)),
            year,
            &FollowUpConfig::default(),
        ) {
            Ok(mut result) => {
                result.problems = shown(&result.problems, &args);
                print!(
                    "{}",
                    report::render_follow_up(&result, &agreement, args.lang, args.verbose)
                );
            }
            Err(problems) => return fail(&problems, &args),
        }
        return ExitCode::SUCCESS;
    }
    print!(
        "{}",
        report::render(&agreement, args.date, args.lang, rule_sets(), &shown(&problems, &args))
    );
    ExitCode::SUCCESS
}
