//! Marketing effect: what a campaign or an experiment did. So far the statistics of an
//! experiment (`stats`, checked against scipy and statsmodels) and the acquisition cohort
//! matrix (`cohorts`, checked against pandas); the campaign files, attribution, funnels and
//! the views come through the door next (issue 12).

pub mod cohorts;
pub mod stats;
