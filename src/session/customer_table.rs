//! The customer table of the loaded data: one page of it for a `TableQuery` — its columns
//! from the models the page last ran, its rule compiled against every analysis's columns.

use super::Session;
use crate::analysis::{registry, Context, Entry};
use crate::error::Error;
use crate::rules;
use crate::table::{self, Resolved, TablePage, TableQuery};
use std::sync::Arc;

impl Session {
    /// One page of the customer table. Columns come from the models the page last ran (or
    /// with default parameters); the order of a sort column is kept, so paging and searching
    /// only filter and slice.
    pub fn table(&mut self, query: &TableQuery) -> Result<TablePage, Error> {
        let l = self.loaded()?;
        let rule = match query.rule.trim() {
            "" => None,
            text => Some(
                rules::compile_with(text, &Context::rule_catalogue(), &query.audiences)
                    .map_err(|e| Error::Refused(e.message()))?,
            ),
        };
        let named = query
            .columns
            .iter()
            .chain(query.filter.iter().map(|c| &c.column))
            .chain(query.sort.iter())
            .chain(rule.iter().flat_map(|r| r.columns.iter()));
        let searching = !query.search.trim().is_empty();
        // the search looks in the columns that identify a customer too (a masked phone)
        let searched: Vec<String> = registry::entries()
            .iter()
            .filter(|_| searching)
            .flat_map(|e| {
                e.searched()
                    .iter()
                    .map(move |name| format!("{}.{name}", e.kind()))
            })
            .collect();
        let mut models = Vec::new();
        for id in named.chain(searched.iter()) {
            let (kind, _) = id.split_once('.').unwrap_or((id, ""));
            if !models
                .iter()
                .any(|(e, _): &(&dyn Entry, _)| e.kind() == kind)
            {
                let entry = registry::find(kind).map_err(|_| table::unknown(id, &[]))?;
                models.push((entry, l.current(entry)?));
            }
        }
        let mut columns: Vec<Resolved<'_>> = Vec::new();
        for (entry, model) in &models {
            for (spec, values) in entry.columns().iter().zip(entry.values(model)?) {
                columns.push(Resolved {
                    id: format!("{}.{}", entry.kind(), spec.name),
                    spec: *spec,
                    values,
                });
            }
        }
        let data = l.filtered.as_ref().unwrap_or(&l.all);
        let n = data.n_customers();
        let key = match &query.sort {
            None => format!("customer_id {}", query.descending),
            Some(id) => {
                let (kind, _) = id.split_once('.').unwrap_or((id, ""));
                let model = models
                    .iter()
                    .find(|(e, _)| e.kind() == kind)
                    .map(|(_, m)| m);
                let at = model.map_or(0, |m| Arc::as_ptr(m) as *const () as usize);
                format!("{id} {} {at:x}", query.descending)
            }
        };
        if l.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let order = match &query.sort {
                None => table::id_order(n, query.descending),
                Some(id) => columns
                    .iter()
                    .find(|c| c.id == *id)
                    .ok_or_else(|| table::unknown(id, &columns))?
                    .order(query.descending),
            };
            l.order = Some((key, order));
        }
        let matching = match &rule {
            None => None,
            Some(rule) => {
                let values = rule
                    .values(|id| columns.iter().find(|c| c.id == id).map(|c| c.values))
                    .map_err(|id| table::unknown(&id, &columns))?;
                Some(rules::evaluate(
                    rule,
                    &values,
                    &data.customers,
                    data.last_day(),
                ))
            }
        };
        let order = l.order.as_ref().map_or(&[][..], |(_, o)| &o[..]);
        table::page(data, &columns, order, query, matching.as_deref(), &searched)
    }
}
