//! The audience through the door: kind `audience` (`portrait audience FILE --where EXPR
//! --columns a,b --out audience.csv|.xlsx`); its download is the members with the columns
//! picked, under a summary line.

use super::algorithm::{audience, Audience, AudienceSummary};
use super::messages::MESSAGES;
use super::params::{AudienceParams, AudienceValidParams};
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::Sheet;
use std::fmt::Write;

/// The customers a rule keeps, built from segments, stages, tags, clusters and features.
pub struct AudienceAnalysis;

impl Analysis for AudienceAnalysis {
    const KIND: &'static str = "audience";
    const ABOUT: &'static str = "The customers a rule keeps (RFM segments, lifecycle stages, tags, clusters, features, saved audiences), their share of customers and revenue, and their download with the columns picked.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const MESSAGES: Catalogue = MESSAGES;

    type Params = AudienceParams;
    type Model = Audience;
    type Output = AudienceSummary;

    fn fit(cx: &mut Context<'_>, params: &AudienceValidParams) -> Result<Fit<Audience>, Error> {
        Ok(Fit::Done(audience(cx, params)?))
    }

    fn output(model: &Audience, _cx: &Context<'_>) -> AudienceSummary {
        model.summary.clone()
    }

    fn text(s: &AudienceSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let rule = if s.rule.is_empty() {
            "(every customer)"
        } else {
            &s.rule
        };
        let _ = writeln!(o, "Audience: {rule}");
        let _ = writeln!(
            o,
            "  {} of {} customers ({:.1}%), revenue {} of {} ({:.1}%)",
            s.customers,
            s.of_customers,
            s.customer_share * 100.0,
            money(s.revenue_cents as f64, sym),
            money(s.of_revenue_cents as f64, sym),
            s.revenue_share * 100.0
        );
        for c in &s.compared {
            let _ = writeln!(o, "  {:<30} {:>9}", c.sets.join(""), c.customers);
        }
        if !s.overlap.is_empty() {
            let _ = writeln!(o, "  overlap (in exactly these audiences):");
            for c in &s.overlap {
                let _ = writeln!(o, "    {:<40} {:>9}", c.sets.join(" ∩ "), c.customers);
            }
        }
        o
    }

    fn sheet(model: &Audience, cx: &Context<'_>, sheet: &mut dyn Sheet) -> bool {
        model.write(&cx.data.customers, sheet).is_ok()
    }
}
