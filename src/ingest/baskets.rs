//! A basket list: one transaction per line, its items separated by commas, no header — the
//! layout arules reads with `read.transactions(format = "basket", sep = ",")` and the one
//! the Groceries data is published in. It names no buyer, no date, no quantity and no
//! price: its lines are read as order lines of one unit each, for the market basket
//! analysis (the customer views stay empty, as for an export without buyers).
//!
//! `BasketSource` hands out each item of each line as a record `basket, item, quantity` —
//! the basket is its line number, so a message about it names the line of the file — and the
//! `BASKET_LIST` profile maps those three columns. Everything after (cleaning, duplicates: an
//! item twice in one basket is one item) is the orders table's row loop as for any file.

use super::columns::Field;
use super::csv_source::CsvSource;
use super::error::IngestError;
use super::platforms::Profile;
use super::record::{RowId, RowInfo};
use super::schema::Schema;
use super::side::schemas::{CUSTOMERS, EVENTS, PRODUCTS};
use csv::ByteRecord;

/// The columns a basket list's records have.
pub const BASKET_COLUMNS: [&str; 3] = ["basket", "item", "quantity"];

/// How a basket list is read: the line is the order, each item a line of one unit.
pub static BASKET_LIST: Profile = Profile {
    id: "basket_list",
    platform: "Basket list",
    export: "one basket per line, items separated by commas (arules, Groceries)",
    source: "https://github.com/mhahsler/arules (read.transactions, format = \"basket\")",
    recognise: &BASKET_COLUMNS,
    columns: &[
        (Field::OrderId, "basket"),
        (Field::ProductId, "item"),
        (Field::Quantity, "quantity"),
    ],
    rules: &["rule.basket_list"],
    undated: true,
    ..Profile::BASE
};

/// Records of the file looked at to tell a basket list.
const SAMPLE: usize = 50;

/// Whether the delimited text `csv` (comma-separated, just opened) is a basket list: at least
/// three lines, which differ in width, and none of the first three names a column of any
/// table.
pub(crate) fn is_basket_list(csv: &mut CsvSource) -> bool {
    if csv.delimiter() != b',' {
        return false;
    }
    let Some(rows) = csv.first_records(SAMPLE) else {
        return false;
    };
    // two lines could be a header over one ragged row: a list has more
    if rows.len() < 3 {
        return false;
    }
    // a trailing comma pads a line: its width is its items
    let width = |r: &Vec<String>| r.iter().filter(|c| !c.is_empty()).count();
    let first_width = width(&rows[0]);
    let ragged = rows.iter().any(|r| width(r) != first_width);
    let schemas: [&Schema; 4] = [&super::orders::ORDERS, &CUSTOMERS, &EVENTS, &PRODUCTS];
    let named = |row: &Vec<String>| schemas.iter().any(|s| !s.map_columns(row).is_empty());
    ragged && !rows.iter().take(3).any(named)
}

/// The records of a basket list, an item at a time.
#[derive(Debug)]
pub(crate) struct BasketSource {
    csv: CsvSource,
    headers: Vec<String>,
    /// The line being handed out, its cells and the next cell.
    basket: ByteRecord,
    line: u64,
    next: usize,
    /// Its first line, as text (for `BasketSource::record`).
    number: String,
}

impl BasketSource {
    /// Reads `csv` (which `is_basket_list`) from its first line.
    pub fn new(mut csv: CsvSource) -> BasketSource {
        csv.start_at_first_line();
        BasketSource {
            csv,
            headers: BASKET_COLUMNS.iter().map(|c| c.to_string()).collect(),
            basket: ByteRecord::new(),
            line: 0,
            next: 0,
            number: String::new(),
        }
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The inner delimited text.
    pub fn csv(&mut self) -> &mut CsvSource {
        &mut self.csv
    }

    pub fn csv_ref(&self) -> &CsvSource {
        &self.csv
    }

    pub fn progress(&self) -> f64 {
        self.csv.progress()
    }

    pub fn estimated_rows(&self) -> usize {
        // a line holds a few items
        self.csv.estimated_rows() * 4
    }

    /// Back to the first line.
    pub fn rewind(&mut self) -> bool {
        self.next = self.basket.len();
        self.csv.start_at_first_line()
    }

    /// The record of item `cell` of the current line into `rec`.
    fn record(&self, cell: usize, rec: &mut ByteRecord) {
        rec.clear();
        rec.push_field(self.number.as_bytes());
        rec.push_field(self.basket[cell].trim_ascii());
        rec.push_field(b"1");
    }

    /// The next item; a line's empty cells (a trailing comma) are passed over. The record's
    /// id is the item's place in its line: duplicates are only looked for within one basket
    /// (one order), so an earlier record is always of the line held.
    pub fn next_record(&mut self, rec: &mut ByteRecord) -> Result<Option<RowInfo>, IngestError> {
        loop {
            while self.next < self.basket.len() {
                let cell = self.next;
                self.next += 1;
                if !self.basket[cell].trim_ascii().is_empty() {
                    self.record(cell, rec);
                    return Ok(Some(RowInfo {
                        id: RowId::Index(cell as u32),
                        line: self.line,
                        malformed: false,
                    }));
                }
            }
            let Some(info) = self.csv.next_record(&mut self.basket)? else {
                self.next = 0;
                self.basket.clear();
                return Ok(None);
            };
            self.line = info.line;
            self.number = info.line.to_string();
            self.next = 0;
        }
    }

    /// The earlier record `id` (an item of the current line) into `scratch`.
    pub fn record_at(&self, id: RowId, scratch: &mut ByteRecord) -> bool {
        match id {
            RowId::Index(cell) if (cell as usize) < self.basket.len() => {
                self.record(cell as usize, scratch);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Option<BasketSource> {
        let mut csv = CsvSource::new("b.csv", text.to_string(), b',').ok()?;
        is_basket_list(&mut csv).then(|| BasketSource::new(csv))
    }

    #[test]
    fn a_basket_list_is_told_from_a_table_and_read_an_item_at_a_time() {
        let mut b = source("citrus fruit,margarine\nwhole milk\n\nyogurt, coffee ,\n").unwrap();
        let mut rec = ByteRecord::new();
        let mut got = Vec::new();
        while let Some(info) = b.next_record(&mut rec).unwrap() {
            let cells: Vec<String> = rec
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            got.push((info.line, cells.join("|")));
        }
        assert_eq!(
            got,
            [
                (1, "1|citrus fruit|1".to_string()),
                (1, "1|margarine|1".to_string()),
                (2, "2|whole milk|1".to_string()),
                (4, "4|yogurt|1".to_string()),
                (4, "4|coffee|1".to_string()),
            ]
        );
        assert!(b.rewind());
        assert_eq!(b.next_record(&mut rec).unwrap().map(|i| i.line), Some(1));
        // a table with a header, or rows of equal width, is not a basket list
        assert!(source("order_id,customer_id,order_date\n1,2,2024-01-01\n3,4\n").is_none());
        assert!(source("a,b\nc,d\ne,f\n").is_none());
        assert!(source("whole milk\n").is_none());
    }
}
