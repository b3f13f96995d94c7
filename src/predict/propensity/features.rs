//! The features each customer is described by, as of a day, from `Before` alone (so no
//! feature can read a line after its day). Every feature but `return_share` enters the
//! models as ln(1 + max(v, 0)): counts, days and money are skewed, and the logistic
//! regression wants them on a log scale (the trees do not care: a monotone transform moves no
//! split). `scripts/propensity_reference.py` computes the same table in pandas.

use super::split::Before;
use crate::dataset::NONE;

/// One feature: its name (the JSON and the page's label key) and what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSpec {
    /// snake_case name.
    pub name: &'static str,
    /// What it is, in English.
    pub doc: &'static str,
}

const fn spec(name: &'static str, doc: &'static str) -> FeatureSpec {
    FeatureSpec { name, doc }
}

/// The features of every shop, in matrix order.
pub const BASE: &[FeatureSpec] = &[
    spec("recency_days", "Days from the last purchase to the day."),
    spec("tenure_days", "Days from the first purchase to the day."),
    spec("purchase_days", "Distinct days with a purchase."),
    spec("orders", "Distinct orders with a purchase line."),
    spec("spend", "Value of the purchase lines."),
    spec("average_order_value", "Spend per order."),
    spec(
        "purchase_days_30",
        "Distinct purchase days in the 30 days up to the day.",
    ),
    spec(
        "purchase_days_90",
        "Distinct purchase days in the 90 days up to the day.",
    ),
    spec("spend_90", "Spend in the 90 days up to the day."),
    spec(
        "mean_gap_days",
        "Mean days between purchase days (0 with one purchase day).",
    ),
    spec(
        "return_share",
        "Return lines as a share of purchase and return lines (not logged).",
    ),
    spec("products", "Distinct products bought."),
];

/// Added when the data has categories.
pub const CATEGORIES: FeatureSpec = spec("categories", "Distinct categories bought.");

/// Added with a category target.
pub const IN_CATEGORY: &[FeatureSpec] = &[
    spec(
        "category_purchase_days",
        "Distinct days with a purchase in the target category.",
    ),
    spec("category_spend", "Spend in the target category."),
];

/// The one feature that enters the models as it is.
const UNLOGGED: &str = "return_share";

/// A feature table: one row per customer with a purchase up to the day.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The columns.
    pub specs: Vec<FeatureSpec>,
    /// Row-major values, `customers.len() × specs.len()`, transformed as the models see them.
    pub rows: Vec<f64>,
    /// The customer (dataset index) of each row, ascending.
    pub customers: Vec<u32>,
}

impl Features {
    /// Columns per row.
    pub fn width(&self) -> usize {
        self.specs.len()
    }

    /// Rows.
    pub fn len(&self) -> usize {
        self.customers.len()
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        let d = self.width();
        &self.rows[i * d..(i + 1) * d]
    }

    /// Only the columns `keep` (indices, ascending).
    pub fn select(&self, keep: &[usize]) -> Features {
        let rows = (0..self.len())
            .flat_map(|i| keep.iter().map(move |&j| self.row(i)[j]))
            .collect();
        Features {
            specs: keep.iter().map(|&j| self.specs[j]).collect(),
            rows,
            customers: self.customers.clone(),
        }
    }

    /// The columns that vary across the rows (a constant column carries nothing to learn).
    pub fn varying(&self) -> Vec<usize> {
        (0..self.width())
            .filter(|&j| {
                let first = self.rows.get(j).copied();
                (0..self.len()).any(|i| Some(self.row(i)[j]) != first)
            })
            .collect()
    }
}

/// The feature columns for a shop: the base, categories when it has them, and the target
/// category's two when there is one.
pub fn specs(has_categories: bool, category_target: bool) -> Vec<FeatureSpec> {
    let mut s = BASE.to_vec();
    if has_categories {
        s.push(CATEGORIES);
    }
    if category_target {
        s.extend_from_slice(IN_CATEGORY);
    }
    s
}

/// Every customer's features as of `before`'s day; `category` is the target category
/// (interned) whose two features are added when given.
pub fn features(before: &Before<'_>, category: Option<u32>) -> Features {
    let specs = specs(before.has_categories(), category.is_some());
    let d = before.day();
    let mut rows = Vec::new();
    let mut customers = Vec::new();
    let (mut orders, mut products, mut categories) = (Vec::new(), Vec::new(), Vec::new());
    for c in 0..before.customers() {
        let mut f = Raw::default();
        orders.clear();
        products.clear();
        categories.clear();
        let mut last_category_day = i64::MIN;
        for line in before.lines(c) {
            if line.is_return {
                f.returns += 1;
                continue;
            }
            if !line.purchase {
                continue;
            }
            f.purchases += 1;
            if line.day != f.last {
                if f.first == i64::MIN {
                    f.first = line.day;
                }
                f.last = line.day;
                f.days += 1;
                f.days_30 += u32::from(line.day > d - 30);
                f.days_90 += u32::from(line.day > d - 90);
            }
            f.spend += line.amount_cents;
            if line.day > d - 90 {
                f.spend_90 += line.amount_cents;
            }
            orders.push(line.order);
            products.push(line.product);
            if line.category != NONE {
                categories.push(line.category);
            }
            if category.is_some_and(|k| k == line.category) {
                f.category_spend += line.amount_cents;
                if line.day != last_category_day {
                    last_category_day = line.day;
                    f.category_days += 1;
                }
            }
        }
        if f.days == 0 {
            continue;
        }
        let distinct = |v: &mut Vec<u32>| {
            v.sort_unstable();
            v.dedup();
            v.len() as f64
        };
        let n_orders = distinct(&mut orders);
        let spend = f.spend as f64 / 100.0;
        let mut values = vec![
            (d - f.last) as f64,
            (d - f.first) as f64,
            f.days as f64,
            n_orders,
            spend,
            spend / n_orders,
            f.days_30 as f64,
            f.days_90 as f64,
            f.spend_90 as f64 / 100.0,
            if f.days > 1 {
                (f.last - f.first) as f64 / (f.days - 1) as f64
            } else {
                0.0
            },
            f.returns as f64 / (f.returns + f.purchases) as f64,
            distinct(&mut products),
        ];
        if before.has_categories() {
            values.push(distinct(&mut categories));
        }
        if category.is_some() {
            values.push(f.category_days as f64);
            values.push(f.category_spend as f64 / 100.0);
        }
        for (v, s) in values.iter_mut().zip(&specs) {
            if s.name != UNLOGGED {
                *v = libm::log1p(v.max(0.0));
            }
        }
        rows.extend(values);
        customers.push(c as u32);
    }
    Features {
        specs,
        rows,
        customers,
    }
}

/// What one pass over a customer's lines adds up.
#[derive(Debug)]
struct Raw {
    first: i64,
    last: i64,
    days: u32,
    days_30: u32,
    days_90: u32,
    spend: i64,
    spend_90: i64,
    purchases: u32,
    returns: u32,
    category_days: u32,
    category_spend: i64,
}

impl Default for Raw {
    fn default() -> Self {
        Raw {
            first: i64::MIN,
            last: i64::MIN,
            days: 0,
            days_30: 0,
            days_90: 0,
            spend: 0,
            spend_90: 0,
            purchases: 0,
            returns: 0,
            category_days: 0,
            category_spend: 0,
        }
    }
}
