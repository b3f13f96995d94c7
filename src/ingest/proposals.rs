//! Columns proposed by their *content* for the required fields a header did not name: an
//! export in a layout Portrait does not know (`Belegnr`, `Kunde`, `Datum` …) still has an
//! id-like column, a date-like one and money-like ones. The mapping panel pre-selects the
//! proposals and the missing-columns message names them with their sample values, so a
//! merchant confirms instead of searching.
//!
//! Each column's sample cells are classified once (date, money with decimals, small whole
//! number, id-like token, other); a field takes the unmapped column that fits it best, in
//! the order order date → order id → customer id → line amount / unit price → quantity,
//! each column used once.

use super::columns::{ColumnAssignment, Field};
use super::values::{parse_date, parse_money, parse_quantity, trim};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A column proposed for a field by its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Proposal {
    /// The field it would feed.
    pub field: Field,
    /// 0-based column.
    pub column: usize,
    /// Its header.
    pub header: String,
    /// Up to three of its values.
    pub samples: Vec<String>,
}

/// What a column's sample cells look like.
#[derive(Debug, Default, Clone, Copy)]
struct Profile {
    cells: usize,
    dates: usize,
    money: usize,
    decimals: usize,
    whole: usize,
    small_whole: usize,
    tokens: usize,
    /// Cells with an ASCII digit (ids usually have one; product names and words do not).
    digits: usize,
    distinct: usize,
}

fn profile(values: &[&str]) -> Profile {
    let mut p = Profile::default();
    let mut seen = HashSet::new();
    for &v in values {
        let v = trim(v);
        if v.is_empty() {
            continue;
        }
        p.cells += 1;
        if seen.insert(v) {
            p.distinct += 1;
        }
        // a date, but not a bare number (a number may be an id or an amount)
        if parse_date(v, false).is_some() && !v.bytes().all(|b| b.is_ascii_digit()) {
            p.dates += 1;
        }
        if parse_money(v).is_some() {
            p.money += 1;
            if v.contains('.') || v.contains(',') || v.contains('¥') || v.contains('$') {
                p.decimals += 1;
            }
        }
        if let Some(q) = parse_quantity(v) {
            if q.fract() == 0.0 {
                p.whole += 1;
                if q.abs() <= 1000.0 {
                    p.small_whole += 1;
                }
            }
        }
        let token =
            v.len() <= 64 && !v.contains(' ') && v.chars().any(|c| c.is_ascii_alphanumeric());
        p.tokens += usize::from(token);
        p.digits += usize::from(v.bytes().any(|b| b.is_ascii_digit()));
    }
    p
}

/// How well a column whose cells look like `p` fits `field` (0: not at all).
fn fit(field: Field, p: &Profile) -> f64 {
    // one value says nothing about a column
    if p.cells < 2 {
        return 0.0;
    }
    let share = |n: usize| n as f64 / p.cells as f64;
    let most = |n: usize| share(n) >= 0.8;
    // an id column names more than one thing, and mostly with digits in it
    let id_like = most(p.tokens) && p.dates == 0 && p.decimals == 0 && p.distinct > 1;
    let digits = 0.6 + 0.4 * share(p.digits);
    match field {
        Field::OrderDate if most(p.dates) => share(p.dates),
        // an order id: an id-like token, mostly distinct (lines of one order repeat it)
        Field::OrderId if id_like => (0.5 + 0.5 * share(p.distinct)) * digits,
        // a customer id: an id-like token that repeats more than order ids do
        Field::CustomerId if id_like => (0.5 + 0.5 * (1.0 - share(p.distinct))) * digits,
        Field::LineAmount | Field::UnitPrice if most(p.money) && p.dates == 0 => {
            0.5 + 0.5 * share(p.decimals)
        }
        Field::Quantity if most(p.small_whole) && p.decimals == 0 => share(p.small_whole),
        _ => 0.0,
    }
}

/// Proposals for the `missing` fields among the columns `mapping` leaves unused, from the
/// sample `rows`.
pub fn propose(
    headers: &[String],
    rows: &[Vec<String>],
    mapping: &[ColumnAssignment],
    missing: &[Field],
) -> Vec<Proposal> {
    let mut used: HashSet<usize> = mapping.iter().map(|a| a.column).collect();
    let profiles: Vec<Profile> = (0..headers.len())
        .map(|c| {
            let values: Vec<&str> = rows
                .iter()
                .filter_map(|r| r.get(c).map(String::as_str))
                .collect();
            profile(&values)
        })
        .collect();
    let mut wanted: Vec<Field> = Vec::new();
    for field in [
        Field::OrderDate,
        Field::OrderId,
        Field::CustomerId,
        Field::UnitPrice,
        Field::Quantity,
    ] {
        if missing.contains(&field) {
            wanted.push(field);
        }
    }
    let mut out = Vec::new();
    for field in wanted {
        let best = (0..headers.len())
            .filter(|c| !used.contains(c))
            .map(|c| (c, fit(field, &profiles[c])))
            .filter(|&(_, score)| score > 0.0)
            // the best fit; on a tie the leftmost column (exports put ids first)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((column, _)) = best {
            used.insert(column);
            let mut samples: Vec<String> = Vec::new();
            for r in rows {
                if let Some(v) = r.get(column).map(|v| trim(v).to_string()) {
                    if !v.is_empty() && !samples.contains(&v) {
                        samples.push(v);
                    }
                }
                if samples.len() == 3 {
                    break;
                }
            }
            // a unit price is missing when no amount is mapped: a money column is proposed as
            // the line amount when no quantity column is there to multiply it
            let field = if field == Field::UnitPrice && missing.contains(&Field::Quantity) {
                Field::LineAmount
            } else {
                field
            };
            out.push(Proposal {
                field,
                column,
                header: headers[column].clone(),
                samples,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut lines = text
            .lines()
            .map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
        let headers = lines.next().unwrap();
        (headers, lines.collect())
    }

    #[test]
    fn an_unknown_layout_gets_the_obvious_columns_proposed_by_content() {
        // a German shop's export: no header Portrait knows
        let (headers, data) = rows(
            "Belegnr,Kunde,Datum,Artikel,Menge,Betrag\n\
             R-1001,K17,2024-03-01 10:00,Tee,2,19.80\n\
             R-1002,K17,2024-03-02 11:00,Kanne,1,34.50\n\
             R-1003,K22,2024-03-02 12:30,Tee,3,29.70\n\
             R-1004,K09,2024-03-04 09:15,Tasse,1,8.90\n\
             R-1005,K22,2024-03-05 16:40,Tee,1,9.90",
        );
        let missing = [
            Field::OrderId,
            Field::CustomerId,
            Field::OrderDate,
            Field::Quantity,
            Field::UnitPrice,
        ];
        let got: Vec<(Field, usize)> = propose(&headers, &data, &[], &missing)
            .iter()
            .map(|p| (p.field, p.column))
            .collect();
        assert_eq!(
            got,
            vec![
                (Field::OrderDate, 2),
                (Field::OrderId, 0),
                (Field::CustomerId, 1),
                (Field::LineAmount, 5),
                (Field::Quantity, 4),
            ]
        );
        let p = propose(&headers, &data, &[], &missing);
        assert_eq!(p[1].samples, vec!["R-1001", "R-1002", "R-1003"]);
    }

    #[test]
    fn a_column_of_one_word_is_no_customer_id() {
        let (headers, data) = rows(
            "Belegnr,Kunde,Datum,Artikel,Betrag\n\
             R-1,K10,2024-03-01,Tee,9.90\n\
             R-2,K11,2024-03-02,Tee,9.90\n\
             R-3,K10,2024-03-03,Tee,9.90\n\
             R-4,K12,2024-03-04,Tee,9.90",
        );
        let p = propose(&headers, &data, &[], &[Field::OrderId, Field::CustomerId]);
        let got: Vec<(Field, usize)> = p.iter().map(|p| (p.field, p.column)).collect();
        assert_eq!(got, vec![(Field::OrderId, 0), (Field::CustomerId, 1)]);
    }

    #[test]
    fn mapped_columns_are_not_proposed_again() {
        let (headers, data) = rows("id,when,x\nA1,2024-03-01,1\nA2,2024-03-02,2");
        let mapping = [ColumnAssignment {
            field: Field::OrderId,
            column: 0,
        }];
        let p = propose(
            &headers,
            &data,
            &mapping,
            &[Field::OrderDate, Field::CustomerId],
        );
        let got: Vec<(Field, usize)> = p.iter().map(|p| (p.field, p.column)).collect();
        // numbers can be customer ids (UCI Online Retail's are); the mapped id column is not
        assert_eq!(got, vec![(Field::OrderDate, 1), (Field::CustomerId, 2)]);
    }
}
