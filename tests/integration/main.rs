//! The integration tests: one binary, a module per concept.

mod seed;
mod checks;
mod checks_props;
mod checks_alloc;
