//! The `salesim` command line: each command's output shape, determinism,
//! and exit code 2 with a message naming the problem (never a panic) for
//! every kind of bad input.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use salesim::sim::card::BENCHMARKS;
use salesim::sim::metrics::Metric;
use salesim::sim::presets;
use serde_json::Value;

fn salesim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salesim"))
        .args(args)
        .output()
        .expect("the binary starts")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// `salesim run` of the generalist preset, 200 runs of 12 months, with `seed` and any `extra` arguments.
fn small_run<'a>(seed: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "run",
        "--preset",
        "generalist",
        "--runs",
        "200",
        "--months",
        "12",
        "--seed",
        seed,
    ];
    args.extend_from_slice(extra);
    args
}

fn succeeds(args: &[&str]) -> String {
    let output = salesim(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "salesim {args:?} failed:\n{}",
        stderr(&output)
    );
    stdout(&output)
}

/// Runs a command that must fail as a user error: exit code 2, nothing on
/// stdout, no panic, and a message containing every fragment.
fn fails(args: &[&str], fragments: &[&str]) -> String {
    let output = salesim(args);
    let err = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "salesim {args:?} should exit 2; stderr:\n{err}"
    );
    assert!(
        output.stdout.is_empty(),
        "salesim {args:?} printed on stdout: {}",
        stdout(&output)
    );
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "salesim {args:?} panicked:\n{err}"
    );
    for fragment in fragments {
        assert!(
            err.contains(fragment),
            "salesim {args:?}: stderr does not mention {fragment:?}:\n{err}"
        );
    }
    err
}

/// A file under the system temp directory with a name unique to this process and call.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "salesim-cli-test-{}-{}.json",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, contents).expect("temp file written");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const VALID: &str = r#"{
  "schema": 1,
  "name": "CLI test",
  "months": 12,
  "structure": {
    "lead_generation": "sdr", "selling": "ae", "serving": "am",
    "headcount": { "sdr": 3, "ae": 4, "am": 2 }
  },
  "funnel": { "opportunity_to_win": { "uniform": { "min": 0.18, "max": 0.26 } } }
}"#;

#[test]
fn presets_lists_every_preset_id() {
    let out = succeeds(&["presets"]);
    let ids: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let expected: Vec<&str> = presets::all().iter().map(|p| p.id).collect();
    assert_eq!(ids, expected);
    for line in out.lines() {
        let (_, title) = line.split_once('\t').expect("id<TAB>title");
        assert!(!title.trim().is_empty());
    }
}

#[test]
fn schema_publishes_every_parameter_with_unit_default_range_help_and_source() {
    let schema: Value = serde_json::from_str(&succeeds(&["schema"])).expect("schema is JSON");
    assert_eq!(schema["schema"], 1);
    let parameters = schema["parameters"].as_array().expect("parameters array");
    assert_eq!(parameters.len(), salesim::sim::params::CATALOGUE.len());
    for p in parameters {
        for key in ["path", "unit", "help", "source"] {
            assert!(p[key].as_str().is_some_and(|s| !s.is_empty()), "{key} missing in {p}");
        }
        let (default, min, max) = (
            p["default"].as_f64().expect("default"),
            p["min"].as_f64().expect("min"),
            p["max"].as_f64().expect("max"),
        );
        assert!(min <= default && default <= max, "{p}");
    }
    assert!(parameters.iter().any(|p| p["path"] == "roles.sdr.ramp_months"));
}

#[test]
fn validate_accepts_a_valid_file_and_lists_every_problem_of_an_invalid_one() {
    let valid = TempFile::new(VALID);
    let out = succeeds(&["validate", valid.path()]);
    assert!(out.contains("valid") && out.contains("CLI test"), "{out}");

    let invalid = TempFile::new(
        r#"{
  "schema": 1,
  "months": 500,
  "colour": "blue",
  "structure": {
    "lead_generation": "sdr", "selling": "ae", "serving": "am",
    "headcount": { "sdr": 0, "ae": 4, "am": 2 }
  },
  "roles": { "sdr": { "ramp_months": 40 } }
}"#,
    );
    fails(
        &["validate", invalid.path()],
        &[
            invalid.path(),
            "months: must be a whole number between 12 and 120, got 500",
            "colour: unknown field",
            "structure.headcount.sdr:",
            "roles.sdr.ramp_months: must be between 0 and 24 months, got 40",
        ],
    );
}

#[test]
fn run_prints_a_deterministic_json_report() {
    let args = small_run("3", &[]);
    let first = succeeds(&args);
    let second = succeeds(&args);
    assert!(first == second, "two invocations differ");
    let report: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(report["runs"], 200);
    assert_eq!(report["seed"], 3);
    assert_eq!(report["months"], 12);
    let monthly = report["monthly"].as_array().expect("monthly");
    assert_eq!(monthly.len(), Metric::ALL.len());
    for series in monthly {
        assert_eq!(series["months"].as_array().unwrap().len(), 12, "{}", series["metric"]);
    }
    assert!(!report["horizon"].as_array().expect("horizon").is_empty());
    assert!(report["diagnostics"]["capacity_use"].is_array());

    // a different seed gives a different report
    let other = succeeds(&small_run("4", &[]));
    assert!(other != first);

    // a scenario file runs too
    let file = TempFile::new(VALID);
    let from_file: Value = serde_json::from_str(&succeeds(&["run", file.path(), "--runs", "100"])).expect("JSON");
    assert_eq!(from_file["scenario"], "CLI test");
}

#[test]
fn run_as_csv_has_the_header_and_twelve_months_per_metric() {
    let out = succeeds(&small_run("3", &["--format", "csv"]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("scenario,metric,unit,month,p5,p10,p25,p50,p75,p90,p95,mean")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 12), "every row has 12 fields");
    for metric in Metric::ALL {
        let months: Vec<&str> = rows
            .iter()
            .filter(|r| r[1] == metric.key() && r[3] != "horizon")
            .map(|r| r[3])
            .collect();
        let expected: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
        assert_eq!(months, expected, "{}", metric.key());
    }
    for row in &rows {
        for value in &row[4..] {
            assert!(value.parse::<f64>().is_ok_and(f64::is_finite), "not a number: {row:?}");
        }
    }
}

#[test]
fn compare_prints_pairs_with_chance_ahead_and_payback() {
    let out = succeeds(&[
        "compare",
        "generalist",
        "restructure",
        "--runs",
        "200",
        "--months",
        "24",
        "--tornado-runs",
        "20",
    ]);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["months"], 24);
    let pairs = report["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 1);
    let pair = &pairs[0];
    let chance = pair["chance_ahead"].as_array().expect("chance_ahead");
    assert_eq!(chance.len(), 24);
    assert!(
        chance
            .iter()
            .all(|c| c.as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)))
    );
    let payback = &pair["payback"];
    let by_month: u64 = payback["runs_by_month"]
        .as_array()
        .expect("runs_by_month")
        .iter()
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert_eq!(by_month + payback["not_paid_back"].as_u64().unwrap(), 200);
    assert_eq!(report["scenarios"].as_array().unwrap().len(), 2);
    let tornadoes = report["tornadoes"].as_array().expect("tornadoes");
    assert_eq!(tornadoes.len(), 1);
    assert!(!tornadoes[0]["bars"].as_array().unwrap().is_empty());
}

#[test]
fn bad_inputs_exit_2_with_a_message_naming_the_problem() {
    fails(&["frobnicate"], &["unknown command", "frobnicate"]);
    fails(&["run", "--preset", "generalist", "--runs", "5"], &["--runs", "5"]);
    fails(&["run", "--preset", "generalist", "--runs", "abc"], &["--runs", "abc"]);
    fails(&["run", "--preset", "generalist", "--runs", "-3"], &["--runs"]);
    fails(&["run", "--preset", "generalist", "--months", "6"], &["--months", "6"]);
    fails(&["run", "--preset", "generalist", "--seed", "x"], &["--seed", "x"]);
    fails(
        &["run", "--preset", "generalist", "--format", "xml"],
        &["--format", "xml"],
    );
    fails(&["run", "--preset", "nope"], &["nope"]);
    fails(&["run", "--preset"], &["--preset"]);
    fails(&["run"], &["scenario file or --preset"]);
    fails(&["run", "--preset", "generalist", "--colour", "red"], &["--colour"]);
    fails(&["presets", "extra"], &["extra"]);
    fails(&["validate"], &["validate needs a scenario file"]);

    let missing = std::env::temp_dir().join(format!("salesim-cli-test-{}-missing.json", std::process::id()));
    let missing = missing.to_str().unwrap();
    fails(&["validate", missing], &[missing, "cannot read"]);
    fails(&["run", missing], &[missing, "cannot read"]);
    fails(&["compare", "generalist", missing], &[missing]);

    let broken = TempFile::new("{ \"schema\": 1, \"months\": ");
    fails(&["validate", broken.path()], &[broken.path(), "not valid JSON"]);
    fails(&["run", broken.path()], &["not valid JSON"]);
    let empty = TempFile::new("");
    fails(&["validate", empty.path()], &["not valid JSON"]);

    fails(
        &["compare"],
        &["compare needs a baseline and at least one other scenario"],
    );
    fails(&["compare", "generalist"], &["compare needs a baseline"]);
    fails(&["compare", "generalist", "nope"], &["nope", "not a preset id"]);
    fails(
        &["compare", "generalist", "specialised", "--tornado-runs", "x"],
        &["--tornado-runs"],
    );
}

#[test]
fn card_prints_every_presets_headline_figures_and_marks_those_out_of_range() {
    let output = salesim(&["card", "--runs", "100", "--seed", "3"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let card = stdout(&output);
    assert!(card.starts_with("# Model card"));
    assert!(card.contains("Generated by `salesim card --runs 100 --seed 3`"));
    for preset in presets::all() {
        // One row per preset in each headline table.
        let rows = card
            .lines()
            .filter(|l| l.starts_with(&format!("| {} |", preset.title)))
            .count();
        assert_eq!(rows, BENCHMARKS.len(), "{}", preset.title);
    }
    let verdicts = card
        .lines()
        .filter(|l| {
            l.ends_with("| in range |")
                || l.ends_with("| below |")
                || l.ends_with("| above |")
                || l.ends_with("| n/a |")
        })
        .count();
    assert_eq!(verdicts, BENCHMARKS.len() * presets::all().len());
    // The same command gives the same card.
    assert_eq!(stdout(&salesim(&["card", "--runs", "100", "--seed", "3"])), card);
    let refused = salesim(&["card", "--months", "12"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--months"));
}
