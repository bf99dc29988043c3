//! Load and validate an agreement document: every problem, with its stable
//! code, JSON Pointer, severity and message.
//!
//! ```sh
//! cargo run --example load_validate                 # the embedded North Jutland agreement
//! cargo run --example load_validate -- agreement.json --lang da
//! ```

use std::process::ExitCode;

use sundhedsaftale::{load_path, load_str, Lang, LoadError};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = if args.iter().any(|a| a == "da") {
        Lang::Da
    } else {
        Lang::En
    };
    let path = args.iter().find(|a| a.ends_with(".json"));

    // `load_*` parses and validates, and succeeds only when there are no
    // errors; warnings stay available through `validate`.
    let loaded = match path {
        Some(path) => load_path(path),
        None => load_str(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).map_err(LoadError::Invalid),
    };
    let agreement = match loaded {
        Ok(agreement) => agreement,
        Err(LoadError::Invalid(problems)) => {
            for p in problems.iter() {
                eprintln!(
                    "{} {} {}: {}",
                    p.severity.as_str(),
                    p.code.as_str(),
                    p.path,
                    p.message(lang)
                );
            }
            return ExitCode::from(1);
        }
        Err(other) => {
            eprintln!("{other}");
            return ExitCode::from(2);
        }
    };

    println!("{} ({})", agreement.title, agreement.id);
    let problems = sundhedsaftale::validate(&agreement);
    println!("{} warning(s):", problems.warnings().count());
    for p in problems.warnings() {
        println!("  {} {}: {}", p.code.as_str(), p.path, p.message(lang));
    }

    // A broken document reports every mistake at once, each at its own path.
    let broken = r#"{"schema_version": 1, "id": "x", "title": 5, "colour": "blå"}"#;
    let problems = load_str(broken).unwrap_err();
    println!("\nA broken document has {} problems, for example:", problems.len());
    for p in problems.iter().take(3) {
        println!("  {} {}", p.code.as_str(), p.path);
    }
    ExitCode::SUCCESS
}
