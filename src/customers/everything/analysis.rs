//! The door of `customers`: its parameters (rule tags as `NAME=EXPR`, one id), the models it
//! gathers, and the rows as JSON (streamed from the columns, no row built) or CSV.

use crate::analysis::cache::Model;
use crate::analysis::registry;
use crate::analysis::{Analysis, Check, Coded, Context, Entry, Fit, TableKind};
use crate::customers::tags::{RuleTag, TagsAnalysis, TagsParams};
use crate::error::Error;
use crate::message::Message;
use crate::table::{AllRows, Sheet};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Every customer's whole portrait.
pub struct CustomersAnalysis;

/// Which customers, with which rule tags.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct CustomersParams {
    /// Rule tags as `NAME=EXPR` (`VIP=orders >= 3`): customers matching EXPR carry tag NAME.
    pub rule: Vec<String>,
    /// Only this customer (the id as in the file); none: every customer.
    pub id: Option<String>,
}

/// A broken parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomersParamsError {
    /// A rule with no `=` or no name before it.
    NoName(String),
}

impl std::fmt::Display for CustomersParamsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for CustomersParamsError {}

const MESSAGES: crate::message::Catalogue = &[
    (
        "customers.no_name",
        "the rule \"{rule}\" is not NAME=EXPR (a tag name, then = and the rule)",
    ),
    ("customers.unknown", "no customer has the id \"{id}\""),
];

impl Coded for CustomersParamsError {
    fn message(&self) -> Message {
        match self {
            CustomersParamsError::NoName(rule) => {
                Message::new("customers.no_name").with("rule", rule.as_str())
            }
        }
        .worded_by(MESSAGES)
    }
}

/// Checked parameters: the rule tags split into name and rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomersValidParams {
    /// The rule tags.
    pub rules: Vec<RuleTag>,
    /// The id, trimmed.
    pub id: Option<String>,
}

impl Check for CustomersParams {
    type Valid = CustomersValidParams;
    type Error = CustomersParamsError;

    fn check(&self) -> Result<CustomersValidParams, CustomersParamsError> {
        let rules = self
            .rule
            .iter()
            .map(|r| match r.split_once('=') {
                Some((name, rule)) if !name.trim().is_empty() => Ok(RuleTag {
                    name: name.trim().to_string(),
                    rule: rule.trim().to_string(),
                }),
                _ => Err(CustomersParamsError::NoName(r.clone())),
            })
            .collect::<Result<_, _>>()?;
        let id = self
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok(CustomersValidParams { rules, id })
    }
}

/// The gathered models: every analysis with customer columns, in registry order.
pub struct CustomersTable {
    /// (analysis, its model).
    pub models: Vec<(&'static dyn Entry, Model)>,
    /// The one customer asked for, by index.
    pub only: Option<usize>,
    /// The analyses the data cannot support (a prediction on a shop too small for it), with
    /// their reasons: their columns are left out rather than the whole table refused.
    pub left_out: Vec<Message>,
}

/// The rows as the page and `--json` get them. Field names are the JS API.
#[derive(Serialize, ts_rs::TS)]
pub struct PortraitRows {
    /// Customers in `rows`.
    pub customers: usize,
    /// The columns of each row after `customer_id`, as customer-table ids (`profile.orders`).
    pub columns: Vec<String>,
    /// Analyses whose columns are not in the table because the data cannot support them (a
    /// shop too small for a prediction), each with its reason.
    pub left_out: Vec<Message>,
    /// One object per customer: `customer_id`, then each column by its short name.
    #[ts(type = "Array<{ customer_id: string } & Record<string, Cell>>")]
    pub rows: Box<serde_json::value::RawValue>,
}

impl CustomersTable {
    /// (id, short name, values) of every column.
    fn columns(&self) -> Result<Vec<(String, &'static str, crate::table::Values<'_>)>, Error> {
        let mut out = Vec::new();
        for (entry, model) in &self.models {
            for (spec, values) in entry.columns().iter().zip(entry.values(model)?) {
                out.push((format!("{}.{}", entry.kind(), spec.name), spec.name, values));
            }
        }
        Ok(out)
    }

    fn rows<'a>(&'a self, cx: &'a Context<'_>) -> Result<AllRows<'a>, Error> {
        Ok(AllRows {
            data: cx.data,
            columns: self
                .columns()?
                .into_iter()
                .map(|(_, name, v)| (name, v))
                .collect(),
        })
    }
}

impl Analysis for CustomersAnalysis {
    const KIND: &'static str = "customers";
    const ABOUT: &'static str =
        "Every customer's whole portrait: profile, attributes, behaviour, stage, RFM and tags (with your rule tags).";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const MESSAGES: crate::message::Catalogue = MESSAGES;

    type Params = CustomersParams;
    type Model = CustomersTable;
    type Output = PortraitRows;

    fn fit(
        cx: &mut Context<'_>,
        params: &CustomersValidParams,
    ) -> Result<Fit<CustomersTable>, Error> {
        let only = match &params.id {
            None => None,
            Some(id) => Some(
                cx.data
                    .customers
                    .iter()
                    .position(|c| **c == **id)
                    .ok_or_else(|| {
                        Error::Refused(
                            Message::new("customers.unknown")
                                .with("id", id.as_str())
                                .worded_by(MESSAGES),
                        )
                    })?,
            ),
        };
        let tags = TagsParams {
            rules: params.rules.clone(),
        };
        let mut models: Vec<(&'static dyn Entry, Model)> = Vec::new();
        let mut left_out = Vec::new();
        for entry in registry::entries()
            .iter()
            .copied()
            .filter(|e| !e.columns().is_empty())
        {
            let model: Result<Model, Error> = if entry.kind() == TagsAnalysis::KIND {
                cx.require::<TagsAnalysis>(&tags).map(|m| m as Model)
            } else {
                cx.model_of(entry)
            };
            match model {
                Ok(model) => models.push((entry, model)),
                // the data cannot support this one (too few customers to cluster or predict):
                // the rest of the portrait stands
                Err(Error::Refused(reason)) if entry.kind() != TagsAnalysis::KIND => {
                    left_out.push(reason)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Fit::Done(CustomersTable {
            models,
            only,
            left_out,
        }))
    }

    fn output(m: &CustomersTable, cx: &Context<'_>) -> PortraitRows {
        let rows = m.rows(cx);
        let json = rows.and_then(|rows| {
            let text = match m.only {
                Some(c) => serde_json::to_string(&[rows.row(c)]),
                None => serde_json::to_string(&rows),
            };
            text.map_err(|e| Error::invalid("customers", e))
        });
        let raw = json
            .and_then(|t| {
                serde_json::value::RawValue::from_string(t)
                    .map_err(|e| Error::invalid("customers", e))
            })
            .unwrap_or_else(|_| {
                serde_json::value::RawValue::from_string("[]".into()).expect("valid JSON")
            });
        PortraitRows {
            customers: m.only.map_or(cx.data.n_customers(), |_| 1),
            columns: m
                .columns()
                .map(|c| c.into_iter().map(|(id, _, _)| id).collect())
                .unwrap_or_default(),
            left_out: m.left_out.clone(),
            rows: raw,
        }
    }

    fn text(s: &PortraitRows, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Customer portraits: {} customers, {} columns each",
            s.customers,
            s.columns.len()
        );
        let _ = writeln!(o, "  columns: {}", s.columns.join(", "));
        for reason in &s.left_out {
            let _ = writeln!(o, "  left out: {reason}");
        }
        let _ = writeln!(o, "  Every row: `portrait customers FILE... --csv` or `--json` (one customer: `--id ID`).");
        o
    }

    fn sheet(m: &CustomersTable, cx: &Context<'_>, sheet: &mut dyn Sheet) -> bool {
        let Ok(rows) = m.rows(cx) else {
            return false;
        };
        match m.only {
            Some(c) => rows.write([c], sheet),
            None => rows.write_all(sheet),
        }
        true
    }
}
