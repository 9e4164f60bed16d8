//! The engine in `src/sim/` must stay pure Rust: it is tested natively and
//! reused by the worker, so it may not depend on the browser. This test reads
//! its sources and fails if any of them names a browser crate.

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = ["yew", "gloo", "gloo_worker", "web_sys", "js_sys", "wasm_bindgen"];

fn rust_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files.extend(rust_files_under(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// True if `line` uses `krate` as a path root (`krate::…`, `use krate`, `extern crate krate`).
fn names_crate(line: &str, krate: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    code.match_indices(krate).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = &code[at + krate.len()..];
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        starts_word
            && (after.starts_with("::")
                || (after.trim_start().starts_with([';', ',', '}', '{']) && code.trim_start().starts_with("use ")))
    })
}

#[test]
fn names_crate_recognises_paths_and_ignores_lookalikes() {
    assert!(names_crate("use yew::prelude::*;", "yew"));
    assert!(names_crate("    let d = web_sys::window();", "web_sys"));
    assert!(names_crate("use gloo;", "gloo"));
    assert!(!names_crate("let yewtree = 1;", "yew"));
    assert!(!names_crate("// yew::html! would be wrong here", "yew"));
    assert!(!names_crate("fn my_yew() {}", "yew"));
}

#[test]
fn the_engine_names_no_browser_crate() {
    let sim_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sim");
    let files = rust_files_under(&sim_dir);
    assert!(!files.is_empty(), "src/sim has no Rust files");
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("read source");
        for (number, line) in text.lines().enumerate() {
            for krate in BROWSER_CRATES {
                if names_crate(line, krate) {
                    offences.push(format!("{}:{}: {}", file.display(), number + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "src/sim must not use browser crates:\n{}",
        offences.join("\n")
    );
}
