//! The row loop's `Sink` for the side tables: each mapped column parsed by what its field
//! holds (`ValueKind`) into the typed columns of a `SideTable`.
//!
//! A row is rejected only when it lacks what makes it a row of its table: an id (customers:
//! the customer; events: the customer; products: the product), and for events a type and a
//! readable time. Any other cell that cannot be read is a null in that row (a birthday of
//! `unknown` does not lose the customer). Slashed dates whose day/month order no cell of
//! the column decides (`3/4/1990`) are read in `IngestOptions::date_order`, day first
//! without one (the order of the customer lists this is made for: Chinese and European).

use super::{SideTable, TextColumn, NO_TIME};
use crate::dataset::{Interner, NONE};
use crate::ingest::columns::{ColumnAssignment, Field};
use crate::ingest::files::IngestOptions;
use crate::ingest::open::Opened;
use crate::ingest::platforms::Profile;
use crate::ingest::record::{id_cell, Cells};
use crate::ingest::report::RejectReason;
use crate::ingest::rows::{NotKept, Reject, Sink};
use crate::ingest::schema::{Schema, TableKind, ValueKind};
use crate::ingest::values::{
    parse_date, parse_money, parse_quantity, resolve_year_last, trim, DateOrder, DateValue,
};
use crate::message::Message;
use std::marker::PhantomData;

/// Which side table a sink reads.
pub(crate) trait SideKind {
    const SCHEMA: &'static Schema;
    /// The id a row cannot do without (also the key duplicates are looked for under).
    const KEY: Field;
}

/// The customer list.
#[derive(Debug)]
pub(crate) struct CustomersKind;
/// The events log.
#[derive(Debug)]
pub(crate) struct EventsKind;
/// The catalogue.
#[derive(Debug)]
pub(crate) struct ProductsKind;

impl SideKind for CustomersKind {
    const SCHEMA: &'static Schema = &super::schemas::CUSTOMERS;
    const KEY: Field = Field::CustomerId;
}
impl SideKind for EventsKind {
    const SCHEMA: &'static Schema = &super::schemas::EVENTS;
    const KEY: Field = Field::CustomerId;
}
impl SideKind for ProductsKind {
    const SCHEMA: &'static Schema = &super::schemas::PRODUCTS;
    const KEY: Field = Field::ProductId;
}

/// Where one mapped column goes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Text(usize),
    Time(usize),
    Number { at: usize, money: bool },
}

/// A side table's rows of one file while it is read.
#[derive(Debug)]
pub(crate) struct SideSink<K> {
    /// Per mapped column: its index in the record and where its values go.
    plan: Vec<(usize, Field, Slot)>,
    /// The key column's record index and its text slot.
    key: (usize, usize),
    /// Events: the type and time columns (required).
    event_type: Option<usize>,
    event_time: Option<usize>,
    excel: bool,
    date_order: DateOrder,
    pub table: SideTable,
    kind: PhantomData<K>,
}

/// A row that passed the checks: its key's code.
pub(crate) struct SideRow {
    key: u32,
}

impl<K: SideKind> SideSink<K> {
    fn read_time(&self, cell: &str) -> i64 {
        match parse_date(cell, self.excel).map(|d| d.value) {
            Some(DateValue::Exact(t)) => t,
            Some(DateValue::YearLast {
                first,
                second,
                year,
                secs_of_day,
            }) => {
                let order = if first > 12 {
                    DateOrder::DayFirst
                } else if second > 12 {
                    DateOrder::MonthFirst
                } else {
                    self.date_order
                };
                resolve_year_last(first, second, year, secs_of_day, order).unwrap_or(NO_TIME)
            }
            None => NO_TIME,
        }
    }

    /// Rows kept so far.
    pub fn len_rows(&self) -> usize {
        self.table.rows
    }

    /// The table read so far.
    pub fn into_table(self) -> SideTable {
        self.table
    }
}

impl<K: SideKind> Sink for SideSink<K> {
    const SCHEMA: &'static Schema = K::SCHEMA;
    type Row<'a> = SideRow;

    fn new(
        mapping: &[ColumnAssignment],
        _profile: Option<&'static Profile>,
        file: &Opened,
        rows: usize,
        options: &IngestOptions,
    ) -> Option<Self> {
        let mut table = SideTable::default();
        let mut plan = Vec::new();
        for a in mapping {
            let Some(spec) = K::SCHEMA.spec(a.field) else {
                continue;
            };
            let slot = match spec.value {
                ValueKind::Id | ValueKind::Text | ValueKind::Status => {
                    table.texts.push((
                        a.field,
                        TextColumn {
                            codes: Vec::with_capacity(rows),
                            names: Interner::new(),
                        },
                    ));
                    Slot::Text(table.texts.len() - 1)
                }
                ValueKind::Date => {
                    table.times.push((a.field, Vec::with_capacity(rows)));
                    Slot::Time(table.times.len() - 1)
                }
                ValueKind::Quantity | ValueKind::Money => {
                    table.numbers.push((a.field, Vec::with_capacity(rows)));
                    Slot::Number {
                        at: table.numbers.len() - 1,
                        money: spec.value == ValueKind::Money,
                    }
                }
            };
            plan.push((a.column, a.field, slot));
        }
        let key = plan.iter().find_map(|&(col, f, slot)| match slot {
            Slot::Text(at) if f == K::KEY => Some((col, at)),
            _ => None,
        })?;
        let column_of = |field: Field| mapping.iter().find(|a| a.field == field).map(|a| a.column);
        let (event_type, event_time) = match K::SCHEMA.table {
            TableKind::Events => (
                Some(column_of(Field::EventType)?),
                Some(column_of(Field::EventTime)?),
            ),
            _ => (None, None),
        };
        Some(SideSink {
            plan,
            key,
            event_type,
            event_time,
            excel: file.excel,
            date_order: options.date_order.unwrap_or(DateOrder::DayFirst),
            table,
            kind: PhantomData,
        })
    }

    fn notes(&self) -> Vec<Message> {
        Vec::new()
    }

    fn parse<'a>(&mut self, cells: &Cells<'a>, _line: u64) -> Result<SideRow, NotKept> {
        let reject = |reason, column: usize, value: &str| {
            NotKept::Rejected(Reject {
                reason,
                column: Some(column),
                value: value.to_string(),
            })
        };
        let (key_col, key_at) = self.key;
        let id = id_cell(cells.get(key_col));
        if id.is_empty() {
            return Err(reject(RejectReason::MissingId, key_col, ""));
        }
        if let Some(col) = self.event_type {
            if trim(cells.get(col)).is_empty() {
                return Err(reject(RejectReason::MissingEventType, col, ""));
            }
        }
        if let Some(col) = self.event_time {
            let cell = cells.get(col);
            if self.read_time(cell) == NO_TIME {
                return Err(reject(RejectReason::InvalidEventTime, col, trim(cell)));
            }
        }
        Ok(SideRow {
            key: self.table.texts[key_at].1.names.intern(id),
        })
    }

    fn dedupe_key(&self, row: &SideRow) -> u32 {
        row.key
    }

    fn len(&self) -> usize {
        self.table.rows
    }

    fn keep<'a>(&mut self, row: SideRow, cells: &Cells<'a>, _line: u64) {
        for i in 0..self.plan.len() {
            let (col, _, slot) = self.plan[i];
            let cell = cells.get(col);
            match slot {
                Slot::Text(at) if at == self.key.1 => self.table.texts[at].1.codes.push(row.key),
                Slot::Text(at) => {
                    let text = id_cell(cell);
                    let column = &mut self.table.texts[at].1;
                    let code = if text.is_empty() {
                        NONE
                    } else {
                        column.names.intern(text)
                    };
                    column.codes.push(code);
                }
                Slot::Time(at) => {
                    let t = if trim(cell).is_empty() {
                        NO_TIME
                    } else {
                        self.read_time(cell)
                    };
                    self.table.times[at].1.push(t);
                }
                Slot::Number { at, money } => {
                    let v = if money {
                        parse_money(cell).map_or(f64::NAN, |m| m.cents as f64 / 100.0)
                    } else {
                        parse_quantity(cell).unwrap_or(f64::NAN)
                    };
                    self.table.numbers[at].1.push(v);
                }
            }
        }
        self.table.rows += 1;
    }
}
