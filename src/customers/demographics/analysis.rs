//! Demographics through the door: kind `demographics`, the attributes as customer columns
//! and a count of each value as output.

use super::algorithm::{demographics, Demographics, AGE_BANDS, GENDERS};
use crate::analysis::{Analysis, Context, Fit, NoParams, TableKind};
use crate::error::Error;
use crate::table::{ColumnKind, ColumnSpec, Values, NULL_CODE};
use serde::Serialize;
use std::fmt::Write;

/// Every customer's basic attributes from the customer list.
pub struct DemographicsAnalysis;

/// How many customers have each value of a coded attribute.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ValueShare {
    /// The code (`female`, `25_34`).
    pub value: String,
    /// Customers with it.
    pub customers: usize,
}

/// What the page shows above the columns. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DemographicsSummary {
    /// Whether a customers file was loaded.
    pub has_table: bool,
    /// Customers of the orders.
    pub customers: usize,
    /// Of those, with a row in the customer list.
    pub matched: usize,
    /// Customers per gender, in `GENDERS` order (values no one has left out).
    pub genders: Vec<ValueShare>,
    /// Customers per age band, in band order.
    pub age_bands: Vec<ValueShare>,
}

const fn col(
    name: &'static str,
    zh: &'static str,
    kind: ColumnKind,
    doc: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        doc,
        zh,
    }
}

fn shares(codes: &[u8], names: &'static [&'static str]) -> Vec<ValueShare> {
    let mut counts = vec![0usize; names.len()];
    for &c in codes {
        if c != NULL_CODE {
            counts[c as usize] += 1;
        }
    }
    names
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(v, customers)| ValueShare {
            value: v.to_string(),
            customers,
        })
        .collect()
}

impl Analysis for DemographicsAnalysis {
    const KIND: &'static str = "demographics";
    const ABOUT: &'static str =
        "Every customer's basic attributes from the customer list: gender, age, region, level, tenure.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders, TableKind::Customers];
    const COLUMNS: &'static [ColumnSpec] = &[
        col("gender", "性别", ColumnKind::Code { names: &GENDERS }, "The gender in the customer list (女/F/female: female; 男/M/male: male; any other value: other)."),
        col("age", "年龄", ColumnKind::Number, "Whole years at the data's last day from the birth date; else the age column as given."),
        col("age_band", "年龄段", ColumnKind::Code { names: &AGE_BANDS }, "The age in bands: under 18, 18–24, 25–34, 35–44, 45–54, 55 and over."),
        col("home_region", "所在省份", ColumnKind::Text, "The region (province, state, country) in the customer list (the orders' region is `profile.region`)."),
        col("home_city", "所在城市", ColumnKind::Text, "The city in the customer list."),
        col("occupation", "职业", ColumnKind::Text, "The occupation in the customer list."),
        col("education", "学历", ColumnKind::Text, "The education in the customer list."),
        col("income", "收入", ColumnKind::Text, "The income or income band in the customer list, as written."),
        col("member_level", "会员等级", ColumnKind::Text, "The member level in the customer list."),
        col("signup_date", "注册日期", ColumnKind::Date, "The day the customer signed up."),
        col("tenure_days", "注册天数", ColumnKind::Days, "Days from signup to the data's last day."),
        col("email", "邮箱", ColumnKind::Text, "The email, masked (z***@qq.com): only its first letter and its domain are shown."),
        col("phone", "手机号", ColumnKind::Text, "The phone number, masked (138****5678): its first three and last four digits."),
        col("name", "姓名", ColumnKind::Text, "The name, masked (张*): its first character."),
    ];

    const SEARCHED: &'static [&'static str] = &["email", "phone", "name"];

    type Params = NoParams;
    type Model = Demographics;
    type Output = DemographicsSummary;

    fn fit(cx: &mut Context<'_>, _params: &NoParams) -> Result<Fit<Demographics>, Error> {
        Ok(Fit::Done(demographics(cx.data, &cx.ingest.tables)))
    }

    fn output(m: &Demographics, cx: &Context<'_>) -> DemographicsSummary {
        DemographicsSummary {
            has_table: m.has_table,
            customers: cx.data.n_customers(),
            matched: m.matched,
            genders: shares(&m.gender, &GENDERS),
            age_bands: shares(&m.age_band, &AGE_BANDS),
        }
    }

    fn columns(m: &Demographics) -> Vec<Values<'_>> {
        let mut v = vec![
            Values::Code(&m.gender, &GENDERS),
            Values::F64(&m.age),
            Values::Code(&m.age_band, &AGE_BANDS),
        ];
        v.extend(
            m.texts
                .iter()
                .map(|(_, codes, names)| Values::Text(codes, names)),
        );
        v.extend([
            Values::Day(&m.signup_day),
            Values::U32(&m.tenure_days),
            Values::Text(&m.email, &m.masked),
            Values::Text(&m.phone, &m.masked),
            Values::Text(&m.name, &m.masked),
        ]);
        v
    }

    fn text(s: &DemographicsSummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        if !s.has_table {
            let _ = writeln!(
                o,
                "Demographics: no customers file was given (add the shop's customer list)."
            );
            return o;
        }
        let _ = writeln!(
            o,
            "Demographics: {} of {} customers are in the customer list",
            s.matched, s.customers
        );
        for (title, list) in [("gender", &s.genders), ("age band", &s.age_bands)] {
            for v in list {
                let _ = writeln!(o, "  {title:<9} {:<10} {:>8}", v.value, v.customers);
            }
        }
        let _ = writeln!(
            o,
            "  Every customer's attributes: `portrait demographics FILE... --csv` or `--json`."
        );
        o
    }
}
