//! A rule as a tree the page's visual builder edits, and back to text: the builder and the
//! text are two views of one rule (`tree(text)` here, the same `text(tree)` in
//! `www/features/audience/tree.ts`, both tested on `tests/fixtures/rules/trees.json`).
//! Values keep the way they were written (`"上海"`, `30%`, `-90d`), so a round trip changes
//! nothing but spacing and redundant parentheses.

use super::compile::op_text;
use super::parser::{parse, Expr, Value};
use super::RuleError;
use serde::{Deserialize, Serialize};

/// A node of a rule. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RuleNode {
    /// Every item holds.
    And {
        /// The items (two or more).
        items: Vec<RuleNode>,
    },
    /// Some item holds.
    Or {
        /// The items (two or more).
        items: Vec<RuleNode>,
    },
    /// The item does not hold.
    Not {
        /// What is negated.
        item: Box<RuleNode>,
    },
    /// A test of one field: `op` is `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`,
    /// `between`, `contains`, `is null` or `is not null`; `values` as written.
    Condition {
        /// The field as written.
        field: String,
        /// The operator.
        op: String,
        /// The values, each as written (texts with their quotes).
        values: Vec<String>,
    },
    /// `in_audience("NAME")`.
    Audience {
        /// The audience's name.
        name: String,
    },
}

/// The tree of `text`.
pub fn tree(text: &str) -> Result<RuleNode, RuleError> {
    let expr = parse(text)?;
    let chars: Vec<char> = text.chars().collect();
    Ok(node(&expr, &chars))
}

fn written(v: &Value, chars: &[char]) -> String {
    chars[v.span.start.min(chars.len())..v.span.end.min(chars.len())]
        .iter()
        .collect()
}

fn node(e: &Expr, chars: &[char]) -> RuleNode {
    let cond = |field: &str, op: &str, values: Vec<String>| RuleNode::Condition {
        field: field.to_string(),
        op: op.to_string(),
        values,
    };
    match e {
        Expr::And(a, b) => flat(true, node(a, chars), node(b, chars)),
        Expr::Or(a, b) => flat(false, node(a, chars), node(b, chars)),
        Expr::Not(a) => RuleNode::Not {
            item: Box::new(node(a, chars)),
        },
        Expr::Cmp { field, op, value } => {
            cond(&field.name, op_text(*op), vec![written(value, chars)])
        }
        Expr::In {
            field,
            values,
            negated,
        } => cond(
            &field.name,
            if *negated { "not in" } else { "in" },
            values.iter().map(|v| written(v, chars)).collect(),
        ),
        Expr::Between { field, low, high } => cond(
            &field.name,
            "between",
            vec![written(low, chars), written(high, chars)],
        ),
        Expr::Contains { field, value } => {
            cond(&field.name, "contains", vec![written(value, chars)])
        }
        Expr::IsNull { field, negated } => cond(
            &field.name,
            if *negated { "is not null" } else { "is null" },
            Vec::new(),
        ),
        Expr::InAudience { name, .. } => RuleNode::Audience { name: name.clone() },
    }
}

/// `a and b` (or `a or b`) with nested ands (ors) flattened into one list.
fn flat(and: bool, a: RuleNode, b: RuleNode) -> RuleNode {
    let mut items = Vec::new();
    for n in [a, b] {
        match (and, n) {
            (true, RuleNode::And { items: inner }) | (false, RuleNode::Or { items: inner }) => {
                items.extend(inner)
            }
            (_, other) => items.push(other),
        }
    }
    if and {
        RuleNode::And { items }
    } else {
        RuleNode::Or { items }
    }
}

impl RuleNode {
    /// The rule's text: `and` binds tighter than `or`, so an `or` inside an `and` is
    /// parenthesised, and `not` wraps anything but a single test in parentheses.
    pub fn text(&self) -> String {
        match self {
            RuleNode::And { items } => items
                .iter()
                .map(|i| match i {
                    RuleNode::Or { .. } => format!("({})", i.text()),
                    _ => i.text(),
                })
                .collect::<Vec<_>>()
                .join(" and "),
            RuleNode::Or { items } => items
                .iter()
                .map(|i| i.text())
                .collect::<Vec<_>>()
                .join(" or "),
            RuleNode::Not { item } => match **item {
                RuleNode::Condition { .. } | RuleNode::Audience { .. } => {
                    format!("not {}", item.text())
                }
                _ => format!("not ({})", item.text()),
            },
            RuleNode::Condition { field, op, values } => match op.as_str() {
                "in" | "not in" => format!("{field} {op} [{}]", values.join(", ")),
                "between" => format!(
                    "{field} between {} and {}",
                    values.first().map_or("", String::as_str),
                    values.get(1).map_or("", String::as_str)
                ),
                "is null" | "is not null" => format!("{field} {op}"),
                _ => format!("{field} {op} {}", values.first().map_or("", String::as_str)),
            },
            RuleNode::Audience { name } => {
                format!("in_audience(\"{}\")", name.replace('"', "“"))
            }
        }
    }
}
