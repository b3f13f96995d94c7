//! The data-quality report as an analysis: what ingest read, used and rejected, and why.
//! Ingest builds the report (`ingest::report`); this folder puts it through the door.

mod analysis;

pub use analysis::Quality;
