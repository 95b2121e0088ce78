//! The checker page's wasm entry point, built by Trunk (`Trunk.toml`: `example = "web"`).
//!
//! The package has a library and a CLI binary both named `nianbao`; Trunk cannot tell their
//! wasm artifacts apart, so the page is built from this example, which only re-exports the
//! browser facade `nianbao::wasm` (`src/wasm.rs`). On other targets it is an empty program.

#[cfg(target_arch = "wasm32")]
pub use nianbao::wasm::*;

fn main() {}
