//! The English wording of the profile's own message codes (the page words them per language
//! in `www/features/profiles/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    (
        "profile.festival",
        "the festival \"{value}\" is neither a MM-DD day nor spring_festival",
    ),
    (
        "profile.new_product_days",
        "new_product_days must be between 1 and {max}, got {got}",
    ),
];
