//! Tokens into a rule's syntax tree (recursive descent; precedence `or` < `and` < `not` <
//! a comparison). Keywords are case-insensitive; field names are resolved later
//! (`compile`), so the tree only says what was written and where.

use super::lexer::{tokens, Span, Tok};
use super::{RuleError, Want};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn of(s: &str) -> CmpOp {
        match s {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }

    /// Whether it orders values (`<`, `<=`, `>`, `>=`) rather than tests equality.
    pub fn orders(self) -> bool {
        !matches!(self, CmpOp::Eq | CmpOp::Ne)
    }
}

/// A value written in a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Number(f64),
    /// Days from the data's last day.
    Offset(i64),
    Text(String),
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub lit: Lit,
    pub span: Span,
}

/// A field name and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldName {
    pub name: String,
    pub span: Span,
}

/// A rule as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Cmp {
        field: FieldName,
        op: CmpOp,
        value: Value,
    },
    In {
        field: FieldName,
        values: Vec<Value>,
        negated: bool,
    },
    Between {
        field: FieldName,
        low: Value,
        high: Value,
    },
    Contains {
        field: FieldName,
        value: Value,
    },
    IsNull {
        field: FieldName,
        negated: bool,
    },
    /// `in_audience("NAME")`: the customers of a saved audience.
    InAudience {
        name: String,
        span: Span,
    },
}

struct Parser {
    toks: Vec<(Tok, Span)>,
    at: usize,
    /// Characters in the rule (where "the end" is).
    len: usize,
}

fn keyword(tok: &Tok, word: &str) -> bool {
    matches!(tok, Tok::Ident(s) if s.eq_ignore_ascii_case(word))
}

const KEYWORDS: [&str; 8] = [
    "and", "or", "not", "in", "between", "contains", "is", "null",
];

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|t| &t.0)
    }

    fn peek_is(&self, word: &str) -> bool {
        self.peek().is_some_and(|t| keyword(t, word))
    }

    fn bump(&mut self) -> Option<(Tok, Span)> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    /// The error for wanting `want` at the current token (or at the end).
    fn want(&self, want: Want) -> RuleError {
        match self.toks.get(self.at) {
            Some((tok, span)) => RuleError::Expected {
                want,
                found: tok.shown(),
                span: *span,
            },
            None => RuleError::Unfinished {
                want,
                after: self.toks.last().map(|t| t.0.shown()).unwrap_or_default(),
                span: Span {
                    start: self.len,
                    end: self.len,
                },
            },
        }
    }

    fn or(&mut self) -> Result<Expr, RuleError> {
        let mut left = self.and()?;
        while self.peek_is("or") {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, RuleError> {
        let mut left = self.not()?;
        while self.peek_is("and") {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, RuleError> {
        if self.peek_is("not") {
            self.at += 1;
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.test()
    }

    fn value(&mut self) -> Result<Value, RuleError> {
        match self.toks.get(self.at).cloned() {
            Some((Tok::Number(n), span)) => {
                self.at += 1;
                Ok(Value {
                    lit: Lit::Number(n),
                    span,
                })
            }
            Some((Tok::Offset(d), span)) => {
                self.at += 1;
                Ok(Value {
                    lit: Lit::Offset(d),
                    span,
                })
            }
            Some((Tok::Text(s), span)) => {
                self.at += 1;
                Ok(Value {
                    lit: Lit::Text(s),
                    span,
                })
            }
            _ => Err(self.want(Want::Value)),
        }
    }

    fn list(&mut self) -> Result<Vec<Value>, RuleError> {
        if self.peek() != Some(&Tok::LBracket) {
            return Err(self.want(Want::List));
        }
        let open = self.toks[self.at].1;
        self.at += 1;
        let mut values = vec![self.value()?];
        while self.peek() == Some(&Tok::Comma) {
            self.at += 1;
            values.push(self.value()?);
        }
        if self.peek() != Some(&Tok::RBracket) {
            return Err(self.want(Want::Close {
                close: ']',
                at: open.start,
            }));
        }
        self.at += 1;
        Ok(values)
    }

    /// `in_audience ( "NAME" )`, at its first token.
    fn in_audience(&mut self, start: Span) -> Result<Expr, RuleError> {
        self.at += 1;
        let open = self.toks[self.at].1;
        self.at += 1;
        let value = self.value()?;
        let name = match value.lit {
            Lit::Text(name) => name,
            _ => {
                return Err(RuleError::Expected {
                    want: Want::Value,
                    found: "a number".into(),
                    span: value.span,
                })
            }
        };
        match self.toks.get(self.at) {
            Some((Tok::RParen, close)) => {
                let span = Span {
                    start: start.start,
                    end: close.end,
                };
                self.at += 1;
                Ok(Expr::InAudience { name, span })
            }
            _ => Err(self.want(Want::Close {
                close: ')',
                at: open.start,
            })),
        }
    }

    fn test(&mut self) -> Result<Expr, RuleError> {
        if self.peek() == Some(&Tok::LParen) {
            let open = self.toks[self.at].1;
            self.at += 1;
            let inner = self.or()?;
            if self.peek() != Some(&Tok::RParen) {
                return Err(self.want(Want::Close {
                    close: ')',
                    at: open.start,
                }));
            }
            self.at += 1;
            return Ok(inner);
        }
        if let (Some((Tok::Ident(word), start)), Some((Tok::LParen, _))) =
            (self.toks.get(self.at).cloned(), self.toks.get(self.at + 1))
        {
            if word.eq_ignore_ascii_case("in_audience") {
                return self.in_audience(start);
            }
        }
        let field = match self.toks.get(self.at).cloned() {
            Some((Tok::Ident(name), span))
                if !KEYWORDS.iter().any(|k| name.eq_ignore_ascii_case(k)) =>
            {
                self.at += 1;
                FieldName { name, span }
            }
            _ => return Err(self.want(Want::Field)),
        };
        match self.peek().cloned() {
            Some(Tok::Cmp(op)) => {
                self.at += 1;
                let value = self.value()?;
                Ok(Expr::Cmp {
                    field,
                    op: CmpOp::of(op),
                    value,
                })
            }
            Some(t) if keyword(&t, "in") => {
                self.at += 1;
                Ok(Expr::In {
                    field,
                    values: self.list()?,
                    negated: false,
                })
            }
            Some(t) if keyword(&t, "not") => {
                self.at += 1;
                if !self.peek_is("in") {
                    return Err(self.want(Want::In));
                }
                self.at += 1;
                Ok(Expr::In {
                    field,
                    values: self.list()?,
                    negated: true,
                })
            }
            Some(t) if keyword(&t, "between") => {
                self.at += 1;
                let low = self.value()?;
                if !self.peek_is("and") {
                    return Err(self.want(Want::And));
                }
                self.at += 1;
                let high = self.value()?;
                Ok(Expr::Between { field, low, high })
            }
            Some(t) if keyword(&t, "contains") => {
                self.at += 1;
                Ok(Expr::Contains {
                    field,
                    value: self.value()?,
                })
            }
            Some(t) if keyword(&t, "is") => {
                self.at += 1;
                let negated = self.peek_is("not");
                if negated {
                    self.at += 1;
                }
                if !self.peek_is("null") {
                    return Err(self.want(Want::Null));
                }
                self.at += 1;
                Ok(Expr::IsNull { field, negated })
            }
            _ => Err(self.want(Want::Operator)),
        }
    }
}

/// Parses `text` into a rule.
pub fn parse(text: &str) -> Result<Expr, RuleError> {
    let toks = tokens(text)?;
    if toks.is_empty() {
        return Err(RuleError::Empty);
    }
    let mut p = Parser {
        toks,
        at: 0,
        len: text.chars().count(),
    };
    let rule = p.or()?;
    if p.at < p.toks.len() {
        return Err(p.want(Want::End));
    }
    let _ = p.bump();
    Ok(rule)
}
