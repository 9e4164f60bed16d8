//! One simulated future of a scenario, month by month.
//!
//! Each effect acts in exactly one place: capacity effects (ramp, effort,
//! span of control, the transition dip) multiply effective hours; quality
//! effects (specialisation, training, lead source, paying per meeting) shift
//! conversions on the log-odds scale; service level acts on churn only.
//! Effects are computed from last month's state, in the order of MODEL.md:
//! switch → hours → policy → arrivals → capacity → leads → hand-off →
//! opportunities → onboarding → churn → people → money.
//!
//! Two refinements of that order keep every item in one month's accounts:
//! a meeting handed over with a delay of `d` months is held `d` months after
//! it is booked, so with no delay the seller's hours for it are given after
//! the hand-off (step 7), from what step 5 left them; and a customer won this
//! month is onboarded at the month's end, after the churn of the book it
//! joins (see [`book`]).

pub mod accounts;
pub mod book;
pub mod calendar;
pub mod derived;
pub mod leads;
pub mod money;
pub mod per;
pub mod pipeline;
pub mod prepared;
pub mod seats;

pub use self::accounts::{CostLines, Ledger};
pub use self::prepared::Prepared;

use self::accounts::RunTotals;
use self::book::{Book, BookMonth, onboard_deals};
use self::calendar::{Calendar, Roles};
use self::derived::{Derived, Tier};
use self::leads::{Channel, LeadQueue, Marketing};
use self::money::{Overheads, Valuation};
use self::per::PerRole;
use self::pipeline::{MeetingQueue, MeetingSource, Pipeline};
use self::seats::{Staff, orphaned_opportunities};
use super::math::{ROUNDING_LIMIT, round_to_i64};
use super::metrics::{Metric, MonthValues, RunValues};
use super::params::{P, Values};
use super::rng::{Mechanism, SimRng, binomial, binomial_cells, mechanism_stream, month_key, poisson, run_key};
use super::scenario::{LeadGeneration, Role};

fn take(pool: &mut f64, need: f64) -> f64 {
    let given = need.max(0.0).min(pool.max(0.0));
    *pool -= given;
    given
}

/// The whole part of a count or duration; 0 for anything not positive and finite.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn whole(x: f64) -> u64 {
    if x > 0.0 && x < ROUNDING_LIMIT {
        // the usual case, without the saturating conversion's checks
        round_to_i64(x.floor()) as u64
    } else if x.is_finite() && x > 0.0 {
        x.floor() as u64
    } else {
        0
    }
}

/// Expected meetings cold outreach books in a month from hours that would
/// book `fresh_market` meetings in an untouched market, when the reachable
/// market gives at most `ceiling` a month: the first hours book at the fresh
/// rate, each further hour fewer.
#[must_use]
pub fn outbound_meetings(fresh_market: f64, ceiling: f64) -> f64 {
    if fresh_market <= 0.0 || ceiling <= 0.0 {
        return 0.0;
    }
    ceiling * -(-fresh_market / ceiling).exp_m1()
}

/// Mixed into the seed of the warm-up's random numbers, so they are not the
/// reported months' own.
const WARM_UP_SALT: u64 = 0x5741_524d_5550;

/// Months the starting structure runs before month 1: a year, or long
/// enough for the oldest opportunity the shelf life allows to be there.
fn warm_up_months(d: &Derived) -> u32 {
    u32::try_from(d.opportunity_max_age + 3).unwrap_or(u32::MAX).max(12)
}

/// Referral leads of a warm-up month: the starting book at the share of its
/// service it got.
fn warm_up_referrals(rng: &mut SimRng, v: &Values, book: &Book, served: f64, on: bool) -> u64 {
    if on {
        poisson(
            rng,
            book.accounts() as f64 * v[P::ReferralRate] * served.clamp(0.0, 1.0),
        )
    } else {
        0
    }
}

/// Runs one future of `prepared` for run index `run`, calling `record` with
/// each month's values (month 1 first). Returns the run's totals.
pub fn simulate_run(
    prepared: &Prepared,
    seed: u64,
    run: u64,
    ledger: &mut Ledger,
    mut record: impl FnMut(u32, &MonthValues),
) -> RunValues {
    let scenario = &prepared.scenario;
    let sampled;
    let (v, d, calendar) = match &prepared.fixed {
        Some((values, derived, calendar)) => (values, derived, calendar),
        None => {
            let values = prepared.values(seed, run);
            let derived = Derived::new(&values);
            let calendar = Calendar::new(scenario, &values, &derived);
            sampled = (values, derived, calendar);
            (&sampled.0, &sampled.1, &sampled.2)
        }
    };
    let switches = scenario.switches;
    let mut structure = scenario.structure.clone();
    let mut staff = Staff::new(&structure.headcount);
    let mut leads = LeadQueue::default();
    let mut meetings = MeetingQueue::default();
    let mut pipeline = Pipeline::default();
    let mut book = Book::new(v, d);
    let mut marketing = Marketing::new(v);
    let mut pending_referrals = 0u64;
    let mut reassigned_until = 0u32;
    let mut cumulative_contribution = 0.0;
    let mut npv = 0.0;
    let valuation = Valuation::new(v, d);
    let book_value_start = valuation.book_value(&book);
    let mut last = MonthValues::default();

    let mut totals = RunTotals::default();
    let team_share = v[P::TeamBonusShare];
    let leakage = v[P::HandoffLeakage]
        * (1.0 - v[P::AlignmentEffect] * v[P::Alignment])
        * (1.0 - v[P::TeamLeakageReduction] * (team_share / v[P::TeamPoolFullShare].max(1e-9)).min(1.0));

    let mut role_effort = d.pay_effort;
    for role in [Role::Ae, Role::Generalist] {
        role_effort[role] *= 1.0 - v[P::TeamFreeRiding] * team_share;
    }

    let run_seed = run_key(seed, run);
    let warm_up_seed = run_key(seed ^ WARM_UP_SALT, run);
    let warm_up_months = warm_up_months(d);
    for step in 1..=warm_up_months + scenario.months {
        // Warm-up months run the starting structure unreported before month 1.
        let warming = step <= warm_up_months;
        let t = step.saturating_sub(warm_up_months);
        let calendar_month = (i64::from(step) - i64::from(warm_up_months) - 1).rem_euclid(12) as u32 + 1;
        let plan = if warming {
            calendar.warm_up_month(calendar_month)
        } else {
            calendar.month(t)
        };
        let roles = plan.roles;
        let key = if warming {
            month_key(warm_up_seed, step)
        } else {
            month_key(run_seed, t)
        };
        let rng = |mechanism| mechanism_stream(key, mechanism);
        if t == 1 {
            // The company as it stands at the start: what the warm-up left
            // queued and open is where month 1 begins.
            *ledger = Ledger {
                accounts_start: book.accounts(),
                mrr_start: book.mrr(),
                people_start: u64::from(staff.census().filled_total()),
                leads_start: leads.queued(),
                meetings_start: meetings.queued(),
                opportunities_start: pipeline.open_total(),
                book_value_start,
                ..Ledger::default()
            };
        }
        if calendar_month == 1 {
            staff.new_year();
        }
        let mut out = MonthValues::default();
        let mut costs = CostLines::default();
        let mut dropped_opportunities = 0;

        // 1. Structure switch.
        if let Some(change) = scenario.restructuring.as_ref().filter(|r| !warming && r.month == t) {
            let mut transition_rng = rng(Mechanism::Transition);
            let before = Roles::of(&structure);
            let changes = staff.restructure(&mut transition_rng, v, d, &change.to.headcount);
            // Severance: each person let go is paid their role's base for the severance months.
            let severance: f64 = Role::ALL
                .iter()
                .map(|role| {
                    let base = v[role.ote()] * (1.0 - v[role.variable_share()]) / 12.0;
                    f64::from(changes.let_go_by_role[*role]) * base
                })
                .sum::<f64>()
                * v[P::SeveranceMonths]
                * v[P::BenefitsMultiplier];
            ledger.let_go += u64::from(changes.let_go);
            let after = roles;
            if after.seller != before.seller {
                let lost = binomial(
                    &mut transition_rng,
                    pipeline.open_total(),
                    v[P::PipelineTransferLeakage],
                );
                dropped_opportunities += pipeline.remove_oldest(lost);
            }
            if after.server != before.server {
                reassigned_until = t + whole(v[P::TransitionAttritionMonths]) as u32;
            }
            costs.restructuring = v[P::ConsultingCost] + severance;
            structure = change.to.clone();
        }

        // 2. Effective hours.
        let census_before = staff.census();
        let seat_hours = staff.hours(&census_before, v, d, &role_effort, plan.dip, switches.quotas);
        let mut available = seat_hours;
        if roles.generalist_stages >= 2 {
            available[Role::Generalist] *= 1.0 - v[P::ContextSwitchLoss];
        }

        // 3. Policy.
        // The policy is a decision from month 1 on, judged on the trailing
        // bookings the warm-up left.
        marketing.update_policy(v, switches.cut_leads_when_behind && !warming);
        let spend_share = marketing.spend_share(v);

        // 4. Arrivals.
        let inbound_spend = v[P::InboundBudget] * spend_share;
        costs.marketing += inbound_spend;
        let expected_inbound = marketing.inbound_leads(v, inbound_spend, plan.seasonality);
        let mut inbound_rng = rng(Mechanism::Inbound);
        let inbound = d.arrival_noise.count(&mut inbound_rng, expected_inbound);
        leads.arrive(Channel::Inbound, inbound);
        let mut show_leads = 0;
        if plan.trade_show {
            let mut show_rng = rng(Mechanism::TradeShows);
            show_leads = d.arrival_noise.count(&mut show_rng, v[P::TradeShowLeads] * spend_share);
            costs.marketing += v[P::TradeShowCost] * spend_share;
            leads.arrive(Channel::TradeShow, show_leads);
        }
        leads.arrive(Channel::Referral, pending_referrals);
        let mut agency_meetings = 0;
        // Made on first use: most structures hand nothing over in most months.
        let mut handoff_rng: Option<SimRng> = None;
        let mut lost_in_handoff = 0;
        let delay = whole(v[P::HandoffDelay]) as usize;
        if structure.lead_generation == LeadGeneration::Agency {
            let mut agency_rng = rng(Mechanism::Agency);
            agency_meetings = d.arrival_noise.count(&mut agency_rng, v[P::AgencyMeetings]);
            costs.agency = v[P::AgencyFee] + v[P::AgencyCostPerMeeting] * agency_meetings as f64;
            // Handed over as they arrive, so the sellers' hours below cover those due this month.
            let handoff = handoff_rng.get_or_insert_with(|| rng(Mechanism::Handoff));
            lost_in_handoff +=
                meetings.hand_over_leaky(handoff, MeetingSource::Agency, agency_meetings, leakage, delay);
        }
        let arrived = inbound + show_leads + pending_referrals;
        ledger.leads_arrived += arrived;

        // 5. Capacity allocation by role priority.
        let paid_per_meeting = plan.paid_per_meeting;
        let (lead_cost, outbound_cost) = (plan.lead_cost, plan.outbound_cost);

        let mut pool = available;
        let mut reserve = if roles.prospector == Role::Generalist {
            v[P::MinProspectingShare] * pool[Role::Generalist]
        } else {
            0.0
        };
        pool[Role::Generalist] -= reserve;
        let service_need = book.service_needed(d);
        let opportunity_need =
            pipeline.open_total() as f64 * v[P::HoursPerOpportunity] / v[P::CycleMeanMonths].max(0.5);
        // Meetings due this month: earlier hand-offs and the agency's, just handed over.
        let meeting_need = meetings.ready_total() as f64 * v[P::HoursPerMeeting];
        let lead_need = leads.queued() as f64 * lead_cost;
        let mut committed = PerRole::uniform(0.0);
        committed[roles.server] += service_need;
        committed[roles.seller] += opportunity_need + meeting_need;
        committed[roles.prospector] += lead_need;

        let service_given = take(&mut pool[roles.server], service_need);
        let opportunity_given = take(&mut pool[roles.seller], opportunity_need);
        let mut meeting_given = take(&mut pool[roles.seller], meeting_need);
        let lead_hours = take(&mut reserve, lead_need);
        let lead_hours = lead_hours + take(&mut pool[roles.prospector], lead_need - lead_hours);
        let outbound_hours = if roles.outbound {
            take(&mut reserve, f64::INFINITY) + take(&mut pool[roles.prospector], f64::INFINITY)
        } else {
            0.0
        };
        // Prospecting fills every hour left: it is work, and counts in their use.
        committed[roles.prospector] += outbound_hours;

        // 6. Leads → meetings.
        let worked = leads.work(whole(lead_hours / lead_cost.max(1e-9) + 1e-9));
        ledger.leads_worked += worked.iter().sum::<u64>();
        let mut qualification_rng = rng(Mechanism::Qualification);
        let mut booked_by_channel = [0u64; 3];
        let mut booked = binomial_cells(
            &mut qualification_rng,
            &worked,
            &plan.meeting_chance,
            &mut booked_by_channel,
        );
        let mut outbound_rng = rng(Mechanism::Outbound);
        let fresh_market_meetings = outbound_hours / outbound_cost.max(1e-9)
            * (1.0 + if paid_per_meeting { v[P::MeetingPayVolume] } else { 0.0 });
        let booked_outbound = poisson(
            &mut outbound_rng,
            outbound_meetings(fresh_market_meetings, v[P::OutboundMarket]),
        );
        let booked_from_leads = booked;
        booked += booked_outbound;
        let expired = leads.age(d.lead_expiry);
        ledger.leads_expired += expired;

        // 7. Hand-off → opportunities.
        // Held now by the booker, per source: from leads, from outreach.
        let held_now = if roles.self_held {
            [booked_from_leads, booked_outbound]
        } else {
            [0, 0]
        };
        if !roles.self_held && booked > 0 {
            let handoff = handoff_rng.get_or_insert_with(|| rng(Mechanism::Handoff));
            for (source, count) in [
                (MeetingSource::Leads, booked_from_leads),
                (MeetingSource::Outbound, booked_outbound),
            ] {
                lost_in_handoff += meetings.hand_over_leaky(handoff, source, count, leakage, delay);
            }
            // With no delay they are due now. Only a booker who is not the
            // seller hands over, so the seller's hours left after step 5 are
            // untouched and meetings keep their place after opportunities.
            let due_now = meetings.ready_total() as f64 * v[P::HoursPerMeeting] - meeting_need;
            committed[roles.seller] += due_now;
            meeting_given += take(&mut pool[roles.seller], due_now);
        }
        let (held, unheld) = meetings.hold(whole(meeting_given / v[P::HoursPerMeeting] + 1e-9));
        ledger.meetings_booked += booked + agency_meetings;
        ledger.meetings_held += held_now.iter().sum::<u64>() + held.iter().sum::<u64>();
        ledger.meetings_lost += lost_in_handoff + unheld;
        let mut meeting_rng = rng(Mechanism::Meetings);
        let in_house_opportunities = binomial(
            &mut meeting_rng,
            held_now[0] + held[MeetingSource::Leads as usize],
            plan.in_house_opportunity_chance,
        ) + binomial(
            &mut meeting_rng,
            held_now[1] + held[MeetingSource::Outbound as usize],
            plan.outbound_opportunity_chance,
        );
        let agency_opportunities = binomial(
            &mut meeting_rng,
            held[MeetingSource::Agency as usize],
            plan.agency_opportunity_chance,
        );
        let created = in_house_opportunities + agency_opportunities;
        pipeline.create(created);
        ledger.opportunities_created += created;

        // 8. Opportunity progress, wins, deal sizes.
        let worked_share = if opportunity_need > 0.0 {
            opportunity_given / opportunity_need
        } else {
            1.0
        };
        let progress = pipeline.progress(&mut rng(Mechanism::Opportunities), d, worked_share, plan.win_chance);
        ledger.opportunities_won += progress.won;
        ledger.opportunities_lost += progress.lost;
        dropped_opportunities += progress.timed_out;
        // In the warm-up the book stays as it is at the start: wins count
        // toward quotas and the policy's trailing bookings at the mean deal.
        let (bookings, new_mrr) = if warming {
            (progress.won as f64 * d.mean_acv(), 0.0)
        } else {
            onboard_deals(&mut rng(Mechanism::DealSizes), d, &mut book, progress.won)
        };
        ledger.accounts_won += progress.won;
        ledger.mrr_new += new_mrr;
        ledger.bookings += bookings;
        let commission = staff.credit_bookings(roles.seller, bookings, v, switches.quotas, seat_hours[roles.seller])
            * (1.0 - team_share);
        marketing.record_bookings(bookings);

        // 9–10. Service, churn, expansion, referrals of the book the month began with; then the wins join it.
        let early_factor = if structure.has_service_handoff() {
            v[P::HandoffChurnUplift]
        } else {
            1.0
        };
        let reassigned = if t < reassigned_until {
            v[P::ReassignedChurn]
        } else {
            1.0
        };
        let mrr_before = book.mrr();
        let retention_hours = available[Role::Retention];
        let book_month = if warming {
            BookMonth {
                referrals: warm_up_referrals(
                    &mut rng(Mechanism::Referrals),
                    v,
                    &book,
                    service_given / service_need.max(1e-9),
                    switches.referrals,
                ),
                ..BookMonth::default()
            }
        } else {
            book.month(
                &mut rng(Mechanism::Churn),
                &mut rng(Mechanism::Referrals),
                v,
                d,
                service_given,
                structure.account_tiers,
                retention_hours,
                early_factor,
                reassigned,
                switches.referrals,
            )
        };
        pending_referrals = book_month.referrals;
        ledger.accounts_churned += book_month.churned;
        ledger.mrr_churned += book_month.churned_mrr;
        ledger.mrr_expansion += book_month.expansion;
        ledger.mrr_contraction += book_month.contraction;
        committed[Role::Retention] += book_month.retention_hours;

        // Hours used never exceed hours available.
        let mut used = PerRole::uniform(0.0);
        used[roles.server] += service_given;
        used[roles.seller] += opportunity_given + meeting_given;
        used[roles.prospector] += lead_hours + outbound_hours;
        used[Role::Retention] += book_month.retention_hours.min(retention_hours);
        for role in Role::ALL {
            ledger.worst_hours_excess = ledger.worst_hours_excess.max(used[role] - available[role]);
        }

        // 11. People: attrition, orphaned pipeline, hiring, managers.
        let filled_sellers = census_before.filled(roles.seller);
        // Planned seats open before this month's hiring step, so a one-month lag fills them for next month.
        if !warming && scenario.hiring_plan.iter().any(|h| h.month == t) {
            let mut hiring_rng = rng(Mechanism::Hiring);
            for hire in scenario.hiring_plan.iter().filter(|h| h.month == t) {
                staff.open_seats(&mut hiring_rng, d, hire.role, hire.count);
            }
        }
        let mut people_rng = rng(Mechanism::Attrition);
        let changes = staff.people_month(&mut people_rng, v, d, plan.transition, switches.quotas);
        let orphaned = orphaned_opportunities(
            &mut people_rng,
            pipeline.open_total(),
            filled_sellers,
            changes.seller_leavers,
            leakage,
        );
        dropped_opportunities += pipeline.remove_oldest(orphaned);
        ledger.leavers += u64::from(changes.leavers);
        ledger.hires += u64::from(changes.hires);
        let census = staff.census();
        let managers = census.managers(v[P::SpanOfControl]);
        ledger.opportunities_dropped += dropped_opportunities;

        if warming {
            continue;
        }

        // 12. Money.
        let revenue = book.mrr();
        let mut role_pay = PerRole::uniform(0.0);
        for role in Role::ALL {
            role_pay[role] = f64::from(census.filled(role)) * d.monthly_base_pay[role];
        }
        costs.base_pay = role_pay.iter().sum();
        costs.commission = commission;
        role_pay[roles.seller] += commission;
        let seller_target_variable = f64::from(census.filled(roles.seller)) * d.monthly_target_variable[roles.seller];
        let team_pool =
            team_share * seller_target_variable * (bookings / v[P::BookingsPlan].max(1.0)).min(v[P::TeamPoolCap]);
        let sdr_bonus = if roles.prospector != Role::Sdr {
            0.0
        } else if switches.sdr_paid_per_meeting {
            let paid_meetings = if switches.meeting_quality_gate {
                in_house_opportunities
            } else {
                booked
            };
            v[P::SdrMeetingBonus] * paid_meetings as f64
        } else {
            f64::from(census.filled(Role::Sdr)) * d.monthly_target_variable[Role::Sdr]
        };
        let kept = if mrr_before > 0.0 {
            1.0 - book_month.churned_mrr / mrr_before
        } else {
            1.0
        };
        let retention_factor =
            (kept.max(0.0).powi(12) / v[P::AmRetentionTarget].max(1e-9)).min(v[P::RetentionBonusCap]);
        let am_bonus = f64::from(census.filled(Role::Am)) * d.monthly_target_variable[Role::Am] * retention_factor;
        let retention_bonus =
            f64::from(census.filled(Role::Retention)) * d.monthly_target_variable[Role::Retention] * retention_factor;
        costs.bonuses = team_pool + sdr_bonus + am_bonus + retention_bonus;
        role_pay[roles.seller] += team_pool;
        role_pay[Role::Sdr] += sdr_bonus;
        role_pay[Role::Am] += am_bonus;
        role_pay[Role::Retention] += retention_bonus;
        // The restructuring's process owner is a paid manager from the switch on.
        let process_owner = scenario
            .restructuring
            .as_ref()
            .is_some_and(|r| r.process_owner && t >= r.month);
        costs.managers = f64::from(managers) * d.monthly_manager_cost
            + if process_owner {
                v[P::ProcessOwnerCost] / 12.0
            } else {
                0.0
            };
        costs.training = v[P::TrainingSpend] * f64::from(census.filled_total());
        costs.recruiting = v[P::RecruitingCost] * f64::from(changes.hires);
        let overheads = Overheads::of_month(v, census.filled_total(), managers, commission + costs.bonuses);
        costs.sales_tools = overheads.sales_tools;
        costs.variable_pay_load = overheads.variable_pay_load;
        costs.leadership = overheads.leadership;
        let total_cost = costs.total();
        let gross_profit = revenue * valuation.gross_margin;
        let contribution = gross_profit - total_cost;
        ledger.commission += commission;
        ledger.costs.add(&costs);
        cumulative_contribution += contribution;
        npv += contribution / plan.discount;
        let book_value = valuation.book_value(&book);

        // Acquisition versus retention cost: generalists split by where their hours went.
        let generalist_used = used[Role::Generalist];
        let generalist_selling = if generalist_used > 0.0 {
            (generalist_used
                - if roles.server == Role::Generalist {
                    service_given
                } else {
                    0.0
                })
                / generalist_used
        } else {
            0.5
        };
        let acquisition_pay =
            role_pay[Role::Sdr] + role_pay[Role::Ae] + role_pay[Role::Generalist] * generalist_selling;
        let retention_pay =
            role_pay[Role::Am] + role_pay[Role::Retention] + role_pay[Role::Generalist] * (1.0 - generalist_selling);
        let manager_share_acquisition = if acquisition_pay + retention_pay > 0.0 {
            acquisition_pay / (acquisition_pay + retention_pay)
        } else {
            0.5
        };
        // Managers and the overheads of the organisation go where the pay goes.
        let shared = costs.managers + overheads.total();
        let acquisition = costs.marketing + costs.agency + acquisition_pay + shared * manager_share_acquisition;
        let retention = retention_pay + shared * (1.0 - manager_share_acquisition);

        out[Metric::Revenue] = revenue;
        out[Metric::NewBookings] = bookings;
        out[Metric::GrossProfit] = gross_profit;
        out[Metric::Costs] = total_cost;
        out[Metric::Contribution] = contribution;
        out[Metric::CumulativeContribution] = cumulative_contribution;
        out[Metric::DiscountedContribution] = npv;
        out[Metric::BookValue] = book_value;
        out[Metric::ValueCreated] = cumulative_contribution + book_value - book_value_start;
        out[Metric::Customers] = book.accounts() as f64;
        out[Metric::CustomersStrategic] = book.accounts_in(Tier::Strategic) as f64;
        out[Metric::CustomersCore] = book.accounts_in(Tier::Core) as f64;
        out[Metric::CustomersLongTail] = book.accounts_in(Tier::LongTail) as f64;
        out[Metric::ChurnedCustomers] = book_month.churned as f64;
        out[Metric::ChurnedRevenue] = book_month.churned_mrr;
        out[Metric::Leads] = arrived as f64;
        out[Metric::Meetings] = (booked + agency_meetings) as f64;
        out[Metric::Opportunities] = created as f64;
        out[Metric::Deals] = progress.won as f64;
        out[Metric::OpenOpportunities] = pipeline.open_total() as f64;
        out[Metric::LeadsExpired] = expired as f64;
        out[Metric::MeetingsLost] = (lost_in_handoff + unheld) as f64;
        out[Metric::OpportunitiesTimedOut] = dropped_opportunities as f64;
        out[Metric::MeetingsUnheld] = unheld as f64;
        out[Metric::OpportunityWorkDone] = worked_share;
        // A month with nothing at a stage converts at 0: the rates are the
        // month's own, and a stage with no volume has none.
        let rate = |part: u64, whole: u64| if whole > 0 { part as f64 / whole as f64 } else { 0.0 };
        out[Metric::LeadToMeetingRate] = rate(booked_from_leads, worked.iter().sum());
        out[Metric::MeetingToOpportunityRate] = rate(created, held_now.iter().sum::<u64>() + held.iter().sum::<u64>());
        out[Metric::WinRate] = rate(progress.won, progress.won + progress.lost);
        for (metric, role) in [
            (Metric::HeadcountGeneralist, Role::Generalist),
            (Metric::HeadcountSdr, Role::Sdr),
            (Metric::HeadcountAe, Role::Ae),
            (Metric::HeadcountAm, Role::Am),
            (Metric::HeadcountRetention, Role::Retention),
        ] {
            out[metric] = f64::from(census.filled(role));
        }
        out[Metric::Managers] = f64::from(managers);
        out[Metric::Leavers] = ledger.leavers as f64;
        for (metric, role) in [
            (Metric::UtilisationGeneralist, Role::Generalist),
            (Metric::UtilisationSdr, Role::Sdr),
            (Metric::UtilisationAe, Role::Ae),
            (Metric::UtilisationAm, Role::Am),
            (Metric::UtilisationRetention, Role::Retention),
        ] {
            let hours = available[role];
            out[metric] = if hours > 0.0 { committed[role] / hours } else { 0.0 };
        }
        out[Metric::ProspectingHours] = lead_hours + outbound_hours;
        out[Metric::ServiceLevel] = if book_month.service_needed > 0.0 {
            book_month.service_delivered / book_month.service_needed
        } else {
            1.0
        };
        out[Metric::AcquisitionCost] = acquisition;
        out[Metric::RetentionCost] = retention;
        out[Metric::MarketingCut] = if marketing.cut_active { 1.0 } else { 0.0 };
        totals.add(&out);
        record(t, &out);
        last = out;
    }

    ledger.leads_queued = leads.queued();
    ledger.meetings_queued = meetings.queued();
    ledger.opportunities_open = pipeline.open_total();
    ledger.accounts_end = book.accounts();
    ledger.mrr_end = book.mrr();
    ledger.people_end = u64::from(staff.census().filled_total());
    totals.finish(&last, book_value_start, &valuation)
}
