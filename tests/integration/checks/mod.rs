//! The checks: every rule, their properties, allocation, the narrative checks and roll-ups.

mod alloc;
mod narrative;
mod props;
mod rollup;
mod rules;
mod rules_data;
