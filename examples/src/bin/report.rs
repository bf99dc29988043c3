//! `report`: a readable report of a health agreement on a date.
//!
//! ```text
//! report [FILE.json] [--date YYYY-MM-DD] [--lang en|da]
//! ```
//!
//! With no file it reports on the embedded North Jutland agreement 2024.
//! Exit codes: 0 when the document has no errors (warnings allowed); 1 when
//! it has errors, all of which are printed with code and path; 2 when the
//! file cannot be read or the arguments are wrong.

use std::process::ExitCode;

use chrono::NaiveDate;
use sundhedsaftale::{
    embedded, parse_json, report, rule_sets, validate, HealthAgreement, Lang, Problems,
};

const USAGE: &str = "usage: report [FILE.json] [--date YYYY-MM-DD] [--lang en|da]";

struct Args {
    file: Option<String>,
    date: NaiveDate,
    lang: Lang,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: None,
        date: chrono::Local::now().date_naive(),
        lang: Lang::En,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--date" => {
                let value = it.next().ok_or("--date needs a value")?;
                args.date = value
                    .parse()
                    .map_err(|_| format!("--date: `{value}` is not a date YYYY-MM-DD"))?;
            }
            "--lang" => {
                let value = it.next().ok_or("--lang needs a value")?;
                args.lang = value.parse()?;
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file if args.file.is_none() => args.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(args)
}

fn print_problems(problems: &Problems, lang: Lang) {
    for p in problems.iter() {
        let path = if p.path.is_empty() { "/" } else { &p.path };
        eprintln!(
            "{} {} {path}: {}",
            p.severity.as_str(),
            p.code.as_str(),
            p.message(lang)
        );
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
    let text = match &args.file {
        None => embedded::NORDJYLLAND_2024_JSON.to_string(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("report: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let agreement: HealthAgreement = match parse_json(&text) {
        Ok(a) => a,
        Err(problems) => {
            print_problems(&problems, args.lang);
            return ExitCode::from(1);
        }
    };
    let rule_sets = rule_sets();
    let problems = sundhedsaftale::validate_with(&agreement, rule_sets);
    if problems.has_errors() {
        print_problems(&problems, args.lang);
        eprintln!("{} error(s)", problems.errors().count());
        return ExitCode::from(1);
    }
    debug_assert_eq!(problems, validate(&agreement));
    print!(
        "{}",
        report::render(&agreement, args.date, args.lang, rule_sets, &problems)
    );
    ExitCode::SUCCESS
}
