//! The simulation: customers and their purchase processes, baskets, thinning to the exact
//! row count, prices and quantities, returns, and finally the CSV.

use super::calendar::{clock_time, days, Clock, Day, DAYS, WINDOW_SECONDS};
use super::catalog::{
    BRANDS, CATEGORIES, CHANNELS, FIRST_FOREIGN_REGION, FIRST_LOCAL_CHANNEL, REGIONS,
};
use super::products::{is_cheap, Products};
use super::random::{
    below, beta_1, chance, exp1, gamma, ln, open01, pareto, poisson_small, powf, shuffle, stream,
    uniform, Discrete,
};
use rand::Rng;

/// The random streams, one per part of the generator (see [`stream`]).
mod streams {
    pub(super) const PRODUCTS: u64 = 1;
    pub(super) const CUSTOMERS: u64 = 2;
    pub(super) const THINNING: u64 = 3;
    pub(super) const LINES: u64 = 4;
    pub(super) const RETURNS: u64 = 5;
    pub(super) const TOP_UP: u64 = 6;
    /// Calibration attempt `a` reads `PURCHASE_TIMES + a` and `BASKETS + a`.
    pub(super) const PURCHASE_TIMES: u64 = 100;
    pub(super) const BASKETS: u64 = 200;
}

/// Purchase-rate heterogeneity: rates are Gamma(0.6)-distributed, so a few customers buy
/// very often and many rarely (the "r" of BG/NBD).
const RATE_SHAPE: f64 = 0.6;
/// Drop-out after each purchase has probability p ~ Beta(1, 3): mean 25 %.
const DROPOUT_B: f64 = 3.0;
/// Spend multiplier tail index (Pareto): drives quantity and basket size, capped at 40.
const SPEND_ALPHA: f64 = 1.6;
const SPEND_CAP: f64 = 40.0;
/// Basket size 1-6 before the big-spender bump.
const BASKET_SIZES: [f64; 6] = [0.40, 0.25, 0.15, 0.10, 0.06, 0.04];
/// The anchor product comes from a favourite category this often, else from the whole shop.
const ANCHOR_FROM_FAVOURITE: f64 = 0.55;
/// Companion mechanisms: the anchor's complement, its category, an affine category, global.
const COMPANIONS: [f64; 4] = [0.35, 0.30, 0.20, 0.15];
/// An order uses the customer's preferred channel this often, else the overall mix.
const PREFERRED_CHANNEL: f64 = 0.7;
/// Share of rows that are return lines.
const RETURN_PERCENT: usize = 2;
/// Calibration: simulate until purchase lines exceed the target by this margin, so that
/// thinning repeat orders at random can hit it exactly.
const CALIBRATION_MARGIN: f64 = 1.05;
const CALIBRATION_ATTEMPTS: u64 = 16;
/// Id ranges of the benchmark data: customers from 100000, products from 500000, orders
/// from 10000001 (numbered in date order).
const FIRST_PRODUCT_ID: u64 = 500_000;
const FIRST_CUSTOMER_ID: u64 = 100_000;
const FIRST_ORDER_ID: u64 = 10_000_001;

/// One customer and their latent BG/NBD traits.
#[derive(Debug, Clone)]
struct Customer {
    id: u64,
    region: u8,
    channel: u8,
    spend: f64,
    /// Chance that a basket gets one extra product (big spenders buy more per order).
    basket_bump: f64,
    favourites: [u8; 3],
    n_favourites: u8,
    /// Purchase rate per operational day before the calibration scale.
    rate: f64,
    /// Drop-out probability after each purchase.
    dropout: f64,
    /// First purchase, in operational days.
    birth: f64,
}

/// `n` customers with ids in random order (so ids say nothing about when they joined).
fn draw_customers<R: Rng>(rng: &mut R, n: usize, products: &Products) -> Vec<Customer> {
    let mut ids: Vec<u64> = (FIRST_CUSTOMER_ID..FIRST_CUSTOMER_ID + n as u64).collect();
    shuffle(rng, &mut ids);
    let regions = Discrete::new(&REGIONS.map(|(_, w)| w));
    let channels = Discrete::new(&CHANNELS.map(|(_, w)| w));
    let favourite = Discrete::new(&products.category_popularity);
    let horizon = DAYS as f64;
    ids.into_iter()
        .map(|id| {
            let region = regions.sample(rng);
            let mut channel = channels.sample(rng);
            if region >= FIRST_FOREIGN_REGION && channel >= FIRST_LOCAL_CHANNEL {
                channel = 0; // abroad: the website
            }
            let spend = pareto(rng, SPEND_ALPHA).min(SPEND_CAP);
            let favourites = [(); 3].map(|_| favourite.sample(rng) as u8);
            Customer {
                id,
                region: region as u8,
                channel: channel as u8,
                spend,
                basket_bump: (ln(spend) * 0.35).clamp(0.0, 1.5) / 3.0,
                favourites,
                n_favourites: 1 + below(rng, 3) as u8,
                rate: gamma(rng, RATE_SHAPE),
                dropout: beta_1(rng, DROPOUT_B),
                // acquisition density ~ t^0.25: the shop grows mildly
                birth: horizon * powf(uniform(rng), 0.8) * 0.999,
            }
        })
        .collect()
}

/// A simulated order: who, when (operational days), and its products `items[start..start+len]`.
#[derive(Debug, Clone, Copy)]
struct Order {
    customer: u32,
    time: f64,
    first: bool,
    start: u32,
    len: u8,
}

/// All simulated orders, their products laid out one order after the other.
#[derive(Debug, Default)]
struct Simulation {
    orders: Vec<Order>,
    items: Vec<u32>,
}

/// What a basket is drawn from: the catalogue, the customers and the fixed mixes.
struct Shop<'a> {
    products: &'a Products,
    customers: &'a [Customer],
    sizes: Discrete,
    companions: Discrete,
}

impl<'a> Shop<'a> {
    fn new(products: &'a Products, customers: &'a [Customer]) -> Shop<'a> {
        Shop {
            products,
            customers,
            sizes: Discrete::new(&BASKET_SIZES),
            companions: Discrete::new(&COMPANIONS),
        }
    }

    /// Appends an order of customer `c` at operational time `time` with a fresh basket.
    fn order<R: Rng>(&self, rng: &mut R, sim: &mut Simulation, c: u32, time: f64, first: bool) {
        let start = sim.items.len() as u32;
        self.basket(rng, &self.customers[c as usize], &mut sim.items);
        let len = (sim.items.len() as u32 - start) as u8;
        sim.orders.push(Order {
            customer: c,
            time,
            first,
            start,
            len,
        });
    }

    /// Products of one order, distinct: an anchor (a favourite category or the whole shop)
    /// and companions from the anchor's complement, its category, an affine category or the
    /// whole shop. Drawn duplicates are dropped, so baskets shrink a little, as in the script.
    fn basket<R: Rng>(&self, rng: &mut R, cust: &Customer, items: &mut Vec<u32>) {
        let products = self.products;
        let mut size = 1 + self.sizes.sample(rng);
        if chance(rng, cust.basket_bump) {
            size = (size + 1).min(6);
        }
        let favourite = cust.favourites[below(rng, cust.n_favourites as u32) as usize] as usize;
        let anchor = if chance(rng, ANCHOR_FROM_FAVOURITE) {
            products.in_category(rng, favourite)
        } else {
            products.any(rng)
        };
        let start = items.len();
        items.push(anchor);
        let anchor_cat = products.category[anchor as usize] as usize;
        for _ in 1..size {
            let candidate = match self.companions.sample(rng) {
                0 => products.complement[anchor as usize],
                1 => products.in_category(rng, anchor_cat),
                2 => {
                    let affine = CATEGORIES[anchor_cat].affinity;
                    let c = if chance(rng, 0.6) {
                        affine[0]
                    } else {
                        affine[affine.len() - 1]
                    };
                    products.in_category(rng, c)
                }
                _ => products.any(rng),
            };
            if !items[start..].contains(&candidate) {
                items.push(candidate);
            }
        }
    }

    /// Every customer's purchases: the first at birth, then after each purchase drop-out
    /// with probability p, else the next purchase after an exponential gap of mean
    /// 1/(λ · scale), until the window ends.
    fn simulate(&self, rate_scale: f64, seed: u64, attempt: u64) -> Simulation {
        let mut times = stream(seed, streams::PURCHASE_TIMES + attempt);
        let mut baskets = stream(seed, streams::BASKETS + attempt);
        let horizon = DAYS as f64;
        let mut sim = Simulation::default();
        for (c, cust) in self.customers.iter().enumerate() {
            let mut t = cust.birth;
            self.order(&mut baskets, &mut sim, c as u32, t, true);
            let rate = cust.rate * rate_scale;
            loop {
                if chance(&mut times, cust.dropout) {
                    break;
                }
                t += exp1(&mut times) / rate;
                if t >= horizon {
                    break;
                }
                self.order(&mut baskets, &mut sim, c as u32, t, false);
            }
        }
        sim
    }

    /// Simulates with growing purchase rates until there are enough purchase lines to
    /// thin. Sixteen attempts are always plenty (each multiplies the rate by 1.1-4); should
    /// they not be, repeat orders at random times are added, so the generator ends for
    /// every seed.
    fn calibrated(&self, target: usize, seed: u64) -> Simulation {
        let mut rate_scale = 0.02;
        let mut sim = Simulation::default();
        for attempt in 0..CALIBRATION_ATTEMPTS {
            sim = self.simulate(rate_scale, seed, attempt);
            let lines = sim.items.len() as f64;
            if lines >= target as f64 * CALIBRATION_MARGIN {
                return sim;
            }
            let factor = powf(target as f64 * 1.12 / lines.max(1.0), 1.7);
            rate_scale *= factor.clamp(1.1, 4.0);
        }
        let mut rng = stream(seed, streams::TOP_UP);
        let n = self.customers.len() as u32;
        while (sim.items.len() as f64) < target as f64 * CALIBRATION_MARGIN && n > 0 {
            let c = below(&mut rng, n);
            let birth = self.customers[c as usize].birth;
            let t = birth + uniform(&mut rng) * (DAYS as f64 - birth);
            self.order(&mut rng, &mut sim, c, t, false);
        }
        sim
    }
}

/// Keeps every first order and a random subset of repeat orders (a thinned Poisson process
/// is still Poisson) with exactly `target` lines: repeat orders in random order until the
/// target is reached, then the last line of random multi-line orders is dropped for the
/// overshoot. Returns the kept orders in simulation order.
fn thin<R: Rng>(rng: &mut R, sim: &mut Simulation, target: usize) -> Vec<u32> {
    let first_lines: usize = sim
        .orders
        .iter()
        .filter(|o| o.first)
        .map(|o| o.len as usize)
        .sum();
    let mut repeats: Vec<u32> = (0..sim.orders.len() as u32)
        .filter(|&i| !sim.orders[i as usize].first)
        .collect();
    shuffle(rng, &mut repeats);
    let mut keep: Vec<bool> = sim.orders.iter().map(|o| o.first).collect();
    let mut total = first_lines;
    for &i in &repeats {
        if total >= target {
            break;
        }
        keep[i as usize] = true;
        total += sim.orders[i as usize].len as usize;
    }
    let mut excess = total.saturating_sub(target);
    while excess > 0 {
        let mut multi: Vec<u32> = (0..sim.orders.len() as u32)
            .filter(|&i| keep[i as usize] && sim.orders[i as usize].len > 1)
            .collect();
        if multi.is_empty() {
            break;
        }
        shuffle(rng, &mut multi);
        for &i in multi.iter().take(excess) {
            sim.orders[i as usize].len -= 1;
            excess -= 1;
        }
    }
    (0..sim.orders.len() as u32)
        .filter(|&i| keep[i as usize])
        .collect()
}

/// A purchase order as written: calendar second, channel and its lines.
#[derive(Debug, Clone, Copy)]
struct Placed {
    customer: u32,
    second: u32,
    channel: u8,
    first_line: u32,
    n_lines: u8,
    /// Date of its return order (the earliest return among its lines), if any.
    return_second: Option<u32>,
}

/// A purchase line; `returned` > 0 when a return order takes (part of) it back.
#[derive(Debug, Clone, Copy)]
struct Line {
    product: u32,
    quantity: u32,
    cents: u64,
    returned: u32,
}

/// How many products a shop of `rows` order lines has.
fn product_count(rows: usize) -> usize {
    (rows / 50).clamp(2000, 20_000)
}

/// The header of the product catalogue (Chinese, as a shop back office exports it).
pub(super) const CATALOGUE_HEADER: [&str; 5] = ["商品编码", "商品名称", "类目", "品牌", "价格"];

/// The product catalogue of the shop `generate(rows, seed)` makes: every product with its
/// name, category (as the orders write it), brand (its Chinese name) and shelf price, in
/// product id order. Rebuilt from the products' own random stream, so the orders are not
/// touched.
pub(super) fn catalogue(rows: usize, seed: u64) -> Vec<u8> {
    let products = Products::build(&mut stream(seed, streams::PRODUCTS), product_count(rows));
    write_catalogue(&products).expect("writing CSV into a Vec<u8> cannot fail")
}

fn write_catalogue(products: &Products) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(products.name.len() * 64 + 64));
    let mut num = Digits::default();
    w.write_record(CATALOGUE_HEADER)?;
    for p in 0..products.name.len() {
        w.write_field(num.int((FIRST_PRODUCT_ID + p as u64) as i64))?;
        w.write_field(&products.name[p])?;
        w.write_field(CATEGORIES[products.category[p] as usize].en)?;
        w.write_field(BRANDS[products.brand[p] as usize].0)?;
        w.write_field(num.cents(products.cents[p]))?;
        w.write_record(None::<&[u8]>)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Generates the whole shop as CSV bytes; `rows` is already checked.
pub(super) fn generate(rows: usize, seed: u64) -> Vec<u8> {
    let n_customers = (rows + 5) / 10;
    let n_products = product_count(rows);
    let return_lines = (rows * RETURN_PERCENT + 50) / 100;
    let purchase_lines = rows - return_lines;

    let products = Products::build(&mut stream(seed, streams::PRODUCTS), n_products);
    let customers = draw_customers(
        &mut stream(seed, streams::CUSTOMERS),
        n_customers,
        &products,
    );
    let mut sim = Shop::new(&products, &customers).calibrated(purchase_lines, seed);
    let kept = thin(
        &mut stream(seed, streams::THINNING),
        &mut sim,
        purchase_lines,
    );

    let days = days();
    let clock = Clock::new(&days);
    let channels = Discrete::new(&CHANNELS.map(|(_, w)| w));
    let mut rng = stream(seed, streams::LINES);
    let mut placed = Vec::with_capacity(kept.len());
    let mut lines = Vec::with_capacity(purchase_lines);
    for &i in &kept {
        let order = sim.orders[i as usize];
        let cust = &customers[order.customer as usize];
        let second = clock.seconds(order.time);
        let mut channel = if chance(&mut rng, PREFERRED_CHANNEL) {
            cust.channel as usize
        } else {
            channels.sample(&mut rng)
        };
        if cust.region as usize >= FIRST_FOREIGN_REGION && channel >= FIRST_LOCAL_CHANNEL {
            channel = 1; // abroad: the app
        }
        let discount = days[(second / 86_400) as usize].is_discount_day();
        let first_line = lines.len() as u32;
        for &product in &sim.items[order.start as usize..(order.start + order.len as u32) as usize]
        {
            let shelf = products.cents[product as usize];
            let (mean, cap) = if is_cheap(shelf) {
                (0.25 + 0.25 * ln(cust.spend), 24)
            } else {
                (0.03, 2)
            };
            let quantity = (1 + poisson_small(&mut rng, mean)).min(cap);
            let cents = if discount {
                (shelf * 85 + 50) / 100
            } else {
                shelf
            };
            lines.push(Line {
                product,
                quantity,
                cents,
                returned: 0,
            });
        }
        placed.push(Placed {
            customer: order.customer,
            second,
            channel: channel as u8,
            first_line,
            n_lines: order.len,
            return_second: None,
        });
    }
    choose_returns(
        &mut stream(seed, streams::RETURNS),
        &products,
        &mut placed,
        &mut lines,
        return_lines,
    );
    write_csv(&days, &products, &customers, &placed, &lines, rows)
}

/// Picks exactly `count` purchase lines to return, weighted by their category's return
/// propensity (Efraimidis–Spirakis: the largest ln(u)/w win), among lines whose return,
/// 1 + Exp(mean 6) days after the purchase, still falls inside the window. Should too few
/// qualify (never with real parameters), lines bought a day or more before the window ends
/// fill up with their return on the last day. The return order of a purchase order is
/// dated by its earliest returned line.
fn choose_returns<R: Rng>(
    rng: &mut R,
    products: &Products,
    placed: &mut [Placed],
    lines: &mut [Line],
    count: usize,
) {
    // (tier, key, line, return second): tier 0 fits the window, 1 is the fallback
    let mut candidates: Vec<(u8, f64, u32, u32)> = Vec::with_capacity(lines.len());
    for order in placed.iter() {
        for l in order.first_line..order.first_line + order.n_lines as u32 {
            let line = &lines[l as usize];
            let weight =
                CATEGORIES[products.category[line.product as usize] as usize].return_propensity;
            let delay = (86_400.0 * (1.0 + 6.0 * exp1(rng))) as u64;
            let key = ln(open01(rng)) / weight;
            let due = order.second as u64 + delay;
            if due < WINDOW_SECONDS as u64 {
                candidates.push((0, key, l, due as u32));
            } else if order.second as u64 + 86_400 < WINDOW_SECONDS as u64 {
                candidates.push((1, key, l, WINDOW_SECONDS - 1));
            }
        }
    }
    let better = |a: &(u8, f64, u32, u32), b: &(u8, f64, u32, u32)| {
        a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
    };
    let count = count.min(candidates.len());
    if count == 0 {
        return;
    }
    if count < candidates.len() {
        candidates.select_nth_unstable_by(count - 1, better);
        candidates.truncate(count);
    }
    candidates.sort_unstable_by_key(|c| c.2);
    // line → its order: lines are laid out order by order
    let mut o = 0usize;
    for (_, _, l, due) in candidates {
        while placed[o].first_line + placed[o].n_lines as u32 <= l {
            o += 1;
        }
        let line = &mut lines[l as usize];
        line.returned = if chance(rng, 0.7) { line.quantity } else { 1 };
        let order = &mut placed[o];
        order.return_second = Some(order.return_second.map_or(due, |s| s.min(due)));
    }
}

/// Writes all orders in date order (ties: purchases by simulation order, then returns),
/// numbering them chronologically.
fn write_csv(
    days: &[Day],
    products: &Products,
    customers: &[Customer],
    placed: &[Placed],
    lines: &[Line],
    rows: usize,
) -> Vec<u8> {
    write_records(days, products, customers, placed, lines, rows)
        .expect("writing CSV into a Vec<u8> cannot fail")
}

fn write_records(
    days: &[Day],
    products: &Products,
    customers: &[Customer],
    placed: &[Placed],
    lines: &[Line],
    rows: usize,
) -> csv::Result<Vec<u8>> {
    // one sortable key per order: second of the day it is dated, then purchase index or
    // (purchase count + index) for its return order
    let n = placed.len() as u64;
    let mut events: Vec<u64> = Vec::with_capacity(placed.len() * 2);
    for (o, order) in placed.iter().enumerate() {
        events.push(((order.second as u64) << 32) | o as u64);
        if let Some(s) = order.return_second {
            events.push(((s as u64) << 32) | (n + o as u64));
        }
    }
    events.sort_unstable();

    let day_strings: Vec<[u8; 10]> = days.iter().map(Day::iso).collect();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(rows * 112 + 128));
    w.write_record(HEADER)?;
    let mut num = Digits::default();
    for (rank, event) in events.iter().enumerate() {
        let second = (event >> 32) as u32;
        let key = event & 0xffff_ffff;
        let (o, is_return) = if key < n {
            (key as usize, false)
        } else {
            ((key - n) as usize, true)
        };
        let order = &placed[o];
        let cust = &customers[order.customer as usize];
        let mut date = [b' '; 19];
        date[..10].copy_from_slice(&day_strings[(second / 86_400) as usize]);
        date[11..].copy_from_slice(&clock_time(second % 86_400));
        let order_id = FIRST_ORDER_ID + rank as u64;
        for line in
            &lines[order.first_line as usize..(order.first_line + order.n_lines as u32) as usize]
        {
            let quantity = match (is_return, line.returned) {
                (false, _) => line.quantity as i64,
                (true, 0) => continue,
                (true, r) => -(r as i64),
            };
            let p = line.product as usize;
            w.write_field(num.int(order_id as i64))?;
            w.write_field(num.int(cust.id as i64))?;
            w.write_field(date)?;
            w.write_field(num.int((FIRST_PRODUCT_ID + p as u64) as i64))?;
            w.write_field(&products.name[p])?;
            w.write_field(CATEGORIES[products.category[p] as usize].en)?;
            w.write_field(num.int(quantity))?;
            w.write_field(num.cents(line.cents))?;
            w.write_field(CHANNELS[order.channel as usize].0)?;
            w.write_field(REGIONS[cust.region as usize].0)?;
            w.write_record(None::<&[u8]>)?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The header, in the benchmark's column order.
pub(super) const HEADER: [&str; 10] = [
    "order_id",
    "customer_id",
    "order_date",
    "product_id",
    "product_name",
    "category",
    "quantity",
    "unit_price",
    "channel",
    "region",
];

/// Integer and money formatting without `format!` per field: integers in decimal, money
/// from integer cents with two decimals, so no float formatting can differ anywhere.
#[derive(Debug, Default)]
struct Digits {
    buf: [u8; 24],
}

impl Digits {
    fn int(&mut self, v: i64) -> &[u8] {
        let mut i = self.buf.len();
        let mut m = v.unsigned_abs();
        loop {
            i -= 1;
            self.buf[i] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        if v < 0 {
            i -= 1;
            self.buf[i] = b'-';
        }
        &self.buf[i..]
    }

    fn cents(&mut self, c: u64) -> &[u8] {
        let (units, frac) = (c / 100, c % 100);
        let len = self.buf.len();
        self.buf[len - 2] = b'0' + (frac / 10) as u8;
        self.buf[len - 1] = b'0' + (frac % 10) as u8;
        self.buf[len - 3] = b'.';
        let mut i = len - 3;
        let mut m = units;
        loop {
            i -= 1;
            self.buf[i] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        &self.buf[i..]
    }
}
