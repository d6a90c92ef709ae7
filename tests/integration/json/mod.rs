//! The JSON form: round trips, hostile input, and the JSON Schema.

mod form;
mod hostile;
#[cfg(feature = "schema")]
mod schema;
