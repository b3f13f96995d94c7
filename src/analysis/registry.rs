//! **The one list of analyses.** The session (`run`, the customer table, `export`), the
//! report, the CLI's subcommands and the TypeScript generator walk this list; nothing else
//! names an analysis. Adding an analysis adds one line here (ARCHITECTURE.md, "How to add
//! an analysis").
//!
//! Order matters in one place: the report lists its sections in this order.

use super::entry::{Entry, Kind};
use crate::error::Error;
use crate::message::{english_in, Catalogue, Message, CATALOGUE};

/// A test-only analysis that shows the door: a stepped fit, parameters with a rule, its own
/// message code and a customer column, reached through `run`, the table, the CLI and the
/// generated types (`probe/`).
#[cfg(test)]
#[path = "probe/mod.rs"]
pub(crate) mod probe;

static ENTRIES: &[&dyn Entry] = &[
    &Kind::<super::quality::Quality>::ENTRY,
    &Kind::<super::overview::OverviewAnalysis>::ENTRY,
    &Kind::<crate::segment::rfm::RfmAnalysis>::ENTRY,
    &Kind::<crate::segment::clusters::ClustersAnalysis>::ENTRY,
    &Kind::<crate::customers::profile::ProfileAnalysis>::ENTRY,
    &Kind::<crate::customers::demographics::DemographicsAnalysis>::ENTRY,
    &Kind::<crate::customers::behaviour::BehaviourAnalysis>::ENTRY,
    &Kind::<crate::customers::lifecycle::LifecycleAnalysis>::ENTRY,
    &Kind::<crate::customers::tags::TagsAnalysis>::ENTRY,
    &Kind::<crate::customers::card::CardAnalysis>::ENTRY,
    &Kind::<crate::customers::everything::CustomersAnalysis>::ENTRY,
    &Kind::<crate::segment::audience::AudienceAnalysis>::ENTRY,
    &Kind::<crate::predict::clv::ClvAnalysis>::ENTRY,
    &Kind::<crate::predict::propensity::PropensityAnalysis>::ENTRY,
    &Kind::<crate::recommend::basket::BasketAnalysis>::ENTRY,
    &Kind::<crate::recommend::recommendations::RecommendAnalysis>::ENTRY,
    #[cfg(test)]
    &Kind::<probe::Probe>::ENTRY,
];

/// Every analysis, in report order.
pub fn entries() -> &'static [&'static dyn Entry] {
    ENTRIES
}

/// The analysis of `kind`.
pub fn find(kind: &str) -> Result<&'static dyn Entry, Error> {
    ENTRIES
        .iter()
        .copied()
        .find(|e| e.kind() == kind)
        .ok_or_else(|| {
            let kinds: Vec<String> = ENTRIES.iter().map(|e| e.kind().to_string()).collect();
            Error::Refused(
                Message::new("analysis.unknown")
                    .with("kind", kind)
                    .with("kinds", kinds),
            )
        })
}

/// Every catalogue of English wordings: the core's, then each analysis's own.
fn catalogues() -> Vec<Catalogue> {
    let mut all = vec![CATALOGUE];
    all.extend(ENTRIES.iter().map(|e| e.messages()));
    all
}

/// Every code an English wording exists for (the core's and every analysis's), with it:
/// what the type generator writes for the page.
pub fn all_english() -> Vec<(&'static str, &'static str)> {
    catalogues().into_iter().flatten().copied().collect()
}

/// The English wording of any message, core or analysis, whoever made it (a message read
/// back from JSON has lost its catalogue).
pub fn english(message: &Message) -> String {
    english_in(message, &catalogues())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_unique_snake_case_names() {
        let mut seen = std::collections::HashSet::new();
        for e in entries() {
            let k = e.kind();
            assert!(seen.insert(k), "{k} is registered twice");
            assert!(
                k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{k} is not snake_case"
            );
        }
    }

    #[test]
    fn an_unknown_kind_names_the_kinds_there_are() {
        let Err(Error::Refused(m)) = find("churn_oracle") else {
            panic!("churn_oracle is not an analysis");
        };
        assert!(
            m.to_string().starts_with(
                "there is no analysis \"churn_oracle\"; the analyses are \"quality\", \"overview\", \"rfm\""
            ),
            "{m}"
        );
    }

    #[test]
    fn the_shared_examples_are_worded_as_written() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/messages/examples.json"
        );
        let examples: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
        assert!(examples.len() >= 10);
        for e in examples {
            let m: Message = serde_json::from_value(e.clone()).expect("a message");
            assert_eq!(english(&m), e["en"].as_str().expect("en"), "{}", m.code);
        }
    }

    #[test]
    fn codes_are_unique_across_every_catalogue() {
        let mut seen = std::collections::HashSet::new();
        for (code, _) in all_english() {
            assert!(seen.insert(code), "{code} is worded twice");
        }
    }
}
