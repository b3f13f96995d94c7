//! The English wording of the tags' own message codes and of every built-in tag's name (the
//! page words them in Chinese in `www/features/tags/messages.ts`, `core`; the customer card
//! names a customer's tags with them too).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("tags.no_name", "a rule tag needs a name"),
    ("tags.duplicate", "two rule tags are named \"{name}\""),
    (
        "tags.bad_values",
        "in the rule tag \"{name}\": write its values as \"a\" if RULE, \"b\" if RULE, else \"c\"",
    ),
    // the built-in tags' names (`TagStats::tag` is the part after `tags.tag.`)
    ("tags.tag.high_value", "High value"),
    ("tags.tag.medium_value", "Medium value"),
    ("tags.tag.low_value", "Low value"),
    ("tags.tag.high_predicted_value", "High predicted value"),
    ("tags.tag.likely_lost", "Likely lost"),
    ("tags.tag.high_spender", "High spender"),
    ("tags.tag.mid_spender", "Mid spender"),
    ("tags.tag.low_spender", "Low spender"),
    ("tags.tag.new", "New"),
    ("tags.tag.active", "Active"),
    ("tags.tag.loyal", "Loyal"),
    ("tags.tag.returning", "Returning"),
    ("tags.tag.dormant", "Dormant"),
    ("tags.tag.churned", "Churned"),
    ("tags.tag.category_loyal", "Loyal to a category"),
    ("tags.tag.festival_shopper", "Festival shopper"),
    ("tags.tag.new_product_seeker", "New-product seeker"),
    ("tags.tag.premium", "Premium buyer"),
    ("tags.tag.bargain_hunter", "Bargain hunter"),
    ("tags.tag.night_owl", "Night owl"),
    ("tags.tag.weekend_shopper", "Weekend shopper"),
    ("tags.tag.frequent_buyer", "Frequent buyer"),
    ("tags.tag.return_heavy", "Returns a lot"),
    ("tags.tag.one_time_buyer", "One-time buyer"),
    ("tags.tag.slipping_valuable", "Valuable, slipping away"),
];
