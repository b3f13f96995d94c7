//! The tags through the door: kind `tags`, one customer column (`tags`, every tag a customer
//! carries), the tags with their rules and counts as output.

use super::algorithm::{tags, Tags, TagsSummary};
use super::messages::MESSAGES;
use super::params::{TagsParams, TagsValidParams};
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// Every customer's tags: the built-in families and the merchant's rule tags.
pub struct TagsAnalysis;

impl Analysis for TagsAnalysis {
    const KIND: &'static str = "tags";
    const ABOUT: &'static str =
        "The tag system: built-in tag families (value, consumption, lifecycle, preference, behaviour, risk) and rule tags, with every rule and count.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[ColumnSpec {
        name: "tags",
        kind: ColumnKind::Text,
        doc: "Every tag the customer carries, comma-separated (a valued rule tag as name:value).",
        zh: "标签",
    }];
    const MESSAGES: Catalogue = MESSAGES;

    type Params = TagsParams;
    type Model = Tags;
    type Output = TagsSummary;

    fn fit(cx: &mut Context<'_>, params: &TagsValidParams) -> Result<Fit<Tags>, Error> {
        Ok(Fit::Done(tags(cx, params)?))
    }

    fn output(m: &Tags, _cx: &Context<'_>) -> TagsSummary {
        TagsSummary {
            customers: m.per_customer.len(),
            tags: m.stats.clone(),
        }
    }

    fn columns(m: &Tags) -> Vec<Values<'_>> {
        vec![Values::Text(&m.per_customer, &m.texts)]
    }

    fn text(s: &TagsSummary, _cx: &Context<'_>) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "Tags ({} customers)", s.customers);
        let mut family = "";
        for t in &s.tags {
            if t.family != family {
                family = &t.family;
                let _ = writeln!(o, "  {family}");
            }
            // a built-in tag by its English name (the JSON keeps the code); a rule tag by
            // the name the merchant gave it
            let code = format!("tags.tag.{}", t.tag);
            let worded = MESSAGES.iter().find(|(c, _)| *c == code).map(|(_, e)| *e);
            let tag = match worded {
                Some(english) if t.family != "rule" => english,
                _ => t.tag.as_str(),
            };
            let name = match &t.value {
                Some(v) => format!("{tag}: {v}"),
                None => tag.to_string(),
            };
            let _ = writeln!(
                o,
                "    {:<22} {:>8} {:>6.1}% {:>6.1}% of revenue   {}",
                name,
                t.customers,
                t.share * 100.0,
                t.revenue_share * 100.0,
                t.rule
            );
        }
        o
    }
}
