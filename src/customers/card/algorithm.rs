//! A customer's orders and spend, from their time-ordered lines.

use crate::customers::attribute::LineAttribute;
use crate::dataset::time::iso;
use crate::dataset::{Dataset, Dimension, NONE};
use crate::ingest::columns::Field;
use crate::ingest::side::Tables;
use serde::Serialize;

/// One order of the customer. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CardOrder {
    /// The order id, as in the file.
    pub order_id: String,
    /// When its first line was placed (`YYYY-MM-DDThh:mm:ss`, the shop's wall clock).
    pub time: String,
    /// Its lines.
    pub lines: u32,
    /// Units (negative on a return).
    pub units: f64,
    /// Its value in minor units (negative on a return).
    pub value_cents: i64,
    /// A return or a cancellation.
    pub is_return: bool,
    /// Its products' names (or ids), in line order, at most 5.
    pub products: Vec<String>,
}

/// Purchase value by one value of a dimension. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Spend {
    /// The category or channel.
    pub name: String,
    /// Purchase value in minor units.
    pub value_cents: i64,
    /// Its share of the customer's purchase value.
    pub share: f64,
}

/// A customer's card. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CustomerCard {
    /// The customer id.
    pub customer_id: String,
    /// Every order, newest first.
    pub orders: Vec<CardOrder>,
    /// Purchase value by category, largest first (empty without a category, in the orders
    /// or the product catalogue).
    pub categories: Vec<Spend>,
    /// Purchase value by brand, largest first (empty without a brand, in the orders or the
    /// product catalogue).
    pub brands: Vec<Spend>,
    /// Purchase value by channel, largest first.
    pub channels: Vec<Spend>,
}

/// Purchase value per value of `attribute` among the lines `range`.
fn spend(
    data: &Dataset,
    range: std::ops::Range<usize>,
    attribute: &LineAttribute<'_>,
) -> Vec<Spend> {
    if attribute.is_absent() {
        return Vec::new();
    }
    let mut sums: Vec<(u32, i64)> = Vec::new();
    let mut total = 0i64;
    for i in range {
        if data.lines.is_return[i] {
            continue;
        }
        let amount = data.lines.amount_cents[i];
        total += amount;
        let v = attribute.at(&data.lines, i);
        if v == NONE {
            continue;
        }
        match sums.iter_mut().find(|s| s.0 == v) {
            Some(s) => s.1 += amount,
            None => sums.push((v, amount)),
        }
    }
    let mut out: Vec<Spend> = sums
        .into_iter()
        .map(|(v, cents)| Spend {
            name: attribute.names.name(v).to_string(),
            value_cents: cents,
            share: if total > 0 {
                cents as f64 / total as f64
            } else {
                0.0
            },
        })
        .collect();
    out.sort_by(|a, b| {
        b.value_cents
            .cmp(&a.value_cents)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The card of customer `c` of `data` (`tables`: the catalogue brands and categories may
/// come from).
pub fn card(data: &Dataset, tables: &Tables, c: usize) -> CustomerCard {
    let lines = &data.lines;
    let range = data.customer_lines(c);
    let mut orders: Vec<(u32, CardOrder)> = Vec::new();
    for i in range.clone() {
        let o = lines.order[i];
        let k = match orders.iter().position(|(id, _)| *id == o) {
            Some(k) => k,
            None => {
                orders.push((
                    o,
                    CardOrder {
                        order_id: lines.order_ids.name(o).to_string(),
                        time: iso(lines.time[i]),
                        lines: 0,
                        units: 0.0,
                        value_cents: 0,
                        is_return: lines.is_return[i],
                        products: Vec::new(),
                    },
                ));
                orders.len() - 1
            }
        };
        let order = &mut orders[k].1;
        order.lines += 1;
        order.units += lines.quantity[i];
        order.value_cents += lines.amount_cents[i];
        let p = lines.product[i];
        if p != NONE && order.products.len() < 5 {
            let name = lines
                .product_names
                .get(p as usize)
                .filter(|n| !n.is_empty())
                .map_or_else(|| lines.product_ids.name(p).to_string(), |n| n.to_string());
            order.products.push(name);
        }
    }
    let attribute = |dim, field| LineAttribute::of(lines, tables, dim, field);
    let category = attribute(Dimension::Category, Field::Category);
    let brand = attribute(Dimension::Brand, Field::Brand);
    let channel = attribute(Dimension::Channel, Field::Channel);
    // the lines are in time order: the orders too, oldest first
    let mut orders: Vec<CardOrder> = orders.into_iter().map(|(_, o)| o).collect();
    orders.reverse();
    CustomerCard {
        customer_id: data.customers[c].to_string(),
        orders,
        categories: spend(data, range.clone(), &category),
        brands: spend(data, range.clone(), &brand),
        channels: spend(data, range, &channel),
    }
}
