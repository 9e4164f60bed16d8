//! The editor's side of the store: which scenario is open, and what the
//! user has typed into each of theirs. Typing is kept in a draft, so an
//! invalid value is never lost; the entry keeps the draft's last valid
//! scenario, which is what runs and what the results show.

use super::Store;
use crate::app::draft::{DraftEdit, ScenarioDraft};

impl Store {
    pub(super) fn open_editor(&mut self, id: &str) {
        if self.entry(id).is_some() {
            self.editing = Some(id.to_owned());
        }
    }

    /// The draft of scenario `id`: what was typed, or the scenario as it is.
    #[must_use]
    pub fn draft(&self, id: &str) -> Option<ScenarioDraft> {
        self.drafts
            .get(id)
            .cloned()
            .or_else(|| self.entry(id).map(|e| ScenarioDraft::from_scenario(&e.scenario)))
    }

    /// How many problems the typing in scenario `id` has, if any.
    #[must_use]
    pub fn problems_in(&self, id: &str) -> Option<usize> {
        let problems = self.drafts.get(id)?.scenario().err()?;
        Some(problems.len().max(1))
    }

    pub(super) fn edit(&mut self, id: &str, edit: DraftEdit) {
        let Some(entry) = self.entry(id).cloned() else {
            return;
        };
        let Some(draft) = self.draft(id) else {
            return;
        };
        let mut next = draft.apply(edit);
        let id = if entry.is_preset() {
            // A preset stays as it is: the first change makes the user's
            // copy, which takes its place in the comparison and the editor.
            self.replace(id, next.last_valid.clone());
            let Some(copy) = self.created.clone() else {
                return;
            };
            next.last_valid
                .name
                .clone_from(&self.entry(&copy).map_or_else(String::new, |e| e.title.clone()));
            self.editing = Some(copy.clone());
            copy
        } else {
            id.to_owned()
        };
        if let Ok(scenario) = next.scenario() {
            self.replace(&id, scenario);
        }
        self.drafts.insert(id, next);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Saved, Store};
    use crate::app::draft::DraftEdit;
    use crate::sim::params::P;

    fn typed(id: &str, param: P, text: &str) -> Action {
        Action::Edit {
            id: id.to_owned(),
            edit: Box::new(DraftEdit::SetValue {
                param,
                text: text.to_owned(),
            }),
        }
    }

    #[test]
    fn editing_a_preset_makes_the_users_copy_in_its_place_and_opens_it() {
        let store = Store::first_visit().apply(Action::OpenEditor {
            id: "specialised".to_owned(),
        });
        let preset_before = store.entry("specialised").expect("preset").scenario.clone();
        let next = store.apply(typed("specialised", P::SdrRamp, "4"));
        let copy = next.editing.clone().expect("the copy is open");
        assert_ne!(copy, "specialised");
        let entry = next.entry(&copy).expect("the copy is listed");
        assert!(!entry.is_preset());
        assert_eq!(entry.scenario.parameter_table()[P::SdrRamp as usize].central(), 4.0);
        assert_eq!(next.entry("specialised").expect("preset").scenario, preset_before);
        assert!(next.ticked.contains(&copy) && !next.ticked.contains(&"specialised".to_owned()));
    }

    #[test]
    fn an_invalid_value_is_kept_as_typed_blocks_the_run_and_the_last_valid_scenario_stays() {
        let store = Store::first_visit().apply(typed("specialised", P::SdrRamp, "4"));
        let copy = store.editing.clone().expect("copy");
        let invalid = store.apply(typed(&copy, P::SdrRamp, "40"));
        let draft = invalid.draft(&copy).expect("draft");
        assert_eq!(draft.param(P::SdrRamp).value, "40");
        let problems = draft.scenario().expect_err("40 months is out of range");
        assert!(
            problems[0].sentence().contains("between 0 and 24 months, got 40"),
            "{problems:?}"
        );
        // the entry keeps the last valid value, which is what the results show
        let entry = invalid.entry(&copy).expect("entry");
        assert_eq!(entry.scenario.parameter_table()[P::SdrRamp as usize].central(), 4.0);
        let refused = invalid.run_request().expect_err("an invalid scenario cannot run");
        assert!(refused.iter().any(|e| e.message.contains("out of date")), "{refused:?}");
        // fixing it runs the new value
        let fixed = invalid.apply(typed(&copy, P::SdrRamp, "6"));
        assert!(fixed.run_request().is_ok());
        let entry = fixed.entry(&copy).expect("entry");
        assert_eq!(entry.scenario.parameter_table()[P::SdrRamp as usize].central(), 6.0);
    }

    #[test]
    fn what_was_typed_comes_back_after_a_reload_problems_and_all() {
        let store = Store::first_visit().apply(typed("generalist", P::HandoffDelay, "1"));
        let copy = store.editing.clone().expect("copy");
        let store = store.apply(typed(&copy, P::HandoffDelay, "soon"));
        let text = serde_json::to_string(&store.saved()).expect("saves");
        let back = Store::restored(&Saved::parse(&text).expect("reads"));
        assert_eq!(back.draft(&copy).expect("draft").param(P::HandoffDelay).value, "soon");
        assert_eq!(back.problems_in(&copy), Some(1));
    }
}
