//! Overview KPIs (customers, orders, revenue net of returns, AOV 客单价, repeat rate, items
//! per order) and the monthly series; with a date filter, the previous period beside them.

mod algorithm;
mod analysis;

pub use algorithm::{overview, MonthPoint, Overview, PreviousPeriod};
pub use analysis::OverviewAnalysis;
