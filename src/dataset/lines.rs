//! `OrderLines`: the cleaned orders table as ingest produces it, one entry per order line,
//! columnar, in input order. `Dataset::build` regroups it by customer.

use super::interner::{Interner, NONE};
use serde::{Deserialize, Serialize};

/// Optional text dimensions of an order line (data contract, orders table).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Product category (类目).
    Category,
    /// Brand (品牌).
    Brand,
    /// Sales channel (渠道).
    Channel,
    /// Region, province or country (省份 / Country).
    Region,
    /// City (城市).
    City,
    /// Coupon or campaign id.
    Campaign,
    /// Payment method.
    Payment,
    /// Currency of the line (a file that says it per row).
    Currency,
    /// Whether the line was discounted: the one value `DISCOUNTED` when the file's discount
    /// cell is not zero (the amount itself is already taken off the line's value), so the
    /// profile can say which orders were bought on a discount.
    Discount,
}

/// The value of `Dimension::Discount` on a discounted line.
pub const DISCOUNTED: &str = "discounted";

impl Dimension {
    /// Every dimension, in a stable order.
    pub const ALL: [Dimension; 9] = [
        Dimension::Category,
        Dimension::Brand,
        Dimension::Channel,
        Dimension::Region,
        Dimension::City,
        Dimension::Campaign,
        Dimension::Payment,
        Dimension::Currency,
        Dimension::Discount,
    ];

    /// The snake_case name (the same as in JSON).
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Category => "category",
            Dimension::Brand => "brand",
            Dimension::Channel => "channel",
            Dimension::Region => "region",
            Dimension::City => "city",
            Dimension::Campaign => "campaign",
            Dimension::Payment => "payment",
            Dimension::Currency => "currency",
            Dimension::Discount => "discount",
        }
    }
}

/// One optional text column: interned values per line (`NONE` when the cell was empty).
#[derive(Debug, Clone, Default)]
pub struct DimensionColumn {
    /// Distinct values.
    pub values: Interner,
    /// Per line index into `values`, or `NONE`.
    pub per_line: Vec<u32>,
}

/// The orders table after ingest: columns of equal length, one entry per kept line.
///
/// Money is integer minor units (cents / 分): a line's `amount_cents` is
/// `quantity × round(100 · unit_price)` when a unit price was given, or `round(100 · amount)`
/// when the file gave the line amount, so sums are exact and rank ties are stable.
#[derive(Debug, Clone, Default)]
pub struct OrderLines {
    /// Distinct order ids.
    pub order_ids: Interner,
    /// Distinct customer ids.
    pub customer_ids: Interner,
    /// Distinct product ids (or product names when the file has no product id).
    pub product_ids: Interner,
    /// Product display name per product index (first name seen), empty when unknown.
    pub product_names: Vec<Box<str>>,
    /// Per line: order index.
    pub order: Vec<u32>,
    /// Per line: customer index, or `NONE` (kept for shop totals, left out of customer analytics).
    pub customer: Vec<u32>,
    /// Per line: order time, seconds since 1970-01-01 00:00 of the shop's wall clock (no zone).
    pub time: Vec<i64>,
    /// Per line: product index, or `NONE`.
    pub product: Vec<u32>,
    /// Per line: quantity (negative on a return line).
    pub quantity: Vec<f64>,
    /// Per line: value in minor units (negative on a return line).
    pub amount_cents: Vec<i64>,
    /// Per line: true for a return or cancellation (negative quantity or cancelled order id).
    pub is_return: Vec<bool>,
    /// Optional text dimensions present in the input.
    pub dimensions: Vec<(Dimension, DimensionColumn)>,
}

impl OrderLines {
    /// Number of lines.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are no lines.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Reserves room for `n` more lines in every per-line column but the dimensions.
    pub fn reserve(&mut self, n: usize) {
        self.order.reserve(n);
        self.customer.reserve(n);
        self.time.reserve(n);
        self.product.reserve(n);
        self.quantity.reserve(n);
        self.amount_cents.reserve(n);
        self.is_return.reserve(n);
    }

    /// Appends one line. `customer` and `product` may be `None`.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        order_id: &str,
        customer_id: Option<&str>,
        time: i64,
        product_id: Option<&str>,
        quantity: f64,
        amount_cents: i64,
        is_return: bool,
    ) {
        let order = self.order_ids.intern(order_id);
        let customer = customer_id.map_or(NONE, |c| self.customer_ids.intern(c));
        let product = product_id.map_or(NONE, |p| {
            let i = self.product_ids.intern(p);
            if i as usize == self.product_names.len() {
                self.product_names.push("".into());
            }
            i
        });
        self.push_indices(
            order,
            customer,
            time,
            product,
            quantity,
            amount_cents,
            is_return,
        );
    }

    /// Appends one line whose ids are already indices of this table's interners (`NONE` for
    /// no customer or product). Dimensions are the caller's to extend.
    #[allow(clippy::too_many_arguments)]
    pub fn push_indices(
        &mut self,
        order: u32,
        customer: u32,
        time: i64,
        product: u32,
        quantity: f64,
        amount_cents: i64,
        is_return: bool,
    ) {
        self.order.push(order);
        self.customer.push(customer);
        self.time.push(time);
        self.product.push(product);
        self.quantity.push(quantity);
        self.amount_cents.push(amount_cents);
        self.is_return.push(is_return);
    }

    /// Records a product's display name the first time one is seen.
    pub fn set_product_name(&mut self, product: u32, name: &str) {
        if let Some(slot) = self.product_names.get_mut(product as usize) {
            if slot.is_empty() && !name.is_empty() {
                *slot = name.into();
            }
        }
    }

    /// The column of `dim`, if the input had one.
    pub fn dimension(&self, dim: Dimension) -> Option<&DimensionColumn> {
        self.dimensions
            .iter()
            .find(|(d, _)| *d == dim)
            .map(|(_, col)| col)
    }

    /// The column of `dim`, created on first use (filled with `NONE` for earlier lines).
    pub fn dimension_mut(&mut self, dim: Dimension) -> &mut DimensionColumn {
        let pos = match self.dimensions.iter().position(|(d, _)| *d == dim) {
            Some(p) => p,
            None => {
                self.dimensions.push((dim, DimensionColumn::default()));
                self.dimensions.len() - 1
            }
        };
        let n = self.order.len();
        let col = &mut self.dimensions[pos].1;
        // lines pushed before this call (or without a value) hold NONE
        if col.per_line.len() + 1 < n {
            col.per_line.resize(n.saturating_sub(1), NONE);
        }
        col
    }

    /// Sets the `dim` value of the line pushed last.
    pub fn set_dimension(&mut self, dim: Dimension, value: &str) {
        let n = self.order.len();
        let col = self.dimension_mut(dim);
        let v = if value.is_empty() {
            NONE
        } else {
            col.values.intern(value)
        };
        col.per_line.resize(n - 1, NONE);
        col.per_line.push(v);
    }

    /// Pads every dimension column to the number of lines (call once after the last push).
    pub fn finish(&mut self) {
        let n = self.order.len();
        for (_, col) in &mut self.dimensions {
            col.per_line.resize(n, NONE);
        }
        self.product_names.resize(self.product_ids.len(), "".into());
    }

    /// Puts the lines in `range` in time order (stable), moving every column with them.
    pub fn sort_range_by_time(&mut self, range: std::ops::Range<usize>) {
        let mut order: Vec<usize> = range.clone().collect();
        order.sort_by_key(|&i| self.time[i]);
        fn apply<T: Copy>(col: &mut [T], range: &std::ops::Range<usize>, order: &[usize]) {
            let moved: Vec<T> = order.iter().map(|&i| col[i]).collect();
            col[range.clone()].copy_from_slice(&moved);
        }
        apply(&mut self.order, &range, &order);
        apply(&mut self.customer, &range, &order);
        apply(&mut self.time, &range, &order);
        apply(&mut self.product, &range, &order);
        apply(&mut self.quantity, &range, &order);
        apply(&mut self.amount_cents, &range, &order);
        apply(&mut self.is_return, &range, &order);
        for (_, col) in &mut self.dimensions {
            apply(&mut col.per_line, &range, &order);
        }
    }

    /// Appends line `i` of `other`, re-interning its ids, product name and dimensions.
    pub fn push_line_of(&mut self, other: &OrderLines, i: usize) {
        let (cust, prod) = (other.customer[i], other.product[i]);
        self.push(
            other.order_ids.name(other.order[i]),
            (cust != NONE).then(|| other.customer_ids.name(cust)),
            other.time[i],
            (prod != NONE).then(|| other.product_ids.name(prod)),
            other.quantity[i],
            other.amount_cents[i],
            other.is_return[i],
        );
        if prod != NONE {
            let p = self.product[self.len() - 1];
            if let Some(name) = other.product_names.get(prod as usize) {
                self.set_product_name(p, name);
            }
        }
        for (dim, col) in &other.dimensions {
            let v = col.per_line.get(i).copied().unwrap_or(NONE);
            if v != NONE {
                self.set_dimension(*dim, col.values.name(v));
            }
        }
    }

    /// Appends all lines of `other` (a second file), re-interning its ids.
    pub fn append(&mut self, other: &OrderLines) {
        for i in 0..other.len() {
            self.push_line_of(other, i);
        }
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_are_padded_for_lines_without_a_value() {
        let mut t = OrderLines::default();
        t.push("o1", Some("c1"), 0, None, 1.0, 100, false);
        t.push("o2", None, 0, Some("p"), 1.0, 100, false);
        t.set_dimension(Dimension::Channel, "app");
        t.push("o3", Some("c1"), 0, None, 1.0, 100, false);
        t.finish();
        let col = &t.dimensions[0].1;
        assert_eq!(col.per_line, vec![NONE, 0, NONE]);
        assert_eq!(t.customer, vec![0, NONE, 0]);
    }

    #[test]
    fn append_reinterns_ids_of_the_second_file() {
        let mut a = OrderLines::default();
        a.push("o1", Some("c1"), 0, None, 1.0, 100, false);
        let mut b = OrderLines::default();
        b.push("o9", Some("c2"), 5, Some("p1"), 2.0, 300, false);
        b.set_product_name(0, "Tea");
        b.push("o10", Some("c1"), 6, None, -1.0, -100, true);
        b.finish();
        a.append(&b);
        assert_eq!(a.customer, vec![0, 1, 0]);
        assert_eq!(a.product_names[0].as_ref(), "Tea");
        assert_eq!(a.is_return, vec![false, false, true]);
    }
}
