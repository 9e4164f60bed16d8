use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppHeaderProps {
    /// The page's own build version.
    pub version: AttrValue,
}

/// Product name and version.
#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    html! {
        <header class="app-header" data-testid="app-header">
            <h1 class="app-header__title">{ "Sales Restructuring Simulator" }</h1>
            <span class="app-header__version" data-testid="app-version">
                { format!("v{}", props.version) }
            </span>
        </header>
    }
}
