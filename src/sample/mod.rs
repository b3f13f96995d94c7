//! The built-in sample shop: a deterministic synthetic order export, so that someone
//! without data at hand (or unwilling to load it yet) can press "Try a sample shop" and see
//! every analysis on realistic numbers.
//!
//! It is a port of the benchmark generator `bench/peers/gen_orders.py` — same model, other
//! random numbers, so the same statistical shape but not the same bytes:
//!
//! - **Customers** (rows / 10) follow BG/NBD: a first purchase at a birth time, then
//!   Poisson purchases at a Gamma(0.6)-distributed rate, with drop-out probability
//!   p ~ Beta(1, 3) after every purchase. A Pareto spend multiplier drives quantities and
//!   basket sizes; each customer has 1-3 favourite categories, a home region (31 Chinese
//!   provinces and 10 countries) and a preferred channel.
//! - **Time**: purchases happen in "operational time", mapped to the calendar 2023-2024
//!   through an hourly intensity (hour of day × weekday × season × 6.18 / 11.11 / 12.12,
//!   5.20, Valentine's Day, Christmas, and the Chinese New Year dip).
//! - **Products** (rows / 50, 2000-20000) in 30 categories with Zipf(0.95) popularity, CNY
//!   price points (¥x9.9) and Chinese, English or bilingual names — some with commas or
//!   double quotes. Baskets hold 1-6 distinct products: an anchor plus companions from its
//!   fixed complement, its category, an affine category or the whole shop, so association
//!   rules have something real to find.
//! - **Returns** are exactly 2 % of rows (apparel and shoes most), each in its own order
//!   dated at least a day after the purchase it undoes, with a negative quantity.
//! - Repeat orders are thinned at random so the file has exactly `rows` rows.
//!
//! At the default 100,000 rows that gives 10,000 customers, about 48,000 orders (2.1 rows
//! an order), about 39 % one-order customers, and the top fifth of customers holding
//! 72-80 % of revenue depending on the seed (80 % at seed 42), as `gen_orders.py` does
//! (73-79 % over seeds 1-18, 71 % at its seed 42).
//!
//! **Determinism**: the same [`SampleParams`] give the same bytes on every platform,
//! wasm32 included — random words come from ChaCha8 streams, all integer draws are `u32`
//! ranges, the few transcendental functions are computed from IEEE basic operations (see
//! `random.rs`), nothing iterates a hash map, and prices are formatted from integer cents.
//!
//! ```
//! use portrait::sample::{generate_csv, SampleParams};
//!
//! let csv = generate_csv(&SampleParams { rows: 2_000, seed: 7 })?;
//! let text = String::from_utf8(csv).expect("the sample is UTF-8");
//! assert!(text.starts_with("order_id,customer_id,order_date,product_id,product_name,"));
//! assert_eq!(text.lines().count(), 2_001); // the header and exactly 2,000 rows
//! assert!(generate_csv(&SampleParams { rows: 10, seed: 7 }).is_err());
//! # Ok::<(), portrait::sample::SampleParamsError>(())
//! ```

mod calendar;
mod catalog;
mod params;
mod people;
mod products;
mod random;
mod shop;
#[cfg(test)]
mod tests;

pub use params::{SampleParams, SampleParamsError};

/// The sample shop as CSV bytes (UTF-8, LF, RFC 4180 quoting, header exactly
/// `order_id,customer_id,order_date,product_id,product_name,category,quantity,unit_price,channel,region`,
/// order_date `YYYY-MM-DD HH:MM:SS`, unit_price with 2 decimals), rows in order-date order.
///
/// CSV rather than tables, so the sample enters through the same ingest path as a
/// merchant's own file and exercises it. Takes about 0.1 s for 100,000 rows natively and
/// 0.25 s in wasm32, so a Web Worker can run it without progress reports; memory is
/// proportional to the output (about 110 bytes a row).
pub fn generate_csv(params: &SampleParams) -> Result<Vec<u8>, SampleParamsError> {
    params.check()?;
    Ok(shop::generate(params.rows, params.seed))
}

/// The sample shop's three files: its orders (exactly `generate_csv`'s bytes), its customer
/// list and its events log (`people.rs`), each CSV.
#[derive(Debug, Clone)]
pub struct SampleFiles {
    /// The orders.
    pub orders: Vec<u8>,
    /// The customer list (Chinese headers, as a CRM export).
    pub customers: Vec<u8>,
    /// The behaviour events (Chinese headers).
    pub events: Vec<u8>,
    /// The product catalogue (Chinese headers): every product's name, category, brand and
    /// price.
    pub products: Vec<u8>,
}

/// The sample shop with its customer list and events log. Takes about three times as long
/// as `generate_csv` (the events are about 1.5 rows per order line).
pub fn generate_files(params: &SampleParams) -> Result<SampleFiles, SampleParamsError> {
    let orders = generate_csv(params)?;
    Ok(SampleFiles {
        customers: people::customers_csv(&orders, params.seed),
        events: people::events_csv(&orders, params.seed),
        products: shop::catalogue(params.rows, params.seed),
        orders,
    })
}
