//! Quota and attainment per seat (issue 9): sellers differ in skill, so
//! attainment has a spread (the unit tests of `model::seats` show weak and
//! strong seats apart on the same bookings); accelerators go to the seats
//! above quota; the
//! default quotas put the middle seller where compensation surveys put them;
//! a generalist who serves the book is credited its expansion.
//!
//! Every statistical check fixes its seed and states its tolerance in
//! standard errors of a mean over runs.

mod common;

use common::{estimate, paired, with};
use salesim::sim::model::Ledger;
use salesim::sim::params::{P, Values};
use salesim::sim::presets;
use salesim::sim::scenario::{Role, Scenario};

const SEED: u64 = 20_261_202;
const RUNS: u64 = 200;

fn preset(id: &str) -> Scenario {
    presets::find(id).expect("preset").scenario
}

fn share_at_quota(ledger: &Ledger) -> f64 {
    ledger.seat_years.at_quota as f64 / ledger.seat_years.seats.max(1) as f64
}

fn median_attainment(ledger: &Ledger) -> f64 {
    ledger.seat_years.median_sum / f64::from(ledger.seat_years.years.max(1))
}

#[test]
fn the_default_quotas_put_the_middle_seller_and_the_share_at_quota_in_the_surveys_ranges() {
    // Surveys: the median seller ends the year at about 80–95% of quota and
    // 40–60% of sellers reach it; the model card's ranges are 70–100% and 30–70%.
    for id in ["generalist", "specialised"] {
        let scenario = preset(id);
        let median = estimate(&scenario, RUNS, SEED, |_, ledger| median_attainment(ledger));
        let at_quota = estimate(&scenario, RUNS, SEED, |_, ledger| share_at_quota(ledger));
        assert!(
            median.mean - 3.0 * median.se > 0.70 && median.mean + 3.0 * median.se < 1.0,
            "{id}: middle seller at {:.3} ± {:.3} of quota",
            median.mean,
            median.se
        );
        assert!(
            at_quota.mean - 3.0 * at_quota.se > 0.30 && at_quota.mean + 3.0 * at_quota.se < 0.70,
            "{id}: {:.3} ± {:.3} of sellers at quota",
            at_quota.mean,
            at_quota.se
        );
    }
}

#[test]
fn accelerators_are_paid_to_the_seats_that_earn_them() {
    // Commission beyond the plain rate × credited bookings is accelerator
    // pay. A team below quota on average earns some only when some of its
    // seats are above quota, which a spread of skill makes happen.
    let v = Values::defaults();
    let rate = v[Role::Ae.ote()] * v[Role::Ae.variable_share()] / v[P::AeQuota];
    let accelerated = |ledger: &Ledger| ledger.commission / (rate * ledger.credited_to_quota) - 1.0;
    let alike = with(&preset("specialised"), P::SellerSpread, 1.0);
    let at_alike = estimate(&alike, RUNS, SEED, |_, ledger| accelerated(ledger));
    let extra = paired(&alike, &preset("specialised"), RUNS, SEED, |_, ledger| {
        accelerated(ledger)
    });
    assert!(
        extra.z() > 4.0,
        "accelerator share rises by {:.4} ± {:.4} from {:.4} with a spread",
        extra.mean,
        extra.se,
        at_alike.mean
    );
    // Nothing but the accelerator pays more than the rate.
    for (_, ledger) in common::runs(&preset("specialised"), 20, SEED) {
        assert!(accelerated(&ledger) >= -1e-9, "{}", accelerated(&ledger));
    }
}

#[test]
fn a_generalist_who_serves_the_book_is_credited_its_expansion_and_a_specialist_is_not() {
    for (_, ledger) in common::runs(&preset("generalist"), 10, SEED) {
        assert!(
            ledger.credited_to_quota > 1.1 * ledger.bookings,
            "credited {} of bookings {}",
            ledger.credited_to_quota,
            ledger.bookings
        );
        // Twelve months of every month's expansion MRR, at the default full credit.
        let expected = ledger.bookings + 12.0 * ledger.mrr_expansion;
        assert!((ledger.credited_to_quota - expected).abs() < 1e-6 * expected);
    }
    let no_credit = with(&preset("generalist"), P::ExpansionCredit, 0.0);
    for (_, ledger) in common::runs(&no_credit, 10, SEED) {
        assert_eq!(ledger.credited_to_quota, ledger.bookings);
    }
    for (_, ledger) in common::runs(&preset("specialised"), 10, SEED) {
        assert_eq!(ledger.credited_to_quota, ledger.bookings);
    }
}
