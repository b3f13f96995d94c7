//! The customer portrait (用户画像): per-customer features computed from the data, which the
//! tags, lifecycle stages, audiences and predictions of later analyses read.
//!
//! `profile/` is the profile table: every customer's consumption and preference features in
//! one pass over the dataset (kind `profile`). `lifecycle/` places every customer in a
//! lifecycle stage, month by month (kind `lifecycle`). `tags/` is the tag system over both
//! and RFM (kind `tags`). `card/` is one customer's orders and spend (kind `customer_card`).
//! `demographics/` joins the customer list (kind `demographics`) and `behaviour/` the events
//! log (kind `behaviour`) to the customers of the orders. `everything/` is all of it in one
//! table (kind `customers`). `attribute` gives each line its category and brand, from the
//! orders or, where they lack them, from the product catalogue.

pub mod attribute;
pub mod behaviour;
pub mod card;
pub mod demographics;
pub mod everything;
pub mod lifecycle;
pub mod profile;
pub mod tags;
