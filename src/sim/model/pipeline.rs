//! Meetings waiting for a seller and opportunities by age.

use super::derived::{Derived, MAX_OPPORTUNITY_AGE};
use crate::sim::rng::{SimRng, binomial, binomial_cells_scaled};

/// Where handed-off meetings come from: they convert differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingSource {
    /// Booked by the company's own SDRs or generalists from a lead that came in.
    Leads,
    /// Booked by the company's own SDRs or generalists by cold outreach.
    Outbound,
    Agency,
}

impl MeetingSource {
    pub const ALL: [MeetingSource; 3] = [MeetingSource::Leads, MeetingSource::Outbound, MeetingSource::Agency];
}

/// Longest hand-off delay the queue holds, in months (the maximum of `handoff.delay_months`).
pub const MAX_HANDOFF_DELAY: usize = 2;

/// Meetings handed to sellers, by months until they can be held.
///
/// A meeting handed over with delay `d` is held `d` months after it was
/// booked: with 0, by this month's [`MeetingQueue::hold`], so the sellers'
/// hours for it must be given after the hand-over.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingQueue {
    waiting: [[u64; MAX_HANDOFF_DELAY + 1]; 3],
}

impl MeetingQueue {
    pub fn hand_over(&mut self, source: MeetingSource, count: u64, delay: usize) {
        self.waiting[source as usize][delay.min(MAX_HANDOFF_DELAY)] += count;
    }

    /// Hands over `count` meetings of which a share `leakage` is lost on the
    /// way (one binomial draw); returns how many leaked.
    pub fn hand_over_leaky(
        &mut self,
        rng: &mut SimRng,
        source: MeetingSource,
        count: u64,
        leakage: f64,
        delay: usize,
    ) -> u64 {
        let leaked = binomial(rng, count, leakage);
        self.hand_over(source, count - leaked, delay);
        leaked
    }

    /// Meetings that can be held this month, per source.
    #[must_use]
    pub fn ready(&self) -> [u64; 3] {
        self.waiting.map(|queue| queue[0])
    }

    /// Meetings that can be held this month, all sources.
    #[must_use]
    pub fn ready_total(&self) -> u64 {
        self.waiting.iter().map(|queue| queue[0]).sum()
    }

    #[must_use]
    pub fn queued(&self) -> u64 {
        self.waiting.iter().flatten().sum()
    }

    /// Takes `held` meetings, split between sources in proportion (whole
    /// meetings left by rounding go to the sources in order); the ready
    /// meetings nobody held are lost. Returns (held per source, lost).
    pub fn hold(&mut self, capacity: u64) -> ([u64; 3], u64) {
        let ready = self.ready();
        let total: u64 = ready.iter().sum();
        let held_total = capacity.min(total);
        let mut held = if total == 0 {
            [0; 3]
        } else {
            ready.map(|r| u64::try_from(u128::from(r) * u128::from(held_total) / u128::from(total)).unwrap_or(0))
        };
        let mut rest = held_total - held.iter().sum::<u64>();
        for (h, r) in held.iter_mut().zip(ready) {
            let more = rest.min(r - *h);
            *h += more;
            rest -= more;
        }
        let lost = total - held_total;
        for queue in &mut self.waiting {
            queue[0] = 0;
            queue.rotate_left(1);
        }
        (held, lost)
    }
}

/// What the pipeline did this month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PipelineMonth {
    pub won: u64,
    pub lost: u64,
    pub timed_out: u64,
}

/// Open opportunities by age in months.
#[derive(Clone, Debug)]
pub struct Pipeline {
    pub open: [u64; MAX_OPPORTUNITY_AGE],
    /// Scratch for [`Pipeline::progress`]: decided this month, by age.
    decided: [u64; MAX_OPPORTUNITY_AGE],
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            open: [0; MAX_OPPORTUNITY_AGE],
            decided: [0; MAX_OPPORTUNITY_AGE],
        }
    }
}

impl Pipeline {
    #[must_use]
    pub fn open_total(&self) -> u64 {
        self.open.iter().sum()
    }

    pub fn create(&mut self, count: u64) {
        self.open[0] += count;
    }

    /// Decisions this month: each age cohort is decided at the cycle hazard,
    /// scaled by the share of the work sellers could do (stalled deals wait),
    /// drawn in one aggregate draw over the cohorts;
    /// decided ones are won at `win_probability`. Opportunities reaching
    /// their shelf life are lost. Then everything ages a month.
    pub fn progress(
        &mut self,
        rng: &mut SimRng,
        d: &Derived,
        worked_share: f64,
        win_probability: f64,
    ) -> PipelineMonth {
        let mut out = PipelineMonth::default();
        // Only ages below the shelf life are ever open (older ones time out
        // as they reach it), so the work stays within them.
        let max_age = d.opportunity_max_age;
        let open = &mut self.open[..max_age];
        let done = &mut self.decided[..max_age];
        let decided = binomial_cells_scaled(rng, open, &d.cycle_hazard[..max_age], worked_share, done);
        for (open, done) in open.iter_mut().zip(done.iter()) {
            *open -= done;
        }
        out.won = binomial(rng, decided, win_probability);
        out.lost = decided - out.won;
        out.timed_out = open[max_age - 1];
        open[max_age - 1] = 0;
        open.rotate_right(1);
        out
    }

    /// Removes `count` opportunities, oldest first (they are the ones most
    /// likely to slip when an owner changes). Returns how many were removed.
    pub fn remove_oldest(&mut self, count: u64) -> u64 {
        if count == 0 {
            return 0;
        }
        let mut left = count;
        for slot in self.open.iter_mut().rev() {
            let take = left.min(*slot);
            *slot -= take;
            left -= take;
        }
        count - left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unheld_ready_meetings_are_lost_and_delayed_ones_wait() {
        let mut queue = MeetingQueue::default();
        queue.hand_over(MeetingSource::Leads, 7, 0);
        queue.hand_over(MeetingSource::Outbound, 3, 0);
        queue.hand_over(MeetingSource::Agency, 4, 1);
        let (held, lost) = queue.hold(6);
        assert_eq!(held.iter().sum::<u64>(), 6);
        assert!(held[0] <= 7 && held[1] <= 3 && held[2] == 0, "{held:?}");
        assert_eq!(lost, 4);
        assert_eq!(queue.ready(), [0, 0, 4]);
    }

    #[test]
    fn the_queue_holds_every_delay_the_catalogue_allows() {
        let spec = crate::sim::params::P::HandoffDelay.spec();
        assert_eq!(spec.max, MAX_HANDOFF_DELAY as f64);
        assert!(spec.integer && spec.min >= 0.0);
    }

    #[test]
    fn a_meeting_handed_over_with_delay_d_is_held_d_months_later() {
        for delay in 0..=MAX_HANDOFF_DELAY {
            let mut queue = MeetingQueue::default();
            queue.hand_over(MeetingSource::Leads, 3, delay);
            let held_by_month: Vec<u64> = (0..=MAX_HANDOFF_DELAY).map(|_| queue.hold(10).0[0]).collect();
            let expected: Vec<u64> = (0..=MAX_HANDOFF_DELAY)
                .map(|m| if m == delay { 3 } else { 0 })
                .collect();
            assert_eq!(held_by_month, expected, "delay {delay}");
        }
    }

    #[test]
    fn removing_takes_oldest_first() {
        let mut pipeline = Pipeline::default();
        pipeline.open[0] = 5;
        pipeline.open[3] = 2;
        assert_eq!(pipeline.remove_oldest(3), 3);
        assert_eq!((pipeline.open[0], pipeline.open[3]), (4, 0));
    }
}
