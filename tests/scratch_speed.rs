use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::presets;
#[test]
fn speed() {
    for p in presets::all() {
        let prepared = Prepared::new(&p.scenario);
        let mut ledger = Ledger::default();
        let start = std::time::Instant::now();
        let mut sink = 0.0;
        let runs = 5000;
        for r in 0..runs {
            let rv = simulate_run(&prepared, 1, r, &mut ledger, |_, m| sink += m.0[0]);
            sink += rv.0[0];
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:<25} {:>10.0} run-months/s ({sink:.0})",
            p.id,
            runs as f64 * 36.0 / secs
        );
    }
}
