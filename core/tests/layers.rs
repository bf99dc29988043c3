//! The crate's layers, and the check that keeps them: every `crate::` path
//! in `core/src` (in `use` items, in code, in macros, in serde's path
//! strings and in `#[cfg(test)]` code alike) names a layer at or below its
//! own file's, and no modules use each other in a circle.
//!
//! [`LAYERS`] is the one declaration of the order. A file's layer is the
//! folder it is in (`core/src/<layer>/…`); `lib.rs`, the crate root, only
//! declares the layers and re-exports their modules. Files in the same layer
//! may use each other, as long as no circle forms. Comments are not read:
//! an intra-doc link is not an import. `super::` stays inside a file's own
//! module (its tests, its submodules' parent); a path that climbs further
//! (`super::super::`) is reported, as it could reach any layer unseen.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The layers from the ground up: a file may use its own layer and those
/// before it, never one after it.
const LAYERS: &[&str] = &[
    "ground", "problems", "places", "reading", "document", "engine", "meetings", "formats", "faces",
];

/// One `crate::` path in a file: where it is and which module it reaches.
struct Use {
    line: usize,
    path: String,
    /// The first segments after `crate::`: a layer and a module (or the layer alone).
    layer: String,
    module: Option<String>,
}

/// Every `crate::` path on the code lines of `text`, with groups
/// (`crate::{a::b, c::{d, e}}`) split into one use per layer and module.
fn uses(text: &str) -> Vec<Use> {
    let mut out = Vec::new();
    let mut in_group = None::<(usize, String)>;
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = line;
        // A group may run over several lines: gather it whole first.
        if let Some((start, mut group)) = in_group.take() {
            group.push_str(line);
            if closes(&group) {
                grouped(start, &group, &mut out);
            } else {
                in_group = Some((start, group));
            }
            continue;
        }
        // A path that climbs out of its own module could reach any layer
        // unseen; it is reported, to be written from `crate::` instead.
        if let Some(at) = line.find("super::super::") {
            out.push(Use {
                line: i + 1,
                path: line[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect(),
                layer: "super".to_string(),
                module: None,
            });
        }
        while let Some(at) = rest.find("crate::") {
            // `$crate::` in a macro counts; `some_crate::` does not.
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            // A group (`crate::{…}`, `crate::ground::{…}`), perhaps over several lines.
            if rest[path.len()..].starts_with('{') {
                let group = format!("crate::{rest}");
                if !closes(&group) {
                    in_group = Some((i + 1, group));
                    break;
                }
                grouped(i + 1, &group, &mut out);
                continue;
            }
            let mut segments = path.split("::").filter(|s| !s.is_empty());
            if let Some(layer) = segments.next() {
                out.push(Use {
                    line: i + 1,
                    path: format!("crate::{}", path.trim_end_matches(':')),
                    layer: layer.to_string(),
                    module: segments.next().map(str::to_string),
                });
            }
        }
    }
    out
}

/// Whether the group that `text` opens closes in it.
fn closes(text: &str) -> bool {
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return true,
            '}' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// The uses in a group `crate::{…}` that starts on `line`.
fn grouped(line: usize, group: &str, out: &mut Vec<Use>) {
    // Walk the tree of braces, keeping the segments above each name.
    let mut stack: Vec<Vec<String>> = vec![Vec::new()];
    let mut current = String::new();
    let segments = |text: &str| {
        text.split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    for c in group["crate::".len()..].chars() {
        match c {
            '{' => {
                let mut prefix = stack.last().cloned().unwrap_or_default();
                prefix.extend(segments(&current));
                stack.push(prefix);
                current.clear();
            }
            ',' | '}' => {
                let name = current.trim().split(" as ").next().unwrap_or_default();
                let mut path = stack.last().cloned().unwrap_or_default();
                path.extend(segments(name));
                if !name.is_empty() {
                    out.push(Use {
                        line,
                        path: format!("crate::{}", path.join("::")),
                        layer: path[0].clone(),
                        module: path.get(1).cloned(),
                    });
                }
                current.clear();
                if c == '}' {
                    stack.pop();
                    if stack.len() == 1 {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => current.push(' '),
            c => current.push(c),
        }
    }
}

/// The layer of a file (its folder under `core/src`) and its module
/// (`layer::module`; a submodule's file belongs to its module).
fn place(file: &str) -> Option<(&str, String)> {
    let mut parts = file.split('/');
    let layer = parts.next()?;
    let module = parts.next()?.trim_end_matches(".rs");
    if module == "mod" {
        return Some((layer, layer.to_string()));
    }
    Some((layer, format!("{layer}::{module}")))
}

/// Every upward import and every circle among the modules of `files`
/// (paths relative to `core/src`, with their text), one line each.
fn check(files: &[(String, String)]) -> String {
    let rank = |layer: &str| LAYERS.iter().position(|l| *l == layer);
    let mut report = String::new();
    let mut graph: BTreeMap<String, BTreeMap<String, (String, usize)>> = BTreeMap::new();
    for (file, text) in files {
        if file == "lib.rs" {
            continue;
        }
        let Some((layer, module)) = place(file) else {
            let _ = writeln!(
                report,
                "{file}: not in a layer's folder (declared: {})",
                LAYERS.join(", ")
            );
            continue;
        };
        let Some(own) = rank(layer) else {
            let _ = writeln!(
                report,
                "{file}: the folder `{layer}` is not a declared layer ({})",
                LAYERS.join(", ")
            );
            continue;
        };
        graph.entry(module.clone()).or_default();
        for u in uses(text) {
            let Some(theirs) = rank(&u.layer) else {
                let _ = writeln!(
                    report,
                    "{file}:{}: `{}` does not name a layer; write the layered path",
                    u.line, u.path
                );
                continue;
            };
            if theirs > own {
                let _ = writeln!(
                    report,
                    "{file}:{}: `{}` runs upward: layer `{layer}` uses layer `{}`",
                    u.line, u.path, u.layer
                );
            }
            let to = match &u.module {
                Some(m) => format!("{}::{m}", u.layer),
                None => u.layer.clone(),
            };
            if to != module {
                graph
                    .entry(module.clone())
                    .or_default()
                    .entry(to)
                    .or_insert((file.clone(), u.line));
            }
        }
    }
    for circle in circles(&graph) {
        let _ = writeln!(report, "circle: {}", circle.join(" → "));
    }
    report
}

/// The circles of `graph`, each once, as the modules in order with the first
/// repeated at the end and the place of each step's first use.
fn circles(graph: &BTreeMap<String, BTreeMap<String, (String, usize)>>) -> Vec<Vec<String>> {
    // Depth-first search with the path on a stack; a back edge closes a circle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, (String, usize)>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for (next, (file, line)) in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|p| p == next).unwrap_or(0);
                    let mut circle: Vec<String> = path[from..].to_vec();
                    circle.push(format!("{next} ({file}:{line})"));
                    out.push(circle);
                }
                Some(_) => {}
                None => visit(next, graph, state, path, out),
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    let mut out = Vec::new();
    for node in graph.keys() {
        if !state.contains_key(node.as_str()) {
            visit(node, graph, &mut state, &mut Vec::new(), &mut out);
        }
    }
    out
}

/// Every `.rs` file under `root`, as (path relative to `root`, text).
fn read_tree(root: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_import_runs_upward_and_no_modules_form_a_circle() {
    let report = check(&read_tree(&source()));
    assert!(
        report.is_empty(),
        "the layers ({}) are broken:\n{report}",
        LAYERS.join(" < ")
    );
}

fn fixture(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect()
}

#[test]
fn an_upward_import_fails_naming_the_file_the_line_and_the_layers() {
    let report = check(&fixture(&[
        (
            "ground/date.rs",
            "//! Dates, which may name `crate::faces` in a comment.\n\nuse crate::ground::lang::Lang;\n",
        ),
        ("ground/lang.rs", "pub enum Lang {}\n"),
        (
            "engine/progress.rs",
            "use serde::Serialize;\nuse crate::faces::report::render;\n",
        ),
        ("faces/report.rs", "pub fn render() {}\n"),
    ]));
    assert_eq!(
        report,
        "engine/progress.rs:2: `crate::faces::report::render` runs upward: layer `engine` uses layer `faces`\n"
    );
}

#[test]
fn every_form_of_path_is_read() {
    let text = r#"
use crate::ground::{
    date,
    lang::{Label, Lang as L},
};
#[serde(deserialize_with = "crate::formats::schema::strict")]
fn f() { let _ = crate::faces::labels::all(); }
use crate::{engine::aggregate}; fn g() {
macro_rules! m { () => { $crate::meetings::meeting::Minutes } }
use crate::{document::agreement::HealthAgreement, engine::{annual, progress::Goal}};
"#;
    let found: Vec<(usize, String)> = uses(text).into_iter().map(|u| (u.line, u.path)).collect();
    let expect = [
        (2, "crate::ground::date"),
        (2, "crate::ground::lang::Label"),
        (2, "crate::ground::lang::Lang"),
        (6, "crate::formats::schema::strict"),
        (7, "crate::faces::labels::all"),
        (8, "crate::engine::aggregate"),
        (9, "crate::meetings::meeting::Minutes"),
        (10, "crate::document::agreement::HealthAgreement"),
        (10, "crate::engine::annual"),
        (10, "crate::engine::progress::Goal"),
    ];
    assert_eq!(found, expect.map(|(l, p)| (l, p.to_string())));
    let report = check(&[("document/content.rs".to_string(), text.to_string())]);
    for layer in ["formats", "faces", "meetings", "engine"] {
        assert!(
            report.contains(&format!("layer `document` uses layer `{layer}`")),
            "{report}"
        );
    }
}

#[test]
fn a_circle_within_a_layer_fails_and_so_do_unlayered_paths() {
    let report = check(&fixture(&[
        ("engine/observation.rs", "use crate::engine::aggregate::Cells;\n"),
        ("engine/aggregate.rs", "\nuse crate::engine::observation::SUPPRESSED;\n"),
        (
            "document/agreement.rs",
            "fn f() -> crate::HealthAgreement { todo!() }\n",
        ),
        ("stray.rs", ""),
    ]));
    assert!(
        report
            .contains("circle: engine::aggregate → engine::observation → engine::aggregate (engine/observation.rs:1)"),
        "{report}"
    );
    assert!(
        report.contains("document/agreement.rs:1: `crate::HealthAgreement` does not name a layer"),
        "{report}"
    );
    assert!(report.contains("stray.rs: not in a layer's folder"), "{report}");
    let climbing = check(&fixture(&[(
        "reading/parse/position.rs",
        "use super::super::super::faces::report;\n",
    )]));
    assert_eq!(
        climbing,
        "reading/parse/position.rs:1: `super::super::super::faces::report` does not name a layer; write the layered path\n"
    );
}

/// The real tree, copied, with one wrong import added: the check fails on it.
#[test]
fn a_wrong_import_in_a_copy_of_the_crate_fails() {
    let copy = std::env::temp_dir().join(format!("sundhedsaftale-layers-{}", std::process::id()));
    let mut files = read_tree(&source());
    let (_, period) = files.iter_mut().find(|(f, _)| f == "ground/period.rs").unwrap();
    let line = period.lines().count() + 1;
    period.push_str("use crate::document::agreement::HealthAgreement;\n");
    for (file, text) in &files {
        let path = copy.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let report = check(&read_tree(&copy));
    std::fs::remove_dir_all(&copy).unwrap();
    let mut lines = report.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "ground/period.rs:{line}: `crate::document::agreement::HealthAgreement` runs upward: \
             layer `ground` uses layer `document`"
        )
    );
    // The agreement reaches the period through parsing, so this import closes a circle too.
    let circle = lines.next().unwrap();
    assert!(
        circle.starts_with("circle: ") && circle.ends_with(&format!("document::agreement (ground/period.rs:{line})")),
        "{report}"
    );
    assert_eq!(lines.next(), None, "{report}");
}
