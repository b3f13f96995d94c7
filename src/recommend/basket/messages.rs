//! The English wording of the market basket analysis's own message codes (the page words them
//! per language in `www/features/basket/messages.ts`).

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    (
        "basket.min_support",
        "min_support must be above 0 and at most 1 (got {got})",
    ),
    (
        "basket.min_confidence",
        "min_confidence must be between 0 and 1 (got {got})",
    ),
    ("basket.min_lift", "min_lift must be 0 or more (got {got})"),
    ("basket.max_len", "max_len must be between 2 and {max} (got {got})"),
    (
        "basket.max_itemsets",
        "max_itemsets must be between 1 and {max} (got {got})",
    ),
    (
        "basket.together",
        "the frequently-bought-together list holds 1 to {max} products (got {got})",
    ),
    (
        "basket.no_baskets",
        "no order has a purchase line with a product: market basket analysis needs product ids or names on the order lines",
    ),
    (
        "basket.capped",
        "stopped at {cap} frequent itemsets: at a support of {support} (itemsets in {count} baskets or more, up to {max_len} items) there are more; raise the minimum support or lower the longest itemset",
    ),
    (
        "basket.too_many_rules",
        "more than {cap} rules reach a confidence of {confidence} and a lift of {lift}: raise the minimum support, confidence or lift",
    ),
    (
        "basket.unknown_product",
        "no product \"{product}\" in the data (give its id or its name as in the file)",
    ),
    (
        "basket.product_not_in_baskets",
        "product \"{product}\" is in no basket of the data the analysis reads (no purchase of it under the filter or the audience)",
    ),
    (
        "basket.mostly_single",
        "{single} of {baskets} baskets hold one product: rules come from the others only",
    ),
    (
        "basket.no_rules",
        "no rule reaches these thresholds: lower the minimum support, confidence or lift",
    ),
];
