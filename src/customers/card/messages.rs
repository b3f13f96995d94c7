//! The English wording of the card's own message codes (the page words them per language in
//! `www/features/customer/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("customer_card.no_id", "give the id of a customer"),
    (
        "customer_card.unknown",
        "there is no customer \"{id}\" in this data",
    ),
];
