//! User-facing text as **codes with parameters**.
//!
//! The core never sends a sentence to the page: a quality reason, a note about a file, the
//! evidence for a currency or an error crosses as a [`Message`] — a stable `code` and named
//! parameters — and the page words it in the user's language (`www/i18n`). The CLI words the
//! same message in English with [`english`], from the catalogue below, which is also
//! generated into the page's English table (`www/api/generated/messages.ts`), so the page and
//! the CLI can never disagree on an English sentence.
//!
//! Templates are plain text with three kinds of holes, the same in Rust and TypeScript:
//! - `{name}` — the parameter as written (numbers plainly, lists joined with `, `);
//! - `{name:format}` — formatted: `count` (an integer, digits grouped), `quoted`
//!   (a list, each item in quotes), `fields` (data-contract field codes as names), `columns`
//!   (`columns "a", "b"`, or `no columns`), `hex` (a byte as `0xE9`), `msg` (the parameter
//!   is the code of another message, rendered with the same parameters);
//! - `[ … ]` — an optional part, left out when a parameter it names is missing or empty.
//!
//! ```
//! use portrait::message::{english, Message};
//! let m = Message::new("detail.field_count").with("expected", 9).with("found", 6);
//! assert_eq!(english(&m), "expected 9 fields, found 6");
//! ```

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// One parameter of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum Param {
    /// A whole number (counts, line numbers, bytes).
    Int(i64),
    /// A measured number (a percentage).
    Number(f64),
    /// Text: a name from the file, a code, a value.
    Text(String),
    /// Several texts: column headers, field codes, examples.
    List(Vec<String>),
}

impl From<i64> for Param {
    fn from(v: i64) -> Param {
        Param::Int(v)
    }
}
impl From<u64> for Param {
    fn from(v: u64) -> Param {
        Param::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Param {
    fn from(v: usize) -> Param {
        Param::from(v as u64)
    }
}
impl From<u32> for Param {
    fn from(v: u32) -> Param {
        Param::Int(v.into())
    }
}
impl From<i32> for Param {
    fn from(v: i32) -> Param {
        Param::Int(v.into())
    }
}
impl From<u8> for Param {
    fn from(v: u8) -> Param {
        Param::Int(v.into())
    }
}
impl From<f64> for Param {
    fn from(v: f64) -> Param {
        Param::Number(v)
    }
}
impl From<&str> for Param {
    fn from(v: &str) -> Param {
        Param::Text(v.to_string())
    }
}
impl From<String> for Param {
    fn from(v: String) -> Param {
        Param::Text(v)
    }
}
impl From<Vec<String>> for Param {
    fn from(v: Vec<String>) -> Param {
        Param::List(v)
    }
}

/// Named parameters, in name order (so the JSON is stable).
pub type Params = BTreeMap<String, Param>;

/// A user-facing text: a stable code (the key of its wording in every language) and the
/// values it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Message {
    /// Stable code, e.g. `note.no_quantity` or `currency.region`.
    pub code: String,
    /// Values the wording names, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<Params>", optional)]
    pub params: Params,
    /// The catalogue of the analysis whose code this is (`None`: a core code). An analysis
    /// words its own codes (`worded_by`), so the core never looks an analysis up.
    #[serde(skip)]
    #[ts(skip)]
    pub catalogue: Option<Catalogue>,
}

/// English templates by code: the core's `CATALOGUE`, or an analysis's `MESSAGES`.
pub type Catalogue = &'static [(&'static str, &'static str)];

impl Message {
    /// A message without parameters.
    pub fn new(code: &str) -> Message {
        Message {
            code: code.to_string(),
            params: Params::new(),
            catalogue: None,
        }
    }

    /// The message, worded (when its code is not the core's) from `catalogue`.
    pub fn worded_by(mut self, catalogue: Catalogue) -> Message {
        self.catalogue = Some(catalogue);
        self
    }

    /// The message with one more parameter.
    pub fn with(mut self, name: &str, value: impl Into<Param>) -> Message {
        self.params.insert(name.to_string(), value.into());
        self
    }

    /// The message with a parameter when there is a value.
    pub fn with_some(self, name: &str, value: Option<impl Into<Param>>) -> Message {
        match value {
            Some(v) => self.with(name, v),
            None => self,
        }
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english(self))
    }
}

/// The English wording of every core code (each analysis words its own, `Analysis::MESSAGES`).
/// The CLI renders these; the page's English table is generated from them and the analyses'.
pub const CATALOGUE: &[(&str, &str)] = &[
    // ---- why a row was not used (`ingest::RejectReason`)
    (
        "reason.wrong_field_count",
        "row has a different number of fields than the header",
    ),
    ("reason.missing_order_id", "order id is empty"),
    ("reason.missing_date", "order date is empty"),
    ("reason.invalid_date", "order date is not a date"),
    ("reason.invalid_quantity", "quantity is not a number"),
    ("reason.invalid_price", "price or amount is not a number"),
    ("reason.malformed", "row is malformed"),
    (
        "reason.nul_byte",
        "a cell holds a NUL byte (the file is damaged there)",
    ),
    ("reason.missing_id", "the id is empty"),
    ("reason.missing_event_type", "event type is empty"),
    ("reason.invalid_event_time", "event time is empty or not a date"),
    (
        "detail.field_count",
        "expected {expected} fields, found {found}",
    ),
    // ---- decisions about a file (`ingest::FileReport::notes`)
    (
        "note.no_quantity",
        "no quantity column: every line counts as quantity 1",
    ),
    (
        "note.amount_and_price",
        "both a unit price and a line amount column: the line amount (what was paid) is the \
         line value",
    ),
    (
        "note.lossy_text",
        "some bytes were not valid text and were replaced; rows holding them were rejected as \
         malformed",
    ),
    (
        "note.shipping_subtracted",
        "shipping is taken out of each amount: revenue is merchandise only",
    ),
    (
        "note.status_honoured",
        "the status column is honoured: cancelled, closed, unpaid, voided and failed orders \
         are left out; refunded ones are returns",
    ),
    (
        "note.refund_amount",
        "a refund amount on a line becomes a return of that amount",
    ),
    (
        "note.no_buyer",
        "no buyer column: the lines count in shop totals, products and baskets; customer \
         views need a buyer id",
    ),
    (
        "note.order_per_customer_time",
        "no order id column: each customer's lines with the same time are one order",
    ),
    (
        "note.title_rows",
        "title lines above the header passed over: {count:count} (the header is line {line})",
    ),
    (
        "note.totals_rows",
        "totals rows passed over: {count:count} (the first at line {line})",
    ),
    ("note.blank_rows", "blank rows passed over: {count:count}"),
    (
        "note.summary_rows",
        "order summary rows passed over (their items are counted): {count:count}",
    ),
    (
        "note.footer_rows",
        "lines the export adds below the data passed over: {count:count}",
    ),
    (
        "note.partly_refunded_unknown",
        "lines partly refunded with no refund amount in the file (counted as sales in full): \
         {count:count}",
    ),
    // ---- why a line was left out on purpose (`ingest::LeftOutReason`)
    ("left_out.cancelled", "cancelled order"),
    ("left_out.closed", "closed order (never completed)"),
    ("left_out.unpaid", "unpaid order"),
    ("left_out.voided", "voided or deleted order"),
    ("left_out.failed", "failed payment"),
    (
        "left_out.other_currency",
        "in a second currency with no exchange rate",
    ),
    (
        "left_out.conflicting_order",
        "an earlier file has this order with other lines (the earlier file's are kept)",
    ),
    (
        "note.cross_file_duplicates",
        "lines that repeat a line of an earlier file, removed: {count:count}",
    ),
    // ---- a platform profile's rules (`ingest::platforms::Profile::rules`)
    (
        "rule.first_line",
        "order fields written only on an order's first line (payment status, currency, \
         cancellation) are carried to its other lines",
    ),
    (
        "rule.cancelled_at",
        "an order with a cancellation time is left out as cancelled, whatever its payment \
         status",
    ),
    (
        "rule.status_left_out",
        "cancelled, closed, unpaid, voided and failed orders are left out of revenue, orders \
         and customers, and counted under their own reason",
    ),
    (
        "rule.refund_status",
        "a refunded order stays a sale, and a return of the same value is added",
    ),
    (
        "rule.refund_amount_order",
        "a partial refund (the order's refunded amount) is a return of that amount, at most \
         the order's merchandise",
    ),
    (
        "rule.refund_amount_line",
        "a refunded amount is a return of that amount, at most the order's merchandise",
    ),
    (
        "rule.unit_price_less_discount",
        "line value = quantity × unit price − the line's discount; shipping and tax are not \
         revenue",
    ),
    (
        "rule.unit_price",
        "line value = quantity × unit price; shipping and tax are not revenue",
    ),
    (
        "rule.line_amount",
        "line value = the line's amount as the platform gives it; shipping and tax are not \
         revenue",
    ),
    (
        "rule.line_amount_less_discount",
        "line value = the line's amount less its discount; shipping and tax are not revenue",
    ),
    (
        "rule.order_row",
        "one row per order: its item count is the quantity, its amount the order's",
    ),
    (
        "rule.order_paid_less_shipping",
        "value = what the buyer paid less shipping",
    ),
    (
        "rule.order_value_less_discount",
        "value = the order's items less its discount; shipping and tax are not revenue",
    ),
    (
        "rule.basket_list",
        "a basket list: each line of the file is one basket, its items separated by commas, with \
         no buyer, date, quantity or price; it is read for market basket analysis (rules and \
         frequently bought together), and the views of customers, dates and revenue stay empty",
    ),
    (
        "rule.no_buyer",
        "the export names no buyer: shop totals, products and baskets are right, but the \
         Customers views, RFM and every other per-customer view need a buyer id (export a report \
         of the same orders that has a buyer column, an account, email or phone, and drop it \
         instead of this file)",
    ),
    (
        "rule.buyer_fallback",
        "when the buyer cell is empty or masked, the next identity column is the buyer",
    ),
    (
        "rule.summary_rows",
        "an order's summary row (no item number) is passed over; its item rows are counted",
    ),
    (
        "rule.no_status",
        "the export has no status column: every order counts as a sale",
    ),
    (
        "rule.currency_column",
        "each line's currency is in its currency column; a second currency is converted at \
         your rate or left out, never summed",
    ),
    (
        "rule.currency_written",
        "the currency is the sign written before the amounts",
    ),
    (
        "rule.currency_by_country",
        "the export has no currency column: the currency is the shop's country's; exports of \
         two countries are never summed without a rate",
    ),
    ("rule.cny", "amounts are in yuan (CNY)"),
    (
        "rule.lines_of_orders",
        "the lines of the orders of the order report dropped with it: joined on the order id, \
         the order report gives buyer, date and order status, this report the products, \
         quantities and prices",
    ),
    (
        "rule.joined_orders",
        "its orders give buyer, date and status to the lines of {file}; their amounts are not \
         counted again",
    ),
    (
        "left_out.no_order",
        "no order with this id in the order report it belongs to",
    ),
    (
        "ingest.missing_companion",
        "{file}: this {export} holds the lines of orders whose buyer and date are in the \
         {companion}: drop both files together",
    ),
    (
        "rule.one_row_per_unit",
        "one row per unit sold: each row is quantity 1",
    ),
    (
        "rule.line_status",
        "the line's own or after-sale status is read beside the order status",
    ),
    (
        "rule.returned_to_seller",
        "an order shipped and returned to the seller is a sale and a return",
    ),
    (
        "rule.closed_taobao",
        "交易关闭 (closed) covers unpaid orders and orders closed after a full refund: both are \
         left out",
    ),
    (
        "rule.deleted_orders",
        "an order marked (删除) was deleted by the merchant and is left out",
    ),
    // ---- how dates were written (`ingest::DateFormat`)
    ("date.unix_seconds", "Unix seconds"),
    ("date.unix_millis", "Unix milliseconds"),
    ("date.excel_serial", "Excel serial day numbers"),
    ("date.excel_cells", "Excel date cells"),
    ("date.day_first", "day first"),
    ("date.month_first", "month first"),
    ("date.zone_dropped", "time zone dropped, wall clock kept"),
    // ---- why we think the amounts are in a currency (`ingest::CurrencyGuess::basis`)
    (
        "currency.written",
        "{symbol} written in {count:count} money values",
    ),
    (
        "currency.region",
        "{header} column: {percent}% of lines in {area:msg}",
    ),
    ("currency.chinese_headers", "Chinese column headers"),
    (
        "currency.chinese_values",
        "product names or cities written in Chinese",
    ),
    (
        "currency.column",
        "the currency column ({code} on {count:count} lines)",
    ),
    ("currency.platform", "{platform} sells in this currency"),
    ("currency.chosen", "chosen by you"),
    (
        "currency.unknown",
        "no currency symbol, country column or Chinese header found",
    ),
    ("region.china", "China"),
    ("region.uk", "United Kingdom"),
    ("region.us", "United States"),
    ("region.euro", "euro countries"),
    ("region.malaysia", "Malaysia"),
    ("region.singapore", "Singapore"),
    ("region.philippines", "the Philippines"),
    ("region.thailand", "Thailand"),
    ("region.vietnam", "Vietnam"),
    ("region.indonesia", "Indonesia"),
    // ---- what binary data looks like (`ingest.binary_file`)
    ("binary.png", "a PNG image"),
    ("binary.jpeg", "a JPEG image"),
    ("binary.gif", "a GIF image"),
    ("binary.pdf", "a PDF document"),
    ("binary.elf", "an ELF program"),
    ("binary.exe", "a Windows program"),
    (
        "binary.xls",
        "an old Excel .xls / OLE file; save it as .xlsx or CSV",
    ),
    ("binary.rar", "a RAR archive"),
    ("binary.nul", "NUL byte at byte {at}"),
    ("binary.controls", "mostly control bytes"),
    ("binary.gzip", "a damaged gzip file: {detail}"),
    // ---- what makes a header not a table header (`ingest.not_a_table`)
    (
        "table.long_header",
        "the first line is {bytes} bytes long with no line break; a header line is at most \
         {max} bytes",
    ),
    (
        "table.too_many_columns",
        "the header has {columns} columns; a table has at most {max}",
    ),
    ("table.parser", "{detail}"),
    // ---- why a file has no usable rows (`ingest.no_usable_rows`)
    (
        "rows.none",
        "there are no data rows below the header (line {header_line})",
    ),
    (
        "rows.all_rejected",
        "all {rows:count} data rows were rejected; {count:count} because {reason:msg}[, first at \
         line {line}][, column \"{column}\"][: \"{value}\"][ (expected {expected} fields, found \
         {found})]",
    ),
    // ---- errors that stop an ingest (`ingest::IngestErrorKind`)
    ("ingest.no_files", "no input files"),
    (
        "ingest.no_orders",
        "no orders file among {files}: add the shop's order export, which the other tables are joined to",
    ),
    ("ingest.empty_file", "{file}: the file is empty"),
    (
        "ingest.binary_file",
        "{file}: this is not a text table but binary data ({what:msg})",
    ),
    (
        "ingest.unsupported_encoding",
        "{file}: line {line}: byte {byte:hex} is not UTF-8, GB18030 or UTF-16 text; save the \
         file as UTF-8 and try again",
    ),
    ("ingest.not_a_table", "{file}: line {line}: {problem:msg}"),
    (
        "ingest.split_failed",
        "{file}: the file cannot be read in two halves ({why}); read it whole",
    ),
    (
        "ingest.too_large",
        "{file}: more than {limit} bytes after decompression; split the file",
    ),
    (
        "ingest.missing_columns",
        "{file}: line 1: no column found for {missing:fields}; the header has \
         {headers:columns}[; by their values, {proposed_columns:quoted} look like \
         {proposed_fields:fields}]",
    ),
    (
        "ingest.invalid_mapping",
        "{file}: the mapping puts {field} in column {column}, but the file has {columns} \
         columns",
    ),
    (
        "ingest.unknown_platform",
        "{file}: there is no platform export \"{platform}\"; the platforms are {platforms:quoted}",
    ),
    (
        "ingest.ambiguous_date_order",
        "{file}: column \"{column}\": cannot tell whether dates such as {examples:quoted} are \
         day/month or month/day (no part is above 12 in any row); choose the date order",
    ),
    (
        "ingest.sheet_not_found",
        "{file}: no sheet named \"{sheet}\"; the workbook has {sheets:quoted}",
    ),
    ("ingest.xlsx", "{file}: cannot read the workbook: {detail}"),
    ("ingest.xlsx_unreadable", "{file}: {why:msg}"),
    (
        "xlsx.not_workbook",
        "this is a zip archive, not an Excel workbook (.xlsx): unzip it and drop the file \
         inside, or save the sheet as .xlsx or CSV",
    ),
    (
        "xlsx.truncated",
        "the workbook is incomplete — cut short while it was downloaded or copied: download \
         the export again",
    ),
    (
        "xlsx.encrypted",
        "the workbook is protected by a password: open it in Excel, remove the password and \
         save it again",
    ),
    (
        "ingest.json",
        "{file}: line {line}, column {column}: {detail}",
    ),
    (
        "ingest.no_usable_rows",
        "{file}: no usable rows: {summary:msg}",
    ),
    // ---- errors of a session request (`crate::Error`)
    (
        "session.no_data",
        "no data loaded yet: drop an orders file or try the sample shop first",
    ),
    ("session.no_job", "no ingest is running"),
    ("session.invalid_request", "invalid request: {detail}"),
    (
        "sample.too_few_rows",
        "rows must be at least {min}, got {got}",
    ),
    (
        "sample.too_many_rows",
        "rows must be at most {max}, got {got}",
    ),
    (
        "analysis.unknown",
        "there is no analysis \"{kind}\"; the analyses are {kinds:quoted}",
    ),
    (
        "analysis.needs_table",
        "{kind} needs a {table} table: add a file that holds one",
    ),
    (
        "table.unknown_column",
        "there is no customer column \"{column}\"; the columns are {columns:quoted}",
    ),
    (
        "column.not_numeric",
        "\"{name}\" is the column \"{column}\", which does not hold numbers",
    ),
    (
        "table.bad_value",
        "the filter on \"{column}\" compares it with {value}, which it can never equal",
    ),
    // ---- the rule language (`rules`): every error names the character it is at
    (
        "rule.unknown_audience",
        "column {column}: there is no saved audience \"{name}\"; the audiences are {known:quoted}",
    ),
    (
        "rule.no_audiences",
        "column {column}: there is no saved audience \"{name}\" (none is saved yet)",
    ),
    (
        "rule.audience_cycle",
        "column {column}: the audience \"{name}\" is built from itself",
    ),
    (
        "rule.empty",
        "the rule is empty",
    ),
    (
        "rule.unexpected",
        "column {column}: \"{found}\" cannot start a field, a value or an operator",
    ),
    (
        "rule.unclosed_text",
        "column {column}: this text has no closing quote",
    ),
    (
        "rule.bad_number",
        "column {column}: \"{text}\" is not a number",
    ),
    (
        "rule.want_field",
        "column {column}: a field name should come here, not \"{found}\"",
    ),
    (
        "rule.want_value",
        "column {column}: a value should come here, not \"{found}\"",
    ),
    (
        "rule.want_operator",
        "column {column}: a comparison (==, !=, <, <=, >, >=, in, between, contains, is null) should come here, not \"{found}\"",
    ),
    (
        "rule.want_list",
        "column {column}: a list in brackets, as in [\"a\", \"b\"], should come here, not \"{found}\"",
    ),
    (
        "rule.want_in",
        "column {column}: \"in\" should come here (not in [...]), not \"{found}\"",
    ),
    (
        "rule.want_and",
        "column {column}: \"and\" should come here (between ... and ...), not \"{found}\"",
    ),
    (
        "rule.want_null",
        "column {column}: \"null\" should come here (is null, is not null), not \"{found}\"",
    ),
    (
        "rule.want_close",
        "column {column}: \"{close}\" should come here to close the \"{open}\" of column {open_column}, not \"{found}\"",
    ),
    (
        "rule.want_end",
        "column {column}: the rule should end here, not go on with \"{found}\"",
    ),
    (
        "rule.end_field",
        "column {column}: the rule ends after \"{after}\": a field name should follow",
    ),
    (
        "rule.end_value",
        "column {column}: the rule ends after \"{after}\": a value should follow",
    ),
    (
        "rule.end_operator",
        "column {column}: the rule ends after \"{after}\": a comparison should follow",
    ),
    (
        "rule.end_list",
        "column {column}: the rule ends after \"{after}\": a list in brackets should follow",
    ),
    (
        "rule.end_in",
        "column {column}: the rule ends after \"{after}\": \"in\" should follow",
    ),
    (
        "rule.end_and",
        "column {column}: the rule ends after \"{after}\": \"and\" should follow",
    ),
    (
        "rule.end_null",
        "column {column}: the rule ends after \"{after}\": \"null\" should follow",
    ),
    (
        "rule.end_close",
        "column {column}: the rule ends before the \"{close}\" that closes the \"{open}\" of column {open_column}",
    ),
    (
        "rule.unknown_field",
        "column {column}: unknown field \"{name}\"",
    ),
    (
        "rule.unknown_field_suggest",
        "column {column}: unknown field \"{name}\" — did you mean \"{suggestion}\"?",
    ),
    (
        "rule.ambiguous_field",
        "column {column}: \"{name}\" is a column of several analyses: write one of {ids:quoted}",
    ),
    (
        "rule.operator_number",
        "column {column}: {field} is a number: compare it with ==, !=, <, <=, >, >=, in or between, not {operator}",
    ),
    (
        "rule.operator_date",
        "column {column}: {field} is a date: compare it with ==, !=, <, <=, >, >=, in or between, not {operator}",
    ),
    (
        "rule.operator_text",
        "column {column}: {field} is a text: compare it with ==, !=, in, not in or contains, not {operator}",
    ),
    (
        "rule.operator_choice",
        "column {column}: {field} is a choice: compare it with ==, !=, in or not in, not {operator}",
    ),
    (
        "rule.value_number",
        "column {column}: {field} is a number: compare it with a number, not {value}",
    ),
    (
        "rule.value_date",
        "column {column}: {field} is a date: compare it with \"YYYY-MM-DD\" or days from the data's last day such as -90d, not {value}",
    ),
    (
        "rule.value_text",
        "column {column}: {field} is a text: compare it with a quoted text, not {value}",
    ),
    (
        "rule.value_choice",
        "column {column}: {field} is a choice: compare it with one of its values in quotes, not {value}",
    ),
    (
        "rule.unknown_choice",
        "column {column}: {field} has no value \"{value}\"; its values are {choices:quoted}",
    ),
    (
        "rule.bad_date",
        "column {column}: \"{value}\" is not a YYYY-MM-DD date",
    ),
    (
        "filter.range",
        "the date range starts on {from}, after it ends on {to}",
    ),
    (
        "filter.bad_date",
        "the filter date \"{value}\" is not a YYYY-MM-DD date",
    ),
    (
        "filter.unknown_value",
        "the {dimension} filter names \"{value}\", which the data does not hold",
    ),
];

/// The English template of `code` among `catalogues` (the core's first), if any.
fn template<'a>(code: &str, catalogues: &[&'a [(&'a str, &'a str)]]) -> Option<&'a str> {
    catalogues
        .iter()
        .flat_map(|c| c.iter())
        .find(|(c, _)| *c == code)
        .map(|(_, t)| *t)
}

/// The English wording of `message` (the code itself when it has none, so nothing is lost).
pub fn english(message: &Message) -> String {
    match message.catalogue {
        Some(own) => english_in(message, &[CATALOGUE, own]),
        None => english_in(message, &[CATALOGUE]),
    }
}

/// The English wording of `message` from the first of `catalogues` that has its code.
pub fn english_in(message: &Message, catalogues: &[Catalogue]) -> String {
    render(&message.code, &message.params, catalogues)
}

fn render(code: &str, params: &Params, catalogues: &[&[(&str, &str)]]) -> String {
    let Some(t) = template(code, catalogues) else {
        return code.to_string();
    };
    let mut out = String::new();
    let mut rest = t;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        fill(&rest[..open], params, catalogues, &mut out);
        let group = &rest[open + 1..open + len];
        if names(group).all(|n| params.get(n).is_some_and(|p| !is_empty(p))) {
            fill(group, params, catalogues, &mut out);
        }
        rest = &rest[open + len + 1..];
    }
    fill(rest, params, catalogues, &mut out);
    out
}

/// The parameter names a piece of template refers to.
fn names(piece: &str) -> impl Iterator<Item = &str> {
    piece.split('{').skip(1).filter_map(|s| {
        let hole = s.split('}').next()?;
        Some(hole.split(':').next().unwrap_or(hole))
    })
}

fn is_empty(p: &Param) -> bool {
    match p {
        Param::Text(s) => s.is_empty(),
        Param::List(v) => v.is_empty(),
        _ => false,
    }
}

fn fill(piece: &str, params: &Params, catalogues: &[&[(&str, &str)]], out: &mut String) {
    let mut rest = piece;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let hole = &rest[open + 1..open + len];
        let (name, format) = hole.split_once(':').unwrap_or((hole, ""));
        match params.get(name) {
            Some(p) => format_param(p, format, params, catalogues, out),
            None => {
                let _ = write!(out, "{{{hole}}}");
            }
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
}

fn format_param(
    p: &Param,
    format: &str,
    params: &Params,
    catalogues: &[&[(&str, &str)]],
    out: &mut String,
) {
    let items: Vec<String> = match p {
        Param::Int(v) => vec![v.to_string()],
        Param::Number(v) => vec![v.to_string()],
        Param::Text(s) => vec![s.clone()],
        Param::List(v) => v.clone(),
    };
    match format {
        "count" => match p {
            Param::Int(v) => out.push_str(&group_digits(*v)),
            _ => out.push_str(&items.join(", ")),
        },
        "quoted" => {
            let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
            out.push_str(&quoted.join(", "));
        }
        "columns" if items.is_empty() => out.push_str("no columns"),
        "columns" => {
            let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
            let _ = write!(out, "columns {}", quoted.join(", "));
        }
        "fields" => {
            let named: Vec<String> = items
                .iter()
                .map(|f| match f.as_str() {
                    "unit_price" => "unit_price (or line_amount)".to_string(),
                    other => other.to_string(),
                })
                .collect();
            out.push_str(&named.join(", "));
        }
        "hex" => match p {
            Param::Int(v) => {
                let _ = write!(out, "0x{v:02X}");
            }
            _ => out.push_str(&items.join(", ")),
        },
        "msg" => out.push_str(&render(&items.join(""), params, catalogues)),
        _ => out.push_str(&items.join(", ")),
    }
}

/// `1234567` → `1,234,567`.
fn group_digits(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_filled_with_their_parameters() {
        let m = Message::new("currency.written")
            .with("symbol", "¥")
            .with("count", 1204u64);
        assert_eq!(english(&m), "¥ written in 1,204 money values");
    }

    #[test]
    fn optional_parts_are_left_out_when_a_parameter_is_missing_or_empty() {
        let base = Message::new("rows.all_rejected")
            .with("rows", 2u64)
            .with("count", 2u64)
            .with("reason", "reason.invalid_date");
        assert_eq!(
            english(&base),
            "all 2 data rows were rejected; 2 because order date is not a date"
        );
        let located = base
            .with("line", 2u64)
            .with("column", "Date")
            .with("value", "");
        assert_eq!(
            english(&located),
            "all 2 data rows were rejected; 2 because order date is not a date, first at line \
             2, column \"Date\""
        );
    }

    #[test]
    fn formats_quote_lists_name_fields_and_write_bytes_in_hex() {
        let m = Message::new("ingest.missing_columns")
            .with("file", "a.csv")
            .with("missing", vec!["customer_id".into(), "unit_price".into()])
            .with("headers", vec!["x".into(), "y".into()]);
        assert_eq!(
            english(&m),
            "a.csv: line 1: no column found for customer_id, unit_price (or line_amount); the \
             header has columns \"x\", \"y\""
        );
        let none = Message::new("ingest.missing_columns")
            .with("file", "a.csv")
            .with("missing", vec!["order_id".into()])
            .with("headers", Vec::<String>::new());
        assert!(english(&none).ends_with("the header has no columns"));
        let enc = Message::new("ingest.unsupported_encoding")
            .with("file", "a.csv")
            .with("line", 3u64)
            .with("byte", 0xe9u8);
        assert!(english(&enc).contains("byte 0xE9 is not"));
    }

    /// The same fixture is rendered by the page's template filler (`www/i18n/i18n.test.ts`):
    /// the CLI and the page word every example identically.
    #[test]
    fn a_code_without_wording_is_shown_as_itself() {
        assert_eq!(english(&Message::new("no.such.code")), "no.such.code");
    }

    #[test]
    fn messages_serialise_as_code_and_params() {
        let m = Message::new("detail.field_count")
            .with("expected", 9u64)
            .with("found", 6u64);
        assert_eq!(
            serde_json::to_string(&m).expect("json"),
            r#"{"code":"detail.field_count","params":{"expected":9,"found":6}}"#
        );
        assert_eq!(
            serde_json::to_string(&Message::new("note.no_quantity")).expect("json"),
            r#"{"code":"note.no_quantity"}"#
        );
    }
}
