use yew::prelude::*;

use crate::sim::presets;

/// Scenario choice. For now it lists the engine's presets, and says the
/// editor is still to come.
#[component]
pub fn ScenarioSidebar() -> Html {
    html! {
        <aside class="sidebar" data-testid="scenario-sidebar" aria-label="Scenario">
            <h2 class="sidebar__title">{ "Scenario" }</h2>
            <p class="sidebar__note" data-testid="scenario-note">
                { "The scenario editor comes next. Presets of the simulation engine:" }
            </p>
            <ol class="sidebar__presets" data-testid="preset-list">
                { for presets::all().iter().map(|preset| html! {
                    <li class="sidebar__preset" data-testid="preset-name" title={preset.scenario.description.clone()}>
                        { preset.title }
                    </li>
                }) }
            </ol>
        </aside>
    }
}
