//! Mergeable summaries: the result of N runs is identical however the runs
//! are split into chunks and in whatever order (or tree) the chunks merge,
//! for single-scenario summaries and for paired comparisons. Summaries of
//! different seeds or scenarios refuse to merge, and a summary's size stays
//! bounded as runs grow.

use std::ops::Range;

use salesim::sim::compare::{Comparison, compare_chunk, prepare_comparison};
use salesim::sim::model::Prepared;
use salesim::sim::presets;
use salesim::sim::run::{RunError, Summary, run_chunk};
use salesim::sim::scenario::Scenario;

const SEED: u64 = 20_240_611;

/// A cheap scenario: the generalist preset over the shortest horizon.
fn cheap(id: &str) -> Scenario {
    let mut scenario = presets::find(id).expect("preset exists").scenario;
    scenario.months = 12;
    scenario
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

/// Uneven chunks covering 0..10_000 (a single run, a small odd chunk, a
/// block-unaligned middle and a large tail).
const CHUNKS: [Range<u64>; 4] = [0..1, 1..18, 18..3018, 3018..10_000];

fn merge_in_order(parts: &[Summary], order: &[usize]) -> Summary {
    let mut merged = parts[order[0]].clone();
    for &i in &order[1..] {
        merged.merge(&parts[i]).expect("same scenario and seed merge");
    }
    merged
}

#[test]
fn summary_of_ten_thousand_runs_is_identical_however_it_is_chunked_and_merged() {
    let prepared = Prepared::new(&cheap("generalist"));
    let whole = run_chunk(&prepared, SEED, 0..10_000);
    assert_eq!(whole.runs, 10_000);
    let whole_json = json(&whole);

    let parts: Vec<Summary> = CHUNKS.iter().map(|r| run_chunk(&prepared, SEED, r.clone())).collect();
    assert_eq!(parts.iter().map(|p| p.runs).sum::<u64>(), 10_000);

    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]] {
        let merged = merge_in_order(&parts, &order);
        assert!(merged == whole, "order {order:?} differs from one chunk");
        assert_eq!(json(&merged), whole_json, "order {order:?} serializes differently");
    }

    // A tree: (0 + 1) + (2 + 3), and ((3 + 0) + (1 + 2)).
    for [[a, b], [c, d]] in [[[0, 1], [2, 3]], [[3, 0], [1, 2]]] {
        let left = merge_in_order(&parts, &[a, b]);
        let right = merge_in_order(&parts, &[c, d]);
        let mut tree = left.clone();
        tree.merge(&right).unwrap();
        assert!(tree == whole, "tree ({a}+{b})+({c}+{d}) differs");
        assert_eq!(json(&tree), whole_json);
        let mut other_way = right;
        other_way.merge(&left).unwrap();
        assert!(other_way == whole, "tree ({c}+{d})+({a}+{b}) differs");
    }

    // Merging into an empty summary is the identity.
    let mut from_empty = Summary::empty(&prepared.scenario, SEED);
    for part in &parts {
        from_empty.merge(part).unwrap();
    }
    assert!(from_empty == whole);

    // A summary survives a JSON round trip exactly and still merges exactly.
    let restored: Summary = serde_json::from_str(&json(&parts[2])).expect("deserializes");
    assert!(restored == parts[2]);
    let mut via_json = merge_in_order(&parts, &[0, 1]);
    via_json.merge(&restored).unwrap();
    via_json.merge(&parts[3]).unwrap();
    assert!(via_json == whole);
}

fn merge_comparisons(parts: &[Comparison], order: &[usize]) -> Comparison {
    let mut merged = parts[order[0]].clone();
    for &i in &order[1..] {
        merged.merge(&parts[i]).expect("same comparison merges");
    }
    merged
}

#[test]
fn comparison_is_identical_however_it_is_chunked_and_merged() {
    let baseline = cheap("generalist");
    let others = [cheap("restructure"), cheap("specialised")];
    let prepared = prepare_comparison(&baseline, &others);
    let whole = compare_chunk(&prepared, SEED, 0..2_000);
    assert_eq!(whole.runs, 2_000);
    assert_eq!(whole.pairs.len(), 2);
    // the pair counts cover every run: paid back in some month or not at all
    for pair in &whole.pairs {
        assert_eq!(pair.payback.iter().sum::<u64>() + pair.not_paid_back, 2_000);
    }
    let whole_json = json(&whole);

    let chunks = [0..1, 1..70, 70..1_001, 1_001..2_000];
    let parts: Vec<Comparison> = chunks
        .iter()
        .map(|r| compare_chunk(&prepared, SEED, r.clone()))
        .collect();
    for order in [[0, 1, 2, 3], [3, 1, 0, 2], [2, 3, 1, 0]] {
        let merged = merge_comparisons(&parts, &order);
        assert!(merged == whole, "order {order:?} differs from one chunk");
        assert_eq!(json(&merged), whole_json);
    }
    let mut tree = merge_comparisons(&parts, &[2, 0]);
    tree.merge(&merge_comparisons(&parts, &[3, 1])).unwrap();
    assert!(tree == whole, "tree merge differs from one chunk");
    assert_eq!(json(&tree), whole_json);
}

#[test]
fn summaries_of_different_seeds_scenarios_or_horizons_do_not_merge() {
    let generalist = Prepared::new(&cheap("generalist"));
    let specialised = Prepared::new(&cheap("specialised"));
    let base = run_chunk(&generalist, 1, 0..20);

    let other_seed = run_chunk(&generalist, 2, 20..40);
    let mut target = base.clone();
    assert!(matches!(target.merge(&other_seed), Err(RunError::Mismatch(_))));
    assert!(target == base, "a refused merge must leave the summary unchanged");

    let other_scenario = run_chunk(&specialised, 1, 20..40);
    let mut target = base.clone();
    assert!(matches!(target.merge(&other_scenario), Err(RunError::Mismatch(_))));
    assert!(target == base);

    // the same name is not enough: a changed parameter is a different scenario
    let mut renamed = cheap("specialised");
    renamed.name = cheap("generalist").name;
    let same_name = run_chunk(&Prepared::new(&renamed), 1, 20..40);
    let mut target = base.clone();
    assert!(matches!(target.merge(&same_name), Err(RunError::Mismatch(_))));
    assert!(target == base);

    let mut longer = cheap("generalist");
    longer.months = 13;
    let other_horizon = run_chunk(&Prepared::new(&longer), 1, 20..40);
    let mut target = base.clone();
    assert!(target.merge(&other_horizon).is_err());
    assert!(target == base);

    // Comparisons: a different seed, or a different number of scenarios.
    let baseline = cheap("generalist");
    let prepared = prepare_comparison(&baseline, &[cheap("specialised")]);
    let a = compare_chunk(&prepared, 1, 0..5);
    let mut b = a.clone();
    assert!(b.merge(&compare_chunk(&prepared, 2, 5..10)).is_err());
    let three = prepare_comparison(&baseline, &[cheap("specialised"), cheap("outsourced")]);
    let mut c = a.clone();
    assert!(c.merge(&compare_chunk(&three, 1, 5..10)).is_err());
    // the same number of scenarios but a different one: the summaries refuse
    let swapped = prepare_comparison(&baseline, &[cheap("outsourced")]);
    let mut d = a.clone();
    assert!(d.merge(&compare_chunk(&swapped, 1, 5..10)).is_err());
}

#[test]
fn summary_size_is_bounded_as_runs_grow() {
    let prepared = Prepared::new(&cheap("generalist"));
    let thousand = json(&run_chunk(&prepared, SEED, 0..1_000)).len();
    let ten_thousand = json(&run_chunk(&prepared, SEED, 0..10_000)).len();
    assert!(
        (ten_thousand as f64) < 1.5 * thousand as f64,
        "summary grew from {thousand} bytes (1,000 runs) to {ten_thousand} bytes (10,000 runs)"
    );
}

/// A worker simulates its chunk a few runs at a time, so it can answer a
/// cancel between steps; the steps must not change a bit of the result.
#[test]
fn a_comparison_carried_out_in_steps_equals_one_carried_out_at_once() {
    use salesim::sim::compare::ComparisonRunner;
    let prepared = prepare_comparison(&cheap("generalist"), &[cheap("specialised"), cheap("restructure")]);
    let whole = compare_chunk(&prepared, SEED, 5..205);
    for step in [1, 7, 16, 64] {
        let mut runner = ComparisonRunner::new(&prepared, SEED, 5..205);
        let mut done = 0;
        while !runner.is_finished() {
            let now = runner.advance(step);
            assert_eq!(now, (done + step).min(200));
            done = now;
        }
        assert_eq!(runner.finish(), whole, "steps of {step}");
    }
    // Finishing early simulates the rest: the answer never depends on the steps.
    let mut runner = ComparisonRunner::new(&prepared, SEED, 5..205);
    runner.advance(3);
    assert_eq!(runner.finish(), whole);
}
