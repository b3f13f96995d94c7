//! **The rule language**: a small, safe expression over the customer table's columns, for
//! rule tags, audiences and the profile table's filter.
//!
//! ```text
//! orders >= 3 and days_since_last_order > 90 and top_category == "美妆"
//! region in ["上海", "浙江"]          not (return_rate > 0.3)        revenue between 500 and 2000
//! top_category contains "母婴"         top_channel is null            last_order_date < -90d
//! 订单数 >= 3                          rfm.segment == "champions"     return_rate > 30%
//! ```
//!
//! - **Fields** are customer-table columns by name (`orders`), by `kind.name`
//!   (`rfm.segment`) or by their Chinese label (`订单数`). A money column is written without
//!   `_cents` in the shop's currency (`revenue > 5000` is 5,000.00) or with it in minor units.
//!   Nothing else can be reached: a rule reads columns and nothing but columns.
//! - **Values**: numbers (`0.3`, `30%`), quoted texts (`"上海"`, `'x'`, `“杭州”`), days as
//!   `"YYYY-MM-DD"` or as an offset from the data's last day (`-90d`).
//! - **Operators**: `==` `!=` `<` `<=` `>` `>=`, `in [...]`, `not in [...]`, `between a and b`
//!   (both ends included), `contains` (texts, ignoring case), `is null`, `is not null`; `and`,
//!   `or`, `not`, parentheses. Keywords ignore case.
//! - **Nulls**: a customer with no value for a field fails every comparison on it — `!=` and
//!   `not in` included (Shopify's segment editor keeps such customers; this language does
//!   not). `not` negates what it wraps, so `not (return_rate > 0.3)` keeps the customers with
//!   no return rate while `return_rate <= 0.3` does not. `is null` finds them.
//!
//! Errors name the character they are at (`column 17: unknown field "ordres" — did you
//! mean "orders"?`). Evaluation is one pass over the customers per condition.
//!
//! The parser is written by hand (a few hundred lines): the grammar is tiny, and the errors —
//! located, with the field a typo was meant to be — are the point of it.

mod compile;
mod eval;
mod lexer;
mod parser;
mod tree;

pub use compile::{compile, compile_with, AudienceDefinition, Catalogue, Rule};
pub use eval::evaluate;
pub use lexer::Span;
pub use tree::{tree, RuleNode};

use crate::message::Message;

/// What the parser wanted where it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// A field name.
    Field,
    /// A value.
    Value,
    /// A comparison after a field.
    Operator,
    /// A `[...]` list after `in`.
    List,
    /// `in` after `not` (as in `not in`).
    In,
    /// `and` inside `between … and …`.
    And,
    /// `null` after `is` / `is not`.
    Null,
    /// The closing bracket of the one opened at character `at`.
    Close {
        /// `)` or `]`.
        close: char,
        /// Where it was opened.
        at: usize,
    },
    /// The end of the rule (something follows a complete rule).
    End,
}

impl Want {
    /// `m` with what a missing bracket needs said: which, and where it was opened.
    fn named(self, m: Message) -> Message {
        match self {
            Want::Close { close, at } => m
                .with("close", close.to_string())
                .with("open", if close == ')' { "(" } else { "[" })
                .with("open_column", at + 1),
            _ => m,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Want::Field => "field",
            Want::Value => "value",
            Want::Operator => "operator",
            Want::List => "list",
            Want::In => "in",
            Want::And => "and",
            Want::Null => "null",
            Want::Close { .. } => "close",
            Want::End => "end",
        }
    }
}

/// What a column holds, as a message says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Counts, amounts, shares, days, hours.
    Number,
    /// A day.
    Date,
    /// Text from the data.
    Text,
    /// One of a fixed list of values (a segment, a weekday).
    Choice,
}

impl FieldType {
    fn name(self) -> &'static str {
        match self {
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Text => "text",
            FieldType::Choice => "choice",
        }
    }
}

/// A rule that cannot be read or cannot be applied, and where (`span`). The other fields
/// are what the message names.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum RuleError {
    /// Nothing but spaces.
    Empty,
    /// A character no token starts with.
    Unexpected {
        found: String,
        expected: &'static str,
        span: Span,
    },
    /// A quote with no closing quote.
    UnclosedText { span: Span },
    /// Digits that are not a number.
    BadNumber { text: String, span: Span },
    /// Something else than `want` at `span`.
    Expected {
        want: Want,
        found: String,
        span: Span,
    },
    /// The rule ends where `want` should follow `after`.
    Unfinished {
        want: Want,
        after: String,
        span: Span,
    },
    /// No column has this name.
    UnknownField {
        name: String,
        suggestion: Option<String>,
        span: Span,
    },
    /// Several analyses have a column of this name.
    AmbiguousField {
        name: String,
        ids: Vec<String>,
        span: Span,
    },
    /// The operator does not apply to the field's type.
    WrongOperator {
        field: String,
        field_type: FieldType,
        operator: String,
        span: Span,
    },
    /// The value is not of the field's type.
    WrongValue {
        field: String,
        field_type: FieldType,
        value: String,
        span: Span,
    },
    /// A choice the column never holds.
    UnknownChoice {
        field: String,
        value: String,
        choices: Vec<String>,
        span: Span,
    },
    /// A date that is not `YYYY-MM-DD`.
    BadDate { value: String, span: Span },
    /// `in_audience` names no saved audience.
    UnknownAudience {
        name: String,
        known: Vec<String>,
        span: Span,
    },
    /// An audience built, through others, from itself.
    AudienceCycle { name: String, span: Span },
}

impl RuleError {
    /// Where it is (none for an empty rule).
    pub fn span(&self) -> Option<Span> {
        match self {
            RuleError::Empty => None,
            RuleError::Unexpected { span, .. }
            | RuleError::UnclosedText { span }
            | RuleError::BadNumber { span, .. }
            | RuleError::Expected { span, .. }
            | RuleError::Unfinished { span, .. }
            | RuleError::UnknownField { span, .. }
            | RuleError::AmbiguousField { span, .. }
            | RuleError::WrongOperator { span, .. }
            | RuleError::WrongValue { span, .. }
            | RuleError::UnknownChoice { span, .. }
            | RuleError::BadDate { span, .. }
            | RuleError::UnknownAudience { span, .. }
            | RuleError::AudienceCycle { span, .. } => Some(*span),
        }
    }

    /// The error as a message: `column` is the 1-based character it starts at, `end` the
    /// one after it (the page underlines `column..end`).
    pub fn message(&self) -> Message {
        let m = match self {
            RuleError::Empty => Message::new("rule.empty"),
            RuleError::Unexpected { found, .. } => {
                Message::new("rule.unexpected").with("found", found.as_str())
            }
            RuleError::UnclosedText { .. } => Message::new("rule.unclosed_text"),
            RuleError::BadNumber { text, .. } => {
                Message::new("rule.bad_number").with("text", text.as_str())
            }
            RuleError::Expected { want, found, .. } => want.named(
                Message::new(format!("rule.want_{}", want.name()).as_str())
                    .with("found", found.as_str()),
            ),
            RuleError::Unfinished { want, after, .. } => want.named(
                Message::new(format!("rule.end_{}", want.name()).as_str())
                    .with("after", after.as_str()),
            ),
            RuleError::UnknownField {
                name,
                suggestion: None,
                ..
            } => Message::new("rule.unknown_field").with("name", name.as_str()),
            RuleError::UnknownField {
                name,
                suggestion: Some(s),
                ..
            } => Message::new("rule.unknown_field_suggest")
                .with("name", name.as_str())
                .with("suggestion", s.as_str()),
            RuleError::AmbiguousField { name, ids, .. } => Message::new("rule.ambiguous_field")
                .with("name", name.as_str())
                .with("ids", ids.clone()),
            RuleError::WrongOperator {
                field,
                field_type,
                operator,
                ..
            } => Message::new(format!("rule.operator_{}", field_type.name()).as_str())
                .with("field", field.as_str())
                .with("operator", operator.as_str()),
            RuleError::WrongValue {
                field,
                field_type,
                value,
                ..
            } => Message::new(format!("rule.value_{}", field_type.name()).as_str())
                .with("field", field.as_str())
                .with("value", value.as_str()),
            RuleError::UnknownChoice {
                field,
                value,
                choices,
                ..
            } => Message::new("rule.unknown_choice")
                .with("field", field.as_str())
                .with("value", value.as_str())
                .with("choices", choices.clone()),
            RuleError::BadDate { value, .. } => {
                Message::new("rule.bad_date").with("value", value.as_str())
            }
            RuleError::UnknownAudience { name, known, .. } if known.is_empty() => {
                Message::new("rule.no_audiences").with("name", name.as_str())
            }
            RuleError::UnknownAudience { name, known, .. } => Message::new("rule.unknown_audience")
                .with("name", name.as_str())
                .with("known", known.clone()),
            RuleError::AudienceCycle { name, .. } => {
                Message::new("rule.audience_cycle").with("name", name.as_str())
            }
        };
        match self.span() {
            Some(span) => m
                .with("column", span.start + 1)
                .with("end", span.end.max(span.start + 1) + 1),
            None => m,
        }
    }
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

#[cfg(test)]
mod tests;
