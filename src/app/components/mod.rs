//! Pure view components: props in, HTML and callbacks out. Charts live in
//! `crate::app::charts`; these lay out the page around them.

pub mod editor;
mod footer;
mod header;
pub mod key_numbers;
mod results;
mod run_controls;
mod scenario_picker;
mod settings_panel;
mod shell;
mod your_numbers;

pub use editor::{ScenarioEditor, ScenarioEditorProps};
pub use footer::AppFooter;
pub use header::AppHeader;
pub use results::{ResultsPanel, ResultsPanelProps};
pub use run_controls::{RunControls, RunControlsProps};
pub use scenario_picker::{ScenarioList, ScenarioListProps};
pub use settings_panel::{SettingsPanel, SettingsPanelProps};
pub use shell::{Shell, ShellProps};
pub use your_numbers::{YourNumbersPanel, YourNumbersPanelProps};
