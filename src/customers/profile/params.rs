//! Profile parameters and their checks.

use super::festivals::{Festivals, SPRING_FESTIVAL};
use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use serde::{Deserialize, Serialize};

/// Parameters of the profile table. Defaults: the festivals of Chinese e-commerce (6.18,
/// 11.11, 12.12 and the Spring Festival week); a product is new for 30 days after its first
/// sale in the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileParams {
    /// Festival days for `festival_share`: `MM-DD` days of every year, and
    /// `spring_festival` (the seven days from Chinese New Year's day, years 2000 to 2035).
    pub festivals: Vec<String>,
    /// Days after a product's first sale in the data during which buying it counts as
    /// buying a new product (`new_product_share`), 1 to 365.
    pub new_product_days: u32,
}

impl Default for ProfileParams {
    fn default() -> Self {
        ProfileParams {
            festivals: ["06-18", "11-11", "12-12", SPRING_FESTIVAL]
                .map(String::from)
                .to_vec(),
            new_product_days: ProfileParams::DEFAULT_NEW_PRODUCT_DAYS,
        }
    }
}

impl ProfileParams {
    /// A product is new for a month.
    pub const DEFAULT_NEW_PRODUCT_DAYS: u32 = 30;
    /// At most a year.
    pub const MAX_NEW_PRODUCT_DAYS: u32 = 365;
}

/// Checked profile parameters: what the profile is computed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileValidParams {
    /// The festival days.
    pub festivals: Festivals,
    /// Days a product counts as new.
    pub new_product_days: u32,
}

impl Default for ProfileValidParams {
    fn default() -> Self {
        ProfileParams::default()
            .check()
            .expect("the defaults pass their checks")
    }
}

/// A broken profile parameter rule (worded by `super::messages::MESSAGES`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileParamsError {
    /// A festival that is neither `MM-DD` nor `spring_festival`.
    Festival(String),
    /// `new_product_days` outside 1..=365.
    NewProductDays(u32),
}

impl std::fmt::Display for ProfileParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ProfileParamsError {}

impl Coded for ProfileParamsError {
    fn message(&self) -> Message {
        let m = match self {
            ProfileParamsError::Festival(v) => {
                Message::new("profile.festival").with("value", v.as_str())
            }
            ProfileParamsError::NewProductDays(got) => Message::new("profile.new_product_days")
                .with("max", ProfileParams::MAX_NEW_PRODUCT_DAYS)
                .with("got", *got),
        };
        m.worded_by(MESSAGES)
    }
}

/// `MM-DD` as (month, day) of a day that exists in some year (02-29 included).
fn month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m).then_some(())?;
    (1..=DAYS[m as usize - 1]).contains(&d).then_some((m, d))
}

impl Check for ProfileParams {
    type Valid = ProfileValidParams;
    type Error = ProfileParamsError;

    fn check(&self) -> Result<ProfileValidParams, ProfileParamsError> {
        let mut festivals = Festivals::default();
        for f in &self.festivals {
            let t = f.trim();
            if t == SPRING_FESTIVAL {
                festivals.spring_festival = true;
            } else {
                let md = month_day(t).ok_or_else(|| ProfileParamsError::Festival(f.clone()))?;
                if !festivals.month_days.contains(&md) {
                    festivals.month_days.push(md);
                }
            }
        }
        if !(1..=ProfileParams::MAX_NEW_PRODUCT_DAYS).contains(&self.new_product_days) {
            return Err(ProfileParamsError::NewProductDays(self.new_product_days));
        }
        Ok(ProfileValidParams {
            festivals,
            new_product_days: self.new_product_days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_shopping_festivals_and_a_month() {
        let v = ProfileParams::default().check().expect("valid");
        assert_eq!(v.festivals.month_days, vec![(6, 18), (11, 11), (12, 12)]);
        assert!(v.festivals.spring_festival);
        assert_eq!(v.new_product_days, 30);
    }

    #[test]
    fn a_festival_is_a_month_day_or_the_spring_festival() {
        let with = |f: &[&str]| ProfileParams {
            festivals: f.iter().map(|s| s.to_string()).collect(),
            ..ProfileParams::default()
        };
        assert!(with(&["02-29", "05-20"]).check().is_ok());
        for bad in ["13-01", "11-31", "1111", "11-1", "christmas"] {
            assert_eq!(
                with(&[bad]).check(),
                Err(ProfileParamsError::Festival(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(
            ProfileParamsError::Festival("christmas".into())
                .message()
                .to_string(),
            "the festival \"christmas\" is neither a MM-DD day nor spring_festival"
        );
        let none = with(&[]).check().expect("no festival at all is allowed");
        assert_eq!(none.festivals, Festivals::default());
    }

    #[test]
    fn new_products_are_new_for_one_day_to_a_year() {
        let days = |n| ProfileParams {
            new_product_days: n,
            ..ProfileParams::default()
        };
        assert_eq!(days(0).check(), Err(ProfileParamsError::NewProductDays(0)));
        assert_eq!(
            days(366).check(),
            Err(ProfileParamsError::NewProductDays(366))
        );
        assert!(days(365).check().is_ok());
    }
}
