//! The English wording of the lifecycle's own message codes (the page words them per
//! language in `www/features/lifecycle/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("lifecycle.zero", "{name} must be at least 1"),
    (
        "lifecycle.churn_before_active",
        "churn_days ({churn}) must be more than active_days ({active})",
    ),
];
