//! What the page keeps in the browser between visits: the user's
//! scenarios, the comparison, the settings and "your numbers" as typed.
//!
//! Versioned: format 2 (this build) holds the user's scenarios in the
//! scenario file format; format 1 (the comparison and settings only) is
//! read and migrated. A scenario that cannot be read is kept aside with the
//! reason, written back on every save and reported, never dropped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{MAX_TICKED, Origin, ScenarioEntry, SettingsForm, Store};
use crate::app::draft::ScenarioDraft;
use crate::app::your_numbers_form::YourNumbersForm;
use crate::sim::metrics::Metric;
use crate::sim::validate::scenario_from_value;

/// One of the user's scenarios as saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub id: String,
    /// The scenario file's JSON (its name is the title on the list).
    pub scenario: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_of: Option<String>,
}

/// A saved scenario that could not be read, with the reason, kept as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptAside {
    pub id: String,
    /// The saved JSON, as text.
    pub text: String,
    pub reason: String,
}

/// The saved page, format 2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub scenarios: Vec<SavedScenario>,
    pub ticked: Vec<String>,
    pub baseline: Option<String>,
    pub runs: String,
    pub months: String,
    pub seed: String,
    pub metric: String,
    /// "Your numbers" as typed, by input key.
    pub your_numbers: BTreeMap<String, String>,
    pub numbers_baseline: Option<String>,
    pub kept_aside: Vec<KeptAside>,
    pub next_id: u64,
    /// What was typed into the editor of each of the user's scenarios,
    /// problems and all (absent in pages saved before the editor).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, ScenarioDraft>,
}

/// Format 1: the comparison and the settings as typed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct SavedV1 {
    ticked: Vec<String>,
    baseline: Option<String>,
    runs: String,
    months: String,
    seed: String,
    metric: String,
}

impl From<SavedV1> for Saved {
    fn from(v1: SavedV1) -> Self {
        Saved {
            version: Saved::VERSION,
            scenarios: Vec::new(),
            ticked: v1.ticked,
            baseline: v1.baseline,
            runs: v1.runs,
            months: v1.months,
            seed: v1.seed,
            metric: v1.metric,
            your_numbers: BTreeMap::new(),
            numbers_baseline: None,
            kept_aside: Vec::new(),
            next_id: 1,
            drafts: BTreeMap::new(),
        }
    }
}

impl Saved {
    /// The format written by this build.
    pub const VERSION: u32 = 2;
    /// The browser storage key, named after the format it holds.
    pub const KEY: &'static str = "salesim.page.v2";
    /// Keys of older formats, read when [`Saved::KEY`] is empty, newest first.
    pub const OLDER_KEYS: [&'static str; 1] = ["salesim.page.v1"];

    /// Reads saved text of format 2, or of format 1 (migrated).
    ///
    /// # Errors
    /// Text that is not a saved page of a known version, in words.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let unreadable = |e: serde_json::Error| format!("the saved comparison could not be read ({e})");
        let value: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(1) => serde_json::from_value::<SavedV1>(value)
                .map(Saved::from)
                .map_err(unreadable),
            Some(2) => serde_json::from_value::<Saved>(value).map_err(unreadable),
            Some(other) => Err(format!(
                "the saved comparison is in format {other}, which this version does not know"
            )),
            None => Err("the saved comparison could not be read (it has no format version)".to_owned()),
        }
    }
}

impl Store {
    /// What to save of this state.
    #[must_use]
    pub fn saved(&self) -> Saved {
        Saved {
            version: Saved::VERSION,
            scenarios: self
                .yours()
                .map(|e| SavedScenario {
                    id: e.id.clone(),
                    scenario: e.scenario.to_json(),
                    alternative_of: e.alternative_of.clone(),
                })
                .collect(),
            ticked: self.ticked.clone(),
            baseline: self.baseline.clone(),
            runs: self.settings.runs.clone(),
            months: self.settings.months.clone(),
            seed: self.settings.seed.clone(),
            metric: self.metric.key().to_owned(),
            your_numbers: self.your_numbers.typed.clone(),
            numbers_baseline: self.numbers_baseline.clone(),
            kept_aside: self.kept_aside.clone(),
            next_id: self.next_id,
            drafts: self
                .drafts
                .iter()
                .filter(|(id, _)| self.entry(id).is_some_and(|e| !e.is_preset()))
                .map(|(id, draft)| (id.clone(), draft.clone()))
                .collect(),
        }
    }

    /// The first-visit state with a saved page laid over it: the user's
    /// scenarios after the presets, those that cannot be read kept aside
    /// (and said so), ticks of scenarios that no longer exist dropped (and
    /// said so), at most six ticked, and the text of the settings and of
    /// "your numbers" as it was typed.
    #[must_use]
    pub fn restored(saved: &Saved) -> Store {
        let mut store = Store::first_visit();
        for item in &saved.scenarios {
            let taken = store.entry(&item.id).is_some();
            match scenario_from_value(&item.scenario) {
                Ok(scenario) if !taken => {
                    let mut entry = ScenarioEntry::yours(item.id.clone(), scenario);
                    entry.alternative_of.clone_from(&item.alternative_of);
                    store.entries.push(entry);
                }
                outcome => store.kept_aside.push(KeptAside {
                    id: item.id.clone(),
                    text: item.scenario.to_string(),
                    reason: match outcome {
                        Err(errors) => errors.to_string(),
                        Ok(_) => format!("another scenario already has the id \"{}\"", item.id),
                    },
                }),
            }
        }
        store.kept_aside.extend(saved.kept_aside.iter().cloned());
        // Ids are never reused, even after the last one was deleted.
        let highest = store
            .yours()
            .filter_map(|e| e.id.strip_prefix("yours-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        store.next_id = saved.next_id.max(highest + 1);
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
        store.your_numbers = YourNumbersForm {
            typed: saved.your_numbers.clone(),
        };
        store.drafts = saved
            .drafts
            .iter()
            .filter(|(id, _)| store.entry(id).is_some_and(|e| e.origin == Origin::Yours))
            .map(|(id, draft)| (id.clone(), draft.clone()))
            .collect();
        store.numbers_baseline = saved
            .numbers_baseline
            .clone()
            .filter(|id| store.entry(id).is_some_and(|e| e.origin == Origin::Yours));
        let mut said = Vec::new();
        if dropped > 0 {
            said.push(format!(
                "{dropped} saved scenario{} no longer available and {} left out.",
                if dropped == 1 { " is" } else { "s are" },
                if dropped == 1 { "was" } else { "were" }
            ));
        }
        if !store.kept_aside.is_empty() {
            let names: Vec<String> = store.kept_aside.iter().map(|k| k.id.clone()).collect();
            said.push(format!(
                "{} of your saved scenarios could not be read ({}); {} kept as saved, not deleted.",
                store.kept_aside.len(),
                names.join(", "),
                if store.kept_aside.len() == 1 {
                    "it is"
                } else {
                    "they are"
                }
            ));
        }
        if !said.is_empty() {
            store.notice = Some(said.join(" "));
        }
        store
    }
}
