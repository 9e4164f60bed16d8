//! The parameter catalogue: every numeric model parameter with its unit,
//! default, allowed range, help text and the source of its default.
//!
//! The catalogue is data the app renders (labels, help, ranges) and the one
//! place that validation, sampling and the model agree on. A parameter is
//! addressed in a scenario by its dotted `path` and in the model by its [`P`]
//! id; resolved values for one run live in [`Values`], indexed by id.

use serde::Serialize;

/// What a number measures; the app prints it beside every value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share between 0 and 1, shown as a percentage.
    Share,
    /// A share per month (a monthly rate), shown as a percentage.
    SharePerMonth,
    /// A share per year, shown as a percentage.
    SharePerYear,
    Months,
    Hours,
    HoursPerMonth,
    Usd,
    UsdPerMonth,
    UsdPerYear,
    Count,
    CountPerMonth,
    /// A factor that multiplies something else (1 = no change).
    Multiplier,
    /// A shift on the log-odds scale of a conversion (0 = no change; +0.2 lifts 20% to about 23%).
    LogOdds,
    /// A month of the calendar year, 1 = January.
    CalendarMonth,
}

impl Unit {
    /// The short label the app and the command line print after a value.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Unit::Share => "share (0–1)",
            Unit::SharePerMonth => "share per month",
            Unit::SharePerYear => "share per year",
            Unit::Months => "months",
            Unit::Hours => "hours",
            Unit::HoursPerMonth => "hours per month",
            Unit::Usd => "USD",
            Unit::UsdPerMonth => "USD per month",
            Unit::UsdPerYear => "USD per year",
            Unit::Count => "count",
            Unit::CountPerMonth => "per month",
            Unit::Multiplier => "×",
            Unit::LogOdds => "log-odds",
            Unit::CalendarMonth => "month of year",
        }
    }
}

/// One catalogued parameter.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ParamSpec {
    #[serde(skip)]
    pub id: P,
    /// Dotted path in the scenario file, e.g. `roles.sdr.ramp_months`.
    pub path: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// Whole numbers only (months, counts); sampled values are rounded.
    pub integer: bool,
    /// Where the default comes from, or "assumption" with the reasoning.
    pub source: &'static str,
    pub help: &'static str,
}

impl ParamSpec {
    #[must_use]
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }
}

const BENCH_ATTRITION: &str = "benchmark: published sales attrition surveys put annual rep turnover at 14–26%, SDRs higher (about 35%); at most 90% a year here, since at 100% the hazard would empty every seat every month";
const BENCH_RAMP: &str = "benchmark: published SaaS sales surveys report SDR ramp about 3 months and AE ramp about 5";
const BENCH_PAY: &str = "benchmark: published US on-target-earnings surveys for mid-market B2B sales roles";
const BENCH_CHURN: &str = "benchmark: published B2B SaaS churn studies put monthly logo churn near 3% for SMB, 1.5% mid-market, 0.7% enterprise";
const ASSUMPTION: &str =
    "assumption: no published source; set by a revenue-operations modeller, change it to your own figure";

macro_rules! catalogue {
    ($( $id:ident: $path:literal, $label:literal, $unit:ident, $default:expr, [$min:expr, $max:expr], $integer:expr, $source:expr, $help:literal; )*) => {
        /// Parameter ids, in catalogue order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum P { $($id),* }

        /// Every model parameter, in the order of [`P`].
        pub const CATALOGUE: &[ParamSpec] = &[
            $( ParamSpec {
                id: P::$id, path: $path, label: $label, unit: Unit::$unit,
                default: $default, min: $min, max: $max, integer: $integer,
                source: $source, help: $help,
            } ),*
        ];
    };
}

catalogue! {
    // --- Roles: ramp, attrition and pay for each role ---
    GeneralistRamp: "roles.generalist.ramp_months", "Generalist ramp", Months, 6.0, [0.0, 24.0], true, BENCH_RAMP,
        "Months a new generalist takes to reach full productivity (they learn prospecting, selling and service).";
    GeneralistAttrition: "roles.generalist.annual_attrition", "Generalist attrition", SharePerYear, 0.20, [0.0, 0.9], false, BENCH_ATTRITION,
        "Share of generalists who leave in a year at normal spans and pay.";
    GeneralistOte: "roles.generalist.ote", "Generalist on-target earnings", UsdPerYear, 130_000.0, [20_000.0, 1_000_000.0], false, "assumption: between AE and AM pay; no separate published figure",
        "Base plus variable pay at 100% of quota, per generalist and year.";
    GeneralistVariableShare: "roles.generalist.variable_share", "Generalist pay at risk", Share, 0.40, [0.0, 0.9], false, BENCH_PAY,
        "Share of on-target earnings paid as commission rather than base salary.";
    GeneralistQuota: "roles.generalist.quota", "Generalist quota", UsdPerYear, 250_000.0, [10_000.0, 20_000_000.0], false, "assumption: set so the middle generalist ends the year at about 85–90% of quota, the usual median, with the book's expansion credited",
        "New annual contract value, plus the credited expansion of the accounts they serve, a generalist is expected to book in a year (smaller than an AE's: most of their hours go to the book). Commission rate = variable pay at target ÷ quota.";

    SdrRamp: "roles.sdr.ramp_months", "SDR ramp", Months, 3.0, [0.0, 24.0], true, BENCH_RAMP,
        "Months a new SDR takes to reach full productivity.";
    SdrAttrition: "roles.sdr.annual_attrition", "SDR attrition", SharePerYear, 0.35, [0.0, 0.9], false, BENCH_ATTRITION,
        "Share of SDRs who leave in a year.";
    SdrOte: "roles.sdr.ote", "SDR on-target earnings", UsdPerYear, 80_000.0, [20_000.0, 1_000_000.0], false, BENCH_PAY,
        "Base plus variable pay at target, per SDR and year.";
    SdrVariableShare: "roles.sdr.variable_share", "SDR pay at risk", Share, 0.35, [0.0, 0.9], false, BENCH_PAY,
        "Share of SDR on-target earnings paid as a bonus per qualified meeting.";
    SdrMeetingBonus: "roles.sdr.meeting_bonus", "SDR bonus per meeting", Usd, 150.0, [0.0, 5_000.0], false, "assumption: SDR variable pay (about $28k a year) spread over about 15 meetings a month",
        "Bonus paid to an SDR for each meeting handed to a seller.";

    AeRamp: "roles.ae.ramp_months", "AE ramp", Months, 5.0, [0.0, 24.0], true, BENCH_RAMP,
        "Months a new account executive takes to reach full productivity.";
    AeAttrition: "roles.ae.annual_attrition", "AE attrition", SharePerYear, 0.25, [0.0, 0.9], false, BENCH_ATTRITION,
        "Share of account executives who leave in a year.";
    AeOte: "roles.ae.ote", "AE on-target earnings", UsdPerYear, 150_000.0, [20_000.0, 1_000_000.0], false, BENCH_PAY,
        "Base plus commission at 100% of quota, per account executive and year.";
    AeVariableShare: "roles.ae.variable_share", "AE pay at risk", Share, 0.50, [0.0, 0.9], false, BENCH_PAY,
        "Share of AE on-target earnings paid as commission.";
    AeQuota: "roles.ae.quota", "AE quota", UsdPerYear, 600_000.0, [10_000.0, 20_000_000.0], false, "benchmark: sales compensation surveys (Bridge Group, Alexander Group) put mid-market AE quotas at about 4–5× on-target earnings",
        "Annual contract value an account executive is expected to book in a year: 4× the default on-target earnings. Commission rate = variable pay at target ÷ quota (12.5% at the defaults; benchmark about 10–12%).";

    AmRamp: "roles.am.ramp_months", "AM ramp", Months, 3.0, [0.0, 24.0], true, BENCH_RAMP,
        "Months a new account manager takes to reach full productivity.";
    AmAttrition: "roles.am.annual_attrition", "AM attrition", SharePerYear, 0.15, [0.0, 0.9], false, BENCH_ATTRITION,
        "Share of account managers who leave in a year.";
    AmOte: "roles.am.ote", "AM on-target earnings", UsdPerYear, 110_000.0, [20_000.0, 1_000_000.0], false, BENCH_PAY,
        "Base plus retention bonus at target, per account manager and year.";
    AmVariableShare: "roles.am.variable_share", "AM pay at risk", Share, 0.30, [0.0, 0.9], false, BENCH_PAY,
        "Share of AM on-target earnings paid as a retention bonus (scaled by revenue kept).";

    RetentionRamp: "roles.retention.ramp_months", "Retention manager ramp", Months, 3.0, [0.0, 24.0], true, ASSUMPTION,
        "Months a new customer-retention manager takes to reach full productivity.";
    RetentionAttrition: "roles.retention.annual_attrition", "Retention manager attrition", SharePerYear, 0.15, [0.0, 0.9], false, BENCH_ATTRITION,
        "Share of customer-retention managers who leave in a year.";
    RetentionOte: "roles.retention.ote", "Retention manager on-target earnings", UsdPerYear, 110_000.0, [20_000.0, 1_000_000.0], false, BENCH_PAY,
        "Pay per customer-retention manager and year.";
    RetentionVariableShare: "roles.retention.variable_share", "Retention manager pay at risk", Share, 0.15, [0.0, 0.9], false, BENCH_PAY,
        "Share of retention-manager pay tied to revenue kept.";

    ManagerOte: "roles.manager.ote", "Front-line manager on-target earnings", UsdPerYear, 200_000.0, [20_000.0, 2_000_000.0], false, BENCH_PAY,
        "Pay per front-line sales manager and year (paid at target).";
    ManagerVariableShare: "roles.manager.variable_share", "Manager pay at risk", Share, 0.40, [0.0, 0.9], false, BENCH_PAY,
        "Share of manager pay that is variable (paid at target in this model).";

    // --- Capacity: hours and what work costs ---
    HoursPerMonth: "capacity.hours_per_month", "Productive hours", HoursPerMonth, 115.0, [20.0, 220.0], false, "assumption: about 160 paid hours less meetings, admin and travel",
        "Hours a fully ramped person spends on customer-facing work in a month.";
    HoursPerLead: "capacity.hours_per_lead", "Hours to work a lead", Hours, 0.75, [0.05, 10.0], false, ASSUMPTION,
        "Research, calls and e-mails to qualify one lead.";
    HoursPerOutboundMeetingSdr: "capacity.hours_per_outbound_meeting_sdr", "SDR hours per outbound meeting", Hours, 10.0, [0.5, 80.0], false, "benchmark: SDRs book about 12–15 qualified meetings a month",
        "Prospecting hours an SDR needs to book one meeting from cold outreach in a fresh market (see the outbound market's ceiling: more hours book fewer meetings each). Assumption around the benchmark: it counts meetings, not the hours behind them, and teams differ in how much of an SDR's month goes to outbound, so the presets give it a 90% range of 8 to 12.5 hours (lognormal, median 10): 9 to 14 meetings from 115 hours of prospecting.";
    HoursPerOutboundMeetingGeneralist: "capacity.hours_per_outbound_meeting_generalist", "Generalist hours per outbound meeting", Hours, 10.0, [0.5, 80.0], false, ASSUMPTION,
        "Prospecting hours a generalist needs to book one meeting (less practised than an SDR). Assumption: no published figure for reps who prospect in the gaps between deals and service. The presets give it a 90% range of 6.25 to 16 hours (lognormal, median 10) because a generalist who knows the product and the customers may book faster than an SDR while one out of practice takes 60% longer.";
    HoursPerMeeting: "capacity.hours_per_meeting", "Hours to hold a first meeting", Hours, 2.0, [0.1, 20.0], false, ASSUMPTION,
        "Seller hours to prepare and hold a first (needs-analysis) meeting, junk meetings included.";
    HoursPerOpportunity: "capacity.hours_per_opportunity", "Hours per opportunity", Hours, 10.0, [1.0, 200.0], false, ASSUMPTION,
        "Seller hours to run one opportunity through the whole cycle (proposal, presentation, close).";
    ServiceHoursStrategic: "capacity.service_hours_strategic", "Service hours, strategic account", HoursPerMonth, 6.0, [0.0, 80.0], false, ASSUMPTION,
        "Hours a strategic account needs each month to be fully served.";
    ServiceHoursCore: "capacity.service_hours_core", "Service hours, core account", HoursPerMonth, 2.5, [0.0, 40.0], false, ASSUMPTION,
        "Hours a core account needs each month to be fully served.";
    ServiceHoursLongTail: "capacity.service_hours_long_tail", "Service hours, long-tail account", HoursPerMonth, 1.0, [0.0, 20.0], false, ASSUMPTION,
        "Hours a long-tail account needs each month to be fully served.";
    RetentionHoursPerAccount: "capacity.retention_hours_per_account", "Retention-manager hours per covered account", HoursPerMonth, 1.5, [0.1, 40.0], false, ASSUMPTION,
        "Hours a customer-retention manager spends on each account covered, per month.";
    ContextSwitchLoss: "capacity.context_switch_loss", "Generalist context-switch loss", Share, 0.15, [0.0, 0.6], false, ASSUMPTION,
        "Share of a generalist's hours lost switching between prospecting, selling and serving. Assumption: task-switching studies measure the cost of a switch in laboratory tasks, not the share of a seller's month. The presets give it a 90% range of 5% to 25% because a rep who batches the work into blocks loses little and one pulled between service calls and prospecting all day loses a quarter of the time.";
    MinProspectingShare: "capacity.min_prospecting_share", "Generalist hours kept for prospecting", Share, 0.0, [0.0, 0.8], false, ASSUMPTION,
        "Share of a generalist's hours protected for leads and prospecting before serving accounts (the alternative to specialising).";
    RampStartShare: "capacity.ramp_start_share", "New-hire starting productivity", Share, 0.25, [0.0, 1.0], false, ASSUMPTION,
        "Productivity of a new hire in the first month, rising linearly to 100% at the end of ramp.";
    RecruitingHours: "capacity.recruiting_hours_per_vacancy", "Recruiting hours per vacancy", HoursPerMonth, 10.0, [0.0, 80.0], false, ASSUMPTION,
        "Hours sellers of the same role spend each month interviewing for an open seat (time not spent selling).";

    // --- Lead channels ---
    InboundBudget: "inbound.monthly_budget", "Inbound marketing budget", UsdPerMonth, 60_000.0, [0.0, 10_000_000.0], false, "assumption: 300 leads a month at about $200 a lead",
        "Monthly spend on digital inbound marketing.";
    InboundCostPerLead: "inbound.cost_per_lead", "Inbound cost per lead", Usd, 200.0, [1.0, 10_000.0], false, "benchmark: B2B digital cost per lead of roughly $100–$300",
        "Cost per lead at the budget it was measured at (see that parameter; $60,000 a month by default); returns diminish above it and improve below it.";
    InboundReturnsExponent: "inbound.returns_exponent", "Inbound diminishing returns", Multiplier, 0.7, [0.1, 1.0], false, ASSUMPTION,
        "Leads grow with spend to this power (1 = no diminishing returns).";
    InboundCarryover: "inbound.carryover", "Marketing carry-over (adstock)", Share, 0.5, [0.0, 0.95], false, ASSUMPTION,
        "Share of last month's marketing effect still bringing leads this month; cuts show up with a lag.";
    InboundQuality: "inbound.quality", "Inbound lead quality", LogOdds, 0.0, [-3.0, 3.0], false, ASSUMPTION,
        "Shift of the lead-to-meeting conversion for inbound leads (0 = the funnel's rate).";
    SeasonalityAmplitude: "inbound.seasonality_amplitude", "Seasonality", Share, 0.10, [0.0, 0.6], false, ASSUMPTION,
        "How far lead flow swings above and below its average over the year (averages to no change).";
    SeasonalityPeak: "inbound.seasonality_peak_month", "Busiest month", CalendarMonth, 10.0, [1.0, 12.0], true, ASSUMPTION,
        "Month of the year with the most leads (simulation month 1 is taken as January).";
    ArrivalDispersion: "leads.arrival_variability", "Month-to-month lead variability", Share, 0.20, [0.0, 1.5], false, ASSUMPTION,
        "Coefficient of variation of a channel's monthly lead rate beyond pure chance (gamma-Poisson); 0 = Poisson only.";
    LeadExpiryMonths: "leads.expiry_months", "Lead shelf life", Months, 3.0, [1.0, 12.0], true, ASSUMPTION,
        "Months an unworked lead waits before it is lost.";

    TradeShowsPerYear: "trade_shows.per_year", "Trade shows a year", Count, 4.0, [0.0, 12.0], true, ASSUMPTION,
        "Trade shows attended a year, spread evenly; each brings a batch of leads in its month.";
    TradeShowCost: "trade_shows.cost_per_show", "Cost per trade show", Usd, 45_000.0, [0.0, 2_000_000.0], false, "benchmark: trade-show leads cost several times digital ones",
        "Booth, travel and staff cost of one show.";
    TradeShowLeads: "trade_shows.leads_per_show", "Leads per trade show", Count, 120.0, [0.0, 10_000.0], false, ASSUMPTION,
        "Expected leads (cards filled in at the booth) from one show.";
    TradeShowQuality: "trade_shows.quality", "Trade-show lead quality", LogOdds, -0.4, [-3.0, 3.0], false, ASSUMPTION,
        "Shift of the lead-to-meeting conversion for trade-show leads (negative: many are browsers).";

    AgencyFee: "agency.monthly_fee", "Agency monthly fee", UsdPerMonth, 12_000.0, [0.0, 1_000_000.0], false, ASSUMPTION,
        "Retainer paid to the outsourced lead-generation agency.";
    AgencyCostPerMeeting: "agency.cost_per_meeting", "Agency fee per meeting", Usd, 300.0, [0.0, 10_000.0], false, ASSUMPTION,
        "Paid to the agency for each meeting it books.";
    AgencyMeetings: "agency.meetings_per_month", "Agency meetings a month", CountPerMonth, 50.0, [0.0, 10_000.0], false, ASSUMPTION,
        "Expected meetings the agency books each month.";
    AgencyQuality: "agency.quality", "Agency meeting quality", LogOdds, -0.3, [-3.0, 3.0], false, ASSUMPTION,
        "Shift of the meeting-to-opportunity conversion for agency meetings.";

    ReferralRate: "referrals.rate_per_account", "Referrals per account", SharePerMonth, 0.004, [0.0, 0.1], false, ASSUMPTION,
        "Expected referral leads per well-served customer per month.";
    ReferralQuality: "referrals.quality", "Referral lead quality", LogOdds, 0.5, [-3.0, 3.0], false, ASSUMPTION,
        "Shift of the lead-to-meeting conversion for referrals (they convert better).";

    OutboundMarket: "outbound.market_meetings_per_month", "Outbound market: most meetings a month", CountPerMonth, 150.0, [1.0, 100_000.0], false, ASSUMPTION,
        "Most first meetings cold outreach could book in a month however many hours went into it: the reachable market of companies that fit and have not been contacted lately is finite. Meetings booked are this ceiling × (1 − e^(−h ÷ ceiling)), where h is the meetings the hours would book in a fresh market, so the first hours book at the benchmark rate and each further hour books fewer (at the presets' outbound hours, an SDR team books about 15% below the fresh-market rate; a whole generalist team prospecting full time, about half). Assumption: no published figure; set it from your own market size (accounts that fit × the share that takes a first meeting in a year ÷ 12).";
    OutboundQuality: "outbound.quality", "Outbound meeting quality", LogOdds, -0.4, [-3.0, 3.0], false, "assumption informed by sales-development benchmark reports, which put the qualification and win rates of outbound-sourced meetings well below those of inbound ones",
        "Shift of the meeting-to-opportunity conversion for meetings booked by cold outreach (negative: the prospect did not ask; −0.4 turns 70% into about 61%).";

    // --- Funnel ---
    LeadToMeeting: "funnel.lead_to_meeting", "Lead to meeting", Share, 0.15, [0.001, 0.99], false, "benchmark: inbound lead to meeting 10–20%",
        "Share of worked leads that become a first meeting.";
    MeetingToOpportunity: "funnel.meeting_to_opportunity", "Meeting to opportunity", Share, 0.70, [0.001, 0.99], false, ASSUMPTION,
        "Share of held meetings that become a qualified opportunity.";
    OpportunityToWin: "funnel.opportunity_to_win", "Opportunity to win", Share, 0.23, [0.001, 0.99], false, "benchmark: opportunity-to-win rates of 20–25%",
        "Share of decided opportunities that are won.";
    CycleMeanMonths: "funnel.cycle_mean_months", "Sales cycle (mean)", Months, 2.5, [0.5, 24.0], false, "benchmark: mid-market cycles of 60–90 days",
        "Average months from opportunity to decision.";
    CycleP90Months: "funnel.cycle_p90_months", "Sales cycle (slowest 10%)", Months, 5.0, [0.6, 48.0], false, "benchmark: mid-market cycles of 60–90 days with a long tail",
        "Nine in ten opportunities are decided within this many months.";
    OpportunityMaxAge: "funnel.opportunity_max_age_months", "Opportunity shelf life", Months, 9.0, [1.0, 36.0], true, "benchmark: opportunities open over 9 months are usually lost",
        "An opportunity still open after this many months is closed as lost.";
    GeneralistSkill: "funnel.generalist_skill", "Generalist skill gap", LogOdds, -0.3, [-2.0, 2.0], false, ASSUMPTION,
        "How far a generalist converts below a specialist, on the log-odds scale, at each conversion of a stage they do: booking meetings from leads when they prospect, winning opportunities when they sell. The funnel's benchmark rates are what specialists (SDRs, AEs) reach with a typical training budget, so this gap is the whole of specialisation's conversion effect and it counts once per conversion. Assumption: no published study compares full-cycle reps with specialists on the same leads. The presets give it a 90% range of −0.6 to 0 (a 23% win rate falls to about 14%, or not at all) because an experienced full-cycle rep may lose nothing while one who sells between service calls may lose two deals in five.";

    // --- Hand-offs between specialised roles ---
    HandoffLeakage: "handoff.leakage", "Hand-off leakage", Share, 0.15, [0.0, 0.9], false, ASSUMPTION,
        "Share of meetings lost when one role passes them to another (no-shows, lost context). Assumption: no published study separates the meetings lost in the SDR-to-AE hand-off from ordinary no-shows. The presets give it a 90% range of 5% to 25% because a hand-off where the AE joins the booking call loses little and a calendar invite with a note can lose a quarter.";
    Alignment: "handoff.alignment", "Process alignment", Share, 0.0, [0.0, 1.0], false, "article: tip 2, document every sales process and define roles",
        "How fully sales processes and roles are documented (0 = not at all, 1 = fully).";
    AlignmentEffect: "handoff.alignment_effect", "Leakage removed by alignment", Share, 0.6, [0.0, 1.0], false, ASSUMPTION,
        "Share of hand-off leakage removed when alignment is complete.";
    HandoffDelay: "handoff.delay_months", "Hand-off delay", Months, 1.0, [0.0, 2.0], true, ASSUMPTION,
        "Months a booked meeting waits before the seller who receives it can hold it.";
    HandoffChurnUplift: "handoff.service_handoff_churn", "Churn after the sale-to-service hand-off", Multiplier, 1.3, [1.0, 5.0], false, ASSUMPTION,
        "Early-life churn multiplier when the seller hands a new customer to an account manager. Assumption: no published study isolates the churn caused by the sale-to-service hand-off. The presets give it a 90% range of 1.0× to 1.6× because a warm introduction may cost nothing while a cold handover to a stranger can raise early churn by half or more.";

    // --- Deals and accounts ---
    AcvMedian: "deals.acv_median", "Deal size (median)", UsdPerYear, 24_000.0, [100.0, 10_000_000.0], false, ASSUMPTION,
        "Median annual contract value of a won deal (deal sizes are lognormal).";
    AcvSpread: "deals.acv_spread", "Deal size spread", Multiplier, 0.8, [0.0, 3.0], false, ASSUMPTION,
        "Lognormal sigma of deal sizes: 0.8 means one deal in ten is over 2.8 times the median.";
    StrategicMinMrr: "accounts.strategic_min_mrr", "Strategic tier from", UsdPerMonth, 6_000.0, [1.0, 10_000_000.0], false, ASSUMPTION,
        "Monthly recurring revenue at which an account is strategic.";
    CoreMinMrr: "accounts.core_min_mrr", "Core tier from", UsdPerMonth, 1_500.0, [0.0, 10_000_000.0], false, ASSUMPTION,
        "Monthly recurring revenue at which an account is core (below: long tail).";
    ChurnStrategic: "accounts.churn_strategic", "Churn, strategic", SharePerMonth, 0.007, [0.0, 0.5], false, BENCH_CHURN,
        "Monthly chance a fully served strategic account leaves.";
    ChurnCore: "accounts.churn_core", "Churn, core", SharePerMonth, 0.012, [0.0, 0.5], false, BENCH_CHURN,
        "Monthly chance a fully served core account leaves.";
    ChurnLongTail: "accounts.churn_long_tail", "Churn, long tail", SharePerMonth, 0.025, [0.0, 0.5], false, BENCH_CHURN,
        "Monthly chance a fully served long-tail account leaves.";
    UnderserviceChurnStrategic: "accounts.underservice_churn_strategic", "Churn from under-service, strategic", Multiplier, 2.0, [0.0, 10.0], false, ASSUMPTION,
        "Extra churn of a strategic account that gets none of the service it needs (2 = churn triples); scales with the gap. Big accounts expect a relationship.";
    UnderserviceChurn: "accounts.underservice_churn_core", "Churn from under-service, core", Multiplier, 1.0, [0.0, 10.0], false, ASSUMPTION,
        "Extra churn of a core account that gets none of the service it needs (1 = churn doubles); scales with the gap.";
    UnderserviceChurnLongTail: "accounts.underservice_churn_long_tail", "Churn from under-service, long tail", Multiplier, 0.5, [0.0, 10.0], false, ASSUMPTION,
        "Extra churn of a long-tail account that gets none of the service it needs; small accounts expect less.";
    EarlyLifeMonths: "accounts.early_life_months", "Early-life period", Months, 6.0, [0.0, 24.0], true, ASSUMPTION,
        "Months after the sale during which a new customer churns more.";
    EarlyLifeChurn: "accounts.early_life_churn", "Early-life churn factor", Multiplier, 1.5, [1.0, 10.0], false, ASSUMPTION,
        "Churn multiplier for customers in their early-life period.";
    ExpansionRate: "accounts.expansion_rate", "Expansion (upsell)", SharePerMonth, 0.009, [0.0, 0.2], false, "benchmark: private SaaS surveys (KeyBanc / Sapphire) put expansion from the installed base at roughly 10–15% of its ARR a year in mid-market, which with gross retention near 88–90% gives net revenue retention of about 100%",
        "Monthly growth of a fully served account's recurring revenue (0.9% a month is about 11% a year).";
    ContractionRate: "accounts.contraction_rate", "Contraction from under-service", SharePerMonth, 0.01, [0.0, 0.2], false, ASSUMPTION,
        "Monthly shrinkage of an unserved account's recurring revenue; scales with the service gap.";
    StartAccounts: "accounts.start_accounts", "Customers at start", Count, 290.0, [0.0, 1_000_000.0], true, ASSUMPTION,
        "Installed base when the simulation starts.";
    StartArr: "accounts.start_arr", "Recurring revenue at start", UsdPerYear, 9_500_000.0, [0.0, 10_000_000_000.0], false, ASSUMPTION,
        "Annual recurring revenue of the installed base at the start.";
    AnnualContractShare: "accounts.annual_contract_share", "Customers on annual contracts", Share, 0.6, [0.0, 1.0], false, "benchmark: private SaaS surveys (KeyBanc / SaaS Capital) report that most mid-market B2B SaaS customers sign annual or longer contracts, month-to-month mostly in SMB",
        "Share of customers (at the start and among those won) on annual contracts: they churn only at renewal, once a year, with the chance of twelve months of the monthly churn (the first renewal includes the early-life months), so yearly churn is the same and only its timing changes; the rest are month-to-month.";
    RetentionEffect: "retention.effectiveness", "Retention-manager effect", Share, 0.4, [0.0, 1.0], false, ASSUMPTION,
        "Share of churn a customer-retention manager prevents on the accounts covered.";

    // --- People and management ---
    HiringLagMonths: "people.hiring_lag_months", "Hiring lag", Months, 2.5, [0.0, 12.0], false, ASSUMPTION,
        "Average months to fill an open seat (whole months drawn around this mean).";
    SpanOfControl: "people.span_of_control", "Span of control", Count, 8.0, [2.0, 25.0], false, "benchmark: front-line sales spans of about 1:8",
        "People per front-line manager.";
    SpanProductivity: "people.span_productivity_penalty", "Productivity lost to wide spans", Share, 0.25, [0.0, 1.0], false, ASSUMPTION,
        "Productivity lost when the span is twice the span with no penalty (default 8) (less coaching and monitoring); proportional in between.";
    SpanAttrition: "people.span_attrition_penalty", "Attrition added by wide spans", Multiplier, 0.5, [0.0, 5.0], false, ASSUMPTION,
        "Extra attrition when the span is twice the span with no penalty (default 8) (0.5 = 50% more); proportional in between. Assumption: no published study measures how sellers' turnover rises with their manager's span. The presets give it a 90% range of 0.1 to 0.9 because less coaching plausibly drives people out, but whether a little or nearly doubling turnover is unknown.";
    RecruitingCost: "people.recruiting_cost_per_hire", "Recruiting cost per hire", Usd, 20_000.0, [0.0, 500_000.0], false, ASSUMPTION,
        "Agency fees, advertising and onboarding per hire.";
    SeveranceMonths: "people.severance_months", "Severance", Months, 3.0, [0.0, 24.0], false, ASSUMPTION,
        "Months of base pay paid to each person let go in a restructuring.";
    BenefitsMultiplier: "people.benefits_multiplier", "Benefits and payroll load", Multiplier, 1.25, [1.0, 2.0], false, ASSUMPTION,
        "Employer cost of base salary including benefits and payroll taxes.";
    TrainingSpend: "training.spend_per_rep", "Training spend", UsdPerMonth, 150.0, [0.0, 10_000.0], false, ASSUMPTION,
        "Training spend per seller per month.";
    TrainingEffect: "training.max_effect", "Training effect (at saturation)", LogOdds, 0.15, [0.0, 1.5], false, ASSUMPTION,
        "Most conversion lift training can give; returns diminish as the training stock grows. The funnel's benchmark rates already include a typical programme (the default spend kept up for good), so training shifts conversions only by how far the stock differs from that programme's.";
    TrainingDecay: "training.monthly_decay", "Training fades", SharePerMonth, 0.15, [0.0, 1.0], false, ASSUMPTION,
        "Share of the training stock forgotten each month without refresh.";
    TrainingReference: "training.reference_stock", "Training stock for 63% of the effect", Usd, 1_000.0, [1.0, 1_000_000.0], false, ASSUMPTION,
        "Training stock per seller at which training gives 63% of its maximum lift.";

    // --- Incentives and behaviour ---
    EffortElasticity: "incentives.effort_elasticity", "Effort response to pay at risk", Share, 0.15, [0.0, 1.0], false, "assumption: behavioural elasticity, no published source",
        "Most extra effort more variable pay can buy (0.15 = up to 15% more hours on the work).";
    EffortScale: "incentives.effort_scale", "Pay-at-risk scale", Share, 0.3, [0.01, 1.0], false, "assumption: behavioural elasticity, no published source",
        "Pay-at-risk share at which two thirds of the effort response is reached.";
    AttainmentFloor: "incentives.attainment_floor", "Attainment seen as out of reach", Share, 0.7, [0.0, 1.0], false, ASSUMPTION,
        "Year-to-date quota attainment below which sellers lose heart and look for other jobs.";
    LowAttainmentEffort: "incentives.low_attainment_effort", "Effort lost below the floor", Share, 0.3, [0.0, 1.0], false, "assumption: behavioural elasticity, no published source",
        "Effort lost per 100 points of attainment below the floor.";
    LowAttainmentAttrition: "incentives.low_attainment_attrition", "Attrition below the floor", Multiplier, 2.0, [0.0, 10.0], false, "assumption: behavioural elasticity, no published source",
        "Attrition grows as e^(this × shortfall below the floor × the role's pay at risk ÷ its default), so a steeper commission plan makes a miss drive more sellers out. Assumption: no published elasticity. The presets give it a 90% range of 1 to 3 (30 points below the floor, attrition is 1.35 to 2.5 times its normal level) because sellers far from quota do leave more, by an amount no survey pins down.";
    Accelerator: "incentives.accelerator", "Accelerator above quota", Multiplier, 1.5, [1.0, 5.0], false, BENCH_PAY,
        "Commission rate multiplier on bookings above year-to-date quota.";
    MeetingPayVolume: "incentives.meeting_pay_volume", "Extra meetings when paid per meeting", Share, 0.10, [0.0, 1.0], false, "assumption: behavioural elasticity, no published source",
        "More meetings booked when SDRs are paid per meeting without a quality gate.";
    MeetingPayQuality: "incentives.meeting_pay_quality", "Meeting quality when paid per meeting", LogOdds, -0.5, [-3.0, 0.0], false, "assumption: behavioural elasticity, no published source",
        "Shift of meeting-to-opportunity conversion when SDRs are paid per meeting without a quality gate.";
    TeamBonusShare: "incentives.team_bonus_share", "Team bonus share", Share, 0.0, [0.0, 0.6], false, "article: reward team spirit",
        "Share of sellers' variable pay paid from a team pool on the team's bookings target.";
    TeamLeakageReduction: "incentives.team_leakage_reduction", "Leakage removed by a team bonus", Share, 0.5, [0.0, 1.0], false, ASSUMPTION,
        "Share of hand-off leakage removed when 20% or more of variable pay is a team bonus.";
    TeamFreeRiding: "incentives.team_free_riding", "Free-riding on a team bonus", Share, 0.05, [0.0, 0.5], false, ASSUMPTION,
        "Effort lost when the whole variable pay is a team bonus (proportional below).";

    // --- Restructuring transition ---
    TransitionDip: "transition.dip", "Productivity dip", Share, 0.20, [0.0, 0.9], false, "assumption: no published source for the size of a reorganisation dip",
        "Share of incumbents' productive hours lost in the month of the switch. Assumption: no published source measures the dip of a sales reorganisation. The presets give it a 90% range of 5% to 35% because a change that mostly renames roles costs little and one where everyone learns a new job, new tools and new colleagues at once can cost a third of the month.";
    TransitionRecovery: "transition.recovery_months", "Dip recovery time", Months, 4.0, [0.1, 36.0], false, "assumption: no published source",
        "Months for the dip to shrink to about a third (exponential learning curve). Assumption: no published source. The presets give it a 90% range of 2 to 8 months (lognormal, median 4) because a learning curve is uncertain by a factor rather than by a fixed number of months: about one sales cycle at best, three at worst.";
    ProcessOwnerSpeedup: "transition.process_owner_speedup", "Recovery time with a process owner", Multiplier, 0.5, [0.05, 1.0], false, "article: tip 3, put a manager in charge of each new process",
        "Recovery time multiplier when a named owner runs the new process (0.5 halves it).";
    TransitionAttrition: "transition.attrition_multiplier", "Attrition during the change", Multiplier, 1.5, [1.0, 5.0], false, ASSUMPTION,
        "Attrition multiplier for everyone in the months after the switch. Assumption: no published study measures sales turnover after a reorganisation. The presets give it a 90% range of 1.0× to 2.0× because some teams welcome clearer roles and others lose the people who liked owning the whole customer.";
    TransitionAttritionMonths: "transition.attrition_months", "Unsettled period", Months, 6.0, [0.0, 36.0], true, ASSUMPTION,
        "Months after the switch during which attrition is raised.";
    ConsultingCost: "transition.consulting_cost", "One-time consulting cost", Usd, 50_000.0, [0.0, 10_000_000.0], false, ASSUMPTION,
        "Consulting and project cost of the restructuring, booked in the switch month.";
    PipelineTransferLeakage: "transition.pipeline_leakage", "Pipeline lost in transfer", Share, 0.15, [0.0, 1.0], false, ASSUMPTION,
        "Share of open opportunities lost when they move to new owners. Assumption: no published measure. The presets give it a 90% range of 5% to 25% because a documented handover loses little and a hurried one loses the deals only the old owner understood.";
    ReassignedChurn: "transition.reassigned_churn", "Churn of reassigned customers", Multiplier, 1.3, [1.0, 5.0], false, ASSUMPTION,
        "Churn multiplier on customers who get a new owner, for the unsettled months. Assumption: no published measure. The presets give it a 90% range of 1.0× to 1.6× because customers who barely knew their rep notice nothing while those who relied on one person may leave with them.";

    // --- Policy: cut lead generation when behind plan ---
    BookingsPlan: "policy.bookings_plan", "Bookings plan", UsdPerMonth, 200_000.0, [0.0, 1_000_000_000.0], false, "assumption: about what the default generalist company books a month; set your own plan",
        "Planned new annual contract value booked per month; the lead-cut policy compares trailing bookings with it.";
    CutTrigger: "policy.cut_trigger", "Cut when below", Share, 0.85, [0.0, 2.0], false, "article: companies cut lead generation first when behind",
        "Trailing three-month bookings below this share of plan trigger the cut.";
    CutRestore: "policy.restore_at", "Restore when back at", Share, 1.0, [0.0, 3.0], false, ASSUMPTION,
        "Trailing bookings at this share of plan restore marketing spend (above the trigger, so it does not flip every month).";
    CutShare: "policy.cut_share", "Share of marketing cut", Share, 0.5, [0.0, 1.0], false, ASSUMPTION,
        "Share of inbound and trade-show spend cut while the policy is active.";

    // --- Money ---
    DiscountRate: "money.discount_rate", "Discount rate", SharePerYear, 0.10, [0.0, 1.0], false, ASSUMPTION,
        "Annual rate used to discount contribution for the net present value, and the future gross profit of the customer book for its value.";
    GrossMargin: "money.gross_margin", "Gross margin", Share, 0.75, [0.0, 1.0], false, "benchmark: public SaaS benchmark surveys (KeyBanc/Sapphire private SaaS survey, public SaaS filings) put subscription gross margin at about 70–80%",
        "Share of recurring revenue left after the cost of serving it (hosting, support, onboarding): gross profit = revenue × gross margin. Contribution is gross profit less the sales and marketing cost.";
    LtvHorizonMonths: "money.ltv_horizon_months", "Customer life counted", Months, 60.0, [1.0, 120.0], true, "convention: SaaS lifetime-value estimates usually cap a customer's life at about 5 years, so a low churn rate does not imply decades of revenue",
        "Longest remaining life counted when valuing a customer: the lifetime value behind LTV:CAC and the value of the customer book both stop after this many months.";
    SalesToolsPerSeat: "money.sales_tools_per_seat", "Sales tools per seat", UsdPerMonth, 400.0, [0.0, 5_000.0], false, "benchmark: vendors' published list prices: CRM about $100–175, sales engagement about $100–150 and contact data about $50–150 per user a month",
        "CRM, sales engagement and contact-data licences per filled seat (sellers, SDRs, account and retention managers, front-line managers) and month.";
    VariablePayLoad: "money.variable_pay_load", "Payroll load on commission and bonuses", Multiplier, 1.08, [1.0, 1.5], false, "benchmark: US employer payroll taxes on wages: Social Security 6.2% and Medicare 1.45% (IRS Publication 15), plus a little unemployment insurance",
        "Employer cost of each dollar of commission and bonus (payroll taxes; benefits such as health cover do not grow with variable pay, so this is below the load on base salary).";
    SalesLeadershipCost: "money.sales_leadership_cost", "Sales leadership", UsdPerMonth, 50_000.0, [0.0, 2_000_000.0], false, "benchmark: US pay surveys: a mid-market head of sales about $300–400k on-target earnings and a revenue-operations manager about $120–160k a year; with benefits about $600k a year",
        "Fixed monthly cost of the head of sales and revenue operations, above the front-line managers; the same whatever the structure.";

    InboundReferenceBudget: "inbound.reference_budget", "Budget the cost per lead was measured at", UsdPerMonth, 60_000.0, [1_000.0, 10_000_000.0], false, "assumption: the default budget, at which the benchmark cost per lead of about $200 is taken to hold",
        "Monthly inbound spend at which the inbound cost per lead holds; above it each extra dollar brings fewer leads (diminishing returns), below it more. Set it to the budget your own cost per lead was measured at.";

    // --- Reporting (words only, never the simulation) ---
    BottleneckLossShare: "report.bottleneck_loss_share", "Loss that names a bottleneck", Share, 0.05, [0.01, 0.5], false, "assumption: a revenue-operations convention; losses of a few percent at a stage are ordinary friction",
        "Share of a stage's volume lost for want of hours (leads expiring, meetings never held, opportunity work not done, service not given) at which the report names that stage the bottleneck. Changes the words only, never the simulation.";

    // --- People and pay: numbers once fixed in code (issue 9) ---
    // Kept after the rest: a parameter's place in the catalogue keys its
    // random stream, so appending leaves every other draw as it was.
    SpanReference: "people.span_reference", "Span with no penalty", Count, 8.0, [2.0, 25.0], false, "benchmark: front-line sales spans of about 1:8 (Bridge Group, Alexander Group span-of-control studies)",
        "Span of control up to which managers coach and monitor fully; wider spans cost productivity and raise attrition in proportion to how far they exceed it. Default: the usual front-line sales span of about 8 people per manager (Bridge Group and Alexander Group span studies put it at 6 to 10).";
    SpanProductivityFloor: "people.span_productivity_floor", "Least productivity under a wide span", Share, 0.3, [0.0, 1.0], false, "assumption: no published source; people work without coaching, not not at all",
        "Share of hours a seat keeps however wide its manager's span: the span penalty can take no more than the rest. Assumption: no published source; it binds only when the span penalty is set steep and the span very wide.";
    EffortFloor: "incentives.effort_floor", "Least effort of a seat far below quota", Share, 0.2, [0.0, 1.0], false, "assumption: no published source; a seller far behind still works the accounts in hand",
        "Share of a seat's hours left however far below the attainment floor it falls. Assumption: no published source; with the default effort loss (30% per 100 points) it binds only when that loss is set steep.";
    AttritionHazardCap: "incentives.attrition_hazard_cap", "Most a seat can leave in a month", SharePerMonth, 0.9, [0.05, 1.0], false, "assumption: a bound, not a benchmark; annual sales turnover of 30–40% is about 3% a month",
        "Upper bound on any seat's chance of leaving in a month, after the low-attainment and transition multipliers. A bound on a compounding multiplier rather than a measured rate: benchmark sales turnover of 30–40% a year (Bridge Group, 2024) is about 3% a month.";
    AmRetentionTarget: "incentives.am_retention_target", "Retention at which the retention bonus pays 100%", SharePerYear, 0.85, [0.5, 1.0], false, "benchmark: median B2B SaaS gross revenue retention of about 85–90% a year (KeyBanc SaaS survey)",
        "Annualised gross revenue retention of the month at which account and retention managers earn their bonus at target; above it the bonus grows in proportion up to its cap. Default: the median gross revenue retention of B2B SaaS companies, about 85–90% a year (KeyBanc Capital Markets SaaS survey).";
    RetentionBonusCap: "incentives.retention_bonus_cap", "Retention bonus cap", Multiplier, 1.5, [1.0, 5.0], false, "benchmark: variable-pay plans commonly cap payout at 150–200% of target (WorldatWork sales compensation surveys)",
        "Most the retention bonus pays, as a multiple of its target. Sales compensation surveys (WorldatWork, Alexander Group) find capped plans usually stop at 150–200% of target.";
    TeamPoolFullShare: "incentives.team_pool_full_share", "Team bonus share for the full effect", Share, 0.2, [0.01, 1.0], false, ASSUMPTION,
        "Team-bonus share of variable pay at which the hand-off leakage it removes reaches its full size (proportional below).";
    TeamPoolCap: "incentives.team_pool_cap", "Team bonus cap", Multiplier, 1.5, [1.0, 5.0], false, "benchmark: variable-pay plans commonly cap payout at 150–200% of target (WorldatWork sales compensation surveys)",
        "Most the team bonus pool pays, as a multiple of its target, when the team's bookings beat plan. Capped plans usually stop at 150–200% of target (WorldatWork, Alexander Group).";
    ReroledTenure: "transition.reroled_tenure", "Ramp credit of re-roled staff", Months, 3.0, [0.0, 24.0], true, "assumption: people moved into a new role keep product and customer knowledge but learn the role",
        "Months of ramp a person moved into a new role in the restructuring is counted as having already done. Assumption: they know the product, the customers and the company, but not the new job; 3 months is about half the default ramp.";
    ProcessOwnerCost: "transition.process_owner_cost", "Process owner's annual cost", UsdPerYear, 150_000.0, [0.0, 1_000_000.0], false, "benchmark: US sales and revenue-operations manager pay of about $110k–$160k base, plus benefits",
        "Annual cost, benefits included, of the manager who owns the new process, paid from the month of the switch for as long as the owner is in place (to the end of the horizon). US salary surveys (Glassdoor, Payscale, 2024) put sales and revenue-operations managers at about $110k to $160k base; with benefits about $150k a year.";
    // --- Seat-to-seat variation (issue 9), appended for the same reason ---
    SellerSpread: "people.seller_spread", "Seller-to-seller spread", Multiplier, 2.5, [1.0, 6.0], false, "benchmark: sales-performance studies (Bridge Group, RepVue quota-attainment data) find the top tenth of sellers book about 2–3× what the bottom tenth do",
        "How much more a strong seller books than a weak one from the same pipeline: the bookings of the seller at the 90th percentile ÷ those of the seller at the 10th. Each seat's skill is drawn (lognormal, average 1) when it is filled, so attainment has a spread, accelerators go to the seats above quota and the low-attainment effects fall on the seats below the floor. 1 = every seller the same. Assumption around the benchmark: the studies measure different teams and years and put it anywhere from 2× to 3×, so the presets give it a 90% range of 2 to 3.1 (lognormal, median 2.5).";
    ExpansionCredit: "incentives.expansion_credit", "Expansion credited to a seller who serves the book", Share, 1.0, [0.0, 1.0], false, "convention: hunter-farmer and full-cycle compensation plans credit the seller with the expansion of the accounts they own (Alexander Group, Xactly plan-design guides)",
        "Share of the annual value of the book's expansion (upsell) that counts toward the quota, and earns the commission, of sellers who also serve the book (generalists). A hunter-farmer's quota is for the new business and the growth of their own accounts; sellers who hand the book to account managers get none.";
}

/// Number of catalogued parameters.
pub const PARAM_COUNT: usize = CATALOGUE.len();

impl P {
    #[must_use]
    pub fn spec(self) -> &'static ParamSpec {
        &CATALOGUE[self as usize]
    }
}

/// Looks a parameter up by its dotted path.
#[must_use]
pub fn find(path: &str) -> Option<&'static ParamSpec> {
    CATALOGUE.iter().find(|spec| spec.path == path)
}

/// One run's resolved parameter values, indexed by [`P`].
#[derive(Clone, Debug, PartialEq)]
pub struct Values(pub [f64; PARAM_COUNT]);

impl Values {
    #[must_use]
    pub fn defaults() -> Self {
        let mut values = [0.0; PARAM_COUNT];
        for spec in CATALOGUE {
            values[spec.id as usize] = spec.default;
        }
        Values(values)
    }
}

impl std::ops::Index<P> for Values {
    type Output = f64;
    fn index(&self, id: P) -> &f64 {
        &self.0[id as usize]
    }
}

impl std::ops::IndexMut<P> for Values {
    fn index_mut(&mut self, id: P) -> &mut f64 {
        &mut self.0[id as usize]
    }
}

#[cfg(test)]
#[allow(clippy::items_after_test_module)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_order_matches_ids_and_paths_are_unique() {
        for (index, spec) in CATALOGUE.iter().enumerate() {
            assert_eq!(spec.id as usize, index, "{} is out of order", spec.path);
            assert_eq!(
                CATALOGUE.iter().filter(|s| s.path == spec.path).count(),
                1,
                "{} repeats",
                spec.path
            );
        }
    }

    #[test]
    fn every_default_lies_inside_its_range_and_has_a_source() {
        for spec in CATALOGUE {
            assert!(spec.min < spec.max, "{}", spec.path);
            assert!(
                spec.contains(spec.default),
                "{} default {} outside [{}, {}]",
                spec.path,
                spec.default,
                spec.min,
                spec.max
            );
            assert!(!spec.source.is_empty() && !spec.help.is_empty(), "{}", spec.path);
            assert!(!spec.integer || spec.default.fract() == 0.0, "{}", spec.path);
        }
    }
}

/// The catalogue as the app and `salesim schema` publish it: every
/// parameter with unit, default, range, help and source, plus the choices
/// of the structure and the switches.
#[must_use]
pub fn schema_document() -> serde_json::Value {
    use crate::sim::scenario::{MAX_HEADCOUNT, MAX_MONTHS, MIN_MONTHS, Role, SCHEMA_VERSION};
    serde_json::json!({
        "schema": SCHEMA_VERSION,
        "months": { "min": MIN_MONTHS, "max": MAX_MONTHS, "default": crate::sim::scenario::DEFAULT_MONTHS, "unit": "months" },
        "structure": {
            "lead_generation": ["generalist", "sdr", "agency"],
            "selling": ["generalist", "ae"],
            "serving": ["generalist", "am"],
            "headcount": Role::ALL.iter().map(|r| serde_json::json!({ "role": r.key(), "title": r.title(), "min": 0, "max": MAX_HEADCOUNT })).collect::<Vec<_>>(),
            "account_tiers": "account-list management: service hours go to strategic, then core, then long-tail accounts",
        },
        "switches": {
            "cut_leads_when_behind": "cut marketing when trailing three-month bookings fall behind plan (article section 5)",
            "sdr_paid_per_meeting": "SDRs earn their variable pay per meeting booked",
            "meeting_quality_gate": "meetings only pay out when the seller accepts them as qualified",
            "trade_shows": "attend trade shows (lumpy batches of leads)",
            "referrals": "customers refer new leads",
            "quotas": "year-to-date quotas, accelerators and attainment-driven effort and attrition",
        },
        "distributions": {
            "fixed": "a bare number",
            "uniform": { "min": "lowest", "max": "highest" },
            "triangular": { "min": "lowest", "mode": "most likely", "max": "highest" },
            "normal": { "low": "5th percentile", "high": "95th percentile" },
            "lognormal": { "low": "5th percentile (> 0)", "high": "95th percentile" },
        },
        "parameters": CATALOGUE,
    })
}
