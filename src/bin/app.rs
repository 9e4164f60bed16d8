//! The page's entry point; Trunk builds it from `index.html` (`data-bin="app"`).
//! Native builds compile it to an empty program so `cargo test` can build all targets.
fn main() {
    #[cfg(target_arch = "wasm32")]
    salesim::app::start();
}
