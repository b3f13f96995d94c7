//! The join of the customer list to the customers of the orders, one value per customer.

use crate::dataset::time::{civil_from_days, day};
use crate::dataset::{Dataset, Interner, NONE};
use crate::ingest::side::{SideTable, Tables, NO_TIME};
use crate::ingest::Field;
use crate::mask;
use crate::table::{NULL_CODE, NULL_DAY, NULL_U32};
use std::collections::HashMap;

/// Gender codes (`gender`).
pub const GENDERS: [&str; 3] = ["female", "male", "other"];

/// Age bands (`age_band`): under 18, 18–24, 25–34, 35–44, 45–54, 55 and over.
pub const AGE_BANDS: [&str; 6] = ["under_18", "18_24", "25_34", "35_44", "45_54", "55_plus"];

/// The text fields copied as they are, in column order.
pub const TEXT_FIELDS: [Field; 6] = [
    Field::Region,
    Field::City,
    Field::Occupation,
    Field::Education,
    Field::Income,
    Field::MemberLevel,
];

/// Every customer's basic attributes (customer order of the dataset).
#[derive(Debug, Clone, Default)]
pub struct Demographics {
    /// Whether a customers table was loaded.
    pub has_table: bool,
    /// Customers of the orders with a row in the customer list.
    pub matched: usize,
    /// `GENDERS` code, or `NULL_CODE`.
    pub gender: Vec<u8>,
    /// Whole years, or NaN.
    pub age: Vec<f64>,
    /// `AGE_BANDS` code, or `NULL_CODE`.
    pub age_band: Vec<u8>,
    /// Per `TEXT_FIELDS`: codes into the table's own names (`NONE`: null).
    pub texts: Vec<(Field, Vec<u32>, Interner)>,
    /// Signup day, or `NULL_DAY`.
    pub signup_day: Vec<i32>,
    /// `L` − signup day, or `NULL_U32`.
    pub tenure_days: Vec<u32>,
    /// Masked email: a code into `masked`, or `NONE`.
    pub email: Vec<u32>,
    /// Masked phone.
    pub phone: Vec<u32>,
    /// Masked name.
    pub name: Vec<u32>,
    /// The masked texts.
    pub masked: Interner,
}

/// The gender a cell names (`None` when empty).
pub fn gender_code(text: &str) -> u8 {
    match text.trim().to_lowercase().as_str() {
        "女" | "女性" | "f" | "female" | "w" | "woman" | "女士" => 0,
        "男" | "男性" | "m" | "male" | "man" | "先生" => 1,
        _ => 2,
    }
}

/// The age band of `age` years.
pub fn age_band(age: f64) -> u8 {
    match age {
        a if a < 18.0 => 0,
        a if a < 25.0 => 1,
        a if a < 35.0 => 2,
        a if a < 45.0 => 3,
        a if a < 55.0 => 4,
        _ => 5,
    }
}

/// Whole years from `birth` to `on` (days since 1970), by calendar date; `None` when the
/// birth is after `on`.
pub fn years_between(birth: i64, on: i64) -> Option<f64> {
    let ((by, bm, bd), (oy, om, od)) = (civil_from_days(birth), civil_from_days(on));
    let mut years = i64::from(oy) - i64::from(by);
    if (om, od) < (bm, bd) {
        years -= 1;
    }
    (years >= 0).then_some(years as f64)
}

/// Row of each customer of `data` in `table` (by its `Field::CustomerId`), or `NONE`.
pub fn rows_of(data: &Dataset, table: &SideTable) -> Vec<u32> {
    let Some(ids) = table.text(Field::CustomerId) else {
        return vec![NONE; data.n_customers()];
    };
    let mut first: HashMap<&str, u32> = HashMap::with_capacity(ids.names.len());
    for (row, &code) in ids.codes.iter().enumerate() {
        if code != NONE {
            first.entry(ids.names.name(code)).or_insert(row as u32);
        }
    }
    data.customers
        .iter()
        .map(|id| first.get(&**id).copied().unwrap_or(NONE))
        .collect()
}

/// The basic attributes of every customer of `data` from `tables.customers`.
pub fn demographics(data: &Dataset, tables: &Tables) -> Demographics {
    let n = data.n_customers();
    let mut out = Demographics {
        gender: vec![NULL_CODE; n],
        age: vec![f64::NAN; n],
        age_band: vec![NULL_CODE; n],
        texts: TEXT_FIELDS
            .iter()
            .map(|&f| (f, vec![NONE; n], Interner::new()))
            .collect(),
        signup_day: vec![NULL_DAY; n],
        tenure_days: vec![NULL_U32; n],
        email: vec![NONE; n],
        phone: vec![NONE; n],
        name: vec![NONE; n],
        ..Demographics::default()
    };
    let Some(table) = tables.customers.as_ref() else {
        return out;
    };
    out.has_table = true;
    let last = data.last_day();
    let rows = rows_of(data, table);
    out.matched = rows.iter().filter(|&&r| r != NONE).count();
    let gender = table.text(Field::Gender);
    let birth = table.time(Field::BirthDate);
    let age = table.number(Field::Age);
    let signup = table.time(Field::SignupDate);
    for (field, codes, names) in &mut out.texts {
        let Some(col) = table.text(*field) else {
            continue;
        };
        for (c, &row) in rows.iter().enumerate() {
            if let Some(text) = (row != NONE).then(|| col.get(row as usize)).flatten() {
                codes[c] = names.intern(text);
            }
        }
    }
    let masked_fields: [(Field, fn(&str) -> String); 3] = [
        (Field::Email, mask::email),
        (Field::Phone, mask::phone),
        (Field::CustomerName, mask::name),
    ];
    for (c, &row) in rows.iter().enumerate() {
        if row == NONE {
            continue;
        }
        let r = row as usize;
        if let Some(g) = gender.and_then(|g| g.get(r)) {
            out.gender[c] = gender_code(g);
        }
        let from_birth = birth
            .map(|b| b[r])
            .filter(|&t| t != NO_TIME)
            .zip(last)
            .and_then(|(t, l)| years_between(day(t), l));
        let years = from_birth.or_else(|| age.map(|a| a[r]).filter(|a| a.is_finite() && *a >= 0.0));
        if let Some(y) = years {
            out.age[c] = y;
            out.age_band[c] = age_band(y);
        }
        if let Some(t) = signup.map(|s| s[r]).filter(|&t| t != NO_TIME) {
            let d = day(t);
            out.signup_day[c] = d as i32;
            if let Some(l) = last.filter(|&l| l >= d) {
                out.tenure_days[c] = (l - d) as u32;
            }
        }
        for (field, how) in masked_fields {
            let Some(text) = table.text(field).and_then(|col| col.get(r)) else {
                continue;
            };
            let shown = how(text);
            if shown.is_empty() {
                continue;
            }
            let code = out.masked.intern(&shown);
            match field {
                Field::Email => out.email[c] = code,
                Field::Phone => out.phone[c] = code,
                _ => out.name[c] = code,
            }
        }
    }
    out
}
