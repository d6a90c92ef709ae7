//! The integration tests: one binary, a module per concept.

mod seed;
mod checks;
