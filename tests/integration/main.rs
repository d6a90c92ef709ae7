//! The integration tests: one binary, a module per concept.

#[path = "../../examples/luhe_2020.rs"]
mod luhe;

mod autotraits;
mod cells;
mod checks;
mod checks_alloc;
mod checks_props;
mod constructors;
mod corpus_score;
mod hostile;
mod hostile_bytes;
mod hostile_import;
mod hostile_rollup;
mod import;
mod import_example;
#[cfg(feature = "html")]
mod import_html;
mod import_pages;
mod import_robust;
mod import_roundtrip;
mod import_web_pages;
mod layouts;
mod money_forms;
mod narrative;
mod props;
mod redteam;
#[cfg(feature = "html")]
mod redteam_html;
mod render;
mod render_gen;
#[cfg(feature = "schema")]
mod schema;
mod seed;
mod serde_json_form;
#[cfg(feature = "survey")]
mod survey;
mod tidy;
