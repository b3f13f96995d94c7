//! The English wording of the audience's message codes (the page words them per language
//! in `www/features/audience/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("audience.unnamed", "every saved audience needs a name"),
    ("audience.name_twice", "two saved audiences are called \"{name}\""),
    (
        "audience.compare",
        "compare two to {max} audiences, not {got}",
    ),
    (
        "audience.summary",
        "Audience: {rule} · {customers:count} of {of_customers:count} customers · data to {last_day}",
    ),
    ("audience.everyone", "every customer"),
];
