//! The integration tests: one binary, a module per concept.

#[path = "../../examples/luhe_2020.rs"]
mod luhe;

mod autotraits;
mod cells;
mod constructors;
mod hostile;
mod props;
mod seed;
mod serde_json_form;

mod checks;
mod checks_alloc;
mod checks_props;
