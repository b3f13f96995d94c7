//! `LineAttribute`: a text attribute of every order line — its category or its brand — read
//! from the order file's own column, or, when the orders have none, from the product
//! catalogue joined on `product_id` (DESIGN.md's data contract: a catalogue's 类目 and 品牌
//! describe the products the orders name). The profile and the customer card read brands
//! and categories through it, so a shop whose order export lists only product codes still
//! gets its customers' brand and category preferences from its catalogue.

use crate::dataset::{Dimension, Interner, OrderLines, NONE};
use crate::ingest::columns::Field;
use crate::ingest::side::Tables;

/// Where a line's value comes from.
enum Source<'a> {
    /// The order file's column: per line, a code into the attribute's names.
    Lines(&'a [u32]),
    /// The catalogue's: per product of the orders, a code (`NONE`: not in the catalogue).
    Products(Vec<u32>),
    /// Neither has it.
    Absent,
}

/// One text attribute of every order line.
pub struct LineAttribute<'a> {
    /// The distinct values.
    pub names: Interner,
    source: Source<'a>,
}

impl<'a> LineAttribute<'a> {
    /// `dimension` of the lines, else `field` of the product catalogue in `tables` matched
    /// on the product id (the first catalogue row of a product wins, as in the catalogue).
    pub fn of(
        lines: &'a OrderLines,
        tables: &Tables,
        dimension: Dimension,
        field: Field,
    ) -> LineAttribute<'a> {
        if let Some(col) = lines.dimension(dimension) {
            return LineAttribute {
                names: col.values.clone(),
                source: Source::Lines(&col.per_line),
            };
        }
        let catalogue = tables.products.as_ref().and_then(|t| {
            let ids = t.text(Field::ProductId)?;
            let values = t.text(field)?;
            Some((ids, values))
        });
        let Some((ids, values)) = catalogue else {
            return LineAttribute {
                names: Interner::new(),
                source: Source::Absent,
            };
        };
        let mut names = Interner::new();
        let mut per_product = vec![NONE; lines.product_ids.len()];
        for row in 0..ids.codes.len() {
            let (Some(id), Some(value)) = (ids.get(row), values.get(row)) else {
                continue;
            };
            if let Some(p) = lines.product_ids.get(id) {
                let slot = &mut per_product[p as usize];
                if *slot == NONE {
                    *slot = names.intern(value);
                }
            }
        }
        LineAttribute {
            names,
            source: Source::Products(per_product),
        }
    }

    /// True when neither the lines nor the catalogue give the attribute.
    pub fn is_absent(&self) -> bool {
        matches!(self.source, Source::Absent)
    }

    /// Line `i`'s value, or `NONE`.
    pub fn at(&self, lines: &OrderLines, i: usize) -> u32 {
        match &self.source {
            Source::Lines(per_line) => per_line[i],
            Source::Products(per_product) => match lines.product[i] {
                NONE => NONE,
                p => per_product[p as usize],
            },
            Source::Absent => NONE,
        }
    }
}
