//! The page's state and the intents that change it: which scenarios are on
//! the list, which are ticked for comparison, which is the baseline, the
//! run settings as typed, the metric on the fan chart. Plain data with a
//! pure `apply`, so every transition is tested natively; the app's root
//! makes it a Yew `Reducible`.
//!
//! The list holds the presets (read only: a change makes a copy) and the
//! user's own scenarios: made from a preset, from "your numbers" and its
//! standard alternatives, or as a copy; renamed, deleted with an undo.
//! What is kept between visits is in `saved.rs`.

mod editing;
mod saved;

pub use saved::{KeptAside, Saved, SavedScenario};

use std::collections::BTreeMap;

use crate::app::draft::{DraftEdit, ScenarioDraft};
use crate::app::your_numbers_form::YourNumbersForm;
use crate::sim::metrics::Metric;
use crate::sim::presets;
use crate::sim::scenario::{MAX_MONTHS, MIN_MONTHS, Scenario};
use crate::sim::validate::validate;
use crate::sim::your_numbers::{Field, alternatives};

/// At most this many scenarios are compared at once (one colour each).
pub const MAX_TICKED: usize = 6;
/// The run counts the settings panel allows.
pub const MIN_PAGE_RUNS: u64 = 1_000;
pub const MAX_PAGE_RUNS: u64 = 1_000_000;
pub const DEFAULT_PAGE_RUNS: u64 = 10_000;
pub const DEFAULT_SEED: u64 = 1;
/// The first visit compares the generalist baseline with the three-stage
/// structure and the restructuring, so the first screen answers a question.
pub const FIRST_VISIT: [&str; 3] = ["generalist", "specialised", "restructure"];

/// Runs this small re-run on their own after a change (debounced): 2,000
/// futures of 36 months a scenario take well under a second on a laptop's
/// workers, so the pictures follow an edit without a press of Run.
pub const AUTO_RUN_LIMIT: u64 = 2_000 * 36;
/// The longest name a scenario may have (the scenario file allows 500 characters).
pub const MAX_TITLE_CHARS: usize = 120;

/// Where a scenario on the list comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Ready-made and read only: a change makes a copy.
    Preset,
    /// The user's own: renamed, edited and deleted freely, kept between visits.
    Yours,
}

/// A scenario the user can tick.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioEntry {
    pub id: String,
    pub title: String,
    /// One plain sentence on what it represents.
    pub description: String,
    pub scenario: Scenario,
    pub origin: Origin,
    /// The user's baseline this is a standard alternative of.
    pub alternative_of: Option<String>,
}

impl ScenarioEntry {
    #[must_use]
    pub fn is_preset(&self) -> bool {
        self.origin == Origin::Preset
    }

    fn yours(id: String, scenario: Scenario) -> Self {
        ScenarioEntry {
            id,
            title: scenario.name.clone(),
            description: scenario.description.clone(),
            scenario,
            origin: Origin::Yours,
            alternative_of: None,
        }
    }
}

/// The last deleted scenario, with what Undo puts back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub entry: ScenarioEntry,
    /// Its place on the list.
    pub index: usize,
    /// Its place among the ticked, if it was ticked.
    pub ticked_at: Option<usize>,
    pub was_baseline: bool,
}

/// The run settings as typed (kept as text, so nothing typed is lost while
/// it is invalid).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsForm {
    pub runs: String,
    pub months: String,
    pub seed: String,
}

/// A settings field that cannot be used, with the message shown at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's label: "Runs", "Months" or "Seed".
    pub field: &'static str,
    pub message: String,
}

/// Valid settings, ready for a run plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub runs: u64,
    pub months: u32,
    pub seed: u64,
}

fn whole_number(field: &'static str, text: &str, min: u64, max: u64, unit: &str) -> Result<u64, FieldError> {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
    match cleaned.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(FieldError {
            field,
            message: format!(
                "{field}: must be a whole number from {} to {}{unit}, got \"{}\"",
                group(min),
                group(max),
                text.trim()
            ),
        }),
    }
}

fn group(n: u64) -> String {
    crate::app::view::format::whole(n)
}

impl Settings {
    /// Small enough to re-run on its own after a change (see [`AUTO_RUN_LIMIT`]).
    #[must_use]
    pub fn updates_on_its_own(&self) -> bool {
        self.runs.saturating_mul(u64::from(self.months)) <= AUTO_RUN_LIMIT
    }
}

impl SettingsForm {
    /// The settings, or a message per invalid field.
    ///
    /// # Errors
    /// One [`FieldError`] per field that is not a whole number in its range.
    pub fn parse(&self) -> Result<Settings, Vec<FieldError>> {
        let runs = whole_number("Runs", &self.runs, MIN_PAGE_RUNS, MAX_PAGE_RUNS, "");
        let months = whole_number(
            "Months",
            &self.months,
            u64::from(MIN_MONTHS),
            u64::from(MAX_MONTHS),
            " months",
        );
        let seed = whole_number("Seed", &self.seed, 0, u64::MAX, "");
        match (runs, months, seed) {
            (Ok(runs), Ok(months), Ok(seed)) => Ok(Settings {
                runs,
                months: u32::try_from(months).unwrap_or(MAX_MONTHS),
                seed,
            }),
            (runs, months, seed) => Err([runs.err(), months.err(), seed.err()].into_iter().flatten().collect()),
        }
    }
}

/// The user's intents.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tick or untick a scenario for comparison.
    Tick {
        id: String,
        ticked: bool,
    },
    /// Make a ticked scenario the baseline.
    MakeBaseline {
        id: String,
    },
    EditRuns(String),
    EditMonths(String),
    EditSeed(String),
    ChooseMetric(Metric),
    /// Open a scenario in the editor (a preset opens read-only).
    OpenEditor {
        id: String,
    },
    CloseEditor,
    /// An edit typed in the editor of scenario `id`; on a preset it makes
    /// the user's copy, which the editor then shows.
    Edit {
        id: String,
        edit: Box<DraftEdit>,
    },
    /// A copy of a preset among the user's scenarios.
    NewFromPreset {
        preset: String,
    },
    /// Text typed in one input of "Your sales organisation today".
    EditYourNumber {
        field: Field,
        text: String,
    },
    /// The baseline from "your numbers", ticked as the baseline.
    NewFromYourNumbers,
    /// The standard alternatives of one of the user's scenarios, compared with it.
    MakeAlternatives {
        of: String,
    },
    /// A copy of any scenario among the user's.
    Duplicate {
        id: String,
    },
    Rename {
        id: String,
        title: String,
    },
    /// Removes one of the user's scenarios; [`Action::Undo`] brings it back.
    Delete {
        id: String,
    },
    Undo,
    /// Forgets the last deletion (the banner is closed).
    DismissUndo,
    /// The editor's change to a scenario; a preset is copied and the copy changed.
    ReplaceScenario {
        id: String,
        scenario: Box<Scenario>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    /// The presets, then the user's scenarios.
    pub entries: Vec<ScenarioEntry>,
    /// Ticked scenario ids in the order they were ticked.
    pub ticked: Vec<String>,
    /// The ticked scenario the others are compared with.
    pub baseline: Option<String>,
    pub settings: SettingsForm,
    pub metric: Metric,
    /// Why the last intent was refused (e.g. a seventh tick), for a live region.
    pub notice: Option<String>,
    pub your_numbers: YourNumbersForm,
    /// The last deleted scenario, until undone or dismissed.
    pub deleted: Option<Deleted>,
    /// The scenario the last intent made, for the page to show (and the editor to open).
    pub created: Option<String>,
    /// The baseline last made from "your numbers", whose alternatives the form offers.
    pub numbers_baseline: Option<String>,
    /// Saved scenarios that could not be read, kept (and saved again) as they were.
    pub kept_aside: Vec<KeptAside>,
    /// The number in the next id of a user's scenario ("yours-7"): ids are never reused.
    pub next_id: u64,
    /// The scenario open in the editor.
    pub editing: Option<String>,
    /// What the user has typed into each of their scenarios, kept while it
    /// is invalid (the entry's scenario is its last valid version).
    pub drafts: BTreeMap<String, ScenarioDraft>,
}

impl Default for Store {
    fn default() -> Self {
        Self::first_visit()
    }
}

impl Store {
    /// The presets, with the first-visit comparison ticked.
    #[must_use]
    pub fn first_visit() -> Self {
        let entries: Vec<ScenarioEntry> = presets::all()
            .into_iter()
            .map(|p| ScenarioEntry {
                id: p.id.to_owned(),
                title: p.title.to_owned(),
                description: p.scenario.description.clone(),
                scenario: p.scenario,
                origin: Origin::Preset,
                alternative_of: None,
            })
            .collect();
        let ticked: Vec<String> = FIRST_VISIT
            .iter()
            .filter(|id| entries.iter().any(|e| e.id == **id))
            .map(|id| (*id).to_owned())
            .collect();
        let months = ticked
            .first()
            .and_then(|id| entries.iter().find(|e| &e.id == id))
            .map_or(crate::sim::scenario::DEFAULT_MONTHS, |e| e.scenario.months);
        Store {
            baseline: ticked.first().cloned(),
            entries,
            ticked,
            settings: SettingsForm {
                runs: DEFAULT_PAGE_RUNS.to_string(),
                months: months.to_string(),
                seed: DEFAULT_SEED.to_string(),
            },
            metric: Metric::ValueCreated,
            notice: None,
            your_numbers: YourNumbersForm::default(),
            deleted: None,
            created: None,
            numbers_baseline: None,
            kept_aside: Vec::new(),
            next_id: 1,
            editing: None,
            drafts: BTreeMap::new(),
        }
    }

    /// The state after `action`.
    #[must_use]
    pub fn apply(&self, action: Action) -> Store {
        let mut next = self.clone();
        next.notice = None;
        next.created = None;
        match action {
            Action::Tick { id, ticked } => next.tick(&id, ticked),
            Action::MakeBaseline { id } => {
                if next.ticked.contains(&id) {
                    next.baseline = Some(id);
                }
            }
            Action::EditRuns(text) => next.settings.runs = text,
            Action::EditMonths(text) => next.settings.months = text,
            Action::EditSeed(text) => next.settings.seed = text,
            Action::ChooseMetric(metric) => next.metric = metric,
            Action::NewFromPreset { preset } => next.new_from_preset(&preset),
            Action::EditYourNumber { field, text } => next.your_numbers.edit(field, text),
            Action::NewFromYourNumbers => next.new_from_your_numbers(),
            Action::MakeAlternatives { of } => next.make_alternatives(&of),
            Action::Duplicate { id } => next.duplicate(&id),
            Action::Rename { id, title } => next.rename(&id, &title),
            Action::Delete { id } => next.delete(&id),
            Action::Undo => next.undo(),
            Action::DismissUndo => next.deleted = None,
            Action::ReplaceScenario { id, scenario } => next.replace(&id, *scenario),
            Action::OpenEditor { id } => next.open_editor(&id),
            Action::CloseEditor => next.editing = None,
            Action::Edit { id, edit } => next.edit(&id, *edit),
        }
        next
    }

    fn tick(&mut self, id: &str, ticked: bool) {
        if !self.entries.iter().any(|e| e.id == id) {
            return;
        }
        let is_ticked = self.ticked.iter().any(|t| t == id);
        if ticked && !is_ticked {
            if self.ticked.len() >= MAX_TICKED {
                self.notice = Some(format!(
                    "You can compare up to {MAX_TICKED} scenarios at once; untick one first."
                ));
                return;
            }
            self.ticked.push(id.to_owned());
        } else if !ticked && is_ticked {
            self.ticked.retain(|t| t != id);
        }
        self.keep_baseline_ticked();
    }

    /// The baseline stays while it is ticked; otherwise the first ticked takes over.
    fn keep_baseline_ticked(&mut self) {
        if !self.baseline.as_ref().is_some_and(|b| self.ticked.contains(b)) {
            self.baseline = self.ticked.first().cloned();
        }
    }

    fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("yours-{}", self.next_id);
            self.next_id += 1;
            if self.entry(&id).is_none() {
                return id;
            }
        }
    }

    /// `wanted`, or "wanted (2)", "wanted (3)"… if another scenario has that name.
    fn unique_title(&self, wanted: &str) -> String {
        let wanted: String = wanted.trim().chars().take(MAX_TITLE_CHARS).collect();
        let taken = |title: &str| self.entries.iter().any(|e| e.title == title);
        if !taken(&wanted) {
            return wanted;
        }
        (2..)
            .map(|n| format!("{wanted} ({n})"))
            .find(|t| !taken(t))
            .unwrap_or(wanted)
    }

    /// Adds one of the user's scenarios after `after` (or at the end), ticks
    /// it if there is room and says it was made; returns its id.
    fn add(&mut self, mut scenario: Scenario, after: Option<usize>) -> String {
        let id = self.fresh_id();
        scenario.name = self.unique_title(&scenario.name);
        let entry = ScenarioEntry::yours(id.clone(), scenario);
        let at = after.map_or(self.entries.len(), |i| (i + 1).min(self.entries.len()));
        self.entries.insert(at, entry);
        if self.ticked.len() < MAX_TICKED {
            self.ticked.push(id.clone());
            self.keep_baseline_ticked();
        }
        self.created = Some(id.clone());
        id
    }

    fn new_from_preset(&mut self, preset: &str) {
        let Some(entry) = self.entry(preset).filter(|e| e.is_preset()) else {
            return;
        };
        let mut scenario = entry.scenario.clone();
        scenario.name = format!("{} (yours)", entry.title);
        self.add(scenario, None);
    }

    fn new_from_your_numbers(&mut self) {
        let scenario = match self.your_numbers.numbers().map(|n| n.to_scenario()) {
            Ok(Ok(scenario)) => scenario,
            Ok(Err(problems)) => {
                self.notice = Some(format!(
                    "Your numbers: {} to correct before the baseline can be made.",
                    plural(problems.len(), "input")
                ));
                return;
            }
            Err(messages) => {
                self.notice = Some(format!(
                    "Your numbers: {} to correct before the baseline can be made.",
                    plural(messages.len(), "input")
                ));
                return;
            }
        };
        let id = self.add(scenario, None);
        if self.ticked.contains(&id) {
            self.baseline = Some(id.clone());
        }
        self.numbers_baseline = Some(id);
    }

    fn make_alternatives(&mut self, of: &str) {
        let Some(baseline) = self.entry(of).filter(|e| !e.is_preset()).cloned() else {
            return;
        };
        if self.entries.iter().any(|e| e.alternative_of.as_deref() == Some(of)) {
            self.notice = Some(format!(
                "The standard alternatives of \"{}\" are already on the list.",
                baseline.title
            ));
            return;
        }
        let made = alternatives(&baseline.scenario);
        if made.is_empty() {
            self.notice = Some(format!(
                "\"{}\" is too small a team for the standard alternatives at the same pay.",
                baseline.title
            ));
            return;
        }
        // The comparison becomes the baseline against its alternatives.
        self.ticked = vec![baseline.id.clone()];
        self.baseline = Some(baseline.id.clone());
        let mut after = self.entries.iter().position(|e| e.id == of);
        for scenario in made {
            let id = self.add(scenario, after);
            after = self.entries.iter().position(|e| e.id == id);
            if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
                entry.alternative_of = Some(baseline.id.clone());
            }
        }
        self.created = None;
    }

    fn duplicate(&mut self, id: &str) {
        let Some(index) = self.entries.iter().position(|e| e.id == id) else {
            return;
        };
        let entry = &self.entries[index];
        let mut scenario = entry.scenario.clone();
        scenario.name = format!("Copy of {}", entry.title);
        let after = (!entry.is_preset()).then_some(index);
        self.add(scenario, after);
    }

    fn yours_mut(&mut self, id: &str) -> Option<&mut ScenarioEntry> {
        self.entries.iter_mut().find(|e| e.id == id && !e.is_preset())
    }

    fn rename(&mut self, id: &str, title: &str) {
        let title = title.trim();
        let Some(old) = self.entry(id).map(|e| e.title.clone()) else {
            return;
        };
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            self.notice = Some(format!(
                "A scenario's name must be 1 to {MAX_TITLE_CHARS} characters; \"{old}\" keeps its name."
            ));
            return;
        }
        if let Some(entry) = self.yours_mut(id) {
            title.clone_into(&mut entry.title);
            title.clone_into(&mut entry.scenario.name);
        } else {
            self.notice = Some(format!("\"{old}\" is a preset: duplicate it to rename the copy."));
        }
    }

    fn delete(&mut self, id: &str) {
        let Some(index) = self.entries.iter().position(|e| e.id == id && !e.is_preset()) else {
            return;
        };
        let entry = self.entries.remove(index);
        let ticked_at = self.ticked.iter().position(|t| t == id);
        let was_baseline = self.baseline.as_deref() == Some(id);
        self.ticked.retain(|t| t != id);
        self.keep_baseline_ticked();
        if self.numbers_baseline.as_deref() == Some(id) {
            self.numbers_baseline = None;
        }
        self.deleted = Some(Deleted {
            entry,
            index,
            ticked_at,
            was_baseline,
        });
    }

    fn undo(&mut self) {
        let Some(deleted) = self.deleted.take() else {
            return;
        };
        let id = deleted.entry.id.clone();
        let index = deleted.index.min(self.entries.len());
        self.entries.insert(index, deleted.entry);
        if let Some(at) = deleted.ticked_at {
            if self.ticked.len() < MAX_TICKED {
                self.ticked.insert(at.min(self.ticked.len()), id.clone());
            } else {
                self.notice = Some(format!(
                    "{MAX_TICKED} scenarios are ticked, so the one brought back is not; untick one to compare it."
                ));
            }
        }
        if deleted.was_baseline && self.ticked.contains(&id) {
            self.baseline = Some(id);
        }
        self.keep_baseline_ticked();
    }

    fn replace(&mut self, id: &str, mut scenario: Scenario) {
        let Some(entry) = self.entry(id).cloned() else {
            return;
        };
        if let Some(yours) = self.yours_mut(id) {
            scenario.name.clone_from(&yours.title);
            yours.description.clone_from(&scenario.description);
            yours.scenario = scenario;
            return;
        }
        // A preset is read only: the change goes to a copy, which takes the
        // preset's place in the comparison.
        scenario.name = format!("{} (yours)", entry.title);
        let ticked_at = self.ticked.iter().position(|t| t == id);
        let was_baseline = self.baseline.as_deref() == Some(id);
        self.ticked.retain(|t| t != id);
        let copy = self.add(scenario, None);
        self.ticked.retain(|t| *t != copy);
        if let Some(at) = ticked_at {
            self.ticked.insert(at.min(self.ticked.len()), copy.clone());
        }
        if was_baseline {
            self.baseline = Some(copy);
        }
        self.keep_baseline_ticked();
    }

    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&ScenarioEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The presets, in the order the engine lists them.
    pub fn presets(&self) -> impl Iterator<Item = &ScenarioEntry> {
        self.entries.iter().filter(|e| e.is_preset())
    }

    /// The user's scenarios, in list order.
    pub fn yours(&self) -> impl Iterator<Item = &ScenarioEntry> {
        self.entries.iter().filter(|e| !e.is_preset())
    }

    /// The ticked entries, the baseline first, then in the order ticked.
    #[must_use]
    pub fn compared(&self) -> Vec<&ScenarioEntry> {
        let baseline = self.baseline.as_deref();
        baseline
            .into_iter()
            .chain(
                self.ticked
                    .iter()
                    .map(String::as_str)
                    .filter(|id| Some(*id) != baseline),
            )
            .filter_map(|id| self.entry(id))
            .collect()
    }

    /// What a press of Run would run, or every reason it cannot.
    ///
    /// # Errors
    /// Invalid settings (one message per field), nothing ticked, or a
    /// ticked scenario the engine would refuse (the editor's, mid-edit).
    pub fn run_request(&self) -> Result<(Vec<Scenario>, Settings), Vec<FieldError>> {
        let settings = self.settings.parse();
        let compared = self.compared();
        let scenarios: Vec<Scenario> = compared.iter().map(|e| e.scenario.clone()).collect();
        let mut errors = settings.as_ref().err().cloned().unwrap_or_default();
        if scenarios.is_empty() {
            errors.push(FieldError {
                field: "Scenarios",
                message: "Scenarios: tick at least one scenario to run.".to_owned(),
            });
        }
        for entry in &compared {
            if let Some(count) = self.problems_in(&entry.id) {
                errors.push(FieldError {
                    field: "Scenarios",
                    message: format!(
                        "\"{}\" cannot run until {} fixed in the editor; its last results are out of date.",
                        entry.title,
                        if count == 1 {
                            "its problem is".to_owned()
                        } else {
                            format!("its {count} problems are")
                        }
                    ),
                });
            }
        }
        for entry in compared.iter().filter(|e| !e.is_preset()) {
            if let Err(problems) = validate(&entry.scenario) {
                errors.push(FieldError {
                    field: "Scenarios",
                    message: format!("\"{}\" cannot run yet: {problems}", entry.title),
                });
            }
        }
        match settings {
            Ok(settings) if errors.is_empty() => Ok((scenarios, settings)),
            _ => Err(errors),
        }
    }
}

/// The line beside Run on whether these settings re-run on their own.
#[must_use]
pub fn auto_run_words(settings: Option<Settings>) -> String {
    let rule = format!(
        "Small runs update on their own (up to {} futures of 36 months a scenario)",
        crate::app::view::format::whole(AUTO_RUN_LIMIT / 36)
    );
    if settings.is_some_and(|s| s.updates_on_its_own()) {
        format!("{rule}: these settings re-run a moment after each change.")
    } else {
        format!("{rule}; larger ones like these wait for Run.")
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests;
