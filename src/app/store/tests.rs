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

use crate::app::store::saved::KeptAside as Aside;
use crate::sim::scenario::Role;
use crate::sim::your_numbers::Field;

fn ids(store: &Store) -> Vec<&str> {
    store.entries.iter().map(|e| e.id.as_str()).collect()
}

fn yours(store: &Store) -> Vec<&str> {
    store.yours().map(|e| e.title.as_str()).collect()
}

#[test]
fn a_preset_copy_is_the_users_ticked_and_the_preset_stays_read_only() {
    let store = Store::first_visit().apply(Action::NewFromPreset {
        preset: "outsourced".into(),
    });
    let copy = store.yours().next().unwrap();
    assert_eq!(copy.id, "yours-1");
    assert_eq!(copy.title, "Three-stage, outsourced lead generation (yours)");
    assert_eq!(copy.scenario.name, copy.title);
    assert_eq!(
        copy.scenario.structure,
        store.entry("outsourced").unwrap().scenario.structure
    );
    assert_eq!(store.created.as_deref(), Some("yours-1"));
    assert_eq!(store.ticked.last().map(String::as_str), Some("yours-1"));
    assert!(store.entry("outsourced").unwrap().is_preset());
    // A preset cannot be renamed or deleted.
    let renamed = store.apply(Action::Rename {
        id: "generalist".into(),
        title: "Mine".into(),
    });
    assert_eq!(renamed.entry("generalist").unwrap().title, "Generalist (hunter-farmer)");
    assert!(renamed.notice.as_deref().unwrap().contains("is a preset"));
    let deleted = store.apply(Action::Delete {
        id: "generalist".into(),
    });
    assert_eq!(deleted.entries.len(), store.entries.len());
    assert_eq!(deleted.deleted, None);
}

#[test]
fn ids_stay_unique_and_are_never_reused_after_a_delete() {
    let mut store = Store::first_visit();
    for _ in 0..3 {
        store = store.apply(Action::Duplicate {
            id: "generalist".into(),
        });
    }
    assert_eq!(
        yours(&store),
        [
            "Copy of Generalist (hunter-farmer)",
            "Copy of Generalist (hunter-farmer) (2)",
            "Copy of Generalist (hunter-farmer) (3)"
        ]
    );
    let store = store
        .apply(Action::Delete { id: "yours-3".into() })
        .apply(Action::Duplicate { id: "yours-1".into() });
    // The copy of a user's scenario sits right after it.
    assert_eq!(&ids(&store)[7..], ["yours-1", "yours-4", "yours-2"]);
    let mut all = ids(&store);
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), store.entries.len());
}

#[test]
fn rename_trims_refuses_an_empty_or_overlong_name_and_keeps_the_old_one() {
    let store = Store::first_visit().apply(Action::Duplicate { id: "retention".into() });
    let renamed = store.apply(Action::Rename {
        id: "yours-1".into(),
        title: "  Acme with retention  ".into(),
    });
    let entry = renamed.entry("yours-1").unwrap();
    assert_eq!(entry.title, "Acme with retention");
    assert_eq!(entry.scenario.name, "Acme with retention");
    for bad in ["   ", &"x".repeat(MAX_TITLE_CHARS + 1)] {
        let refused = renamed.apply(Action::Rename {
            id: "yours-1".into(),
            title: bad.to_owned(),
        });
        assert_eq!(refused.entry("yours-1").unwrap().title, "Acme with retention");
        assert!(refused.notice.as_deref().unwrap().contains("keeps its name"));
    }
}

#[test]
fn undo_brings_the_last_deleted_back_where_it_was_ticked_and_baseline_as_before() {
    let store = Store::first_visit()
        .apply(Action::Duplicate {
            id: "generalist".into(),
        })
        .apply(Action::Duplicate {
            id: "specialised".into(),
        })
        .apply(Action::Duplicate {
            id: "outsourced".into(),
        })
        .apply(Action::MakeBaseline { id: "yours-2".into() });
    let before = store.clone();
    let deleted = store.apply(Action::Delete { id: "yours-2".into() });
    assert!(deleted.entry("yours-2").is_none());
    assert!(!deleted.ticked.contains(&"yours-2".to_owned()));
    assert_eq!(deleted.baseline.as_deref(), Some("generalist"));
    assert_eq!(
        deleted.deleted.as_ref().unwrap().entry.title,
        "Copy of Three-stage specialised"
    );
    let undone = deleted.apply(Action::Undo);
    assert_eq!(undone.entries, before.entries);
    assert_eq!(undone.ticked, before.ticked);
    assert_eq!(undone.baseline, before.baseline);
    assert_eq!(undone.deleted, None);
    // Only the last deletion is kept; a dismissed one cannot be undone.
    let twice = store
        .apply(Action::Delete { id: "yours-1".into() })
        .apply(Action::Delete { id: "yours-3".into() })
        .apply(Action::Undo);
    assert_eq!(
        yours(&twice),
        [
            "Copy of Three-stage specialised",
            "Copy of Three-stage, outsourced lead generation"
        ]
    );
    let dismissed = store
        .apply(Action::Delete { id: "yours-1".into() })
        .apply(Action::DismissUndo);
    assert_eq!(dismissed.apply(Action::Undo).entries, dismissed.entries);
}

#[test]
fn an_undone_scenario_is_not_ticked_over_six_and_says_so() {
    let mut store = Store::first_visit().apply(Action::Duplicate {
        id: "generalist".into(),
    });
    let deleted = store.apply(Action::Delete { id: "yours-1".into() });
    store = deleted;
    for id in ["outsourced", "retention", "under-pressure"] {
        store = tick(&store, id, true);
    }
    store = store.apply(Action::Duplicate {
        id: "generalist".into(),
    });
    assert_eq!(store.ticked.len(), MAX_TICKED);
    let undone = store.apply(Action::Undo);
    assert!(undone.entry("yours-1").is_some());
    assert_eq!(undone.ticked.len(), MAX_TICKED);
    assert!(!undone.ticked.contains(&"yours-1".to_owned()));
    assert!(undone.notice.is_some());
}

#[test]
fn your_numbers_make_a_ticked_baseline_then_its_alternatives_compared_with_it() {
    let store = Store::first_visit()
        .apply(Action::EditYourNumber {
            field: Field::Sellers(Role::Generalist),
            text: "12".into(),
        })
        .apply(Action::EditYourNumber {
            field: Field::Arr,
            text: "$6M".into(),
        })
        .apply(Action::NewFromYourNumbers);
    let baseline = store.entry("yours-1").unwrap();
    assert_eq!(baseline.title, "Your organisation today");
    assert_eq!(baseline.scenario.structure.headcount.generalist, 12);
    assert_eq!(store.baseline.as_deref(), Some("yours-1"));
    assert_eq!(store.numbers_baseline.as_deref(), Some("yours-1"));
    let store = store.apply(Action::MakeAlternatives { of: "yours-1".into() });
    assert_eq!(yours(&store).len(), 6);
    assert_eq!(store.ticked.len(), MAX_TICKED);
    assert_eq!(store.compared()[0].id, "yours-1");
    assert!(
        store
            .yours()
            .skip(1)
            .all(|e| e.alternative_of.as_deref() == Some("yours-1"))
    );
    assert!(store.run_request().is_ok());
    // A second press does not add them again.
    let again = store.apply(Action::MakeAlternatives { of: "yours-1".into() });
    assert_eq!(again.entries, store.entries);
    assert!(again.notice.as_deref().unwrap().contains("already on the list"));
    // A second baseline gets a name of its own.
    let second = store.apply(Action::NewFromYourNumbers);
    assert_eq!(second.yours().last().unwrap().title, "Your organisation today (2)");
}

#[test]
fn your_numbers_that_cannot_be_used_make_nothing_and_keep_the_text() {
    let store = Store::first_visit()
        .apply(Action::EditYourNumber {
            field: Field::WinRate,
            text: "lots".into(),
        })
        .apply(Action::NewFromYourNumbers);
    assert_eq!(store.yours().count(), 0);
    assert!(store.notice.as_deref().unwrap().contains("1 input to correct"));
    assert_eq!(store.your_numbers.text(Field::WinRate), "lots");
}

#[test]
fn replacing_a_preset_edits_a_copy_in_its_place_and_a_users_scenario_in_place() {
    let store = Store::first_visit();
    let mut edited = store.entry("specialised").unwrap().scenario.clone();
    edited.structure.headcount.sdr = 9;
    let next = store.apply(Action::ReplaceScenario {
        id: "specialised".into(),
        scenario: Box::new(edited.clone()),
    });
    assert_eq!(next.entry("specialised").unwrap().scenario.structure.headcount.sdr, 6);
    let copy = next.entry("yours-1").unwrap();
    assert_eq!(copy.scenario.structure.headcount.sdr, 9);
    assert_eq!(next.ticked, ["generalist", "yours-1", "restructure"]);
    assert_eq!(next.created.as_deref(), Some("yours-1"));
    let baseline_copy = store.apply(Action::ReplaceScenario {
        id: "generalist".into(),
        scenario: Box::new(store.entry("generalist").unwrap().scenario.clone()),
    });
    assert_eq!(baseline_copy.baseline.as_deref(), Some("yours-1"));
    edited.structure.headcount.sdr = 11;
    let again = next.apply(Action::ReplaceScenario {
        id: "yours-1".into(),
        scenario: Box::new(edited),
    });
    assert_eq!(again.entries.len(), next.entries.len());
    let entry = again.entry("yours-1").unwrap();
    assert_eq!(entry.scenario.structure.headcount.sdr, 11);
    assert_eq!(entry.scenario.name, entry.title, "the list's name stays");
}

#[test]
fn a_ticked_scenario_the_engine_refuses_blocks_run_with_its_message() {
    let store = Store::first_visit().apply(Action::Duplicate {
        id: "generalist".into(),
    });
    let mut broken = store.entry("yours-1").unwrap().scenario.clone();
    broken.structure.headcount.generalist = 0;
    let store = store.apply(Action::ReplaceScenario {
        id: "yours-1".into(),
        scenario: Box::new(broken),
    });
    let errors = store.run_request().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("cannot run yet") && errors[0].message.contains("headcount.generalist"));
}

#[test]
fn small_runs_update_on_their_own_and_large_ones_wait() {
    let small = Settings {
        runs: 2_000,
        months: 36,
        seed: 1,
    };
    assert!(small.updates_on_its_own());
    assert!(!Settings { runs: 2_001, ..small }.updates_on_its_own());
    assert!(!Settings { months: 37, ..small }.updates_on_its_own());
    assert!(
        Settings {
            runs: 1_000,
            months: 72,
            seed: 1
        }
        .updates_on_its_own()
    );
    assert!(auto_run_words(Some(small)).contains("2,000 futures of 36 months a scenario): these settings re-run"));
    assert!(auto_run_words(None).ends_with("wait for Run."));
    let default = Store::first_visit().settings.parse().ok();
    assert!(
        auto_run_words(default).ends_with("wait for Run."),
        "10,000 futures are not small"
    );
}

fn users_page() -> Store {
    Store::first_visit()
        .apply(Action::EditYourNumber {
            field: Field::Sellers(Role::Generalist),
            text: "30".into(),
        })
        .apply(Action::EditYourNumber {
            field: Field::Customers,
            text: "not sure".into(),
        })
        .apply(Action::EditYourNumber {
            field: Field::Customers,
            text: "450".into(),
        })
        .apply(Action::NewFromYourNumbers)
        .apply(Action::MakeAlternatives { of: "yours-1".into() })
        .apply(Action::Rename {
            id: "yours-2".into(),
            title: "Acme, three stages".into(),
        })
        .apply(Action::EditYourNumber {
            field: Field::WinRate,
            text: "about 20".into(),
        })
        .apply(Action::MakeBaseline { id: "yours-3".into() })
}

#[test]
fn the_users_scenarios_and_comparison_round_trip_through_saved_text() {
    let store = users_page();
    let text = serde_json::to_string(&store.saved()).unwrap();
    let back = Store::restored(&Saved::parse(&text).unwrap());
    assert_eq!(back.entries, store.entries);
    assert_eq!(back.ticked, store.ticked);
    assert_eq!(back.baseline, store.baseline);
    assert_eq!(back.your_numbers, store.your_numbers);
    assert_eq!(back.your_numbers.text(Field::WinRate), "about 20");
    assert_eq!(back.numbers_baseline.as_deref(), Some("yours-1"));
    assert_eq!(back.notice, None);
    // A scenario made after the reload gets a new id.
    let more = back.apply(Action::Duplicate { id: "yours-1".into() });
    assert_eq!(more.created.as_deref(), Some("yours-7"));
}

#[test]
fn a_version_1_page_is_migrated_with_its_comparison_and_settings() {
    let v1 = r#"{"version":1,"ticked":["outsourced","generalist"],"baseline":"outsourced","runs":"12","months":"48","seed":"9","metric":"revenue"}"#;
    let saved = Saved::parse(v1).unwrap();
    assert_eq!(saved.version, Saved::VERSION);
    let store = Store::restored(&saved);
    assert_eq!(store.ticked, ["outsourced", "generalist"]);
    assert_eq!(store.baseline.as_deref(), Some("outsourced"));
    assert_eq!(
        (
            store.settings.runs.as_str(),
            store.settings.months.as_str(),
            store.settings.seed.as_str()
        ),
        ("12", "48", "9")
    );
    assert_eq!(store.metric, Metric::Revenue);
    assert_eq!(store.yours().count(), 0);
    assert_eq!(Saved::OLDER_KEYS, ["salesim.page.v1"]);
    assert_ne!(Saved::KEY, Saved::OLDER_KEYS[0]);
}

#[test]
fn a_saved_scenario_that_cannot_be_read_is_kept_aside_reported_and_saved_again() {
    let mut saved = users_page().saved();
    saved.scenarios[1].scenario["months"] = serde_json::json!(4000);
    let lost_id = saved.scenarios[1].id.clone();
    let store = Store::restored(&saved);
    assert!(store.entry(&lost_id).is_none());
    assert_eq!(store.yours().count(), 5);
    assert_eq!(store.kept_aside.len(), 1);
    let aside: &Aside = &store.kept_aside[0];
    assert_eq!(aside.id, lost_id);
    assert!(aside.reason.contains("months"), "{}", aside.reason);
    assert!(store.notice.as_deref().unwrap().contains("could not be read"));
    // Saved again as it was, and still there after the next visit.
    let resaved = store.saved();
    assert_eq!(resaved.kept_aside, store.kept_aside);
    let later = Store::restored(&Saved::parse(&serde_json::to_string(&resaved).unwrap()).unwrap());
    assert_eq!(later.kept_aside, store.kept_aside);
    let text: serde_json::Value = serde_json::from_str(&later.kept_aside[0].text).unwrap();
    assert_eq!(text["months"], 4000);
}
