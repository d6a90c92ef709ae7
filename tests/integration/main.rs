//! The integration tests: one binary, a module per concept.

mod import;
mod import_pages;
mod import_robust;
mod import_roundtrip;
mod seed;
