//! Marketing effect: what a campaign or an experiment did. So far the statistics of an
//! experiment (`stats`), each checked against scipy and statsmodels; the campaign files,
//! attribution, cohorts and funnels come through the door next (issue 12).

pub mod stats;
