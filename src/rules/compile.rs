//! A parsed rule checked against the customer table's columns: every field resolved to a
//! column, every operator and value checked against the column's type, money scaled to minor
//! units and choices turned into codes — so evaluating it cannot fail.

#[cfg(test)]
use super::lexer::Span;
use super::parser::{parse, CmpOp, Expr, FieldName, Lit, Value};
use super::{FieldType, RuleError};
use crate::dataset::time::parse_iso_day;
use crate::table::{ColumnKind, ColumnSpec, Values};

/// The columns a rule may name: every analysis's `(kind, COLUMNS)`.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// (id `kind.name`, spec), in registry order.
    columns: Vec<(String, ColumnSpec)>,
}

impl Catalogue {
    /// The catalogue of `analyses`' columns.
    pub fn new<'a>(analyses: impl IntoIterator<Item = (&'a str, &'static [ColumnSpec])>) -> Self {
        let mut columns = Vec::new();
        for (kind, specs) in analyses {
            for spec in specs {
                columns.push((format!("{kind}.{}", spec.name), *spec));
            }
        }
        Catalogue { columns }
    }

    /// The names a column answers to, with the scale a value written with that name takes:
    /// its name, `kind.name`, a money column's name without `_cents` (in currency units),
    /// and its Chinese label.
    fn names(&self) -> impl Iterator<Item = (String, usize, f64)> + '_ {
        self.columns.iter().enumerate().flat_map(|(i, (id, spec))| {
            let mut names = vec![(spec.name.to_string(), i, 1.0), (id.clone(), i, 1.0)];
            if let Some(base) = spec.name.strip_suffix("_cents") {
                names.push((base.to_string(), i, 100.0));
                names.push((id.trim_end_matches("_cents").to_string(), i, 100.0));
            }
            if !spec.zh.is_empty() {
                names.push((
                    spec.zh.to_string(),
                    i,
                    if spec.kind == ColumnKind::Money {
                        100.0
                    } else {
                        1.0
                    },
                ));
            }
            names.into_iter()
        })
    }

    /// The column a name means, as a rule would read it: its id (`kind.name`), its spec and
    /// the scale of values written with that name (100 for money named without `_cents`).
    /// How other parameters that name columns (clustering features) read them.
    pub fn column(&self, name: &str) -> Result<(String, ColumnSpec, f64), RuleError> {
        let field = FieldName {
            name: name.to_string(),
            span: super::lexer::Span {
                start: 0,
                end: name.chars().count(),
            },
        };
        let (i, scale) = self.resolve(&field)?;
        let (id, spec) = &self.columns[i];
        Ok((id.clone(), *spec, scale))
    }

    /// The column `name` means, with the scale of its values, or why none.
    fn resolve(&self, field: &FieldName) -> Result<(usize, f64), RuleError> {
        let lower = field.name.to_lowercase();
        let mut found: Vec<(usize, f64)> = self
            .names()
            .filter(|(n, _, _)| n.to_lowercase() == lower)
            .map(|(_, i, s)| (i, s))
            .collect();
        found.dedup_by_key(|f| f.0);
        match found.as_slice() {
            [one] => Ok(*one),
            [] => {
                let suggestion = self
                    .names()
                    .map(|(n, _, _)| (strsim::damerau_levenshtein(&lower, &n.to_lowercase()), n))
                    .filter(|(d, n)| *d <= 2.max(n.chars().count() / 4))
                    .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.len().cmp(&b.1.len())))
                    .map(|(_, n)| n);
                Err(RuleError::UnknownField {
                    name: field.name.clone(),
                    suggestion,
                    span: field.span,
                })
            }
            many => Err(RuleError::AmbiguousField {
                name: field.name.clone(),
                ids: many
                    .iter()
                    .map(|(i, _)| self.columns[*i].0.clone())
                    .collect(),
                span: field.span,
            }),
        }
    }
}

/// A bound a value is compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Bound {
    /// A number in the column's own unit (minor units for money, a day number, a code).
    Fixed(f64),
    /// A day relative to the data's last day.
    FromLastDay(i64),
}

impl Rule {
    /// The values of `columns`, in order, each looked up by its id; the id of the first one
    /// `lookup` does not have.
    pub fn values<'a>(
        &self,
        lookup: impl Fn(&str) -> Option<Values<'a>>,
    ) -> Result<Vec<Values<'a>>, String> {
        self.columns
            .iter()
            .map(|id| lookup(id).ok_or_else(|| id.clone()))
            .collect()
    }
}

/// A checked rule, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pred {
    And(Box<Pred>, Box<Pred>),
    Or(Box<Pred>, Box<Pred>),
    Not(Box<Pred>),
    /// A number, day or code column compared with a bound.
    Cmp {
        col: usize,
        op: CmpOp,
        bound: Bound,
    },
    /// Both ends included.
    Between {
        col: usize,
        low: Bound,
        high: Bound,
    },
    /// One of the bounds (`negated`: none of them).
    In {
        col: usize,
        bounds: Vec<Bound>,
        negated: bool,
    },
    /// A text column equal (or not) to one of `texts`.
    TextIn {
        col: usize,
        texts: Vec<String>,
        negated: bool,
    },
    /// A text column containing `needle`, ignoring case.
    Contains {
        col: usize,
        needle: String,
    },
    IsNull {
        col: usize,
        negated: bool,
    },
    /// The customers of a frozen list (a static audience), by id.
    Ids(Box<foldhash::HashSet<Box<str>>>),
}

/// A saved audience a rule can name (`in_audience("VIP")`): dynamic, its rule evaluated
/// again on every data, or static, a frozen list of customer ids. Field names are the JS
/// API; only definitions cross, never the customers' data.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(default, deny_unknown_fields)]
pub struct AudienceDefinition {
    /// Its name.
    pub name: String,
    /// Its rule (a dynamic audience).
    pub rule: String,
    /// Its customers' ids (a static audience; the rule is then only what made it).
    pub ids: Option<Vec<String>>,
}

/// A rule checked against the customer table: the columns it reads and what it tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The columns it reads (`kind.name`), in the order `evaluate` takes their values.
    pub columns: Vec<String>,
    pub(crate) pred: Pred,
}

fn field_type(kind: ColumnKind) -> FieldType {
    match kind {
        ColumnKind::Date => FieldType::Date,
        ColumnKind::Text => FieldType::Text,
        ColumnKind::Code { .. } => FieldType::Choice,
        _ => FieldType::Number,
    }
}

struct Compiler<'c> {
    catalogue: &'c Catalogue,
    audiences: &'c [AudienceDefinition],
    /// The audiences being expanded, outermost first (a cycle's witness).
    expanding: Vec<String>,
    /// Catalogue indices of the columns used, in first-use order.
    used: Vec<usize>,
}

impl Compiler<'_> {
    /// The column `field` names: its place in `used`, its spec, the scale of its values.
    fn column(&mut self, field: &FieldName) -> Result<(usize, ColumnSpec, f64), RuleError> {
        let (i, scale) = self.catalogue.resolve(field)?;
        let col = match self.used.iter().position(|&u| u == i) {
            Some(p) => p,
            None => {
                self.used.push(i);
                self.used.len() - 1
            }
        };
        Ok((col, self.catalogue.columns[i].1, scale))
    }

    /// `value` as a bound of the column `spec` (named `field`).
    fn bound(
        &self,
        field: &FieldName,
        spec: &ColumnSpec,
        scale: f64,
        value: &Value,
    ) -> Result<Bound, RuleError> {
        let t = field_type(spec.kind);
        let wrong = || RuleError::WrongValue {
            field: field.name.clone(),
            field_type: t,
            value: shown(&value.lit),
            span: value.span,
        };
        match (spec.kind, &value.lit) {
            (ColumnKind::Date, Lit::Offset(d)) => Ok(Bound::FromLastDay(*d)),
            (ColumnKind::Date, Lit::Text(s)) => parse_iso_day(s.trim())
                .map(|d| Bound::Fixed(d as f64))
                .ok_or_else(|| RuleError::BadDate {
                    value: s.clone(),
                    span: value.span,
                }),
            (ColumnKind::Code { names }, Lit::Text(s)) => names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(s.trim()))
                .map(|p| Bound::Fixed(p as f64))
                .ok_or_else(|| RuleError::UnknownChoice {
                    field: field.name.clone(),
                    value: s.clone(),
                    choices: names.iter().map(|n| n.to_string()).collect(),
                    span: value.span,
                }),
            (ColumnKind::Date | ColumnKind::Code { .. } | ColumnKind::Text, _) => Err(wrong()),
            (_, Lit::Number(n)) => Ok(Bound::Fixed(n * scale)),
            (_, _) => Err(wrong()),
        }
    }

    fn text(&self, field: &FieldName, value: &Value) -> Result<String, RuleError> {
        match &value.lit {
            Lit::Text(s) => Ok(s.clone()),
            other => Err(RuleError::WrongValue {
                field: field.name.clone(),
                field_type: FieldType::Text,
                value: shown(other),
                span: value.span,
            }),
        }
    }

    fn wrong_operator(field: &FieldName, spec: &ColumnSpec, operator: &str) -> RuleError {
        RuleError::WrongOperator {
            field: field.name.clone(),
            field_type: field_type(spec.kind),
            operator: operator.to_string(),
            span: field.span,
        }
    }

    fn pred(&mut self, e: &Expr) -> Result<Pred, RuleError> {
        Ok(match e {
            Expr::InAudience { name, span } => {
                let found = self
                    .audiences
                    .iter()
                    .find(|a| a.name.trim() == name.trim())
                    .ok_or_else(|| RuleError::UnknownAudience {
                        name: name.clone(),
                        known: self.audiences.iter().map(|a| a.name.clone()).collect(),
                        span: *span,
                    })?;
                if let Some(ids) = &found.ids {
                    return Ok(Pred::Ids(Box::new(
                        ids.iter().map(|i| i.trim().into()).collect(),
                    )));
                }
                if self.expanding.iter().any(|n| n == &found.name) {
                    return Err(RuleError::AudienceCycle {
                        name: name.clone(),
                        span: *span,
                    });
                }
                // the audience's own rule, with its own character positions: an error in it
                // names the audience
                let inner = parse(&found.rule).map_err(|_| RuleError::UnknownAudience {
                    name: name.clone(),
                    known: Vec::new(),
                    span: *span,
                })?;
                self.expanding.push(found.name.clone());
                let pred = self.pred(&inner);
                self.expanding.pop();
                pred?
            }
            Expr::And(a, b) => Pred::And(Box::new(self.pred(a)?), Box::new(self.pred(b)?)),
            Expr::Or(a, b) => Pred::Or(Box::new(self.pred(a)?), Box::new(self.pred(b)?)),
            Expr::Not(a) => Pred::Not(Box::new(self.pred(a)?)),
            Expr::Cmp { field, op, value } => {
                let (col, spec, scale) = self.column(field)?;
                match spec.kind {
                    ColumnKind::Text if op.orders() => {
                        return Err(Self::wrong_operator(field, &spec, op_text(*op)))
                    }
                    ColumnKind::Code { .. } if op.orders() => {
                        return Err(Self::wrong_operator(field, &spec, op_text(*op)))
                    }
                    ColumnKind::Text => Pred::TextIn {
                        col,
                        texts: vec![self.text(field, value)?],
                        negated: *op == CmpOp::Ne,
                    },
                    _ => Pred::Cmp {
                        col,
                        op: *op,
                        bound: self.bound(field, &spec, scale, value)?,
                    },
                }
            }
            Expr::In {
                field,
                values,
                negated,
            } => {
                let (col, spec, scale) = self.column(field)?;
                if spec.kind == ColumnKind::Text {
                    Pred::TextIn {
                        col,
                        texts: values
                            .iter()
                            .map(|v| self.text(field, v))
                            .collect::<Result<_, _>>()?,
                        negated: *negated,
                    }
                } else {
                    Pred::In {
                        col,
                        bounds: values
                            .iter()
                            .map(|v| self.bound(field, &spec, scale, v))
                            .collect::<Result<_, _>>()?,
                        negated: *negated,
                    }
                }
            }
            Expr::Between { field, low, high } => {
                let (col, spec, scale) = self.column(field)?;
                if matches!(spec.kind, ColumnKind::Text | ColumnKind::Code { .. }) {
                    return Err(Self::wrong_operator(field, &spec, "between"));
                }
                Pred::Between {
                    col,
                    low: self.bound(field, &spec, scale, low)?,
                    high: self.bound(field, &spec, scale, high)?,
                }
            }
            Expr::Contains { field, value } => {
                let (col, spec, _) = self.column(field)?;
                if spec.kind != ColumnKind::Text {
                    return Err(Self::wrong_operator(field, &spec, "contains"));
                }
                Pred::Contains {
                    col,
                    needle: self.text(field, value)?.to_lowercase(),
                }
            }
            Expr::IsNull { field, negated } => {
                let (col, _, _) = self.column(field)?;
                Pred::IsNull {
                    col,
                    negated: *negated,
                }
            }
        })
    }
}

pub(super) fn op_text(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

fn shown(lit: &Lit) -> String {
    match lit {
        Lit::Number(n) => n.to_string(),
        Lit::Offset(d) => format!("{d:+}d"),
        Lit::Text(s) => format!("\"{s}\""),
    }
}

/// Parses `text` and checks it against `catalogue`.
pub fn compile(text: &str, catalogue: &Catalogue) -> Result<Rule, RuleError> {
    compile_with(text, catalogue, &[])
}

/// `compile`, with the saved audiences `in_audience("NAME")` may name.
pub fn compile_with(
    text: &str,
    catalogue: &Catalogue,
    audiences: &[AudienceDefinition],
) -> Result<Rule, RuleError> {
    let expr = parse(text)?;
    let mut c = Compiler {
        catalogue,
        audiences,
        expanding: Vec::new(),
        used: Vec::new(),
    };
    let pred = c.pred(&expr)?;
    Ok(Rule {
        columns: c
            .used
            .iter()
            .map(|&i| catalogue.columns[i].0.clone())
            .collect(),
        pred,
    })
}

/// Where `span` is, for tests.
#[cfg(test)]
pub(crate) fn at(span: Span) -> (usize, usize) {
    (span.start, span.end)
}
