//! The integration tests: one binary, a module per concept.

mod render;
mod render_gen;
#[cfg(feature = "schema")]
mod schema;
mod seed;
mod tidy;
