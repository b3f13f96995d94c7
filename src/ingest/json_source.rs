//! JSON exports: an array of objects, or one object per line (JSON lines). The header is
//! the union of the keys in first-seen order; a value becomes text (strings as they are,
//! numbers in their JSON form, `null` as empty, nested arrays and objects as compact JSON).
//!
//! A broken *structure* (an array that does not parse) fails the file with line and column;
//! a single element or line that is not an object becomes a `malformed` rejection.

use super::cells::Table;
use super::error::{IngestError, IngestErrorKind};
use super::sniff::Format;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::collections::HashMap;

/// An object's keys and values, in the order written, values already as text.
struct OrderedObject(Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrderedObject;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedObject, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: Value = map.next_value()?;
                    pairs.push((key, render(value)));
                }
                Ok(OrderedObject(pairs))
            }
        }
        d.deserialize_map(V)
    }
}

fn render(value: Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s,
        nested => nested.to_string(),
    }
}

/// Builds the table, growing the header as new keys appear.
struct Builder {
    table: Table,
    columns: HashMap<String, usize>,
    row: Vec<Option<String>>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            table: Table::default(),
            columns: HashMap::new(),
            row: Vec::new(),
        }
    }

    fn object(&mut self, line: u64, obj: OrderedObject) {
        self.row.clear();
        self.row.resize(self.table.headers.len(), None);
        for (key, value) in obj.0 {
            let next = self.columns.len();
            let col = *self.columns.entry(key).or_insert(next);
            if col == self.table.headers.len() {
                self.table.headers.push(String::new());
                self.row.push(None);
            }
            self.row[col] = Some(value);
        }
        self.table.begin_row(line);
        for cell in &self.row {
            self.table.push_cell(cell.as_deref().unwrap_or(""));
        }
    }

    fn finish(mut self) -> Table {
        for (key, col) in self.columns {
            if let Some(h) = self.table.headers.get_mut(col) {
                *h = key.trim().to_string();
            }
        }
        self.table.header_line = 1;
        self.table
    }
}

/// Line and 1-based character column of byte `at`, counting from `from` at (line, col).
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: u64,
    col: u64,
}

impl Cursor<'_> {
    /// Moves to byte `to` (≥ the current position), keeping line and column.
    fn advance(&mut self, to: usize) {
        let to = to.min(self.text.len());
        for c in self.text[self.at..to].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.at = to;
    }

    fn skip_whitespace(&mut self) {
        let rest = &self.text[self.at..];
        let n = rest.len() - rest.trim_start().len();
        self.advance(self.at + n);
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn error(&self, file: &str, message: impl Into<String>) -> IngestError {
        IngestError::new(IngestErrorKind::Json {
            file: file.to_string(),
            line: self.line,
            column: self.col,
            message: message.into(),
        })
    }

    /// A serde_json error inside a value that starts at the cursor, in file coordinates.
    fn error_at(&self, file: &str, e: &serde_json::Error) -> IngestError {
        let line = self.line + e.line().saturating_sub(1) as u64;
        let column = if e.line() <= 1 {
            self.col + e.column().saturating_sub(1) as u64
        } else {
            e.column() as u64
        };
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(cut) => message[..cut].to_string(),
            None => message,
        };
        IngestError::new(IngestErrorKind::Json {
            file: file.to_string(),
            line,
            column,
            message,
        })
    }
}

fn cut(s: &str) -> &str {
    let end = s.char_indices().nth(200).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Reads a JSON array of objects.
fn read_array(file: &str, text: &str, b: &mut Builder) -> Result<(), IngestError> {
    let mut cur = Cursor {
        text,
        at: 0,
        line: 1,
        col: 1,
    };
    cur.skip_whitespace();
    if cur.peek() != Some(b'[') {
        return Err(cur.error(file, "expected `[`"));
    }
    cur.advance(cur.at + 1);
    cur.skip_whitespace();
    if cur.peek() == Some(b']') {
        cur.advance(cur.at + 1);
    } else {
        loop {
            cur.skip_whitespace();
            let start = cur.at;
            let line = cur.line;
            let rest = &text[start..];
            let end = if cur.peek() == Some(b'{') {
                let mut stream =
                    serde_json::Deserializer::from_str(rest).into_iter::<OrderedObject>();
                match stream.next() {
                    Some(Ok(obj)) => b.object(line, obj),
                    Some(Err(e)) => return Err(cur.error_at(file, &e)),
                    None => return Err(cur.error(file, "expected an object")),
                }
                start + stream.byte_offset()
            } else {
                let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<IgnoredAny>();
                match stream.next() {
                    Some(Ok(_)) => {}
                    Some(Err(e)) => return Err(cur.error_at(file, &e)),
                    None => return Err(cur.error(file, "expected a value")),
                }
                let end = start + stream.byte_offset();
                b.table.push_malformed_row(line, cut(&text[start..end]));
                end
            };
            cur.advance(end);
            cur.skip_whitespace();
            match cur.peek() {
                Some(b',') => cur.advance(cur.at + 1),
                Some(b']') => {
                    cur.advance(cur.at + 1);
                    break;
                }
                _ => return Err(cur.error(file, "expected `,` or `]` after an array element")),
            }
        }
    }
    cur.skip_whitespace();
    if cur.at < text.len() {
        return Err(cur.error(file, "unexpected text after the closing `]`"));
    }
    Ok(())
}

/// Reads one object per line; a line that is not an object is kept as a malformed row.
/// When the first object spans several lines, objects are read one after another instead.
fn read_lines(file: &str, text: &str, b: &mut Builder) -> Result<(), IngestError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if serde_json::from_str::<OrderedObject>(first).is_err() {
        return read_concatenated(file, text, b);
    }
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match serde_json::from_str::<OrderedObject>(t) {
            Ok(obj) => b.object(i as u64 + 1, obj),
            Err(_) => b.table.push_malformed_row(i as u64 + 1, cut(t)),
        }
    }
    Ok(())
}

/// Objects one after another, each over any number of lines.
fn read_concatenated(file: &str, text: &str, b: &mut Builder) -> Result<(), IngestError> {
    let mut cur = Cursor {
        text,
        at: 0,
        line: 1,
        col: 1,
    };
    loop {
        cur.skip_whitespace();
        if cur.at >= text.len() {
            return Ok(());
        }
        let line = cur.line;
        let mut stream =
            serde_json::Deserializer::from_str(&text[cur.at..]).into_iter::<OrderedObject>();
        match stream.next() {
            Some(Ok(obj)) => b.object(line, obj),
            Some(Err(e)) => return Err(cur.error_at(file, &e)),
            None => return Ok(()),
        }
        let end = cur.at + stream.byte_offset();
        cur.advance(end);
    }
}

/// Reads a JSON or JSON-lines file into a table.
pub(crate) fn read_json(file: &str, text: &str, format: Format) -> Result<Table, IngestError> {
    let mut b = Builder::new();
    match format {
        Format::Json => read_array(file, text, &mut b)?,
        _ => read_lines(file, text, &mut b)?,
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::source::{Source, TableSource};
    use csv::ByteRecord;

    /// (line, malformed, cells) of one row.
    type Row = (u64, bool, Vec<String>);

    fn rows(table: Table) -> (Vec<String>, Vec<Row>) {
        let headers = table.headers.clone();
        let mut src = Source::Table(TableSource::new(table));
        let mut rec = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(info) = src.next_record(&mut rec).expect("reads") {
            let cells = rec
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            out.push((info.line, info.malformed, cells));
        }
        (headers, out)
    }

    #[test]
    fn an_array_of_objects_has_the_union_of_keys_in_first_seen_order() {
        let text = r#"[
  {"order_id": "A1", "qty": 2, "price": 9.9},
  {"order_id": "A2", "coupon": null, "qty": 1, "tags": ["x", 1], "price": 20}
]"#;
        let (h, r) = rows(read_json("o.json", text, Format::Json).expect("reads"));
        assert_eq!(h, vec!["order_id", "qty", "price", "coupon", "tags"]);
        assert_eq!(
            r[0],
            (
                2,
                false,
                vec!["A1".into(), "2".into(), "9.9".into(), "".into(), "".into()]
            )
        );
        assert_eq!(r[1].0, 3);
        assert_eq!(r[1].2, vec!["A2", "1", "20", "", r#"["x",1]"#]);
    }

    #[test]
    fn json_lines_keep_their_line_numbers_and_mark_non_objects() {
        let text = "{\"a\":1}\n\n{\"a\":2,\"b\":{\"c\":true}}\n[1,2]\n";
        let (h, r) = rows(read_json("o.jsonl", text, Format::JsonLines).expect("reads"));
        assert_eq!(h, vec!["a", "b"]);
        assert_eq!(r[1], (3, false, vec!["2".into(), r#"{"c":true}"#.into()]));
        assert_eq!(r[2], (4, true, vec!["[1,2]".into()]));
    }

    #[test]
    fn pretty_printed_objects_one_after_another_are_read() {
        let text = "{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n";
        let (_, r) = rows(read_json("o.json", text, Format::JsonLines).expect("reads"));
        assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 4]);
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let text = "[\n  {\"a\": 1},\n  {\"a\": 2,, }\n]";
        let err = read_json("o.json", text, Format::Json).expect_err("fails");
        match err.kind() {
            IngestErrorKind::Json { line, column, .. } => assert_eq!((*line, *column), (3, 11)),
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string().starts_with("o.json: line 3, column 11: "),
            "{err}"
        );
        let err = read_json("o.json", "[{\"a\":1} {\"a\":2}]", Format::Json).expect_err("fails");
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn non_object_array_elements_are_malformed_rows() {
        let (_, r) =
            rows(read_json("o.json", r#"[{"a":1}, 5, "x"]"#, Format::Json).expect("reads"));
        assert_eq!(
            r.iter().map(|x| x.1).collect::<Vec<_>>(),
            vec![false, true, true]
        );
    }
}
