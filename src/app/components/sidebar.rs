use yew::prelude::*;

/// The five preset structures of the product model (shared/MODEL.md,
/// "Presets"). Placeholders until the engine's presets module owns them.
pub const PRESET_NAMES: [&str; 5] = [
    "Generalist",
    "Three-stage specialised",
    "Three-stage with outsourced lead generation",
    "Specialised with retention",
    "Under pressure",
];

/// Scenario choice. For now it only lists the presets, and says so.
#[component]
pub fn ScenarioSidebar() -> Html {
    html! {
        <aside class="sidebar" data-testid="scenario-sidebar" aria-label="Scenario">
            <h2 class="sidebar__title">{ "Scenario" }</h2>
            <p class="sidebar__note" data-testid="scenario-note">
                { "Scenario editor arrives with the engine. Presets to come:" }
            </p>
            <ol class="sidebar__presets" data-testid="preset-list">
                { for PRESET_NAMES.iter().map(|name| html! {
                    <li class="sidebar__preset" data-testid="preset-name">{ *name }</li>
                }) }
            </ol>
        </aside>
    }
}
