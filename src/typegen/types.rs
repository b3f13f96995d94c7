//! `Types`: the TypeScript declarations of a set of root types and of every type they name.
//! Its own module (below the analyses) so each analysis can add its parameter and output
//! types (`Entry::visit_types`) without the analyses importing the generator.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use ts_rs::{TypeVisitor, TS};

/// TypeScript declarations collected from root types and everything they name.
#[derive(Default)]
pub struct Types {
    decls: BTreeMap<String, String>,
    seen: HashSet<TypeId>,
}

impl TypeVisitor for Types {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_some() {
            self.add::<T>();
        }
    }
}

impl Types {
    /// Adds `T` and, recursively, the types it names.
    pub fn add<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let docs = T::docs().unwrap_or_default();
        // 64-bit integers cross as JS numbers (the wasm layer serialises json-compatible and
        // every count fits in 2^53), so ts-rs's `bigint` is written `number`.
        let decl = T::decl().replace("bigint", "number");
        self.decls
            .insert(T::name(), format!("{docs}export {decl}\n"));
        T::visit_dependencies(self);
    }
}

impl Types {
    /// The declarations, by type name.
    pub fn decls(&self) -> &BTreeMap<String, String> {
        &self.decls
    }
}
