//! The words on the arrows.

use super::plan::*;
use super::*;

pub(super) fn leads_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["Leads".to_owned()],
        Some(v) => vec![
            format!("{} a month", counted(v.leads, "lead", "leads")),
            format!("({} lost unworked)", count(v.leads_lost)),
        ],
    }
}

pub(super) fn meetings_words(v: Option<&Volumes>, handoff: bool, agency: bool) -> Vec<String> {
    let Some(v) = v else {
        return vec![if agency { "Meetings booked" } else { "Meetings" }.to_owned()];
    };
    let mut words = vec![format!("{} a month", counted(v.meetings, "meeting", "meetings"))];
    if agency {
        // The engine counts the agency's meetings with those the sellers book from inbound leads.
        words.push("(agency and inbound together)".to_owned());
    }
    let lost = if handoff {
        "lost in hand-off or never held"
    } else {
        "never held"
    };
    words.push(format!("({} {lost})", count(v.meetings_lost)));
    words
}

pub(super) fn customers_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["New customers".to_owned()],
        Some(v) => vec![
            format!("{} a month", counted(v.opportunities, "opportunity", "opportunities")),
            format!("({} lost to age or departures)", count(v.opportunities_lost)),
            format!("{} a month", counted(v.deals, "new customer", "new customers")),
        ],
    }
}

pub(super) fn churn_words(v: Option<&Volumes>) -> Vec<String> {
    match v {
        None => vec!["Customers lost".to_owned()],
        Some(v) => vec![format!(
            "{} a month",
            counted(v.churned, "customer lost", "customers lost")
        )],
    }
}

/// The words of the hand-over after `stage`.
pub(super) fn after_stage(plan: &Plan, stage: Stage) -> Vec<String> {
    match stage {
        Stage::LeadGeneration => meetings_words(plan.volumes.as_ref(), plan.meeting_handoff, false),
        Stage::Selling | Stage::Serving => customers_words(plan.volumes.as_ref()),
    }
}

/// What a team's loop carries: each hand-over that stays inside it.
pub(super) fn loop_words(plan: &Plan, team: &Team) -> Vec<String> {
    let inner = &team.stages[..team.stages.len() - 1];
    if plan.volumes.is_none() {
        let names: Vec<&str> = inner
            .iter()
            .map(|s| {
                if *s == Stage::LeadGeneration {
                    "meetings"
                } else {
                    "new customers"
                }
            })
            .collect();
        return vec![capitalised(&join_and(&names)), "stay in the team".to_owned()];
    }
    inner.iter().flat_map(|s| after_stage(plan, *s)).collect()
}

// ---------------------------------------------------------------------------
