//! The TypeScript the page is typed with, generated from the Rust types (ts-rs) and the
//! registry, so no type, kind, column, message or default is copied by hand into `www/`.
//! `tests/generated_types.rs` fails when the committed files under `www/api/generated/` differ
//! from what this writes (`make types` rewrites them).
//!
//! Files: `types.ts` (every type that crosses the worker boundary), `analyses.ts` (per kind:
//! its parameters, output and customer columns, and the columns' kinds at run time),
//! `messages.ts` (the English wording of every core code), `defaults.ts` (every default) and
//! `contract.ts` (the data contract's fields).

pub mod types;

pub use types::Types;

use crate::analysis::Entry;
use std::collections::BTreeMap;
use std::fmt::Write;

const HEADER: &str =
    "// Generated from the Rust types by `make types` (src/typegen/). Do not edit:\n\
                      // tests/generated_types.rs fails when this file is stale.\n";

/// Every file under `www/api/generated/`, as (file name, contents), for `entries`.
pub fn generate(entries: &[&'static dyn Entry]) -> Vec<(String, String)> {
    vec![
        ("types.ts".to_string(), types(entries)),
        ("analyses.ts".to_string(), analyses(entries)),
        ("messages.ts".to_string(), messages()),
        ("defaults.ts".to_string(), defaults(entries)),
        ("contract.ts".to_string(), contract()),
    ]
}

/// The tables' schemas (fields, what they hold, what is required), for the mapping panel.
fn contract() -> String {
    use crate::ingest::TableKind;
    let mut out = String::from(HEADER);
    out.push_str("import type { Field, PlatformChoice, Requirement, TableKind, ValueKind } from './types';\n\n");
    out.push_str("/** Each table of the data contract: its fields in contract order, what each holds, what a file must map. */\n");
    out.push_str("export const SCHEMAS = {\n");
    for table in TableKind::ALL {
        let schema = table.schema();
        let fields: Vec<String> = schema
            .fields
            .iter()
            .map(|s| {
                format!(
                    "{{ field: {:?}, value: {} }}",
                    s.field.name(),
                    serde_json::to_string(&s.value).unwrap_or_default()
                )
            })
            .collect();
        let required = serde_json::to_string(schema.required).unwrap_or_default();
        let stand_in = serde_json::to_string(schema.stand_in).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}: {{\n    fields: [\n      {},\n    ] as {{ field: Field; value: ValueKind }}[],\n    required: {required} as Requirement[],\n    stand_in: {stand_in} as Field[],\n  }},",
            serde_json::to_string(&table).unwrap_or_default().trim_matches('"'),
            fields.join(",\n      ")
        );
    }
    out.push_str("} satisfies Record<TableKind, unknown>;\n\n/** Every field of the orders table, in contract order. */\nexport const FIELDS: readonly Field[] = SCHEMAS.orders.fields.map((f) => f.field);\n");
    let platforms =
        serde_json::to_string_pretty(&crate::ingest::platforms::choices()).unwrap_or_default();
    let _ = writeln!(
        out,
        "\n/** The platform exports a file can be read as (`FileOptions.platform`; `none`: no platform). */\nexport const PLATFORMS: PlatformChoice[] = {platforms};"
    );
    out
}

fn types(entries: &[&'static dyn Entry]) -> String {
    let mut t = Types::default();
    t.add::<crate::error::WireError>();
    t.add::<crate::message::Message>();
    t.add::<crate::ingest::FileInspection>();
    t.add::<crate::ingest::PlatformChoice>();
    t.add::<crate::ingest::IngestOptions>();
    t.add::<crate::ingest::SplitPlan>();
    t.add::<crate::ingest::Step>();
    t.add::<crate::session::IngestSummary>();
    t.add::<crate::session::ExportRequest>();
    t.add::<crate::dataset::DataFilter>();
    t.add::<crate::table::TableQuery>();
    t.add::<crate::table::TablePage>();
    t.add::<crate::table::ColumnSpec>();
    t.add::<crate::analysis::Work>();
    t.add::<crate::sample::SampleParams>();
    t.add::<crate::ingest::TableKind>();
    t.add::<crate::ingest::Requirement>();
    t.add::<crate::ingest::ValueKind>();
    t.add::<crate::ingest::SplitHead>();
    t.add::<crate::ingest::SplitTail>();
    for e in entries {
        e.visit_types(&mut t);
    }
    let mut out = String::from(HEADER);
    for decl in t.decls().values() {
        out.push('\n');
        out.push_str(decl);
    }
    out
}

/// The TypeScript type of one column's values.
fn column_type(kind: &crate::table::ColumnKind) -> String {
    match kind {
        crate::table::ColumnKind::Code { names } => {
            let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
            quoted.join(" | ")
        }
        _ => "number".to_string(),
    }
}

fn analyses(entries: &[&'static dyn Entry]) -> String {
    let mut names: Vec<String> = entries
        .iter()
        .flat_map(|e| {
            let (p, o) = e.type_names();
            [p, o]
        })
        .collect();
    names.push("ColumnSpec".to_string());
    names.push("TableKind".to_string());
    names.sort();
    names.dedup();
    let mut out = String::from(HEADER);
    let _ = writeln!(
        out,
        "import type {{ {} }} from './types';\n",
        names.join(", ")
    );
    out.push_str("/** Every analysis by kind: its parameters, its output and the customer columns it adds. */\n");
    out.push_str("export interface Analyses {\n");
    for e in entries {
        let (params, output) = e.type_names();
        let _ = writeln!(out, "  {}: {{", e.kind());
        let _ = writeln!(out, "    params: {params};");
        let _ = writeln!(out, "    output: {output};");
        out.push_str("    columns: {");
        for c in e.columns() {
            let _ = write!(out, " {}: {};", c.name, column_type(&c.kind));
        }
        out.push_str(" };\n  };\n");
    }
    out.push_str("}\n\n/** A kind of analysis. */\nexport type AnalysisKind = keyof Analyses;\n\n");
    out.push_str("/** Every analysis at run time: the tables it needs, whether the report holds it, its columns. */\n");
    out.push_str("export const ANALYSES = {\n");
    for e in entries {
        let needs: Vec<String> = e
            .needs()
            .iter()
            .map(|t| serde_json::to_string(t).unwrap_or_default())
            .collect();
        let columns = serde_json::to_string(e.columns()).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}: {{ needs: [{}] as TableKind[], in_report: {}, columns: {} as ColumnSpec[] }},",
            e.kind(),
            needs.join(", "),
            e.in_report(),
            columns
        );
    }
    out.push_str("} as const;\n");
    out
}

fn messages() -> String {
    let mut out = String::from(HEADER);
    out.push_str("/** The English wording of every code the core sends (`src/message.rs` and the analyses' own). */\n");
    out.push_str("export const CORE_EN = {\n");
    for (code, template) in crate::analysis::registry::all_english() {
        let _ = writeln!(
            out,
            "  {}: {},",
            serde_json::to_string(code).unwrap_or_default(),
            serde_json::to_string(template).unwrap_or_default()
        );
    }
    out.push_str("} as const;\n\n/** A code the core sends. */\nexport type CoreCode = keyof typeof CORE_EN;\n");
    out
}

/// Every default the page needs, from the Rust types that own them.
#[derive(serde::Serialize)]
struct Defaults {
    sample: crate::sample::SampleParams,
    split_min_bytes: u64,
    split_window_bytes: usize,
    table_max_rows: usize,
    table_page_rows: usize,
    analyses: BTreeMap<&'static str, serde_json::Value>,
    /// Per analysis, the inclusive range of each numeric parameter that has one.
    limits: BTreeMap<&'static str, BTreeMap<&'static str, [i64; 2]>>,
}

fn defaults(entries: &[&'static dyn Entry]) -> String {
    let d = Defaults {
        sample: crate::sample::SampleParams::default(),
        split_min_bytes: crate::ingest::SPLIT_MIN_BYTES,
        split_window_bytes: crate::ingest::SPLIT_WINDOW_BYTES,
        table_max_rows: crate::table::MAX_PAGE_ROWS,
        table_page_rows: crate::table::VIEW_PAGE_ROWS,
        analyses: entries.iter().map(|e| (e.kind(), e.defaults())).collect(),
        limits: entries
            .iter()
            .filter(|e| !e.limits().is_empty())
            .map(|e| {
                let ranges = e.limits().iter().map(|&(p, lo, hi)| (p, [lo, hi]));
                (e.kind(), ranges.collect())
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&d).unwrap_or_default();
    format!("{HEADER}/** Every default, as Rust holds it. */\nexport const DEFAULTS = {json} as const;\n")
}
