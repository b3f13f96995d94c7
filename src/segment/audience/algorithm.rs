//! An audience: the customers a rule keeps (saved audiences reachable through
//! `in_audience`), its size and revenue beside the whole, the rule as the builder's tree,
//! the overlap of saved audiences, and its download — the columns the merchant picked, one
//! customer a row, under a one-line summary of the rule.

use super::messages::MESSAGES;
use super::params::AudienceValidParams;
use crate::analysis::cache::Model;
use crate::analysis::{registry, Context, Entry};
use crate::error::Error;
use crate::message::{english_in, Message};
use crate::rules::{self, RuleNode};
use crate::segment::rfm::{RfmAnalysis, RfmParams};
use crate::table::{Cell, ColumnSpec, Sheet};
use serde::Serialize;

/// Customers of an intersection of compared audiences. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct OverlapCell {
    /// The audiences these customers are in (and in none of the other compared ones).
    pub sets: Vec<String>,
    /// How many.
    pub customers: usize,
}

/// The audience's output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceSummary {
    /// The rule ("" = every customer).
    #[serde(rename = "where")]
    pub rule: String,
    /// The rule as the visual builder's tree (none for an empty rule).
    pub tree: Option<RuleNode>,
    /// Customers in the audience.
    pub customers: usize,
    /// Customers in the data.
    pub of_customers: usize,
    /// `customers / of_customers`.
    pub customer_share: f64,
    /// Their net revenue (RFM monetary), minor units.
    pub revenue_cents: i64,
    /// Every customer's net revenue.
    pub of_revenue_cents: i64,
    /// `revenue_cents / of_revenue_cents` (0 when the whole is not positive).
    pub revenue_share: f64,
    /// The data's last day, `YYYY-MM-DD` (the download's summary names it).
    pub last_day: Option<String>,
    /// The download's columns (ids).
    pub columns: Vec<String>,
    /// Size of each compared audience, in `compare` order.
    pub compared: Vec<OverlapCell>,
    /// Every non-empty intersection of the compared audiences, exclusively (UpSet's bars).
    pub overlap: Vec<OverlapCell>,
}

/// The fitted audience.
pub struct Audience {
    /// Whether each customer is in it.
    pub members: Vec<bool>,
    /// The output.
    pub summary: AudienceSummary,
    /// The download's columns: (id, spec, the owning analysis, its model).
    columns: Vec<(String, ColumnSpec, &'static dyn Entry, Model)>,
}

/// The model of the analysis owning column `id`, fitted with its defaults if needed.
fn owner(cx: &mut Context<'_>, id: &str) -> Result<(&'static dyn Entry, Model), Error> {
    let kind = id.split_once('.').map_or(id, |(k, _)| k);
    let entry = registry::find(kind)?;
    Ok((entry, cx.model_of(entry)?))
}

/// The customers of `text` (every customer when empty).
fn members_of(
    cx: &mut Context<'_>,
    text: &str,
    audiences: &[rules::AudienceDefinition],
) -> Result<Vec<bool>, Error> {
    let n = cx.data.n_customers();
    if text.trim().is_empty() {
        return Ok(vec![true; n]);
    }
    let rule = rules::compile_with(text, &Context::rule_catalogue(), audiences)
        .map_err(|e| Error::Refused(e.message()))?;
    Ok(cx.matching(&[rule])?.swap_remove(0))
}

/// Fits the audience of `p`.
pub fn audience(cx: &mut Context<'_>, p: &AudienceValidParams) -> Result<Audience, Error> {
    let tree = match p.rule.as_str() {
        "" => None,
        text => Some(rules::tree(text).map_err(|e| Error::Refused(e.message()))?),
    };
    let members = members_of(cx, &p.rule, &p.audiences)?;
    let rfm = cx.require::<RfmAnalysis>(&RfmParams::default())?;
    let n = members.len();
    let customers = members.iter().filter(|m| **m).count();
    let of_revenue_cents: i64 = rfm.monetary_cents.iter().sum();
    let revenue_cents: i64 = rfm
        .monetary_cents
        .iter()
        .zip(&members)
        .filter(|(_, m)| **m)
        .map(|(r, _)| *r)
        .sum();
    let catalogue = Context::rule_catalogue();
    let mut columns: Vec<(String, ColumnSpec, &'static dyn Entry, Model)> = Vec::new();
    for name in &p.columns {
        let (id, spec, _) = catalogue
            .column(name)
            .map_err(|e| Error::Refused(e.message()))?;
        if columns.iter().any(|(c, ..)| *c == id) {
            continue;
        }
        let (entry, model) = owner(cx, &id)?;
        columns.push((id, spec, entry, model));
    }
    // the compared audiences: each customer's membership as bits
    let mut compared = Vec::new();
    let mut bits = vec![0u8; n];
    for (i, name) in p.compare.iter().enumerate() {
        let text = format!("in_audience(\"{}\")", name.replace('"', "“"));
        let m = members_of(cx, &text, &p.audiences)?;
        compared.push(OverlapCell {
            sets: vec![name.clone()],
            customers: m.iter().filter(|x| **x).count(),
        });
        for (b, x) in bits.iter_mut().zip(&m) {
            *b |= u8::from(*x) << i;
        }
    }
    let mut counts = vec![0usize; 1 << p.compare.len()];
    if !p.compare.is_empty() {
        for b in &bits {
            counts[*b as usize] += 1;
        }
    }
    let overlap = (1..counts.len())
        .map(|mask| OverlapCell {
            sets: (0..p.compare.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| p.compare[i].clone())
                .collect(),
            customers: counts[mask],
        })
        .collect();
    let share = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let summary = AudienceSummary {
        rule: p.rule.clone(),
        tree,
        customers,
        of_customers: n,
        customer_share: share(customers as f64, n as f64),
        revenue_cents,
        of_revenue_cents,
        revenue_share: share(revenue_cents as f64, of_revenue_cents as f64),
        last_day: cx.data.last_day().map(crate::dataset::time::iso_day),
        columns: columns.iter().map(|(id, ..)| id.clone()).collect(),
        compared,
        overlap,
    };
    Ok(Audience {
        members,
        summary,
        columns,
    })
}

impl Audience {
    /// The summary line above the download's header.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        let rule = if s.rule.is_empty() {
            english_in(&Message::new("audience.everyone"), &[MESSAGES])
        } else {
            s.rule.clone()
        };
        let m = Message::new("audience.summary")
            .with("rule", rule)
            .with("customers", s.customers)
            .with("of_customers", s.of_customers)
            .with("last_day", s.last_day.clone().unwrap_or_default());
        english_in(&m, &[MESSAGES])
    }

    /// The download: the summary line, then `customer_id` and the columns, a member a row
    /// in customer order.
    pub fn write(&self, customer_ids: &[Box<str>], sheet: &mut dyn Sheet) -> Result<(), Error> {
        let mut values = Vec::with_capacity(self.columns.len());
        for (_, spec, entry, model) in &self.columns {
            let all = entry.values(model)?;
            let at = entry.columns().iter().position(|c| c.name == spec.name);
            let column = at.and_then(|at| all.into_iter().nth(at));
            values.push(
                column.ok_or_else(|| Error::InvalidRequest(format!("no column {}", spec.name)))?,
            );
        }
        sheet.header(&[self.summary_line().as_str()]);
        let header: Vec<Cell> = std::iter::once("customer_id".to_string())
            .chain(self.columns.iter().map(|(id, ..)| id.clone()))
            .map(Cell::Text)
            .collect();
        sheet.row(&header);
        let mut cells = Vec::with_capacity(header.len());
        for (c, _) in self.members.iter().enumerate().filter(|(_, m)| **m) {
            cells.clear();
            cells.push(Cell::Text(customer_ids[c].to_string()));
            cells.extend(values.iter().map(|v| v.cell(c)));
            sheet.row(&cells);
        }
        Ok(())
    }
}
