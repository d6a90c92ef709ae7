//! The importer: real page texts and their hand transcriptions, small pages that show one
//! thing each, generated pages (text, web copies, HTML), round trips, hostile and
//! arbitrary input, forms the corpus does not have, and the `import` example.

mod bytes;
mod cli;
mod corpus;
mod hostile;
#[cfg(feature = "html")]
mod html;
mod pages;
mod redteam;
#[cfg(feature = "html")]
mod redteam_html;
mod robust;
mod roundtrip;
mod text;
mod web_pages;
