//! What each panel shows, before any geometry: teams, managers, volumes.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    LeadGeneration,
    Selling,
    Serving,
}

/// A verb phrase, in the plural ("book meetings") and the singular ("books meetings").
pub(super) type Verb = (&'static str, &'static str);

#[derive(Clone, Debug)]
pub(super) struct Team {
    pub(super) role: Role,
    pub(super) people: u32,
    pub(super) managers: u32,
    /// The stages the team does, in order; empty for a team beside the flow.
    pub(super) stages: Vec<Stage>,
    /// What it does, for its box and the summary.
    pub(super) work: Vec<Verb>,
    /// The same people already drawn in an earlier stage (generalists who
    /// prospect and serve while AEs sell): no managers drawn twice.
    pub(super) repeat: bool,
    /// "+2 planned from month 4".
    pub(super) planned: Option<String>,
}

impl Team {
    pub(super) fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            people(self.role, self.people),
            join_and(&self.work.iter().map(|v| v.0).collect::<Vec<_>>()),
        ];
        if self.repeat {
            lines.push("(the same people)".to_owned());
        }
        lines.extend(self.planned.clone());
        lines
    }

    pub(super) fn has_loop(&self) -> bool {
        self.stages.len() > 1
    }

    pub(super) fn manager_box(&self) -> bool {
        !self.repeat && self.managers > 0
    }
}

#[derive(Clone, Debug)]
pub(super) struct Plan {
    pub(super) title: Vec<String>,
    pub(super) agency: bool,
    /// Teams along the flow, in stage order.
    pub(super) flow: Vec<Team>,
    /// Teams beside it: retention managers, and roles with seats but no stage.
    pub(super) side: Vec<Team>,
    pub(super) meeting_handoff: bool,
    pub(super) volumes: Option<Volumes>,
    pub(super) months: Range<u32>,
    pub(super) span: f64,
}

/// A team of `n` in the words of its box: "1 SDR", "6 SDRs", "1,250 AEs".
pub(super) fn people(role: Role, n: u32) -> String {
    let (one, many) = match role {
        Role::Generalist => ("generalist rep", "generalist reps"),
        Role::Sdr => ("SDR", "SDRs"),
        Role::Ae => ("AE", "AEs"),
        Role::Am => ("AM", "AMs"),
        Role::Retention => ("retention manager", "retention managers"),
    };
    counted(f64::from(n), one, many)
}

/// The same in a sentence, with the roles spelled out.
pub(super) fn people_in_words(role: Role, n: u32) -> String {
    let (one, many) = match role {
        Role::Generalist => ("generalist rep", "generalist reps"),
        Role::Sdr => ("SDR", "SDRs"),
        Role::Ae => ("account executive", "account executives"),
        Role::Am => ("account manager", "account managers"),
        Role::Retention => ("retention manager", "retention managers"),
    };
    counted(f64::from(n), one, many)
}

/// "1 manager", "3 managers".
pub(super) fn managers_text(n: u32) -> String {
    counted(f64::from(n), "manager", "managers")
}

/// A count with its noun, singular when the number reads "1".
pub(super) fn counted(value: f64, one: &str, many: &str) -> String {
    let number = count(value);
    let noun = if number == "1" { one } else { many };
    format!("{number} {noun}")
}

/// "a", "a and b", "a, b and c".
pub(super) fn join_and<S: AsRef<str>>(parts: &[S]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            last.as_ref()
        ),
    }
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Who does lead generation; `None` for the agency.
pub(super) fn lead_role(structure: &Structure) -> Option<Role> {
    match structure.lead_generation {
        LeadGeneration::Generalist => Some(Role::Generalist),
        LeadGeneration::Sdr => Some(Role::Sdr),
        LeadGeneration::Agency => None,
    }
}

pub(super) fn seller(structure: &Structure) -> Role {
    match structure.selling {
        Selling::Generalist => Role::Generalist,
        Selling::Ae => Role::Ae,
    }
}

pub(super) fn server(structure: &Structure) -> Role {
    match structure.serving {
        Serving::Generalist => Role::Generalist,
        Serving::Am => Role::Am,
    }
}

/// What a team doing `stages` does, in its box's words.
pub(super) fn work(stages: &[Stage], qualifies_leads: bool, tiers: bool) -> Vec<Verb> {
    let single = stages.len() == 1 && !qualifies_leads;
    let mut verbs = Vec::new();
    if qualifies_leads {
        verbs.push(("qualify leads", "qualifies leads"));
    }
    for stage in stages {
        verbs.push(match (stage, single, tiers) {
            (Stage::LeadGeneration, true, _) => ("book meetings", "books meetings"),
            (Stage::LeadGeneration, false, _) => ("prospect", "prospects"),
            (Stage::Selling, _, _) => ("sell", "sells"),
            (Stage::Serving, true, false) => ("serve customers", "serves customers"),
            (Stage::Serving, true, true) => ("serve customers by tier", "serves customers by tier"),
            (Stage::Serving, false, false) => ("serve", "serves"),
            (Stage::Serving, false, true) => ("serve by tier", "serves by tier"),
        });
    }
    verbs
}

/// "+2 planned from month 4" for the hires of `role` opening in `months`.
pub(super) fn planned(hires: &[PlannedHire], role: Role, months: &Range<u32>) -> Option<String> {
    let hires: Vec<&PlannedHire> = hires
        .iter()
        .filter(|h| h.role == role && months.contains(&h.month) && h.count > 0)
        .collect();
    let first = hires.iter().map(|h| h.month).min()?;
    let seats: u32 = hires.iter().map(|h| h.count).sum();
    Some(format!("+{} planned from {}", count(f64::from(seats)), month(first)))
}

/// Front-line managers of a team of `people`: one per span, rounded up
/// (as the engine counts them, `Census::managers`).
pub(super) fn managers_for(people: u32, span: f64) -> u32 {
    let span = span.max(1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let managers = (f64::from(people) / span).ceil() as u32;
    managers
}

pub(super) fn teams(
    structure: &Structure,
    span: f64,
    hires: &[PlannedHire],
    months: &Range<u32>,
) -> (Vec<Team>, Vec<Team>) {
    let agency = structure.lead_generation == LeadGeneration::Agency;
    let doers = [
        (lead_role(structure), Stage::LeadGeneration),
        (Some(seller(structure)), Stage::Selling),
        (Some(server(structure)), Stage::Serving),
    ];
    // Consecutive stages of one role are one team; the agency is drawn on its own.
    let mut groups: Vec<(Role, Vec<Stage>)> = Vec::new();
    for (doer, stage) in doers {
        let Some(role) = doer else { continue };
        match groups.last_mut() {
            Some((last, stages)) if *last == role => stages.push(stage),
            _ => groups.push((role, vec![stage])),
        }
    }
    let headcount = &structure.headcount;
    let mut flow: Vec<Team> = Vec::new();
    for (role, stages) in groups {
        let repeat = flow.iter().any(|t| t.role == role);
        let people = headcount.of(role);
        flow.push(Team {
            role,
            people,
            managers: managers_for(people, span),
            work: work(
                &stages,
                agency && stages.contains(&Stage::Selling),
                structure.account_tiers,
            ),
            stages,
            repeat,
            planned: if repeat { None } else { planned(hires, role, months) },
        });
    }
    let side = Role::ALL
        .into_iter()
        .filter(|role| !flow.iter().any(|t| t.role == *role))
        .filter_map(|role| {
            let people = headcount.of(role);
            let planned = planned(hires, role, months);
            (people > 0 || planned.is_some()).then(|| Team {
                role,
                people,
                managers: managers_for(people, span),
                stages: Vec::new(),
                work: vec![if role == Role::Retention {
                    ("keep customers", "keeps customers")
                } else {
                    ("no stage assigned", "has no stage assigned")
                }],
                repeat: false,
                planned,
            })
        })
        .collect();
    (flow, side)
}

/// The mean over runs and the months in `months` (0-based indices), as
/// [`Summary::mean_over_months`] computes it over all months.
pub(super) fn mean_over(summary: &Summary, metric: Metric, months: &Range<usize>) -> Option<f64> {
    let all = summary.monthly.get(metric as usize)?;
    let picked = all.get(months.clone())?;
    let means: Vec<f64> = picked.iter().filter_map(crate::sim::stats::Accumulator::mean).collect();
    if means.is_empty() {
        None
    } else {
        Some(means.iter().sum::<f64>() / means.len() as f64)
    }
}

/// The monthly volumes of the 1-based `months`, if the run covers them.
pub(super) fn volumes(summary: &Summary, months: &Range<u32>) -> Option<Volumes> {
    let indices = (months.start as usize).saturating_sub(1)..(months.end as usize).saturating_sub(1);
    if indices.is_empty() {
        return None;
    }
    let mean = |metric| mean_over(summary, metric, &indices);
    Some(Volumes {
        leads: mean(Metric::Leads)?,
        leads_lost: mean(Metric::LeadsExpired)?,
        meetings: mean(Metric::Meetings)?,
        meetings_lost: mean(Metric::MeetingsLost)?,
        opportunities: mean(Metric::Opportunities)?,
        opportunities_lost: mean(Metric::OpportunitiesTimedOut)?,
        deals: mean(Metric::Deals)?,
        churned: mean(Metric::ChurnedCustomers)?,
    })
}

pub(super) fn plans(scenario: &Scenario, last_run: Option<&Summary>) -> Vec<Plan> {
    let span = scenario.parameter_table()[P::SpanOfControl as usize].central();
    let end = scenario.months + 1;
    let plan = |title: Vec<String>, structure: &Structure, months: Range<u32>| {
        let (flow, side) = teams(structure, span, &scenario.hiring_plan, &months);
        Plan {
            title,
            agency: structure.lead_generation == LeadGeneration::Agency,
            flow,
            side,
            meeting_handoff: structure.has_meeting_handoff(),
            volumes: last_run.and_then(|s| volumes(s, &months)),
            months,
            span,
        }
    };
    match &scenario.restructuring {
        None => vec![plan(Vec::new(), &scenario.structure, 1..end)],
        Some(change) => {
            let switch = change.month.clamp(1, end);
            let mut after = vec![format!("From {}", month(switch))];
            if change.process_owner {
                after.push("A process owner leads the change".to_owned());
            }
            vec![
                plan(vec![format!("Until {}", month(switch))], &scenario.structure, 1..switch),
                plan(after, &change.to, switch..end),
            ]
        }
    }
}

// ---------------------------------------------------------------------------
