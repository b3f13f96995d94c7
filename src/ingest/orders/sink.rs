//! The orders table's `Sink`: an order line's cells parsed into ids, a time, a quantity and
//! a value in minor units, and kept as one line of `OrderLines`.

pub(crate) use super::refund::Refund;
use super::{OrdersPlan, ORDERS};
use crate::dataset::{Dimension, DimensionColumn, OrderLines, DISCOUNTED, NONE};
use crate::ingest::clean::{is_cancelled_order_id, is_return};
use crate::ingest::columns::ColumnAssignment;
use crate::ingest::dates::{DateColumn, DateRead};
use crate::ingest::files::IngestOptions;
use crate::ingest::ids::IdTable;
use crate::ingest::open::Opened;
use crate::ingest::platforms::Profile;
use crate::ingest::record::{id_cell, Cells};
use crate::ingest::report::RejectReason;
use crate::ingest::rows::{LeftOutRow, NotKept, Reject, Sink};
use crate::ingest::schema::Schema;
use crate::ingest::status::{classify, LeftOutReason, StatusMeaning};
use crate::ingest::tally::Tally;
use crate::ingest::values::{parse_money, parse_quantity, trim};
use crate::message::Message;
use std::borrow::Cow;

/// The id columns of a file while it is read (moved into `OrderLines` when it is done).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    pub order: IdTable,
    pub customer: IdTable,
    pub product: IdTable,
    /// One per mapped dimension, in `OrdersPlan::dimensions` order.
    pub dimensions: Vec<IdTable>,
}

/// The cells of an order's first line that later lines leave empty (`Profile::carried`).
#[derive(Debug, Default)]
struct Carried {
    order: String,
    /// Per `OrdersPlan::carried` column.
    cells: Vec<String>,
}

/// The order lines of one file while it is read.
#[derive(Debug)]
pub(crate) struct OrdersSink {
    pub plan: OrdersPlan,
    /// Workbook: plain numbers in the date column are Excel serial days.
    excel: bool,
    pub lines: OrderLines,
    /// Per mapped dimension: the line values (their strings are in `ids.dimensions`).
    pub dimensions: Vec<DimensionColumn>,
    pub ids: Ids,
    pub dates: DateColumn,
    /// Money cells that named a currency, per currency (duplicates included).
    pub currency_marks: Tally<&'static str>,
    /// Refunds of kept lines, in line order; their return lines are added when the file is
    /// finished (`file`), after duplicates and undatable rows are gone.
    pub refunds: Vec<Refund>,
    /// Kept lines whose status says "partly refunded" but whose amount the file does not give.
    pub partly_refunded_unknown: u64,
    carried: Carried,
}

/// An order line's parsed cells.
pub(crate) struct OrderRow<'a> {
    /// The interned order id.
    order: u32,
    date_cell: Cow<'a, str>,
    customer: Cow<'a, str>,
    date: DateRead,
    quantity: f64,
    /// Value in minor units.
    amount: i64,
    /// Refunded value (≥ 0) and whether the whole line was refunded.
    refund: (i64, bool),
    partly_refunded_unknown: bool,
}

/// Cell `col`, or — when it is empty and only an order's first line carries it — the
/// first line's. Inlined: it reads every cell of every row.
#[inline(always)]
fn carried_cell<'a>(
    plan: &OrdersPlan,
    carried: &Carried,
    cells: &Cells<'a>,
    col: usize,
) -> Cow<'a, str> {
    let v = cells.get(col);
    if plan.carried.is_empty() || !trim(v).is_empty() {
        return Cow::Borrowed(v);
    }
    match plan.carried.iter().position(|&c| c == col) {
        Some(k) => Cow::Owned(carried.cells[k].clone()),
        None => Cow::Borrowed(v),
    }
}

impl OrdersSink {
    /// Cell `col`, carried from the order's first line when empty (`carried_cell`).
    #[inline(always)]
    fn cell<'a>(&self, cells: &Cells<'a>, col: usize) -> Cow<'a, str> {
        carried_cell(&self.plan, &self.carried, cells, col)
    }

    /// Remembers the carried cells of a new order's first line.
    fn carry(&mut self, cells: &Cells<'_>, order_id: &str) {
        if self.plan.carried.is_empty() || self.carried.order == order_id {
            return;
        }
        self.carried.order = order_id.to_string();
        self.carried.cells = self
            .plan
            .carried
            .iter()
            .map(|&c| trim(cells.get(c)).to_string())
            .collect();
    }

    /// What the line's statuses (and its cancellation time) say about it, and the column
    /// and value that decided it: leaving out beats a refund, a refund beats a purchase.
    fn meaning(&self, cells: &Cells<'_>) -> (StatusMeaning, Option<(usize, String)>) {
        if !self.plan.has_status {
            return (StatusMeaning::Purchase, None);
        }
        if let Some(c) = self.plan.cancelled_at {
            let at = self.cell(cells, c);
            if !trim(&at).is_empty() {
                let why = StatusMeaning::LeftOut(LeftOutReason::Cancelled);
                return (why, Some((c, trim(&at).to_string())));
            }
        }
        let read = |c: usize| {
            let status = self.cell(cells, c);
            let status = trim(&status);
            let meaning = self
                .plan
                .profile
                .and_then(|p| p.status(status))
                .unwrap_or_else(|| classify(status));
            (meaning, Some((c, status.to_string())))
        };
        let rank = |m: StatusMeaning| match m {
            StatusMeaning::LeftOut(_) => 3,
            StatusMeaning::Refunded => 2,
            StatusMeaning::PartlyRefunded => 1,
            StatusMeaning::Purchase => 0,
        };
        let order = self.plan.status.map(read);
        let line = self.plan.line_status.map(read);
        match (order, line) {
            (Some(o), Some(l)) if rank(l.0) > rank(o.0) => l,
            (Some(o), _) => o,
            (None, Some(l)) => l,
            (None, None) => (StatusMeaning::Purchase, None),
        }
    }

    /// The buyer of a line: the buyer cell, or — when it is empty or masked — the first
    /// alternative identity column that is neither.
    fn buyer<'a>(&self, cells: &Cells<'a>) -> Cow<'a, str> {
        let Some(c) = self.plan.customer_id else {
            return Cow::Borrowed("");
        };
        let usable = |v: &str| !v.is_empty() && !is_masked(v);
        let own = match self.cell(cells, c) {
            Cow::Borrowed(b) => Cow::Borrowed(id_cell(b)),
            Cow::Owned(o) => Cow::Owned(id_cell(&o).to_string()),
        };
        if self.plan.buyer_fallbacks.is_empty() || usable(&own) {
            return own;
        }
        for &f in &self.plan.buyer_fallbacks {
            let v = id_cell(cells.get(f));
            if usable(v) {
                return Cow::Borrowed(v);
            }
        }
        own
    }

    /// The line's value in minor units (shipping taken out when the file has it).
    fn amount(
        &self,
        cells: &Cells<'_>,
        quantity: f64,
    ) -> Result<(i64, Option<&'static str>), Reject> {
        let plan = &self.plan;
        let Some(money_col) = plan.line_amount.or(plan.unit_price) else {
            // a basket list names no price: its lines are worth nothing known
            return Ok((0, None));
        };
        let cell = self.cell(cells, money_col);
        let bad_money = || Reject::cell(RejectReason::InvalidPrice, money_col, &cell);
        let money = parse_money(&cell).ok_or_else(bad_money)?;
        let mut amount = if plan.line_amount.is_some() {
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
        // shipping and discounts are not merchandise; a discount may be written negative
        // (Amazon's promotions) or positive (Shopify's, Etsy's)
        for c in [plan.shipping, plan.discount]
            .into_iter()
            .flatten()
            .filter(|_| plan.takes_off)
        {
            let cell = self.cell(cells, c);
            if !is_blank(&cell) {
                let less = parse_money(&cell)
                    .ok_or_else(|| Reject::cell(RejectReason::InvalidPrice, c, &cell))?;
                amount -= less.cents.abs();
            }
        }
        Ok((amount, money.currency))
    }

    /// The refund of a kept line: the whole line when its status says refunded; else the
    /// file's refund amount, when it has that column and the cell is not empty (a
    /// partly-refunded status without one is counted as unknown).
    fn refund(
        &self,
        cells: &Cells<'_>,
        meaning: StatusMeaning,
        amount: i64,
    ) -> Result<((i64, bool), bool), Reject> {
        if meaning == StatusMeaning::Purchase && self.plan.refund_amount.is_none() {
            return Ok(((0, false), false));
        }
        if meaning == StatusMeaning::Refunded {
            return Ok(((amount.max(0), amount > 0), false));
        }
        if let Some(c) = self.plan.refund_amount {
            let cell = self.cell(cells, c);
            if !is_blank(&cell) {
                let money = parse_money(&cell)
                    .ok_or_else(|| Reject::cell(RejectReason::InvalidPrice, c, &cell))?;
                return Ok(((money.cents.abs(), false), false));
            }
        }
        Ok(((0, false), meaning == StatusMeaning::PartlyRefunded))
    }
}

/// True for an empty cell or a platform's mark for "none" (`-`, `——`: Douyin, Youzan).
fn is_blank(cell: &str) -> bool {
    matches!(trim(cell), "" | "-" | "—" | "——" | "--")
}

/// True when an identity is masked (`186******05`, `z***@qq.com`): many buyers share it,
/// so it identifies none of them.
fn is_masked(id: &str) -> bool {
    id.contains("**")
}

impl Sink for OrdersSink {
    const SCHEMA: &'static Schema = &ORDERS;
    type Row<'a> = OrderRow<'a>;

    fn new(
        mapping: &[ColumnAssignment],
        profile: Option<&'static Profile>,
        file: &Opened,
        rows: usize,
        options: &IngestOptions,
    ) -> Option<OrdersSink> {
        let mut plan = OrdersPlan::new(mapping, profile)?;
        if let Some(p) = profile {
            plan.buyer_fallbacks = p.alternative_columns(file.source.headers());
        }
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
            lines,
            dimensions,
            ids,
            dates: DateColumn::new(options.date_order),
            currency_marks: Tally::default(),
            refunds: Vec::new(),
            partly_refunded_unknown: 0,
            carried: Carried::default(),
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
        if self.plan.shipping.is_some() {
            notes.push(Message::new("note.shipping_subtracted"));
        }
        if self.plan.status.is_some() || self.plan.cancelled_at.is_some() {
            notes.push(Message::new("note.status_honoured"));
        }
        if self.plan.refund_amount.is_some() {
            notes.push(Message::new("note.refund_amount"));
        }
        if self.plan.customer_id.is_none() {
            notes.push(Message::new("note.no_buyer"));
        }
        if self.plan.order_id.is_none() {
            notes.push(Message::new("note.order_per_customer_time"));
        }
        notes
    }

    fn parse<'a>(&mut self, cells: &Cells<'a>, line: u64) -> Result<OrderRow<'a>, NotKept> {
        let plan = &self.plan;
        let order_id: Cow<'a, str> = match plan.order_id {
            Some(col) => {
                let id = id_cell(cells.get(col));
                if id.is_empty() {
                    let why = Reject::cell(RejectReason::MissingOrderId, col, "");
                    return Err(why.into());
                }
                Cow::Borrowed(id)
            }
            // no order id column: each customer and time is one order (the time first, so
            // that no such id reads as a cancellation's `C…`)
            None => {
                let cell = |c: Option<usize>| c.map_or("", |c| trim(cells.get(c)));
                Cow::Owned(format!(
                    "{} {}",
                    cell(plan.order_date),
                    cell(plan.customer_id)
                ))
            }
        };
        let order_id = &*order_id;
        self.carry(cells, order_id);
        if let Some(c) = self.plan.summary_unless {
            if trim(cells.get(c)).is_empty() {
                return Err(NotKept::Summary);
            }
        }
        let plan = &self.plan;
        let quantity = match plan.quantity {
            Some(c) => {
                let cell = self.cell(cells, c);
                parse_quantity(&cell)
                    .ok_or_else(|| Reject::cell(RejectReason::InvalidQuantity, c, &cell))
            }
            None => Ok(1.0),
        };
        let (meaning, decided_by) = self.meaning(cells);
        if let (StatusMeaning::LeftOut(reason), Some((column, value))) = (meaning, decided_by) {
            let cents = quantity
                .as_ref()
                .ok()
                .and_then(|&q| self.amount(cells, q).ok())
                .map_or(0, |(a, _)| a);
            return Err(NotKept::LeftOut(LeftOutRow {
                reason,
                order_id: order_id.to_string(),
                column,
                value,
                cents,
            }));
        }
        let (date_cell, date) = match self.plan.order_date {
            Some(date_col) => {
                let date_cell = match self.cell(cells, date_col) {
                    Cow::Borrowed(b) => Cow::Borrowed(trim(b)),
                    Cow::Owned(o) => Cow::Owned(trim(&o).to_string()),
                };
                if date_cell.is_empty() {
                    return Err(Reject::cell(RejectReason::MissingDate, date_col, "").into());
                }
                let Some(date) = self.dates.read(&date_cell, self.excel, line) else {
                    let why = RejectReason::InvalidDate;
                    return Err(Reject::cell(why, date_col, &date_cell).into());
                };
                (date_cell, date)
            }
            // the lines of another export's orders: their date comes from it (`join`); a
            // basket list has none
            None => (Cow::Borrowed(""), DateRead::unknown()),
        };
        let quantity = quantity?;
        let (amount, currency) = self.amount(cells, quantity)?;
        let (refund, partly_refunded_unknown) = self.refund(cells, meaning, amount)?;
        if let Some(code) = currency {
            self.currency_marks.add(code, 1);
        }
        let customer = self.buyer(cells);
        Ok(OrderRow {
            order: self.ids.order.intern(order_id),
            date_cell,
            customer,
            date,
            quantity,
            amount,
            refund,
            partly_refunded_unknown,
        })
    }

    fn dedupe_key(&self, row: &OrderRow<'_>) -> u32 {
        row.order
    }

    fn len(&self) -> usize {
        self.lines.len()
    }

    fn keep<'a>(&mut self, row: OrderRow<'a>, cells: &Cells<'a>, _line: u64) {
        let index = self.lines.len() as u32;
        if self.plan.order_date.is_some() {
            self.dates.note(row.date, index, &row.date_cell);
        }
        if row.refund.0 > 0 {
            self.refunds.push(Refund {
                line: index,
                cents: row.refund.0,
                whole: row.refund.1,
            });
        }
        self.partly_refunded_unknown += u64::from(row.partly_refunded_unknown);
        let plan = &self.plan;
        let customer = Some(row.customer.as_ref()).filter(|c| !c.is_empty());
        let product_name = plan.product_name.map(|c| trim(cells.get(c))).unwrap_or("");
        let product = match plan.product_id {
            Some(c) => Some(id_cell(cells.get(c))).filter(|p| !p.is_empty()),
            None => Some(product_name).filter(|p| !p.is_empty()),
        };
        let order_id = self.ids.order.name(row.order);
        let cancelled = is_cancelled_order_id(order_id);
        let returned = is_return(row.quantity, cancelled);
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
        for (k, &(dim, c)) in plan.dimensions.iter().enumerate() {
            let value = carried_cell(plan, &self.carried, cells, c);
            let mut value = trim(&value);
            if dim == Dimension::Discount {
                // kept as whether there was one: the amount is already off the line's value
                let discounted = parse_money(value).is_some_and(|m| m.cents != 0);
                value = if discounted { DISCOUNTED } else { "" };
            }
            let v = if value.is_empty() {
                NONE
            } else {
                ids.dimensions[k].intern(value)
            };
            self.dimensions[k].per_line.push(v);
        }
    }
}
