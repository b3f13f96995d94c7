//! The tables beside the orders: the customer list, the behaviour events and the product
//! catalogue (DESIGN.md's data contract). Each is read by the same row loop as orders
//! (`rows::FileRows`, with the sink in `sink.rs`): the same formats, encodings, located
//! rejections and duplicate removal. A side table is kept as typed columns (`SideTable`);
//! the analyses that read one (`customers::basics`, `customers::behaviour`) join it to the
//! customers of the orders by id, and `join` reports the ids that match nothing.

pub(crate) mod file;
pub mod join;
pub mod schemas;
pub(crate) mod sink;

use super::columns::Field;
use super::schema::TableKind;
use super::tally::slot;
use crate::dataset::{Interner, NONE};

pub use join::{JoinReport, JoinSide};

/// What an event is, whatever the log calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// A product or page view (`pv`, `view`, 浏览, 点击).
    View,
    /// An add to cart (`cart`, `addtocart`, 加购).
    Cart,
    /// A favourite (`fav`, `favorite`, 收藏).
    Favourite,
    /// A search (`search`, 搜索).
    Search,
    /// A purchase (`buy`, `purchase`, `transaction`, 购买).
    Purchase,
}

/// The kind of an event type as the log writes it (`None`: another kind, kept as other).
/// The words are those of the Taobao user-behaviour data set (pv/cart/fav/buy), the
/// RetailRocket log (view/addtocart/transaction), GA4's event names (view_item, add_to_cart,
/// add_to_wishlist, search, purchase) and the Chinese exports.
pub fn event_kind(word: &str) -> Option<EventKind> {
    let w = word.trim().to_ascii_lowercase();
    Some(match w.as_str() {
        "pv" | "view" | "views" | "view_item" | "page_view" | "pageview" | "click" | "detail"
        | "浏览" | "点击" | "访问" => EventKind::View,
        "cart" | "addtocart" | "add_to_cart" | "add-to-cart" | "加购" | "加入购物车"
        | "加购物车" => EventKind::Cart,
        "fav" | "favorite" | "favourite" | "add_to_wishlist" | "wishlist" | "collect" | "收藏" => {
            EventKind::Favourite
        }
        "search" | "搜索" => EventKind::Search,
        "buy" | "purchase" | "transaction" | "order" | "购买" | "下单" | "支付" => {
            EventKind::Purchase
        }
        _ => return None,
    })
}

/// A null time (`SideTable::times`).
pub const NO_TIME: i64 = i64::MIN;

/// One side table: its rows as typed columns, one entry per mapped field.
#[derive(Debug, Clone, Default)]
pub struct SideTable {
    /// Rows kept.
    pub rows: usize,
    /// Id and text columns: per row an index into the column's names, or `NONE` (empty).
    pub texts: Vec<(Field, TextColumn)>,
    /// Date columns: seconds of the wall clock, or `NO_TIME`.
    pub times: Vec<(Field, Vec<i64>)>,
    /// Number columns (age, duration; a price in major units): NaN when empty or unreadable.
    pub numbers: Vec<(Field, Vec<f64>)>,
}

/// A column of interned text.
#[derive(Debug, Clone, Default)]
pub struct TextColumn {
    /// Per row: an index into `names`, or `NONE`.
    pub codes: Vec<u32>,
    /// The distinct values.
    pub names: Interner,
}

impl TextColumn {
    /// Row `row`'s text, or `None` when empty.
    pub fn get(&self, row: usize) -> Option<&str> {
        match self.codes.get(row) {
            Some(&c) if c != NONE => Some(self.names.name(c)),
            _ => None,
        }
    }
}

impl SideTable {
    /// The text (or id) column of `field`.
    pub fn text(&self, field: Field) -> Option<&TextColumn> {
        self.texts.iter().find(|(f, _)| *f == field).map(|(_, c)| c)
    }

    /// The date column of `field`.
    pub fn time(&self, field: Field) -> Option<&[i64]> {
        self.times
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| &c[..])
    }

    /// The number column of `field`.
    pub fn number(&self, field: Field) -> Option<&[f64]> {
        self.numbers
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| &c[..])
    }

    /// Appends `later`'s rows (a second file of the same table): columns either lacks are
    /// filled with nulls.
    pub fn append(&mut self, later: SideTable) {
        let (before, added) = (self.rows, later.rows);
        for (field, col) in later.texts {
            // a column this table lacks starts with a null for each of its rows
            let mine = slot(&mut self.texts, field);
            mine.codes.resize(before, NONE);
            for c in col.codes {
                let code = if c == NONE {
                    NONE
                } else {
                    mine.names.intern(col.names.name(c))
                };
                mine.codes.push(code);
            }
        }
        for (field, col) in later.times {
            let mine = slot(&mut self.times, field);
            mine.resize(before, NO_TIME);
            mine.extend(col);
        }
        for (field, col) in later.numbers {
            let mine = slot(&mut self.numbers, field);
            mine.resize(before, f64::NAN);
            mine.extend(col);
        }
        self.rows = before + added;
        for (_, c) in &mut self.texts {
            c.codes.resize(self.rows, NONE);
        }
        for (_, c) in &mut self.times {
            c.resize(self.rows, NO_TIME);
        }
        for (_, c) in &mut self.numbers {
            c.resize(self.rows, f64::NAN);
        }
    }
}

/// The side tables of one ingest (several files of one table are appended in file order).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// The customer list.
    pub customers: Option<SideTable>,
    /// The behaviour events.
    pub events: Option<SideTable>,
    /// The product catalogue.
    pub products: Option<SideTable>,
}

impl Tables {
    /// The table of `kind` (`None` for orders, which are the dataset's lines).
    pub fn get(&self, kind: TableKind) -> Option<&SideTable> {
        match kind {
            TableKind::Orders => None,
            TableKind::Customers => self.customers.as_ref(),
            TableKind::Events => self.events.as_ref(),
            TableKind::Products => self.products.as_ref(),
        }
    }

    /// Adds a file's rows to the table of `kind`.
    pub fn add(&mut self, kind: TableKind, table: SideTable) {
        let slot = match kind {
            TableKind::Orders => return,
            TableKind::Customers => &mut self.customers,
            TableKind::Events => &mut self.events,
            TableKind::Products => &mut self.products,
        };
        match slot {
            Some(t) => t.append(table),
            None => *slot = Some(table),
        }
    }

    /// Which tables are loaded besides orders.
    pub fn kinds(&self) -> Vec<TableKind> {
        TableKind::ALL
            .into_iter()
            .filter(|k| self.get(*k).is_some())
            .collect()
    }
}
