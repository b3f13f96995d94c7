//! The English wording of the tags' own message codes (the page words them per language in
//! `www/features/tags/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("tags.no_name", "a rule tag needs a name"),
    ("tags.duplicate", "two rule tags are named \"{name}\""),
    (
        "tags.bad_values",
        "in the rule tag \"{name}\": write its values as \"a\" if RULE, \"b\" if RULE, else \"c\"",
    ),
];
