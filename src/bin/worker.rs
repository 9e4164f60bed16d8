//! The Web Worker's entry point; Trunk builds it from `index.html`
//! (`data-bin="worker"`, `data-type="worker"`). Empty on native targets.
fn main() {
    #[cfg(target_arch = "wasm32")]
    salesim::worker::register();
}
