//! The layers of ARCHITECTURE.md, checked: every `crate::…` path in a module must name a
//! module its row of the "Import rules" table allows. The table is the source of truth;
//! this test reads it, so changing a rule means changing the document.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

/// The "Import rules" table: each layer and the crate modules it may name.
fn rules() -> BTreeMap<String, BTreeSet<String>> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md");
    let section = text
        .split("## Import rules")
        .nth(1)
        .expect("ARCHITECTURE.md has an \"Import rules\" section");
    let mut rules = BTreeMap::new();
    for line in section.lines().skip_while(|l| !l.starts_with('|')) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [layer, allowed, ..] = cells[..] else {
            continue;
        };
        let names = |cell: &str| -> Vec<String> {
            cell.split(',')
                .map(|name| name.trim().trim_matches('`').to_owned())
                .filter(|name| {
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
                .collect()
        };
        let Some(layer) = names(layer).into_iter().next() else {
            continue; // the header and its rule
        };
        rules.insert(layer, names(allowed).into_iter().collect());
    }
    assert!(
        rules.len() >= 8,
        "the table was not found or is too short: {rules:?}"
    );
    rules
}

/// The top-level crate modules a piece of Rust source names through `crate::`,
/// including inside grouped imports (`use crate::{a::x, b::{y, z}}`). Comments are
/// skipped: a doc link is not an import.
fn modules_named(source: &str) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let rest_trimmed = rest.trim_start();
        if let Some(group) = rest_trimmed.strip_prefix('{') {
            // Top-level names of the group: those at brace depth 0 of the group.
            let mut depth = 0;
            let mut expecting_name = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expecting_name = true,
                    c if depth == 0 && expecting_name && (c.is_alphanumeric() || c == '_') => {
                        name.push(c);
                    }
                    _ => {
                        if !name.is_empty() {
                            named.insert(std::mem::take(&mut name));
                            expecting_name = false;
                        }
                    }
                }
            }
            if !name.is_empty() {
                named.insert(name);
            }
        } else {
            let name: String = rest_trimmed
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every breach of the rules in `src/`, as "file: names `module`".
fn violations(rules: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("inside src");
        let layer = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|name| name.trim_end_matches(".rs").to_owned())
            .expect("a file name");
        if layer == "lib" || layer == "main" {
            continue; // the crate root declares the modules; the binary uses the library
        }
        let allowed = rules
            .get(&layer)
            .unwrap_or_else(|| panic!("{layer} has no row in ARCHITECTURE.md's Import rules"));
        let source = fs::read_to_string(&file).expect("readable source");
        for module in check_source(&layer, allowed, &source) {
            found.push(format!("{}: names `crate::{module}`", relative.display()));
        }
    }
    found
}

/// The modules `source`, in `layer`, names but may not.
fn check_source(layer: &str, allowed: &BTreeSet<String>, source: &str) -> Vec<String> {
    modules_named(source)
        .into_iter()
        .filter(|module| module != layer && !allowed.contains(module))
        .collect()
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let found = violations(&rules());
    assert!(
        found.is_empty(),
        "imports against ARCHITECTURE.md's Import rules:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_screen_that_reaches_up_or_into_the_store_is_caught() {
    let rules = rules();
    let ui = &rules["ui"];
    assert_eq!(
        check_source("ui", ui, "use crate::app::SmallprintApp;"),
        ["app"]
    );
    assert_eq!(
        check_source(
            "ui",
            ui,
            "use crate::{\n    command::Command,\n    store::{backups, Store},\n};"
        ),
        ["store"]
    );
    assert_eq!(
        check_source("ui", ui, "let x = crate::store::backups::KEEP_DAYS;"),
        ["store"]
    );
    assert!(
        check_source(
            "ui",
            ui,
            "/// See [`crate::app`].\nuse crate::session::Session;"
        )
        .is_empty(),
        "a doc link is not an import; the session is below the screens"
    );
    assert_eq!(
        check_source("domain", &rules["domain"], "use crate::documents::Format;"),
        ["documents"],
        "the domain is pure"
    );
}

/// Issue 21: the use cases sit between the rules and the two front ends — the window and
/// the command line use them, and they never reach up into either.
#[test]
fn the_actions_serve_both_front_ends_and_never_reach_up_into_them() {
    let rules = rules();
    let actions = &rules["actions"];
    for front in ["app", "cli", "ui"] {
        assert!(
            rules[front].contains("actions"),
            "{front} may use the actions"
        );
        assert_eq!(
            check_source("actions", actions, &format!("use crate::{front}::X;")),
            [front],
            "the actions never import {front}"
        );
    }
    for below in ["domain", "documents", "store", "clock"] {
        assert!(actions.contains(below), "the actions use {below}");
    }
    assert!(
        !rules["domain"].contains("actions") && !rules["documents"].contains("actions"),
        "the rules below know nothing of the use cases"
    );
}
