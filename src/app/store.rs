//! The page's state and the intents that change it: which scenarios are on
//! the list, which are ticked for comparison, which is the baseline, the
//! run settings as typed, the metric on the fan chart. Plain data with a
//! pure `apply`, so every transition is tested natively; `state.rs` makes
//! it a Yew `Reducible`. Part 2 (the editor) adds the user's own scenarios
//! to `entries`.

use serde::{Deserialize, Serialize};

use crate::sim::metrics::Metric;
use crate::sim::presets;
use crate::sim::scenario::{MAX_MONTHS, MIN_MONTHS, Scenario};

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

/// A scenario the user can tick.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioEntry {
    pub id: String,
    pub title: String,
    /// One plain sentence on what it represents.
    pub description: String,
    pub scenario: Scenario,
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    pub entries: Vec<ScenarioEntry>,
    /// Ticked scenario ids in the order they were ticked.
    pub ticked: Vec<String>,
    /// The ticked scenario the others are compared with.
    pub baseline: Option<String>,
    pub settings: SettingsForm,
    pub metric: Metric,
    /// Why the last intent was refused (e.g. a seventh tick), for a live region.
    pub notice: Option<String>,
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
        }
    }

    /// The state after `action`.
    #[must_use]
    pub fn apply(&self, action: Action) -> Store {
        let mut next = self.clone();
        next.notice = None;
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
        // The baseline stays while it is ticked; otherwise the first ticked takes over.
        if !self.baseline.as_ref().is_some_and(|b| self.ticked.contains(b)) {
            self.baseline = self.ticked.first().cloned();
        }
    }

    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&ScenarioEntry> {
        self.entries.iter().find(|e| e.id == id)
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
    /// Invalid settings (one message per field), or nothing ticked.
    pub fn run_request(&self) -> Result<(Vec<Scenario>, Settings), Vec<FieldError>> {
        let settings = self.settings.parse();
        let scenarios: Vec<Scenario> = self.compared().iter().map(|e| e.scenario.clone()).collect();
        let mut errors = settings.as_ref().err().cloned().unwrap_or_default();
        if scenarios.is_empty() {
            errors.push(FieldError {
                field: "Scenarios",
                message: "Scenarios: tick at least one scenario to run.".to_owned(),
            });
        }
        match settings {
            Ok(settings) if errors.is_empty() => Ok((scenarios, settings)),
            _ => Err(errors),
        }
    }
}

/// What the page keeps in the browser between visits: the comparison and
/// the settings as typed. Versioned, so a later format can read this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub ticked: Vec<String>,
    pub baseline: Option<String>,
    pub runs: String,
    pub months: String,
    pub seed: String,
    pub metric: String,
}

impl Saved {
    /// The format written by this build.
    pub const VERSION: u32 = 1;
    /// The browser storage key, named after the format it holds.
    pub const KEY: &'static str = "salesim.page.v1";

    /// Reads saved text.
    ///
    /// # Errors
    /// Text that is not a saved page of a known version, in words.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let saved: Saved =
            serde_json::from_str(text).map_err(|e| format!("the saved comparison could not be read ({e})"))?;
        if saved.version != Self::VERSION {
            return Err(format!(
                "the saved comparison is in format {}, which this version does not know",
                saved.version
            ));
        }
        Ok(saved)
    }
}

impl Store {
    /// What to save of this state.
    #[must_use]
    pub fn saved(&self) -> Saved {
        Saved {
            version: Saved::VERSION,
            ticked: self.ticked.clone(),
            baseline: self.baseline.clone(),
            runs: self.settings.runs.clone(),
            months: self.settings.months.clone(),
            seed: self.settings.seed.clone(),
            metric: self.metric.key().to_owned(),
        }
    }

    /// The first-visit state with a saved comparison laid over it: scenarios
    /// that no longer exist are dropped (and said so), at most six are
    /// ticked, and the text of the settings comes back as it was typed.
    #[must_use]
    pub fn restored(saved: &Saved) -> Store {
        let mut store = Store::first_visit();
        let known: Vec<String> = saved
            .ticked
            .iter()
            .filter(|id| store.entry(id).is_some())
            .take(MAX_TICKED)
            .cloned()
            .collect();
        let dropped = saved.ticked.len() - known.len();
        store.ticked = known;
        store.baseline = saved
            .baseline
            .clone()
            .filter(|b| store.ticked.contains(b))
            .or_else(|| store.ticked.first().cloned());
        store.settings = SettingsForm {
            runs: saved.runs.clone(),
            months: saved.months.clone(),
            seed: saved.seed.clone(),
        };
        store.metric = Metric::from_key(&saved.metric).unwrap_or(Metric::ValueCreated);
        if dropped > 0 {
            store.notice = Some(format!(
                "{dropped} saved scenario{} no longer available and {} left out.",
                if dropped == 1 { " is" } else { "s are" },
                if dropped == 1 { "was" } else { "were" }
            ));
        }
        store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_comparison_comes_back_as_it_was() {
        let store = Store::first_visit()
            .apply(Action::Tick {
                id: "outsourced".into(),
                ticked: true,
            })
            .apply(Action::MakeBaseline {
                id: "outsourced".into(),
            })
            .apply(Action::EditRuns("12".into()))
            .apply(Action::ChooseMetric(Metric::Revenue));
        let text = serde_json::to_string(&store.saved()).unwrap();
        let back = Store::restored(&Saved::parse(&text).unwrap());
        assert_eq!(back.ticked, store.ticked);
        assert_eq!(back.baseline.as_deref(), Some("outsourced"));
        assert_eq!(back.settings.runs, "12", "invalid text is kept as typed");
        assert_eq!(back.metric, Metric::Revenue);
        assert_eq!(back.notice, None);
    }

    #[test]
    fn unreadable_or_unknown_saved_data_is_an_error_and_lost_scenarios_are_reported() {
        assert!(Saved::parse("{not json").unwrap_err().contains("could not be read"));
        let mut saved = Store::first_visit().saved();
        saved.version = 9;
        assert!(
            Saved::parse(&serde_json::to_string(&saved).unwrap())
                .unwrap_err()
                .contains("format 9")
        );
        let mut saved = Store::first_visit().saved();
        saved.ticked.insert(0, "gone".into());
        saved.baseline = Some("gone".into());
        let store = Store::restored(&saved);
        assert_eq!(store.ticked, FIRST_VISIT);
        assert_eq!(store.baseline.as_deref(), Some("generalist"));
        assert!(
            store
                .notice
                .as_deref()
                .unwrap()
                .contains("1 saved scenario is no longer available")
        );
    }

    fn tick(store: &Store, id: &str, ticked: bool) -> Store {
        store.apply(Action::Tick {
            id: id.to_owned(),
            ticked,
        })
    }

    #[test]
    fn the_first_visit_compares_the_generalist_with_the_three_stage_and_the_restructuring() {
        let store = Store::first_visit();
        let ids: Vec<&str> = store.compared().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, FIRST_VISIT);
        assert_eq!(store.baseline.as_deref(), Some("generalist"));
        let (scenarios, settings) = store.run_request().unwrap();
        assert_eq!(scenarios.len(), 3);
        assert_eq!(
            settings,
            Settings {
                runs: 10_000,
                months: 36,
                seed: 1
            }
        );
        assert!(store.entries.iter().all(|e| !e.description.is_empty()));
    }

    #[test]
    fn the_baseline_is_the_first_ticked_until_changed_and_moves_on_when_unticked() {
        let store = Store::first_visit().apply(Action::MakeBaseline {
            id: "specialised".into(),
        });
        let ids: Vec<&str> = store.compared().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["specialised", "generalist", "restructure"]);
        let store = tick(&store, "specialised", false);
        assert_eq!(store.baseline.as_deref(), Some("generalist"));
        // An unticked scenario cannot be the baseline.
        let store = store.apply(Action::MakeBaseline {
            id: "outsourced".into(),
        });
        assert_eq!(store.baseline.as_deref(), Some("generalist"));
    }

    #[test]
    fn a_seventh_tick_is_refused_with_a_notice() {
        let mut store = Store::first_visit();
        for entry in store.entries.clone() {
            store = tick(&store, &entry.id, true);
        }
        assert_eq!(store.ticked.len(), MAX_TICKED);
        assert!(store.notice.as_deref().unwrap_or_default().contains("up to 6"));
        let store = tick(&store, "generalist", false);
        assert_eq!(store.notice, None);
    }

    #[test]
    fn invalid_settings_name_the_field_and_range_and_keep_the_text() {
        let store = Store::first_visit()
            .apply(Action::EditRuns("12".into()))
            .apply(Action::EditMonths("forty".into()))
            .apply(Action::EditSeed("-3".into()));
        let errors = store.run_request().unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Runs: must be a whole number from 1,000 to 1,000,000, got \"12\"",
                "Months: must be a whole number from 12 to 120 months, got \"forty\"",
                "Seed: must be a whole number from 0 to 18,446,744,073,709,551,615, got \"-3\"",
            ]
        );
        assert_eq!(store.settings.runs, "12");
        let store = store
            .apply(Action::EditRuns("1,000,000".into()))
            .apply(Action::EditMonths(" 60 ".into()))
            .apply(Action::EditSeed("7".into()));
        assert_eq!(store.run_request().unwrap().1.runs, 1_000_000);
    }

    #[test]
    fn nothing_ticked_cannot_run() {
        let mut store = Store::first_visit();
        for id in FIRST_VISIT {
            store = tick(&store, id, false);
        }
        assert_eq!(store.baseline, None);
        let errors = store.run_request().unwrap_err();
        assert_eq!(errors[0].field, "Scenarios");
    }
}
