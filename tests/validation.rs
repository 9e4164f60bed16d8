//! Reading scenario files: every problem is reported at once, each naming
//! its path, the allowed range and the value given; unknown fields are
//! rejected by name at every level; nothing panics on any JSON; and every
//! preset survives the file format unchanged.

use rand::RngExt;
use salesim::sim::params::{CATALOGUE, P};
use salesim::sim::presets;
use salesim::sim::rng::{SimRng, seeded};
use salesim::sim::scenario::Scenario;
use salesim::sim::validate::{FieldError, parse_scenario, scenario_from_value, scenario_to_json, validate};
use serde_json::{Map, Value, json};

fn errors_of(value: &Value) -> Vec<FieldError> {
    match scenario_from_value(value) {
        Ok(scenario) => panic!("expected problems, got a valid scenario: {scenario:?}"),
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error with no problems listed");
            errors.0
        }
    }
}

/// The one problem at `path`, whose message contains every fragment.
fn expect(errors: &[FieldError], path: &str, fragments: &[&str]) {
    let at_path: Vec<&FieldError> = errors.iter().filter(|e| e.path == path).collect();
    assert!(
        !at_path.is_empty(),
        "no problem reported at {path}; got:\n{}",
        listing(errors)
    );
    assert!(
        at_path.iter().any(|e| fragments.iter().all(|f| e.message.contains(f))),
        "problem at {path} does not mention {fragments:?}; got:\n{}",
        listing(errors)
    );
}

fn listing(errors: &[FieldError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

fn valid_base() -> Value {
    json!({
        "schema": 1,
        "name": "test",
        "structure": {
            "lead_generation": "sdr", "selling": "ae", "serving": "am",
            "headcount": { "sdr": 4, "ae": 6, "am": 3 }
        }
    })
}

#[test]
fn the_base_document_is_valid() {
    let scenario = scenario_from_value(&valid_base()).expect("valid");
    assert_eq!(scenario.months, 36);
    assert_eq!(scenario.structure.headcount.ae, 6);
}

#[test]
fn a_file_with_many_problems_reports_all_of_them_with_path_range_and_value() {
    let document = json!({
        "schema": 1,
        "months": 200,
        "bogus": 1,
        "structure": {
            "lead_generation": "sdr", "selling": "ae", "serving": "am",
            "headcount": { "sdr": 0, "ae": 5, "am": 3, "intern": 2 },
            "colour": "red"
        },
        "switches": { "referrals": true, "magic": true },
        "roles": {
            "sdr": { "ramp_months": 40, "shoe_size": 3 },
            "ceo": { "ote": 1 }
        },
        "funnel": { "opportunity_to_win": { "uniform": { "min": 0.3, "max": 0.2 } } },
        "deals": { "acv_median": { "lognormal": { "low": 0, "high": 5000 } } },
        "accounts": { "churn_core": { "normal": { "low": 0.1, "high": 0.9 } } },
        "capacity": { "hours_per_month": "lots", "context_switch_loss": 0.61 },
        "handoff": { "delay_months": 1.5 },
    });
    let errors = errors_of(&document);

    // the exact message format of a value out of range
    assert!(
        errors
            .iter()
            .any(|e| e.to_string() == "roles.sdr.ramp_months: must be between 0 and 24 months, got 40"),
        "got:\n{}",
        listing(&errors)
    );
    expect(&errors, "months", &["between 12 and 120", "200"]);
    expect(&errors, "bogus", &["unknown field"]);
    expect(&errors, "structure.colour", &["unknown field", "lead_generation"]);
    expect(&errors, "structure.headcount.intern", &["unknown field"]);
    expect(&errors, "structure.headcount.sdr", &["at least 1", "got 0"]);
    expect(&errors, "switches.magic", &["unknown field", "referrals"]);
    expect(&errors, "roles.sdr.shoe_size", &["unknown field", "ramp_months"]);
    expect(&errors, "roles.ceo", &["unknown field"]);
    expect(&errors, "funnel.opportunity_to_win", &["min ≤ max", "0.3", "0.2"]);
    expect(&errors, "deals.acv_median", &["0 < low", "low 0"]);
    expect(
        &errors,
        "accounts.churn_core",
        &["between 0 and 0.5", "share per month", "0.1 to 0.9"],
    );
    expect(&errors, "capacity.hours_per_month", &["number", "\"lots\""]);
    expect(
        &errors,
        "capacity.context_switch_loss",
        &["between 0 and 0.6", "got 0.61"],
    );
    expect(&errors, "handoff.delay_months", &["whole number", "1.5"]);
    assert_eq!(errors.len(), 15, "one problem each:\n{}", listing(&errors));

    // the text form lists every problem, one a line, as the command line prints it
    let text = parse_scenario(&document.to_string()).unwrap_err().to_string();
    assert_eq!(text.lines().count(), errors.len());
}

#[test]
fn unknown_fields_are_rejected_by_name_at_every_level() {
    let cases: [(&str, Value); 8] = [
        ("", json!({ "colour": 1 })),
        ("structure", json!({ "structure": { "colour": 1 } })),
        ("switches", json!({ "switches": { "colour": true } })),
        ("inbound", json!({ "inbound": { "colour": 1 } })),
        ("roles.ae", json!({ "roles": { "ae": { "colour": 1 } } })),
        (
            "restructuring",
            json!({ "restructuring": { "month": 3, "to": valid_base()["structure"].clone(), "colour": 1 } }),
        ),
        (
            "restructuring.to",
            json!({ "restructuring": { "month": 3, "to": { "lead_generation": "sdr", "selling": "ae", "serving": "am", "headcount": { "sdr": 1, "ae": 1, "am": 1 }, "colour": 1 } } }),
        ),
        (
            "hiring_plan[0]",
            json!({ "hiring_plan": [ { "month": 2, "role": "ae", "count": 1, "colour": 1 } ] }),
        ),
    ];
    for (parent, patch) in cases {
        let mut document = valid_base();
        merge(&mut document, &patch);
        let errors = errors_of(&document);
        let path = if parent.is_empty() {
            "colour".to_owned()
        } else {
            format!("{parent}.colour")
        };
        expect(&errors, &path, &["unknown field"]);
        assert_eq!(errors.len(), 1, "{path}:\n{}", listing(&errors));
    }
}

#[test]
fn an_empty_key_is_named_rather_than_leaving_the_path_blank() {
    let mut document = valid_base();
    document[""] = json!(1);
    document["switches"] = json!({ "": true });
    let errors = errors_of(&document);
    expect(&errors, "\"\"", &["unknown field"]);
    expect(&errors, "switches.\"\"", &["unknown field"]);
    assert_eq!(errors.len(), 2);
}

/// Deep-merges `patch` into `target`.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (key, value) in p {
                match t.get_mut(key) {
                    Some(existing) if existing.is_object() && value.is_object() => {
                        merge(existing, value);
                    }
                    _ => {
                        t.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

#[test]
fn schema_is_required_and_must_be_one() {
    let mut missing = valid_base();
    missing.as_object_mut().unwrap().remove("schema");
    expect(&errors_of(&missing), "schema", &["must be 1", "got nothing"]);

    for (wrong, shown) in [(json!(2), "got 2"), (json!("1"), "got \"1\""), (json!(1.5), "got 1.5")] {
        let mut document = valid_base();
        document["schema"] = wrong;
        let errors = errors_of(&document);
        expect(&errors, "schema", &["must be 1", shown]);
        assert_eq!(errors.len(), 1);
    }
}

#[test]
fn wrong_types_are_named_with_what_was_given() {
    let cases: Vec<(Value, &str, Vec<&str>)> = vec![
        (
            json!({ "months": "twelve" }),
            "months",
            vec!["whole number", "\"twelve\""],
        ),
        (json!({ "months": 24.5 }), "months", vec!["whole number", "24.5"]),
        (json!({ "name": 5 }), "name", vec!["text", "5"]),
        (
            json!({ "switches": { "quotas": "yes" } }),
            "switches.quotas",
            vec!["true or false", "\"yes\""],
        ),
        (json!({ "switches": [true] }), "switches", vec!["object", "a list"]),
        (
            json!({ "structure": { "selling": 3 } }),
            "structure.selling",
            vec!["generalist, ae", "3"],
        ),
        (
            json!({ "structure": { "serving": "nobody" } }),
            "structure.serving",
            vec!["generalist, am", "\"nobody\""],
        ),
        (
            json!({ "structure": { "headcount": { "ae": -1 } } }),
            "structure.headcount.ae",
            vec!["whole number between 0 and 10000", "-1"],
        ),
        (
            json!({ "structure": { "headcount": { "ae": 2.5 } } }),
            "structure.headcount.ae",
            vec!["whole number", "2.5"],
        ),
        (
            json!({ "structure": { "headcount": [] } }),
            "structure.headcount",
            vec!["object", "a list"],
        ),
        (
            json!({ "structure": { "account_tiers": 1 } }),
            "structure.account_tiers",
            vec!["true or false", "1"],
        ),
        (json!({ "hiring_plan": "x" }), "hiring_plan", vec!["list", "\"x\""]),
        (
            json!({ "hiring_plan": [ { "month": 99, "role": "ae", "count": 1 } ] }),
            "hiring_plan[0].month",
            vec!["between 1 and 36", "99"],
        ),
        (
            json!({ "hiring_plan": [ { "month": 2, "role": "ceo", "count": 1 } ] }),
            "hiring_plan[0].role",
            vec!["\"ceo\""],
        ),
        (json!({ "hiring_plan": [ 7 ] }), "hiring_plan[0]", vec!["object", "7"]),
        (
            json!({ "restructuring": { "month": 36, "to": valid_base()["structure"].clone() } }),
            "restructuring.month",
            vec!["between 1 and 35", "36"],
        ),
        (
            json!({ "restructuring": { "month": 3 } }),
            "restructuring.to",
            vec!["required"],
        ),
        (json!({ "roles": 3 }), "roles", vec!["object", "3"]),
        (
            json!({ "roles": { "ae": { "quota": null } } }),
            "roles.ae.quota",
            vec!["number", "null"],
        ),
        (
            json!({ "roles": { "ae": { "quota": [1, 2] } } }),
            "roles.ae.quota",
            vec!["number", "a list"],
        ),
        (
            json!({ "roles": { "ae": { "quota": { "gamma": { "shape": 2 } } } } }),
            "roles.ae.quota",
            vec!["uniform", "lognormal"],
        ),
        (
            json!({ "roles": { "ae": { "quota": { "uniform": { "min": 1e5 } } } } }),
            "roles.ae.quota",
            vec!["uniform"],
        ),
    ];
    for (patch, path, fragments) in cases {
        let mut document = valid_base();
        merge(&mut document, &patch);
        let errors = errors_of(&document);
        expect(&errors, path, &fragments);
    }
    // not an object at all
    for value in [json!(null), json!(3), json!("scenario"), json!([valid_base()])] {
        expect(&errors_of(&value), "(scenario)", &["must be an object"]);
    }
    // not JSON at all
    let errors = parse_scenario("{ \"schema\": 1, ").unwrap_err().0;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "(file)");
    assert!(errors[0].message.contains("not valid JSON"));
}

#[test]
fn distributions_with_bad_shapes_or_ranges_outside_the_allowed_range_are_refused() {
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "funnel.opportunity_to_win",
            json!({ "uniform": { "min": 0.3, "max": 0.2 } }),
            vec!["min ≤ max"],
        ),
        (
            "funnel.opportunity_to_win",
            json!({ "triangular": { "min": 0.1, "mode": 0.5, "max": 0.3 } }),
            vec!["min ≤ mode ≤ max"],
        ),
        (
            "funnel.opportunity_to_win",
            json!({ "normal": { "low": 0.3, "high": 0.1 } }),
            vec!["low ≤ high"],
        ),
        (
            "deals.acv_median",
            json!({ "lognormal": { "low": 0, "high": 5000 } }),
            vec!["0 < low"],
        ),
        (
            "deals.acv_median",
            json!({ "lognormal": { "low": -5, "high": 5000 } }),
            vec!["0 < low"],
        ),
        (
            "deals.acv_median",
            json!({ "lognormal": { "low": 9000, "high": 5000 } }),
            vec!["0 < low ≤ high"],
        ),
        (
            "funnel.opportunity_to_win",
            json!({ "uniform": { "min": 0.2, "max": 1.5 } }),
            vec!["between 0.001 and 0.99", "0.2 to 1.5"],
        ),
        (
            "roles.sdr.ramp_months",
            json!({ "triangular": { "min": -1, "mode": 3, "max": 5 } }),
            vec!["between 0 and 24", "-1 to 5"],
        ),
        (
            "accounts.churn_core",
            json!({ "normal": { "low": 0.1, "high": 0.9 } }),
            vec!["between 0 and 0.5", "0.1 to 0.9"],
        ),
        (
            "deals.acv_median",
            json!({ "lognormal": { "low": 50, "high": 5000 } }),
            vec!["between 100 and 10000000", "50 to 5000"],
        ),
        (
            "funnel.opportunity_to_win",
            json!(-0.2),
            vec!["between 0.001 and 0.99", "got -0.2"],
        ),
        (
            "funnel.opportunity_to_win",
            json!(1e300),
            vec!["between 0.001 and 0.99"],
        ),
    ];
    for (path, shape, fragments) in cases {
        let mut document = valid_base();
        let (section, rest) = path.split_once('.').unwrap();
        let mut nested = shape.clone();
        for part in rest.rsplit('.') {
            nested = json!({ part: nested });
        }
        merge(&mut document, &json!({ section: nested }));
        let errors = errors_of(&document);
        expect(&errors, path, &fragments);
        assert_eq!(errors.len(), 1, "{path} {shape}:\n{}", listing(&errors));
    }
    // a good distribution of each shape is accepted and kept
    let document = json!({
        "schema": 1,
        "structure": valid_base()["structure"].clone(),
        "funnel": {
            "opportunity_to_win": { "triangular": { "min": 0.18, "mode": 0.2, "max": 0.26 } },
            "lead_to_meeting": { "uniform": { "min": 0.1, "max": 0.2 } },
            "meeting_to_opportunity": { "normal": { "low": 0.6, "high": 0.8 } }
        },
        "deals": { "acv_median": { "lognormal": { "low": 12000, "high": 48000 } } }
    });
    let scenario = scenario_from_value(&document).expect("valid distributions");
    assert_eq!(scenario.parameters.len(), 4);
    assert!(scenario.parameters.values().all(|u| !u.is_fixed()));
}

#[test]
fn structures_need_a_seat_for_every_role_they_give_work_to() {
    let cases = [
        (
            json!({ "lead_generation": "sdr", "selling": "ae", "serving": "am", "headcount": { "ae": 3, "am": 2 } }),
            vec!["structure.headcount.sdr"],
        ),
        (
            json!({ "lead_generation": "agency", "selling": "ae", "serving": "am", "headcount": { "sdr": 3 } }),
            vec!["structure.headcount.ae", "structure.headcount.am"],
        ),
        (
            json!({ "lead_generation": "generalist", "selling": "generalist", "serving": "generalist", "headcount": { "ae": 3 } }),
            vec!["structure.headcount.generalist"],
        ),
    ];
    for (structure, paths) in cases {
        let mut document = valid_base();
        document["structure"] = structure;
        let errors = errors_of(&document);
        for path in &paths {
            expect(&errors, path, &["at least 1 seat", "got 0"]);
        }
        assert_eq!(errors.len(), paths.len(), "{}", listing(&errors));
    }
    // the same rule applies to the structure a restructuring switches to
    let mut document = valid_base();
    document["restructuring"] = json!({ "month": 6, "to": { "lead_generation": "sdr", "selling": "ae", "serving": "am", "headcount": { "ae": 3, "am": 2 } } });
    expect(
        &errors_of(&document),
        "restructuring.to.headcount.sdr",
        &["at least 1 seat"],
    );
}

#[test]
fn scenarios_built_in_code_are_checked_by_the_same_rules() {
    let mut scenario = presets::find("specialised").unwrap().scenario;
    scenario.set(P::SdrRamp, 40.0);
    scenario.structure.headcount.sdr = 0;
    scenario.months = 6;
    let errors = validate(&scenario).unwrap_err().0;
    expect(&errors, "roles.sdr.ramp_months", &["got 40"]);
    expect(&errors, "structure.headcount.sdr", &["at least 1"]);
    expect(&errors, "months", &["got 6"]);
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn every_preset_round_trips_through_the_file_format() {
    for preset in presets::all() {
        let value = scenario_to_json(&preset.scenario);
        let back =
            scenario_from_value(&value).unwrap_or_else(|e| panic!("{}: its own JSON is invalid:\n{e}", preset.id));
        assert_eq!(back, preset.scenario, "{}", preset.id);
        let text = serde_json::to_string_pretty(&preset.scenario).unwrap();
        assert_eq!(parse_scenario(&text).unwrap(), preset.scenario, "{}", preset.id);
        let via_serde: Scenario = serde_json::from_str(&text).unwrap();
        assert_eq!(via_serde, preset.scenario, "{}", preset.id);
    }
}

#[test]
fn a_scenario_with_every_parameter_set_round_trips() {
    let mut rng = seeded(4);
    let mut scenario = presets::find("restructure-with-owner").unwrap().scenario;
    for spec in CATALOGUE {
        let value = if spec.integer {
            rng.random_range(spec.min..=spec.max).round()
        } else {
            rng.random_range(spec.min..=spec.max)
        };
        scenario.set(spec.id, value);
    }
    // the sales cycle's parameters are checked together: a slowest tenth
    // and a shelf life longer than the mean
    scenario.set(P::CycleMeanMonths, 3.0);
    scenario.set(P::CycleP90Months, 6.0);
    scenario.set(P::OpportunityMaxAge, 12.0);
    scenario.set(
        P::AcvMedian,
        salesim::sim::uncertain::Uncertain::Lognormal {
            low: 10_000.0,
            high: 60_000.0,
        },
    );
    let back = scenario_from_value(&scenario_to_json(&scenario)).expect("valid");
    assert_eq!(back, scenario);
    assert_eq!(back.parameters.len(), CATALOGUE.len());
}

// ---------------------------------------------------------------------------
// Robustness: random JSON never panics
// ---------------------------------------------------------------------------

/// Keys the reader knows somewhere, so random objects reach deep code paths.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = [
        "schema",
        "name",
        "description",
        "months",
        "structure",
        "switches",
        "restructuring",
        "hiring_plan",
        "lead_generation",
        "selling",
        "serving",
        "headcount",
        "account_tiers",
        "generalist",
        "sdr",
        "ae",
        "am",
        "retention",
        "agency",
        "month",
        "to",
        "process_owner",
        "role",
        "count",
        "uniform",
        "triangular",
        "normal",
        "lognormal",
        "fixed",
        "min",
        "max",
        "mode",
        "low",
        "high",
        "quotas",
        "referrals",
        "trade_shows",
        "bogus",
        "",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for spec in CATALOGUE {
        words.extend(spec.path.split('.').map(str::to_owned));
    }
    words.sort();
    words.dedup();
    words
}

fn random_number(rng: &mut SimRng) -> Value {
    match rng.random_range(0..9) {
        0 => json!(rng.random_range(-5i64..=5)),
        1 => json!(rng.random_range(0u32..=50)),
        2 => json!(rng.random::<f64>()),
        3 => json!(-rng.random::<f64>() * 1e6),
        4 => json!(1e300 * if rng.random_bool(0.5) { 1.0 } else { -1.0 }),
        5 => json!(u64::MAX),
        6 => json!(i64::MIN),
        7 => json!(f64::MIN_POSITIVE),
        _ => json!(rng.random_range(-1e9..1e9)),
    }
}

fn random_value(rng: &mut SimRng, words: &[String], depth: u32) -> Value {
    let leaf_only = depth >= 5;
    match rng.random_range(0..if leaf_only { 5 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.random_bool(0.5)),
        2 | 3 => random_number(rng),
        4 => {
            if rng.random_bool(0.7) {
                Value::String(words[rng.random_range(0..words.len())].clone())
            } else {
                Value::String("é…\u{0}".repeat(rng.random_range(0..300)))
            }
        }
        5 => Value::Array(
            (0..rng.random_range(0..4))
                .map(|_| random_value(rng, words, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.random_range(0..6) {
                let key = words[rng.random_range(0..words.len())].clone();
                map.insert(key, random_value(rng, words, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// A random location in `value`: mutate it in one of several ways.
fn mutate(rng: &mut SimRng, value: &mut Value, words: &[String]) {
    // walk down a random path
    let mut node = value;
    loop {
        let descend = rng.random_bool(0.6);
        let next_key = match &*node {
            Value::Object(map) if descend && !map.is_empty() => {
                Some(map.keys().nth(rng.random_range(0..map.len())).unwrap().clone())
            }
            _ => None,
        };
        match next_key {
            Some(key) => node = node.get_mut(&key).unwrap(),
            None => break,
        }
    }
    match rng.random_range(0..5) {
        0 => {
            // delete a key
            if let Value::Object(map) = node
                && !map.is_empty()
            {
                let key = map.keys().nth(rng.random_range(0..map.len())).unwrap().clone();
                map.remove(&key);
            }
        }
        1 => {
            // insert a key, known or not
            if let Value::Object(map) = node {
                let key = if rng.random_bool(0.5) {
                    format!("unknown_{}", rng.random_range(0..100))
                } else {
                    words[rng.random_range(0..words.len())].clone()
                };
                map.insert(key, random_value(rng, words, 3));
            }
        }
        2 => *node = random_value(rng, words, 2),
        3 => *node = random_number(rng),
        _ => {
            // change the type but keep some of the content
            *node = match node.take() {
                Value::Number(n) => Value::String(n.to_string()),
                Value::String(s) => Value::Array(vec![Value::String(s)]),
                Value::Bool(b) => json!(u8::from(b)),
                Value::Object(map) => Value::Array(map.into_iter().map(|(_, v)| v).collect()),
                Value::Array(items) => items.into_iter().next().unwrap_or(Value::Null),
                Value::Null => json!({}),
            };
        }
    }
}

fn check_any(value: &Value, case: usize) -> bool {
    let outcome = std::panic::catch_unwind(|| scenario_from_value(value));
    let result = outcome.unwrap_or_else(|_| panic!("case {case}: panicked on {value}"));
    match result {
        Ok(scenario) => {
            // whatever is accepted is valid and round-trips unchanged
            validate(&scenario).unwrap_or_else(|e| panic!("case {case}: accepted {value} but {e}"));
            let back = scenario_from_value(&scenario_to_json(&scenario)).unwrap();
            assert_eq!(back, scenario, "case {case}: {value}");
            true
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "case {case}: empty error list for {value}");
            for error in &errors.0 {
                assert!(
                    !error.path.is_empty() && !error.message.is_empty(),
                    "case {case}: {error:?}"
                );
            }
            // the text form is printable too
            assert!(!errors.to_string().is_empty());
            false
        }
    }
}

#[test]
fn five_thousand_random_and_mutated_documents_never_panic() {
    let words = vocabulary();
    let bases: Vec<Value> = presets::all().iter().map(|p| scenario_to_json(&p.scenario)).collect();
    let mut rng = seeded(0xBAD_5EED);
    let (mut accepted, mut refused) = (0, 0);
    for case in 0..5_000 {
        let value = if case % 2 == 0 {
            random_value(&mut rng, &words, 0)
        } else {
            let mut value = bases[rng.random_range(0..bases.len())].clone();
            for _ in 0..rng.random_range(1..=3) {
                mutate(&mut rng, &mut value, &words);
            }
            value
        };
        if check_any(&value, case) {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    // the mutations both break documents and leave some valid
    assert!(
        accepted > 50 && refused > 2_500,
        "accepted {accepted}, refused {refused}"
    );
}

#[test]
fn an_unknown_key_inserted_anywhere_in_a_preset_is_named() {
    let mut rng = seeded(99);
    for preset in presets::all() {
        for _ in 0..20 {
            let mut value = scenario_to_json(&preset.scenario);
            // pick a random object inside the document and add a key
            let mut node = &mut value;
            let mut path = Vec::new();
            loop {
                let keys: Vec<String> = match &*node {
                    Value::Object(map) => map
                        .iter()
                        .filter(|(_, v)| v.is_object() && !is_distribution(v))
                        .map(|(k, _)| k.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                if keys.is_empty() || rng.random_bool(0.3) {
                    break;
                }
                let key = keys[rng.random_range(0..keys.len())].clone();
                path.push(key.clone());
                node = node.get_mut(&key).unwrap();
            }
            node.as_object_mut().unwrap().insert("zz_unknown".into(), json!(1));
            path.push("zz_unknown".into());
            let errors = errors_of(&value);
            expect(&errors, &path.join("."), &["unknown field"]);
            assert_eq!(errors.len(), 1, "{}", listing(&errors));
        }
    }
}

fn is_distribution(value: &Value) -> bool {
    value.as_object().is_some_and(|m| {
        m.keys()
            .any(|k| ["uniform", "triangular", "normal", "lognormal"].contains(&k.as_str()))
    })
}

#[test]
fn the_sales_cycle_parameters_must_agree_and_each_message_names_the_mean() {
    use salesim::sim::params::P;
    let base = salesim::sim::presets::find("generalist").expect("preset").scenario;
    let slow_mean = base.clone().with(P::CycleMeanMonths, 24.0);
    let errors = salesim::sim::validate::validate(&slow_mean).expect_err("a 24-month mean beyond a 5-month P90");
    let text = errors.to_string();
    assert!(
        text.contains("funnel.cycle_p90_months: must be longer than the mean sales cycle (24 months), got 5 months"),
        "{text}"
    );
    assert!(
        text.contains(
            "funnel.opportunity_max_age_months: must be longer than the mean sales cycle (24 months), got 9 months"
        ),
        "{text}"
    );
    let agreed = slow_mean.with(P::CycleP90Months, 40.0).with(P::OpportunityMaxAge, 30.0);
    assert!(salesim::sim::validate::validate(&agreed).is_ok());
}
