//! Shopify, WooCommerce, eBay and Etsy order exports. The layouts and meanings are those of
//! `scripts/platform_fixtures.py`, which cites the same sources for its fixtures.

use super::{Grain, Profile};
use crate::ingest::columns::Field;
use crate::ingest::status::{LeftOutReason, StatusMeaning};

/// Shopify Admin › Orders › Export. One row per line item; the order's other fields
/// (payment status, currency, totals, cancellation, refund) are on its first row only.
/// Real exports of 2021–2026 (75–79 columns; matched by name) and Shopify's list of
/// financial statuses.
pub static SHOPIFY: Profile = Profile {
    id: "shopify.orders",
    platform: "Shopify",
    export: "Orders export (Admin › Orders › Export)",
    source: "https://help.shopify.com/en/manual/orders/export-orders",
    recognise: &[
        "Name",
        "Financial Status",
        "Lineitem quantity",
        "Lineitem price",
        "Created at",
    ],
    columns: &[
        (Field::OrderId, "Name"),
        (Field::CustomerId, "Email"),
        (Field::OrderDate, "Created at"),
        (Field::Quantity, "Lineitem quantity"),
        (Field::UnitPrice, "Lineitem price"),
        (Field::Discount, "Lineitem discount"),
        (Field::ProductId, "Lineitem sku"),
        (Field::ProductName, "Lineitem name"),
        (Field::Brand, "Vendor"),
        (Field::Channel, "Source"),
        (Field::Region, "Shipping Country"),
        (Field::City, "Shipping City"),
        (Field::Campaign, "Discount Code"),
        (Field::Payment, "Payment Method"),
        (Field::Status, "Financial Status"),
        (Field::Currency, "Currency"),
        (Field::RefundAmount, "Refunded Amount"),
        (Field::CancelledAt, "Cancelled at"),
    ],
    carried: &[
        Field::CustomerId,
        Field::OrderDate,
        Field::Status,
        Field::Currency,
        Field::CancelledAt,
        Field::Channel,
        Field::Region,
        Field::City,
        Field::Campaign,
        Field::Payment,
    ],
    statuses: &[
        ("pending", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
        ("authorized", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
        ("expired", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
        ("partially_paid", StatusMeaning::Purchase),
    ],
    buyer_alternatives: &["Billing Name", "Phone", "Billing Phone"],
    rules: &[
        "rule.first_line",
        "rule.cancelled_at",
        "rule.status_left_out",
        "rule.refund_status",
        "rule.refund_amount_order",
        "rule.unit_price_less_discount",
        "rule.currency_column",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};

/// WooCommerce "Customer / Order / Coupon Export", format "Default – One Row per Item":
/// every order column repeats on each item row. Its status is WooCommerce's order status
/// without the `wc-` prefix. Columns from the extension's source (v5.5.0,
/// `class-wc-customer-order-csv-export-formats.php`); statuses from WooCommerce's
/// `OrderStatus` reference.
pub static WOOCOMMERCE: Profile = Profile {
    id: "woocommerce.orders",
    platform: "WooCommerce",
    export: "Customer / Order / Coupon Export (one row per item)",
    source: "https://woocommerce.com/document/ordercustomer-csv-export-developer-documentation/",
    recognise: &[
        "order_id",
        "order_total",
        "item_quantity",
        "item_total",
        "billing_email",
    ],
    columns: &[
        (Field::OrderId, "order_id"),
        (Field::CustomerId, "billing_email"),
        (Field::OrderDate, "date"),
        (Field::Quantity, "item_quantity"),
        (Field::LineAmount, "item_total"),
        (Field::ProductId, "item_sku"),
        (Field::ProductName, "item_name"),
        (Field::Region, "shipping_country"),
        (Field::City, "shipping_city"),
        (Field::Payment, "payment_method"),
        (Field::Status, "status"),
        (Field::Currency, "order_currency"),
        (Field::RefundAmount, "item_refunded"),
    ],
    statuses: &[
        ("on-hold", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
        (
            "checkout-draft",
            StatusMeaning::LeftOut(LeftOutReason::Unpaid),
        ),
    ],
    buyer_alternatives: &["customer_id", "billing_phone"],
    rules: &[
        "rule.status_left_out",
        "rule.refund_status",
        "rule.refund_amount_line",
        "rule.line_amount",
        "rule.currency_column",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};

/// eBay Seller Hub › Orders › Download report. One row per item; an order of several items
/// has a summary row first (no item number), whose buyer and date its item rows leave
/// blank; footer lines follow the data. No status, refund or currency column: amounts carry
/// their currency sign. Header of a 2026 US report (third-party description; eBay documents
/// none).
pub static EBAY: Profile = Profile {
    id: "ebay.orders",
    platform: "eBay",
    export: "Orders report (Seller Hub › Orders › Download report)",
    source: "https://github.com/randomecho/shifted-sales-report/blob/main/README.md",
    recognise: &[
        "Sales Record Number",
        "Order Number",
        "Buyer Username",
        "Sold For",
    ],
    columns: &[
        (Field::OrderId, "Order Number"),
        (Field::CustomerId, "Buyer Username"),
        (Field::OrderDate, "Sale Date"),
        (Field::Quantity, "Quantity"),
        (Field::UnitPrice, "Sold For"),
        (Field::ProductId, "Item Number"),
        (Field::ProductName, "Item Title"),
        (Field::Region, "Ship To Country"),
        (Field::City, "Ship To City"),
        (Field::Payment, "Payment Method"),
    ],
    carried: &[
        Field::CustomerId,
        Field::OrderDate,
        Field::Region,
        Field::City,
        Field::Payment,
    ],
    buyer_alternatives: &["Buyer Email", "Buyer Name"],
    summary_rows_lack: Some(Field::ProductId),
    footers: &["record(s) downloaded", "seller id"],
    rules: &[
        "rule.summary_rows",
        "rule.first_line",
        "rule.unit_price",
        "rule.no_status",
        "rule.currency_written",
    ],
    ..Profile::BASE
};

/// Etsy Shop Manager › Settings › Options › Download Data › Orders (`EtsySoldOrders*.csv`).
/// One row per order: `Order Value` is the items before the order's discount. Header of real
/// exports 2021–2023; Etsy publishes no column list.
pub static ETSY_ORDERS: Profile = Profile {
    id: "etsy.orders",
    platform: "Etsy",
    export: "Sold orders (EtsySoldOrders.csv)",
    source: "https://github.com/deborahkim1123/etsy_project",
    recognise: &[
        "Sale Date",
        "Order ID",
        "Buyer User ID",
        "Order Value",
        "Number of Items",
    ],
    columns: &[
        (Field::OrderId, "Order ID"),
        (Field::CustomerId, "Buyer User ID"),
        (Field::OrderDate, "Sale Date"),
        (Field::Quantity, "Number of Items"),
        (Field::LineAmount, "Order Value"),
        (Field::Discount, "Discount Amount"),
        (Field::Region, "Ship Country"),
        (Field::City, "Ship City"),
        (Field::Campaign, "Coupon Code"),
        (Field::Payment, "Payment Method"),
        (Field::Status, "Status"),
        (Field::Currency, "Currency"),
    ],
    grain: Grain::Order,
    buyer_alternatives: &["Buyer", "Full Name"],
    rules: &[
        "rule.order_row",
        "rule.order_value_less_discount",
        "rule.status_left_out",
        "rule.currency_column",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};

/// Etsy Download Data › Order items (`EtsySoldOrderItems*.csv`). One row per item; the
/// order's discount is written on one of its items (0 on the others). No status column.
/// Header of real exports 2020–2023.
pub static ETSY_ITEMS: Profile = Profile {
    id: "etsy.order_items",
    platform: "Etsy",
    export: "Sold order items (EtsySoldOrderItems.csv)",
    source: "https://github.com/sarahhe05/Starry-Sticker-Shop-Analysis",
    recognise: &[
        "Sale Date",
        "Item Name",
        "Buyer",
        "Item Total",
        "Transaction ID",
        "Order ID",
    ],
    columns: &[
        (Field::OrderId, "Order ID"),
        (Field::CustomerId, "Buyer"),
        (Field::OrderDate, "Sale Date"),
        (Field::Quantity, "Quantity"),
        (Field::LineAmount, "Item Total"),
        (Field::Discount, "Discount Amount"),
        (Field::ProductId, "Listing ID"),
        (Field::ProductName, "Item Name"),
        (Field::Region, "Ship Country"),
        (Field::City, "Ship City"),
        (Field::Campaign, "Coupon Code"),
        (Field::Currency, "Currency"),
    ],
    buyer_alternatives: &["Ship Name"],
    rules: &[
        "rule.line_amount_less_discount",
        "rule.no_status",
        "rule.currency_column",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};
