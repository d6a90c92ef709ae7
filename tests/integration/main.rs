//! The integration tests: one binary, a module per concept, and one `support` module with
//! what they share (fixtures, builders, generators).

mod support;

mod checks;
mod import;
mod json;
mod model;
mod output;
mod surface;
#[cfg(feature = "survey")]
mod survey;
