//! The English wording of the recommendations' own message codes (the page words them per
//! language in `www/features/recommendations/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    ("recommend.k", "a list holds 1 to {max} products (got {got})"),
    ("recommend.days", "{name} must be between 1 and {max} days (got {got})"),
    (
        "recommend.max_per_category",
        "max_per_category must be between 0 (no limit) and {max} (got {got})",
    ),
    (
        "recommend.neighbours",
        "neighbours must be between 0 (every one) and {max} (got {got})",
    ),
    ("recommend.als", "{name} must be between 1 and {max} (got {got})"),
    ("recommend.number", "{name} must be a number above 0 (got {got})"),
    (
        "recommend.no_weight",
        "the hybrid needs a weight above 0 for at least one method",
    ),
    (
        "recommend.no_purchases",
        "no customer has a purchase line with a product: recommendations need customer ids and product ids or names on the order lines",
    ),
    (
        "recommend.unknown_customer",
        "no customer \"{id}\" in the data the analysis reads",
    ),
    (
        "recommend.no_categories",
        "the data has no product categories to restrict the lists to (add a category column, or a product catalogue)",
    ),
    (
        "recommend.unknown_category",
        "no category \"{category}\" in the data; the categories are {known}",
    ),
    (
        "recommend.in_stock_unmatched",
        "none of the {listed} products of the in-stock list is a product of the data (give product ids, one a line)",
    ),
    (
        "recommend.no_holdout",
        "no evaluation: nobody bought in the last {days} days something new to them after buying before (choose another holdout)",
    ),
    (
        "recommend.not_described",
        "the products have no names, categories, brands or tags: the content method is left out",
    ),
];
