//! Rule text into tokens, each with the character span it came from (errors point at it).

use super::RuleError;

/// A token's place in the rule: character offsets `start..end` (0-based; messages say
/// 1-based columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A field name: letters, digits, `_` and `.` (`rfm.segment`), or Chinese (`订单数`).
    Ident(String),
    /// A number as written (`5000`, `0.3`, `-2`); `30%` is 0.3.
    Number(f64),
    /// Days relative to the data's last day (`-90d`, `+7d`).
    Offset(i64),
    /// A quoted text.
    Text(String),
    /// `==`, `!=`, `<`, `<=`, `>`, `>=` (also `=`, `<>`).
    Cmp(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

impl Tok {
    /// How the token reads in a message.
    pub fn shown(&self) -> String {
        match self {
            Tok::Ident(s) => s.clone(),
            Tok::Number(n) => n.to_string(),
            Tok::Offset(d) => format!("{d:+}d"),
            Tok::Text(s) => format!("\"{s}\""),
            Tok::Cmp(op) => op.to_string(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::LBracket => "[".into(),
            Tok::RBracket => "]".into(),
            Tok::Comma => ",".into(),
        }
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The tokens of `text`, or the first character no token can start at.
pub fn tokens(text: &str) -> Result<Vec<(Tok, Span)>, RuleError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let span = |end: usize| Span { start, end };
        let next = chars.get(i + 1).copied();
        let tok = match c {
            '(' | '（' => {
                i += 1;
                Tok::LParen
            }
            ')' | '）' => {
                i += 1;
                Tok::RParen
            }
            '[' => {
                i += 1;
                Tok::LBracket
            }
            ']' => {
                i += 1;
                Tok::RBracket
            }
            ',' | '，' => {
                i += 1;
                Tok::Comma
            }
            '=' => {
                i += if next == Some('=') { 2 } else { 1 };
                Tok::Cmp("==")
            }
            '!' if next == Some('=') => {
                i += 2;
                Tok::Cmp("!=")
            }
            '<' => match next {
                Some('=') => {
                    i += 2;
                    Tok::Cmp("<=")
                }
                Some('>') => {
                    i += 2;
                    Tok::Cmp("!=")
                }
                _ => {
                    i += 1;
                    Tok::Cmp("<")
                }
            },
            '>' => {
                if next == Some('=') {
                    i += 2;
                    Tok::Cmp(">=")
                } else {
                    i += 1;
                    Tok::Cmp(">")
                }
            }
            '"' | '\'' | '“' | '‘' => {
                let close = match c {
                    '“' => '”',
                    '‘' => '’',
                    q => q,
                };
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(RuleError::UnclosedText { span: span(i) }),
                        Some(&q) if q == close => {
                            i += 1;
                            break;
                        }
                        Some('\\') if chars.get(i + 1).is_some() => {
                            s.push(chars[i + 1]);
                            i += 2;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                Tok::Text(s)
            }
            c if c.is_ascii_digit()
                || ((c == '-' || c == '+' || c == '.')
                    && next.is_some_and(|n| n.is_ascii_digit())) =>
            {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                let written: String = chars[i..j].iter().collect();
                match chars.get(j) {
                    Some('d') if !chars.get(j + 1).copied().is_some_and(is_ident_char) => {
                        let days = written.parse::<i64>().map_err(|_| RuleError::BadNumber {
                            text: format!("{written}d"),
                            span: span(j + 1),
                        })?;
                        i = j + 1;
                        Tok::Offset(days)
                    }
                    Some('%') => {
                        let n = written.parse::<f64>().map_err(|_| RuleError::BadNumber {
                            text: format!("{written}%"),
                            span: span(j + 1),
                        })?;
                        i = j + 1;
                        Tok::Number(n / 100.0)
                    }
                    _ => {
                        let n = written.parse::<f64>().map_err(|_| RuleError::BadNumber {
                            text: written.clone(),
                            span: span(j),
                        })?;
                        i = j;
                        Tok::Number(n)
                    }
                }
            }
            c if is_ident_char(c) => {
                let mut j = i + 1;
                while j < chars.len() && is_ident_char(chars[j]) {
                    j += 1;
                }
                let word: String = chars[i..j].iter().collect();
                i = j;
                Tok::Ident(word)
            }
            other => {
                return Err(RuleError::Unexpected {
                    found: other.to_string(),
                    expected: "a field, a value or an operator",
                    span: span(i + 1),
                })
            }
        };
        out.push((tok, span(i)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokens(text)
            .expect("tokens")
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    #[test]
    fn words_numbers_offsets_texts_and_operators() {
        assert_eq!(
            kinds("订单数 >= 3 and last_order_date < -90d or rate<=30% and x == \"上海\""),
            vec![
                Tok::Ident("订单数".into()),
                Tok::Cmp(">="),
                Tok::Number(3.0),
                Tok::Ident("and".into()),
                Tok::Ident("last_order_date".into()),
                Tok::Cmp("<"),
                Tok::Offset(-90),
                Tok::Ident("or".into()),
                Tok::Ident("rate".into()),
                Tok::Cmp("<="),
                Tok::Number(0.3),
                Tok::Ident("and".into()),
                Tok::Ident("x".into()),
                Tok::Cmp("=="),
                Tok::Text("上海".into()),
            ]
        );
        assert_eq!(
            kinds("a in [“杭州”, 'x\\'y']"),
            vec![
                Tok::Ident("a".into()),
                Tok::Ident("in".into()),
                Tok::LBracket,
                Tok::Text("杭州".into()),
                Tok::Comma,
                Tok::Text("x'y".into()),
                Tok::RBracket,
            ]
        );
    }

    #[test]
    fn spans_are_character_offsets() {
        let t = tokens("城市 == \"上海\"").expect("tokens");
        assert_eq!(t[0].1, Span { start: 0, end: 2 });
        assert_eq!(t[2].1, Span { start: 6, end: 10 });
    }

    #[test]
    fn an_unclosed_text_is_located() {
        assert_eq!(
            tokens("city == \"上海").expect_err("unclosed"),
            RuleError::UnclosedText {
                span: Span { start: 8, end: 11 }
            }
        );
    }
}
