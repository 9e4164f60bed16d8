//! Lead flow: channels (inbound marketing with carry-over and diminishing
//! returns, lumpy trade shows, referrals), leads queued by age until worked
//! or expired, and the "cut lead generation when behind plan" policy.

use super::derived::MAX_LEAD_AGE;
use crate::sim::params::{P, Values};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Inbound,
    TradeShow,
    Referral,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Inbound, Channel::TradeShow, Channel::Referral];

    #[must_use]
    pub fn quality(self) -> P {
        match self {
            Channel::Inbound => P::InboundQuality,
            Channel::TradeShow => P::TradeShowQuality,
            Channel::Referral => P::ReferralQuality,
        }
    }
}

/// Leads waiting to be worked, by channel and age in months.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadQueue {
    by_age: [[u64; MAX_LEAD_AGE]; 3],
}

impl LeadQueue {
    pub fn arrive(&mut self, channel: Channel, count: u64) {
        self.by_age[channel as usize][0] += count;
    }

    #[must_use]
    pub fn queued(&self) -> u64 {
        self.by_age.iter().flatten().sum()
    }

    /// Works up to `capacity` leads, freshest first (speed to lead); within
    /// an age, channels share capacity in proportion. Returns leads worked per channel.
    pub fn work(&mut self, capacity: u64) -> [u64; 3] {
        let mut worked = [0u64; 3];
        let mut left = capacity;
        for age in 0..MAX_LEAD_AGE {
            if left == 0 {
                break;
            }
            let total: u64 = (0..3).map(|c| self.by_age[c][age]).sum();
            if total == 0 {
                continue;
            }
            if total <= left {
                for (c, w) in worked.iter_mut().enumerate() {
                    *w += self.by_age[c][age];
                    self.by_age[c][age] = 0;
                }
                left -= total;
                continue;
            }
            let mut taken = 0;
            for (c, w) in worked.iter_mut().enumerate() {
                let share =
                    u64::try_from(u128::from(self.by_age[c][age]) * u128::from(left) / u128::from(total)).unwrap_or(0);
                self.by_age[c][age] -= share;
                *w += share;
                taken += share;
            }
            // whole leads left over by rounding go to the channels in order
            let mut rest = left - taken;
            for (c, w) in worked.iter_mut().enumerate() {
                let more = rest.min(self.by_age[c][age]);
                self.by_age[c][age] -= more;
                *w += more;
                rest -= more;
            }
            left = 0;
        }
        worked
    }

    /// Ages the queue by a month; leads reaching their shelf life are lost.
    /// With one shelf life for the whole run (it is a per-run constant), no
    /// lead is ever older, so only the ages below it are touched.
    pub fn age(&mut self, expiry: usize) -> u64 {
        let expiry = expiry.clamp(1, MAX_LEAD_AGE);
        let mut expired = 0;
        for queue in &mut self.by_age {
            let live = &mut queue[..expiry];
            expired += live[expiry - 1];
            live[expiry - 1] = 0;
            live.rotate_right(1);
        }
        expired
    }
}

/// Marketing stock (adstock) and the behind-plan policy state.
#[derive(Clone, Debug, PartialEq)]
pub struct Marketing {
    /// Carried-over marketing effect, in dollars of monthly spend.
    pub adstock: f64,
    pub cut_active: bool,
    /// Bookings (annual contract value) of the last three months, newest last.
    pub recent_bookings: [f64; 3],
    pub months_seen: u32,
    /// The adstock last turned into leads and its diminishing-returns factor:
    /// with steady spend the adstock repeats exactly, and the power is not redone.
    last_response: (f64, f64),
}

impl Marketing {
    #[must_use]
    pub fn new(v: &Values) -> Self {
        Marketing {
            adstock: v[P::InboundBudget],
            cut_active: false,
            recent_bookings: [0.0; 3],
            months_seen: 0,
            last_response: (f64::NAN, 0.0),
        }
    }

    /// Policy: trailing three-month bookings below the trigger share of plan
    /// switch the cut on; back at the restore share switches it off.
    pub fn update_policy(&mut self, v: &Values, enabled: bool) {
        if !enabled || self.months_seen < 3 {
            self.cut_active = false;
            return;
        }
        let trailing = self.recent_bookings.iter().sum::<f64>() / 3.0;
        let plan = v[P::BookingsPlan];
        if self.cut_active {
            if trailing >= v[P::CutRestore] * plan {
                self.cut_active = false;
            }
        } else if trailing < v[P::CutTrigger] * plan {
            self.cut_active = true;
        }
    }

    /// Share of planned marketing actually spent this month.
    #[must_use]
    pub fn spend_share(&self, v: &Values) -> f64 {
        if self.cut_active { 1.0 - v[P::CutShare] } else { 1.0 }
    }

    /// Spends this month's inbound budget and returns the expected inbound leads.
    pub fn inbound_leads(&mut self, v: &Values, spend: f64, seasonality: f64) -> f64 {
        let carry = v[P::InboundCarryover];
        self.adstock = carry * self.adstock + (1.0 - carry) * spend;
        if self.adstock <= 0.0 {
            return 0.0;
        }
        let reference_budget = v[P::InboundReferenceBudget].max(1.0);
        let reference_leads = reference_budget / v[P::InboundCostPerLead].max(1e-6);
        if self.last_response.0.to_bits() != self.adstock.to_bits() {
            let response = (self.adstock / reference_budget).powf(v[P::InboundReturnsExponent]);
            self.last_response = (self.adstock, response);
        }
        reference_leads * self.last_response.1 * seasonality
    }

    pub fn record_bookings(&mut self, bookings: f64) {
        self.recent_bookings.rotate_left(1);
        self.recent_bookings[2] = bookings;
        self.months_seen += 1;
    }
}

/// Seasonal factor of lead flow; averages 1 over a year.
#[must_use]
pub fn seasonality(v: &Values, calendar_month: u32) -> f64 {
    let phase = (f64::from(calendar_month) - v[P::SeasonalityPeak]) / 12.0 * std::f64::consts::TAU;
    1.0 + v[P::SeasonalityAmplitude] * phase.cos()
}

/// Whether a trade show falls in this calendar month (shows spread evenly over the year).
#[must_use]
pub fn is_trade_show_month(per_year: f64, calendar_month: u32) -> bool {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let shows = per_year.round().clamp(0.0, 12.0) as u32;
    (0..shows).any(|k| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let month = ((f64::from(k) + 0.5) * 12.0 / f64::from(shows)).floor() as u32 + 1;
        month == calendar_month
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshest_leads_are_worked_first_and_old_ones_expire() {
        let mut queue = LeadQueue::default();
        queue.arrive(Channel::Inbound, 10);
        assert_eq!(queue.age(3), 0);
        queue.arrive(Channel::Inbound, 5);
        assert_eq!(queue.work(7), [7, 0, 0]);
        // 5 fresh ones and 2 of the older 10 were worked: 8 remain at age 1
        assert_eq!(queue.queued(), 8);
        assert_eq!(queue.age(3), 0);
        assert_eq!(queue.age(3), 8);
        assert_eq!(queue.queued(), 0);
    }

    #[test]
    fn partial_work_splits_an_age_between_channels_without_losing_leads() {
        let mut queue = LeadQueue::default();
        queue.arrive(Channel::Inbound, 7);
        queue.arrive(Channel::TradeShow, 3);
        queue.arrive(Channel::Referral, 1);
        let worked = queue.work(5);
        assert_eq!(worked.iter().sum::<u64>(), 5);
        assert_eq!(queue.queued(), 6);
    }

    #[test]
    fn seasonality_averages_one_and_shows_are_spread() {
        let v = Values::defaults();
        let mean = (1..=12).map(|m| seasonality(&v, m)).sum::<f64>() / 12.0;
        assert!((mean - 1.0).abs() < 1e-12);
        assert_eq!((1..=12).filter(|m| is_trade_show_month(4.0, *m)).count(), 4);
        assert_eq!((1..=12).filter(|m| is_trade_show_month(12.0, *m)).count(), 12);
        assert_eq!((1..=12).filter(|m| is_trade_show_month(0.0, *m)).count(), 0);
    }
}
