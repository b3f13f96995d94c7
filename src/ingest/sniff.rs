//! Which kind of table a file is: XLSX (zip magic), a JSON array, JSON lines, or delimited
//! text — and then which delimiter, chosen as the one that splits the first lines into the
//! same number of fields as the header (quote-aware, like the CSV reader that follows).

/// The container format of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An Excel workbook (`.xlsx`, a zip archive).
    Xlsx,
    /// A JSON array of objects.
    Json,
    /// One JSON object per line (or objects one after another).
    JsonLines,
    /// Delimited text with the given delimiter byte.
    Delimited(u8),
}

impl Format {
    /// The name shown to the user: "csv", "tsv", "xlsx", "json" or "jsonl".
    pub fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Delimited(b'\t') => "tsv",
            Format::Delimited(_) => "csv",
        }
    }
}

/// Delimiters tried, in order of preference on a tie.
pub const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Records looked at when choosing a delimiter.
const SNIFF_RECORDS: usize = 50;

/// Bytes looked at when choosing a delimiter.
const SNIFF_BYTES: usize = 64 * 1024;

/// True for a zip archive (`PK\x03\x04`), which is what an `.xlsx` file is.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The format of decoded text: `[` starts a JSON array, `{` JSON lines, anything else is
/// delimited text.
pub fn sniff_text(text: &str) -> Format {
    match text.trim_start().as_bytes().first() {
        Some(b'[') => Format::Json,
        Some(b'{') => Format::JsonLines,
        _ => Format::Delimited(sniff_delimiter(text)),
    }
}

/// Field count of each record at the start of `sample` under `delim`, following RFC 4180
/// quoting (a quote opens only at the start of a field; `""` inside quotes is a quote).
/// The last record is dropped when `truncated` (it may be cut).
pub fn field_counts(sample: &[u8], delim: u8, max_records: usize, truncated: bool) -> Vec<usize> {
    let mut counts = Vec::new();
    let (mut fields, mut in_quotes, mut at_field_start, mut empty_line) = (1, false, true, true);
    let mut i = 0;
    while i < sample.len() && counts.len() < max_records {
        let c = sample[i];
        if in_quotes {
            if c == b'"' {
                if sample.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if c == b'"' && at_field_start {
            in_quotes = true;
            empty_line = false;
        } else if c == delim {
            fields += 1;
            at_field_start = true;
            empty_line = false;
            i += 1;
            continue;
        } else if c == b'\n' || c == b'\r' {
            if !empty_line {
                counts.push(fields);
            }
            fields = 1;
            at_field_start = true;
            empty_line = true;
            i += 1;
            continue;
        } else {
            empty_line = false;
        }
        at_field_start = false;
        i += 1;
    }
    if !empty_line && !truncated && counts.len() < max_records {
        counts.push(fields);
    }
    counts
}

/// The delimiter among `,` `\t` `;` `|` that gives the most data lines with the header's
/// field count (then the most fields, then the order above). `,` when none splits anything.
pub fn sniff_delimiter(text: &str) -> u8 {
    let bytes = text.as_bytes();
    let truncated = bytes.len() > SNIFF_BYTES;
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut best = (b',', 0usize, 0usize);
    for delim in DELIMITERS {
        let mut counts = field_counts(sample, delim, SNIFF_RECORDS, truncated);
        if counts.is_empty() && truncated {
            // one record longer than the sample: judge by what we have of it
            counts = field_counts(sample, delim, 1, false);
        }
        let Some(&header) = counts.first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let consistent = counts[1..].iter().filter(|&&n| n == header).count();
        if (consistent, header) > (best.1, best.2) {
            best = (delim, consistent, header);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_magic_means_xlsx() {
        assert!(is_xlsx(b"PK\x03\x04\x14\0"));
        assert!(!is_xlsx(b"order_id,PK"));
    }

    #[test]
    fn json_arrays_and_json_lines_are_told_apart() {
        assert_eq!(sniff_text(" \n[{\"a\":1}]"), Format::Json);
        assert_eq!(sniff_text("{\"a\":1}\n{\"a\":2}\n"), Format::JsonLines);
        assert_eq!(sniff_text("a,b\n1,2\n"), Format::Delimited(b','));
    }

    #[test]
    fn each_delimiter_is_sniffed() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n4;5,1;6\n"), b';');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), b'|');
        assert_eq!(sniff_delimiter("just one column\nx\n"), b',');
    }

    #[test]
    fn delimiters_inside_quotes_do_not_count() {
        let text = "id;name;price\n1;\"Tea; green\";2,5\n2;\"Cup, big\";3\n";
        assert_eq!(sniff_delimiter(text), b';');
        let text = "id,name,price\n1,\"a;b;c;d\",2\n2,\"x\ny;z\",3\n";
        assert_eq!(sniff_delimiter(text), b',');
    }

    #[test]
    fn field_counts_follow_rfc4180_quoting() {
        let text = b"a,b\r\n\"x,\"\"y\"\"\",2\r\n\r\n3,\"multi\nline\"\n";
        assert_eq!(field_counts(text, b',', 50, false), vec![2, 2, 2]);
    }

    #[test]
    fn format_names_follow_the_delimiter() {
        assert_eq!(Format::Delimited(b'\t').name(), "tsv");
        assert_eq!(Format::Delimited(b';').name(), "csv");
        assert_eq!(Format::JsonLines.name(), "jsonl");
    }
}
