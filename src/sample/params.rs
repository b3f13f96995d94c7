//! Parameters of the sample shop and their one validation.

use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Parameters of the sample shop. Defaults: rows 100_000, seed 42.
///
/// The same parameters always give the same bytes, natively and in the browser, so a
/// sample shop can be named by its parameters alone (in a bug report, a tutorial, a test).
/// They cross to the page and back as an object, so the defaults live only here.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct SampleParams {
    /// Exact number of order lines (data rows) to generate, returns included.
    /// About a tenth of it becomes customers.
    pub rows: usize,
    /// Seed of every random draw.
    pub seed: u64,
}

impl Default for SampleParams {
    /// 100,000 rows (10,000 customers, about 10 MB of CSV): big enough for every analysis
    /// to show its shape, small enough to appear within a second in a browser tab. Seed 42
    /// matches the benchmark data of `gen_orders.py` in spirit (same model, not same bytes).
    fn default() -> Self {
        SampleParams {
            rows: 100_000,
            seed: 42,
        }
    }
}

/// Error for invalid [`SampleParams`]: one variant per rule.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SampleParamsError {
    /// Below 1000 rows the shop has under 100 customers and 20 returns, too few for
    /// segments, baskets or lifetime value to mean anything.
    #[error("rows must be at least {min}, got {0}", min = SampleParams::MIN_ROWS)]
    TooFewRows(usize),
    /// Above 5 million rows the CSV alone passes 500 MB, more than a browser tab can be
    /// trusted to hold next to the analyses.
    #[error("rows must be at most {max}, got {0}", max = SampleParams::MAX_ROWS)]
    TooManyRows(usize),
}

impl SampleParamsError {
    /// The rule broken, as a code with parameters (`sample.too_few_rows`, …).
    pub fn message(&self) -> Message {
        match *self {
            SampleParamsError::TooFewRows(got) => Message::new("sample.too_few_rows")
                .with("min", SampleParams::MIN_ROWS)
                .with("got", got),
            SampleParamsError::TooManyRows(got) => Message::new("sample.too_many_rows")
                .with("max", SampleParams::MAX_ROWS)
                .with("got", got),
        }
    }
}

impl SampleParams {
    /// Smallest accepted `rows`.
    pub const MIN_ROWS: usize = 1000;
    /// Largest accepted `rows`.
    pub const MAX_ROWS: usize = 5_000_000;

    /// Checks every rule; the generator runs only on parameters that pass.
    pub fn check(&self) -> Result<(), SampleParamsError> {
        if self.rows < Self::MIN_ROWS {
            Err(SampleParamsError::TooFewRows(self.rows))
        } else if self.rows > Self::MAX_ROWS {
            Err(SampleParamsError::TooManyRows(self.rows))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_below_1000_are_rejected() {
        let params = SampleParams { rows: 999, seed: 1 };
        assert_eq!(params.check(), Err(SampleParamsError::TooFewRows(999)));
        assert_eq!(
            SampleParamsError::TooFewRows(999).to_string(),
            "rows must be at least 1000, got 999"
        );
        assert_eq!(
            SampleParams {
                rows: 1000,
                seed: 1
            }
            .check(),
            Ok(())
        );
    }

    #[test]
    fn rows_above_five_million_are_rejected() {
        let params = SampleParams {
            rows: 5_000_001,
            seed: 1,
        };
        assert_eq!(
            params.check(),
            Err(SampleParamsError::TooManyRows(5_000_001))
        );
        assert_eq!(
            SampleParamsError::TooManyRows(5_000_001).to_string(),
            "rows must be at most 5000000, got 5000001"
        );
        assert_eq!(
            SampleParams {
                rows: 5_000_000,
                seed: 1
            }
            .check(),
            Ok(())
        );
    }

    #[test]
    fn defaults_are_100k_rows_and_seed_42() {
        assert_eq!(
            SampleParams::default(),
            SampleParams {
                rows: 100_000,
                seed: 42
            }
        );
    }
}
