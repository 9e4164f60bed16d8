//! The editor's groups, in the order the model works: who does what, where
//! leads come from, how they convert, how long deals take and how big they
//! are, customers, people, pay, the restructuring, money, the horizon.
//! Every catalogued parameter sits in exactly one group (a test checks it);
//! "common" fields show first, "more" hides the rest until asked.

use crate::app::draft::Toggle;
use crate::sim::params::P;

/// What else a group holds besides its parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// The structure editor: stages, headcount, account tiers.
    Structure,
    Parameters,
    /// The hiring plan under the people's parameters.
    People,
    /// Whether and when the scenario restructures, and into what.
    Restructuring,
    /// The scenario's horizon.
    Simulation,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupSpec {
    /// Stable id, used in element ids and test ids.
    pub id: &'static str,
    pub title: &'static str,
    pub kind: GroupKind,
    pub common: &'static [P],
    pub more: &'static [P],
    pub toggles: &'static [Toggle],
}

use P::*;

pub const GROUPS: &[GroupSpec] = &[
    GroupSpec {
        id: "structure",
        title: "Structure and headcount",
        kind: GroupKind::Structure,
        common: &[HoursPerMonth, ContextSwitchLoss, HandoffLeakage, Alignment],
        more: &[MinProspectingShare, HandoffDelay, AlignmentEffect, HandoffChurnUplift],
        toggles: &[],
    },
    GroupSpec {
        id: "lead-flow",
        title: "Lead flow",
        kind: GroupKind::Parameters,
        common: &[
            InboundBudget,
            InboundCostPerLead,
            TradeShowsPerYear,
            TradeShowLeads,
            AgencyMeetings,
            AgencyFee,
            ReferralRate,
        ],
        more: &[
            InboundReturnsExponent,
            InboundReferenceBudget,
            InboundCarryover,
            InboundQuality,
            SeasonalityAmplitude,
            SeasonalityPeak,
            ArrivalDispersion,
            LeadExpiryMonths,
            TradeShowCost,
            TradeShowQuality,
            AgencyCostPerMeeting,
            AgencyQuality,
            ReferralQuality,
            HoursPerLead,
            HoursPerOutboundMeetingSdr,
            HoursPerOutboundMeetingGeneralist,
            OutboundMarket,
            OutboundQuality,
            BookingsPlan,
            CutTrigger,
            CutRestore,
            CutShare,
        ],
        toggles: &[Toggle::TradeShows, Toggle::Referrals, Toggle::CutLeadsWhenBehind],
    },
    GroupSpec {
        id: "funnel",
        title: "Funnel",
        kind: GroupKind::Parameters,
        common: &[LeadToMeeting, MeetingToOpportunity, OpportunityToWin],
        more: &[
            GeneralistSkill,
            HoursPerMeeting,
            HoursPerOpportunity,
            BottleneckLossShare,
        ],
        toggles: &[],
    },
    GroupSpec {
        id: "cycle-and-deals",
        title: "Sales cycle and deal sizes",
        kind: GroupKind::Parameters,
        common: &[CycleMeanMonths, AcvMedian],
        more: &[CycleP90Months, OpportunityMaxAge, AcvSpread],
        toggles: &[],
    },
    GroupSpec {
        id: "customers",
        title: "Customers, tiers and retention",
        kind: GroupKind::Parameters,
        common: &[
            StartAccounts,
            StartArr,
            ChurnStrategic,
            ChurnCore,
            ChurnLongTail,
            RetentionEffect,
        ],
        more: &[
            AnnualContractShare,
            StrategicMinMrr,
            CoreMinMrr,
            UnderserviceChurnStrategic,
            UnderserviceChurn,
            UnderserviceChurnLongTail,
            EarlyLifeMonths,
            EarlyLifeChurn,
            ExpansionRate,
            ContractionRate,
            ServiceHoursStrategic,
            ServiceHoursCore,
            ServiceHoursLongTail,
            RetentionHoursPerAccount,
        ],
        toggles: &[],
    },
    GroupSpec {
        id: "people",
        title: "People",
        kind: GroupKind::People,
        common: &[
            GeneralistRamp,
            SdrRamp,
            AeRamp,
            AmRamp,
            RetentionRamp,
            GeneralistAttrition,
            SdrAttrition,
            AeAttrition,
            AmAttrition,
            RetentionAttrition,
            HiringLagMonths,
            SpanOfControl,
        ],
        more: &[
            RampStartShare,
            RecruitingHours,
            RecruitingCost,
            SpanProductivity,
            SpanAttrition,
            SpanReference,
            SpanProductivityFloor,
            TrainingSpend,
            TrainingEffect,
            TrainingDecay,
            TrainingReference,
        ],
        toggles: &[],
    },
    GroupSpec {
        id: "incentives",
        title: "Incentives",
        kind: GroupKind::Parameters,
        common: &[
            GeneralistOte,
            SdrOte,
            AeOte,
            AmOte,
            RetentionOte,
            ManagerOte,
            GeneralistVariableShare,
            SdrVariableShare,
            AeVariableShare,
            AmVariableShare,
            RetentionVariableShare,
            ManagerVariableShare,
            GeneralistQuota,
            AeQuota,
            Accelerator,
            SdrMeetingBonus,
            TeamBonusShare,
        ],
        more: &[
            SellerSpread,
            ExpansionCredit,
            EffortElasticity,
            EffortScale,
            AttainmentFloor,
            LowAttainmentEffort,
            LowAttainmentAttrition,
            MeetingPayVolume,
            MeetingPayQuality,
            TeamLeakageReduction,
            TeamFreeRiding,
            TeamPoolFullShare,
            TeamPoolCap,
            AmRetentionTarget,
            RetentionBonusCap,
            EffortFloor,
            AttritionHazardCap,
        ],
        toggles: &[Toggle::Quotas, Toggle::SdrPaidPerMeeting, Toggle::MeetingQualityGate],
    },
    GroupSpec {
        id: "restructuring",
        title: "Restructuring",
        kind: GroupKind::Restructuring,
        common: &[TransitionDip, TransitionRecovery, ProcessOwnerSpeedup, ProcessOwnerCost],
        more: &[
            TransitionAttrition,
            TransitionAttritionMonths,
            ReroledTenure,
            ConsultingCost,
            PipelineTransferLeakage,
            ReassignedChurn,
            SeveranceMonths,
        ],
        toggles: &[],
    },
    GroupSpec {
        id: "money",
        title: "Money",
        kind: GroupKind::Parameters,
        common: &[GrossMargin, DiscountRate, BenefitsMultiplier],
        more: &[
            SalesToolsPerSeat,
            VariablePayLoad,
            SalesLeadershipCost,
            LtvHorizonMonths,
        ],
        toggles: &[],
    },
    GroupSpec {
        id: "simulation",
        title: "Simulation settings",
        kind: GroupKind::Simulation,
        common: &[],
        more: &[],
        toggles: &[],
    },
];

/// The group a parameter is edited in.
#[must_use]
pub fn group_of(param: P) -> Option<&'static GroupSpec> {
    GROUPS
        .iter()
        .find(|group| group.common.contains(&param) || group.more.contains(&param))
}
