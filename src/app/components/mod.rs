//! Pure view components: props in, HTML and callbacks out.

mod footer;
mod header;
pub mod key_numbers;
mod results;
mod shell;
mod sidebar;

pub use footer::AppFooter;
pub use header::AppHeader;
pub use results::ResultsPanel;
pub use shell::{Shell, ShellProps};
pub use sidebar::ScenarioSidebar;
