//! The one list of the data contract's tables: which schema each table kind reads with.
//! A new table kind is a schema of its own (beside `orders::ORDERS`) and one line here.

use super::orders::ORDERS;
use super::schema::{Schema, TableKind};

impl TableKind {
    /// Every table kind, in contract order.
    pub const ALL: [TableKind; 1] = [TableKind::Orders];

    /// The schema files of this table are read with.
    pub fn schema(self) -> &'static Schema {
        match self {
            TableKind::Orders => &ORDERS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::columns::normalize_header;

    #[test]
    fn synonyms_are_normalised_and_belong_to_one_field_only() {
        for table in TableKind::ALL {
            let mut seen = std::collections::HashMap::new();
            for spec in table.schema().fields {
                for s in spec.synonyms {
                    assert_eq!(normalize_header(s), *s, "synonym {s} is not normalised");
                    if let Some(other) = seen.insert(*s, spec.field) {
                        panic!("{s} is a synonym of both {other:?} and {:?}", spec.field);
                    }
                }
            }
        }
    }

    #[test]
    fn every_required_field_is_a_field_of_the_table() {
        for table in TableKind::ALL {
            let schema = table.schema();
            assert_eq!(schema.table, table);
            for r in schema.required {
                assert!(schema.spec(r.reported).is_some());
                assert!(r.any_of.iter().all(|f| schema.spec(*f).is_some()));
            }
        }
    }
}
