//! A refund found on a kept order line, carried from the row loop (and a split file's tail)
//! to the finished file, which adds its return line. Its own module so the sink and the
//! split wire form share it without importing each other.

use serde::{Deserialize, Serialize};

/// A refund found on a kept line: its index, the refunded value (> 0, minor units) and
/// whether the whole line was refunded (its quantity comes back too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Refund {
    pub line: u32,
    pub cents: i64,
    pub whole: bool,
}
