//! The orders table's `Sink`: an order line's cells parsed into ids, a time, a quantity and
//! a value in minor units, and kept as one line of `OrderLines`.

use super::{OrdersPlan, ORDERS};
use crate::dataset::{DimensionColumn, OrderLines, NONE};
use crate::ingest::clean::{is_cancelled_order_id, is_return, is_return_status};
use crate::ingest::columns::ColumnAssignment;
use crate::ingest::dates::{DateColumn, DateRead};
use crate::ingest::files::IngestOptions;
use crate::ingest::ids::IdTable;
use crate::ingest::open::Opened;
use crate::ingest::record::{id_cell, Cells};
use crate::ingest::report::RejectReason;
use crate::ingest::rows::{Reject, Sink};
use crate::ingest::schema::Schema;
use crate::ingest::tally::Tally;
use crate::ingest::values::{parse_money, parse_quantity, trim};
use crate::message::Message;

/// The id columns of a file while it is read (moved into `OrderLines` when it is done).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    pub order: IdTable,
    pub customer: IdTable,
    pub product: IdTable,
    /// One per mapped dimension, in `OrdersPlan::dimensions` order.
    pub dimensions: Vec<IdTable>,
}

/// The order lines of one file while it is read.
#[derive(Debug)]
pub(crate) struct OrdersSink {
    pub plan: OrdersPlan,
    /// Workbook: plain numbers in the date column are Excel serial days.
    excel: bool,
    /// Workbook: the date column holds typed date cells.
    pub excel_date_cells: bool,
    pub lines: OrderLines,
    /// Per mapped dimension: the line values (their strings are in `ids.dimensions`).
    pub dimensions: Vec<DimensionColumn>,
    pub ids: Ids,
    pub dates: DateColumn,
    /// Money cells that named a currency, per currency (duplicates included).
    pub currency_marks: Tally<&'static str>,
}

/// An order line's parsed cells.
pub(crate) struct OrderRow<'a> {
    /// The interned order id.
    order: u32,
    order_id: &'a str,
    date_cell: &'a str,
    date: DateRead,
    quantity: f64,
    /// Value in minor units.
    amount: i64,
}

impl Sink for OrdersSink {
    const SCHEMA: &'static Schema = &ORDERS;
    type Row<'a> = OrderRow<'a>;

    fn new(
        mapping: &[ColumnAssignment],
        file: &Opened,
        rows: usize,
        options: &IngestOptions,
    ) -> Option<OrdersSink> {
        let plan = OrdersPlan::new(mapping)?;
        let excel_date_cells = file.date_cells.get(plan.order_date).is_some_and(|&n| n > 0);
        let mut lines = OrderLines::default();
        lines.reserve(rows);
        let dimensions = plan
            .dimensions
            .iter()
            .map(|_| DimensionColumn {
                per_line: Vec::with_capacity(rows),
                ..Default::default()
            })
            .collect();
        let ids = Ids {
            dimensions: vec![IdTable::default(); plan.dimensions.len()],
            ..Ids::default()
        };
        Some(OrdersSink {
            plan,
            excel: file.excel,
            excel_date_cells,
            lines,
            dimensions,
            ids,
            dates: DateColumn::new(options.date_order),
            currency_marks: Tally::default(),
        })
    }

    fn notes(&self) -> Vec<Message> {
        let mut notes = Vec::new();
        if self.plan.quantity.is_none() {
            notes.push(Message::new("note.no_quantity"));
        }
        if self.plan.unit_price.is_some() && self.plan.line_amount.is_some() {
            notes.push(Message::new("note.amount_and_price"));
        }
        notes
    }

    fn parse<'a>(&mut self, cells: &Cells<'a>, line: u64) -> Result<OrderRow<'a>, Reject> {
        let plan = &self.plan;
        let order_id = id_cell(cells.get(plan.order_id));
        if order_id.is_empty() {
            return Err(Reject::cell(
                RejectReason::MissingOrderId,
                plan.order_id,
                "",
            ));
        }
        let date_cell = trim(cells.get(plan.order_date));
        if date_cell.is_empty() {
            return Err(Reject::cell(RejectReason::MissingDate, plan.order_date, ""));
        }
        let Some(date) = self.dates.read(date_cell, self.excel, line) else {
            let why = RejectReason::InvalidDate;
            return Err(Reject::cell(why, plan.order_date, date_cell));
        };
        let quantity = match plan.quantity {
            Some(c) => parse_quantity(cells.get(c))
                .ok_or_else(|| Reject::cell(RejectReason::InvalidQuantity, c, cells.get(c)))?,
            None => 1.0,
        };
        let money_col = plan.line_amount.or(plan.unit_price).unwrap_or(0);
        let bad_money =
            || Reject::cell(RejectReason::InvalidPrice, money_col, cells.get(money_col));
        let money = parse_money(cells.get(money_col)).ok_or_else(bad_money)?;
        let amount = if plan.line_amount.is_some() {
            // a line amount is what was paid; on a return line it counts against revenue
            if quantity < 0.0 && money.cents > 0 {
                -money.cents
            } else {
                money.cents
            }
        } else if quantity.fract() == 0.0 && quantity.abs() < 9.0e15 {
            (quantity as i64)
                .checked_mul(money.cents)
                .ok_or_else(bad_money)?
        } else {
            (quantity * money.cents as f64).round() as i64
        };
        if let Some(code) = money.currency {
            self.currency_marks.add(code, 1);
        }
        Ok(OrderRow {
            order: self.ids.order.intern(order_id),
            order_id,
            date_cell,
            date,
            quantity,
            amount,
        })
    }

    fn dedupe_key(&self, row: &OrderRow<'_>) -> u32 {
        row.order
    }

    fn len(&self) -> usize {
        self.lines.len()
    }

    fn keep<'a>(&mut self, row: OrderRow<'a>, cells: &Cells<'a>, _line: u64) {
        let plan = &self.plan;
        let index = self.lines.len() as u32;
        self.dates.note(row.date, index, row.date_cell);
        let customer = Some(id_cell(cells.get(plan.customer_id))).filter(|c| !c.is_empty());
        let product_name = plan.product_name.map(|c| trim(cells.get(c))).unwrap_or("");
        let product = match plan.product_id {
            Some(c) => Some(id_cell(cells.get(c))).filter(|p| !p.is_empty()),
            None => Some(product_name).filter(|p| !p.is_empty()),
        };
        let status_return = plan.status.is_some_and(|c| is_return_status(cells.get(c)));
        let cancelled = is_cancelled_order_id(row.order_id);
        let returned = is_return(row.quantity, cancelled, status_return);
        let lines = &mut self.lines;
        let ids = &mut self.ids;
        let customer = customer.map_or(NONE, |c| ids.customer.intern(c));
        let product = product.map_or(NONE, |p| {
            let i = ids.product.intern(p);
            match lines.product_names.get_mut(i as usize) {
                None => lines.product_names.push(product_name.into()),
                Some(name) if name.is_empty() && !product_name.is_empty() => {
                    *name = product_name.into()
                }
                Some(_) => {}
            }
            i
        });
        let (order, time, quantity, amount) = (row.order, row.date.time, row.quantity, row.amount);
        lines.push_indices(order, customer, time, product, quantity, amount, returned);
        for (k, &(_, c)) in plan.dimensions.iter().enumerate() {
            let value = trim(cells.get(c));
            let v = if value.is_empty() {
                NONE
            } else {
                ids.dimensions[k].intern(value)
            };
            self.dimensions[k].per_line.push(v);
        }
    }
}
