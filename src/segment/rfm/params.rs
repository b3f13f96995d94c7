//! RFM parameters and their one check.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::dataset::time;
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Parameters of RFM. Defaults: 5 bins (quintile scores, the standard), recency counted back
/// from the day after the latest line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RfmParams {
    /// Score bins per metric (2 to 10): 5 gives quintile scores 1-5. Segments are always
    /// named from the R and F quintiles, whatever the number of bins.
    pub bins: u8,
    /// Day recency is counted back from (YYYY-MM-DD, after the latest line); default: the
    /// day after the latest line.
    pub snapshot_date: Option<String>,
}

impl Default for RfmParams {
    fn default() -> Self {
        RfmParams {
            bins: RfmParams::DEFAULT_BINS,
            snapshot_date: None,
        }
    }
}

impl RfmParams {
    /// Quintiles.
    pub const DEFAULT_BINS: u8 = 5;
    /// Fewest bins.
    pub const MIN_BINS: u8 = 2;
    /// Most bins.
    pub const MAX_BINS: u8 = 10;

    /// These parameters with `bins` score bins.
    pub fn bins(mut self, bins: u8) -> Self {
        self.bins = bins;
        self
    }
}

/// Checked RFM parameters: what `rfm` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RfmValidParams {
    /// Score bins.
    pub bins: u8,
    /// Snapshot day number (days since 1970-01-01), if given.
    pub snapshot_day: Option<i64>,
}

impl Default for RfmValidParams {
    fn default() -> Self {
        RfmValidParams {
            bins: RfmParams::DEFAULT_BINS,
            snapshot_day: None,
        }
    }
}

/// A broken RFM parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RfmParamsError {
    /// `bins` outside 2..=10.
    Bins(u8),
    /// `snapshot_date` is not a date.
    SnapshotDate(String),
}

impl std::fmt::Display for RfmParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for RfmParamsError {}

impl Coded for RfmParamsError {
    fn message(&self) -> Message {
        let m = match self {
            RfmParamsError::Bins(got) => Message::new("rfm.bins")
                .with("min", RfmParams::MIN_BINS)
                .with("max", RfmParams::MAX_BINS)
                .with("got", *got),
            RfmParamsError::SnapshotDate(v) => {
                Message::new("rfm.snapshot_date").with("value", v.as_str())
            }
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for RfmParams {
    type Valid = RfmValidParams;
    type Error = RfmParamsError;

    fn check(&self) -> Result<RfmValidParams, RfmParamsError> {
        if !(RfmParams::MIN_BINS..=RfmParams::MAX_BINS).contains(&self.bins) {
            return Err(RfmParamsError::Bins(self.bins));
        }
        let snapshot_day = match &self.snapshot_date {
            None => None,
            Some(text) => Some(
                time::parse_iso_day(text.trim())
                    .ok_or_else(|| RfmParamsError::SnapshotDate(text.clone()))?,
            ),
        };
        Ok(RfmValidParams {
            bins: self.bins,
            snapshot_day,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_quintiles_from_the_day_after_the_data() {
        assert_eq!(
            RfmParams::default().check(),
            Ok(RfmValidParams {
                bins: 5,
                snapshot_day: None
            })
        );
    }

    #[test]
    fn bins_must_be_between_two_and_ten() {
        assert_eq!(
            RfmParams::default().bins(1).check(),
            Err(RfmParamsError::Bins(1))
        );
        assert_eq!(
            RfmParams::default().bins(11).check(),
            Err(RfmParamsError::Bins(11))
        );
        assert!(RfmParams::default().bins(10).check().is_ok());
        assert_eq!(
            RfmParamsError::Bins(11).message().to_string(),
            "bins must be between 2 and 10, got 11"
        );
    }

    #[test]
    fn the_snapshot_date_must_be_a_date() {
        let p = RfmParams {
            snapshot_date: Some("2011-12-10".into()),
            ..RfmParams::default()
        };
        assert_eq!(p.check().map(|v| v.snapshot_day), Ok(Some(15318)));
        let bad = RfmParams {
            snapshot_date: Some("10/12/2011".into()),
            ..RfmParams::default()
        };
        assert_eq!(
            bad.check(),
            Err(RfmParamsError::SnapshotDate("10/12/2011".into()))
        );
    }
}
