//! Fitted models, kept by (kind, parameters) so that an analysis fitted once is reused by the
//! page, the report, the customer table and other analyses (CLV reads RFM's summary;
//! audiences read tags). The session empties it whenever the data or the filter changes.

use std::any::Any;
use std::sync::Arc;

/// A fitted model, shared.
pub type Model = Arc<dyn Any + Send + Sync>;

/// One fitted model and what it was fitted with.
struct Fitted {
    kind: &'static str,
    /// The parameters, normalised (every default filled) as JSON text.
    key: String,
    model: Model,
}

/// Models kept per kind (the newest, and the one the table shows).
pub const MODELS_PER_KIND: usize = 8;

/// The session's fitted models. A handful at a time, so a list searched from the newest.
#[derive(Default)]
pub struct ModelCache {
    fitted: Vec<Fitted>,
    /// Per kind, the key of the model last run or fitted: the one the customer table shows.
    current: Vec<(&'static str, String)>,
}

impl ModelCache {
    /// The model of `kind` fitted with parameters `key`.
    pub fn get(&self, kind: &str, key: &str) -> Option<Model> {
        self.fitted
            .iter()
            .rev()
            .find(|f| f.kind == kind && f.key == key)
            .map(|f| f.model.clone())
    }

    /// Keeps `model` as the one of `kind` with parameters `key`.
    pub fn insert(&mut self, kind: &'static str, key: String, model: Model) {
        self.fitted.retain(|f| !(f.kind == kind && f.key == key));
        self.fitted.push(Fitted { kind, key, model });
        // an audience typed key by key fits a model per key: keep the newest few of a kind
        // (and always the one the table shows)
        let current = self.current_key(kind).map(str::to_string);
        while self.fitted.iter().filter(|f| f.kind == kind).count() > MODELS_PER_KIND {
            let Some(oldest) = self
                .fitted
                .iter()
                .position(|f| f.kind == kind && Some(&f.key) != current.as_ref())
            else {
                break;
            };
            self.fitted.remove(oldest);
        }
    }

    /// Marks the model of `kind` with `key` as the one the customer table shows.
    pub fn set_current(&mut self, kind: &'static str, key: &str) {
        match self.current.iter_mut().find(|(k, _)| *k == kind) {
            Some(entry) => entry.1 = key.to_string(),
            None => self.current.push((kind, key.to_string())),
        }
    }

    /// The parameters key of the model of `kind` the customer table shows, if any.
    pub fn current_key(&self, kind: &str) -> Option<&str> {
        self.current
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, key)| key.as_str())
    }

    /// Forgets every model (the data or the filter changed).
    pub fn clear(&mut self) {
        self.fitted.clear();
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_are_found_by_kind_and_parameters() {
        let mut cache = ModelCache::default();
        cache.insert("rfm", "{\"bins\":5}".into(), Arc::new(5u8));
        cache.insert("rfm", "{\"bins\":4}".into(), Arc::new(4u8));
        let m = cache.get("rfm", "{\"bins\":5}").expect("cached");
        assert_eq!(m.downcast_ref::<u8>(), Some(&5));
        assert!(cache.get("overview", "{\"bins\":5}").is_none());
        cache.set_current("rfm", "{\"bins\":4}");
        assert_eq!(cache.current_key("rfm"), Some("{\"bins\":4}"));
        cache.clear();
        assert!(cache.get("rfm", "{\"bins\":4}").is_none());
        assert_eq!(cache.current_key("rfm"), None);
    }
}
