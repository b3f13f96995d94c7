//! What each customer does on the site (the behaviour dimension of the portrait), from the
//! events log joined to the customers of the orders by id. Kind `behaviour`.
//!
//! Definitions: an event's kind is read from its type (`side::event_kind`: pv/view/浏览 are
//! views, cart/addtocart/加购 carts, fav/收藏 favourites, search/搜索 searches,
//! buy/transaction/购买 purchases; other types are counted in no column). `L_e` is the day
//! of the log's last event. A *visit* is a distinct session id, or, without a session
//! column, a distinct day with an event. Visits per 30 days are visits ÷ the days from the
//! customer's first event to `L_e` (inclusive) × 30. View→cart is carts ÷ views and
//! cart→purchase is purchase events ÷ carts (null when the divisor is 0). With an events
//! log, a customer with no event has zero counts and null ratios; without one, every
//! column is null.

mod algorithm;
mod analysis;
#[cfg(test)]
mod tests;

pub use algorithm::{behaviour, Behaviour};
pub use analysis::{BehaviourAnalysis, BehaviourSummary};
