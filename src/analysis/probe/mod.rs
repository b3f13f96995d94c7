//! A test-only analysis, registered under `#[cfg(test)]` by the one line in `registry.rs`
//! that also declares this module. It exists to show that an analysis is a local change: it
//! has a stepped fit, a parameter rule with its own message code and a customer column, and
//! `tests.rs` reaches it through `Session::run`, the customer table, the CLI and the
//! generated TypeScript — with no other shared file touched.

use crate::analysis::{Analysis, Check, Coded, Context, Fit, Job, TableKind, Work};
use crate::error::Error;
use crate::message::Message;
use crate::table::{ColumnKind, ColumnSpec, Values};
use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;

/// Counts each customer's lines, a few customers per step.
pub struct Probe;

/// Parameters of the probe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProbeParams {
    /// Customers counted per step of the fit.
    pub per_step: u64,
    /// Each count is multiplied by this (at least 1).
    pub times: u32,
}

impl Default for ProbeParams {
    fn default() -> Self {
        ProbeParams {
            per_step: 2,
            times: 1,
        }
    }
}

/// The probe's one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimesError(u32);

impl Coded for TimesError {
    fn message(&self) -> Message {
        Message::new("probe.times").with("got", self.0)
    }
}

impl Check for ProbeParams {
    type Valid = ProbeParams;
    type Error = TimesError;
    fn check(&self) -> Result<ProbeParams, TimesError> {
        if self.times == 0 {
            return Err(TimesError(0));
        }
        Ok(self.clone())
    }
}

/// What the probe shows.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ProbeOutput {
    /// Customers counted.
    pub customers: u64,
    /// Σ of the counts.
    pub lines: u64,
}

/// The fitted probe: a count per customer.
pub struct ProbeModel {
    lines: Vec<u32>,
}

struct ProbeJob {
    params: ProbeParams,
    lines: Vec<u32>,
}

impl Job for ProbeJob {
    type Model = ProbeModel;

    fn step(&mut self, cx: &mut Context<'_>, budget: u64) -> Result<Option<ProbeModel>, Error> {
        let n = cx.data.n_customers();
        let todo = budget.min(self.params.per_step).max(1) as usize;
        for c in self.lines.len()..(self.lines.len() + todo).min(n) {
            self.lines
                .push(cx.data.customer_lines(c).len() as u32 * self.params.times);
        }
        Ok((self.lines.len() == n).then(|| ProbeModel {
            lines: std::mem::take(&mut self.lines),
        }))
    }

    fn work(&self) -> Work {
        Work::of(self.lines.len() as u64, self.lines.capacity() as u64)
    }
}

impl Analysis for Probe {
    const KIND: &'static str = "probe";
    const ABOUT: &'static str = "A test analysis: each customer's lines, counted in steps.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[ColumnSpec {
        name: "lines",
        kind: ColumnKind::Count,
        doc: "Lines of the customer, times `times`.",
        zh: "探针行数",
    }];
    const MESSAGES: &'static [(&'static str, &'static str)] =
        &[("probe.times", "times must be at least 1, got {got}")];

    type Params = ProbeParams;
    type Model = ProbeModel;
    type Output = ProbeOutput;

    fn fit(cx: &mut Context<'_>, params: &ProbeParams) -> Result<Fit<ProbeModel>, Error> {
        Ok(Fit::Job(Box::new(ProbeJob {
            params: params.clone(),
            lines: Vec::with_capacity(cx.data.n_customers()),
        })))
    }

    fn output(m: &ProbeModel, _cx: &Context<'_>) -> ProbeOutput {
        ProbeOutput {
            customers: m.lines.len() as u64,
            lines: m.lines.iter().map(|&l| u64::from(l)).sum(),
        }
    }

    fn columns(m: &ProbeModel) -> Vec<Values<'_>> {
        vec![Values::U32(&m.lines)]
    }

    fn text(o: &ProbeOutput, _cx: &Context<'_>) -> String {
        format!("Probe\n  customers {}\n  lines {}\n", o.customers, o.lines)
    }
}
