//! The integration tests: one binary, a module per concept.

mod import;
mod seed;
