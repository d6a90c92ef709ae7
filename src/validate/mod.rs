//! Validation, one file each: the finding model (`finding`: findings that cite their
//! cells, their figures and messages), the engine that applies the catalogue to one report
//! (`engine`), the checks across two reports (`pair`), and the checked wrapper with its
//! serde (`checked`). The public items are re-exported here and at the crate root.

mod checked;
mod engine;
mod finding;
mod pair;

pub use checked::{CheckedReport, Rejected};
pub use engine::{validate, validate_narrative};
pub use finding::{CitedCell, Figure, Finding, Findings, Level, Summary};
pub use pair::validate_pair;
