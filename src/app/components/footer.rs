use yew::prelude::*;

/// The privacy promise, visible on every page and in print.
#[component]
pub fn AppFooter() -> Html {
    html! {
        <footer class="app-footer" data-testid="app-footer">
            { "Everything runs in this browser; nothing is sent anywhere." }
        </footer>
    }
}
