//! Flags from a parameter type's JSON schema (schemars): one `--kebab-case` flag per field,
//! its help the field's doc comment and default, its values checked by type. Only the flags
//! given are sent (the defaults live in Rust, in the type's `Default`).

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches};
use serde_json::{Map, Value};

/// What a flag takes.
#[derive(Debug, Clone, PartialEq)]
enum Takes {
    Integer,
    Number,
    Text,
    Bool,
    /// One of these values.
    Choice(Vec<String>),
    /// Repeatable, each a text.
    List,
}

/// A flag made from one field of a schema.
#[derive(Debug, Clone)]
pub struct Flag {
    /// Field name (`snapshot_date`).
    pub field: String,
    /// Flag name (`snapshot-date`).
    pub long: String,
    takes: Takes,
    help: String,
}

/// The schema `value` refers to (`$ref` into `$defs`), or itself.
fn resolve<'a>(value: &'a Value, root: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| root.get("$defs")?.get(name))
            .unwrap_or(value),
        None => value,
    }
}

/// The string values of an enum schema, if it is one.
fn choices(schema: &Value) -> Option<Vec<String>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Some(
            values
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
        );
    }
    let alternatives = schema.get("oneOf").and_then(Value::as_array)?;
    let mut out = Vec::new();
    for a in alternatives {
        match (a.get("const"), a.get("enum")) {
            (Some(Value::String(s)), _) => out.push(s.clone()),
            (_, Some(Value::Array(values))) => {
                out.extend(values.iter().filter_map(|v| v.as_str().map(String::from)))
            }
            _ => return None,
        }
    }
    Some(out)
}

fn takes(field: &Value, root: &Value) -> Takes {
    let field = resolve(field, root);
    if let Some(c) = choices(field) {
        return Takes::Choice(c);
    }
    // Option<T>: `anyOf: [T, null]`
    if let Some(any) = field.get("anyOf").and_then(Value::as_array) {
        if let Some(inner) = any
            .iter()
            .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
        {
            return takes(inner, root);
        }
    }
    let types: Vec<&str> = match field.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    match types.iter().find(|t| **t != "null") {
        Some(&"integer") => Takes::Integer,
        Some(&"number") => Takes::Number,
        Some(&"boolean") => Takes::Bool,
        Some(&"array") => Takes::List,
        _ => Takes::Text,
    }
}

/// The flags of every field of `schema` (an object schema), in field order.
pub fn flags(schema: &schemars::Schema) -> Vec<Flag> {
    let root = schema.as_value();
    let Some(props) = root.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(field, spec)| {
            let doc = spec
                .get("description")
                .or_else(|| resolve(spec, root).get("description"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .replace('\n', " ");
            let default = match spec.get("default") {
                None | Some(Value::Null) => String::new(),
                Some(Value::Array(a)) if a.is_empty() => String::new(),
                Some(Value::String(s)) => format!(" [default: {s}]"),
                Some(v) => format!(" [default: {v}]"),
            };
            Flag {
                field: field.clone(),
                long: field.replace('_', "-"),
                takes: takes(spec, root),
                help: format!("{doc}{default}"),
            }
        })
        .collect()
}

impl Flag {
    /// The clap argument.
    pub fn arg(&self) -> Arg {
        let arg = Arg::new(self.field.clone())
            .long(self.long.clone())
            .help(self.help.clone());
        match &self.takes {
            Takes::Integer => arg.value_name("N").value_parser(clap::value_parser!(i64)),
            Takes::Number => arg.value_name("X").value_parser(clap::value_parser!(f64)),
            // `--evaluate` alone is `--evaluate true`
            Takes::Bool => arg
                .value_name("BOOL")
                .num_args(0..=1)
                .default_missing_value("true")
                .value_parser(clap::value_parser!(bool)),
            Takes::Choice(c) => arg
                .value_name("VALUE")
                .value_parser(PossibleValuesParser::new(c.clone())),
            Takes::List => arg
                .value_name("VALUE")
                .action(ArgAction::Append)
                .help(format!(
                    "{} (repeatable; @FILE: the first cell of each of its lines)",
                    self.help
                )),
            Takes::Text => arg.value_name(self.field.to_uppercase()),
        }
    }

    /// The value given on the command line, as JSON; `None` when the flag was not given; an
    /// error when a list's `@FILE` cannot be read (by `read`: the core reads no file itself).
    pub fn value(&self, m: &ArgMatches, read: &ReadFile<'_>) -> Result<Option<Value>, String> {
        let id = self.field.as_str();
        Ok(match &self.takes {
            Takes::Integer => m.get_one::<i64>(id).map(|v| Value::from(*v)),
            Takes::Number => m.get_one::<f64>(id).map(|v| Value::from(*v)),
            Takes::Bool => m.get_one::<bool>(id).map(|v| Value::from(*v)),
            // each value one item; a JSON object or array is taken as JSON (a list of
            // records: `--rules '{"name": "VIP", "rule": "orders >= 3"}'`); `@FILE` is the
            // first cell of each line of the file (an in-stock list: `--in-stock @stock.csv`)
            Takes::List => match m.get_many::<String>(id) {
                None => None,
                Some(vs) => {
                    let mut items = Vec::new();
                    for v in vs {
                        if let Some(path) = v.strip_prefix('@') {
                            let text = read(path)
                                .map_err(|e| format!("--{}: cannot read {path}: {e}", self.long))?;
                            items.extend(first_cells(&text).map(Value::from));
                            continue;
                        }
                        match serde_json::from_str::<Value>(v) {
                            Ok(Value::Array(a)) if v.trim_start().starts_with('[') => {
                                items.extend(a)
                            }
                            Ok(o @ Value::Object(_)) => items.push(o),
                            _ => items.push(Value::from(v.as_str())),
                        }
                    }
                    Some(Value::Array(items))
                }
            },
            Takes::Choice(_) | Takes::Text => {
                m.get_one::<String>(id).map(|v| Value::from(v.as_str()))
            }
        })
    }
}

/// The first cell of each non-empty line of `text` (split at a comma, semicolon or tab,
/// quotes removed), each once, in file order — as the page reads an in-stock file.
pub fn first_cells(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut seen = std::collections::HashSet::new();
    text.trim_start_matches('\u{feff}')
        .lines()
        .filter_map(|line| {
            let first = line.split([',', ';', '\t']).next()?.trim();
            let first = first
                .strip_prefix('"')
                .and_then(|f| f.strip_suffix('"'))
                .unwrap_or(first)
                .trim();
            (!first.is_empty()).then(|| first.to_string())
        })
        .filter(move |f| seen.insert(f.clone()))
}

/// Reads a file a flag names (`@FILE`) as text, or says why it cannot.
pub type ReadFile<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

/// The object of every flag of `flags` given in `m`.
pub fn object(flags: &[Flag], m: &ArgMatches, read: &ReadFile<'_>) -> Result<Value, String> {
    let mut map = Map::new();
    for f in flags {
        if let Some(v) = f.value(m, read)? {
            map.insert(f.field.clone(), v);
        }
    }
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three kinds of field and their docs.
    #[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema, Default)]
    #[serde(default)]
    struct Example {
        /// How many.
        count: u8,
        /// When, if at all.
        day: Option<String>,
        /// Which ones.
        names: Vec<String>,
        /// The order.
        order: Option<crate::ingest::DateOrder>,
    }

    #[test]
    fn fields_become_kebab_case_flags_with_docs_defaults_and_types() {
        let f = flags(&schemars::schema_for!(Example));
        let summary: Vec<(&str, &Takes, &str)> = f
            .iter()
            .map(|f| (f.long.as_str(), &f.takes, f.help.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("count", &Takes::Integer, "How many. [default: 0]"),
                ("day", &Takes::Text, "When, if at all."),
                ("names", &Takes::List, "Which ones."),
                (
                    "order",
                    &Takes::Choice(vec!["day_first".into(), "month_first".into()]),
                    "The order."
                ),
            ]
        );
    }

    #[test]
    fn only_given_flags_are_sent() {
        let f = flags(&schemars::schema_for!(Example));
        let cmd = clap::Command::new("t").args(f.iter().map(Flag::arg));
        let m = cmd
            .try_get_matches_from(["t", "--count", "3", "--names", "a", "--names", "b"])
            .expect("parses");
        assert_eq!(
            object(&f, &m, &|_| Err("no files".into())).unwrap(),
            serde_json::json!({ "count": 3, "names": ["a", "b"] })
        );
    }

    #[test]
    fn a_list_reads_a_file_of_first_cells_and_a_missing_file_is_an_error() {
        let dir = std::env::temp_dir().join(format!("portrait-flags-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("stock.csv");
        std::fs::write(
            &path,
            "\u{feff}product_id,stock\n\"85123A\",3\n22423;1\n\n85123A,4\r\n",
        )
        .unwrap();
        let f = flags(&schemars::schema_for!(Example));
        let cmd = clap::Command::new("t").args(f.iter().map(Flag::arg));
        let at = format!("@{}", path.display());
        let m = cmd
            .clone()
            .try_get_matches_from(["t", "--names", "x", "--names", at.as_str()])
            .unwrap();
        let read = |p: &str| std::fs::read_to_string(p).map_err(|e| e.to_string());
        assert_eq!(
            object(&f, &m, &read).unwrap(),
            serde_json::json!({ "names": ["x", "product_id", "85123A", "22423"] })
        );
        let m = cmd
            .try_get_matches_from(["t", "--names", "@/no/such/file"])
            .unwrap();
        assert!(object(&f, &m, &read)
            .unwrap_err()
            .starts_with("--names: cannot read /no/such/file"));
        std::fs::remove_dir_all(dir).ok();
    }
}
