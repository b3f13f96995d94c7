//! Amazon, Shopee and Lazada — the marketplaces cross-border sellers list on, each market in
//! its own currency. The layouts and meanings are those of `scripts/platform_fixtures.py`.

use super::Profile;
use crate::ingest::columns::Field;
use crate::ingest::status::StatusMeaning;

/// Amazon Seller Central › Reports › Fulfillment › All Orders (flat file, tab-separated;
/// SP-API `GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`). One row per item;
/// `item-price` is the line's total ("aggregate of the quantity, not unit price"); the
/// currency is per row. "The report does not include customer-identifying information."
pub static AMAZON: Profile = Profile {
    id: "amazon.all_orders",
    platform: "Amazon",
    export: "All Orders report (Seller Central, flat file)",
    source: "https://developer-docs.amazon.com/sp-api/docs/order-reports-attributes",
    recognise: &[
        "amazon-order-id",
        "purchase-date",
        "order-status",
        "item-price",
    ],
    columns: &[
        (Field::OrderId, "amazon-order-id"),
        (Field::OrderDate, "purchase-date"),
        (Field::Quantity, "quantity"),
        (Field::LineAmount, "item-price"),
        (Field::Discount, "item-promotion-discount"),
        (Field::ProductId, "sku"),
        (Field::ProductName, "product-name"),
        (Field::Channel, "sales-channel"),
        (Field::Region, "ship-country"),
        (Field::City, "ship-city"),
        (Field::Campaign, "promotion-ids"),
        (Field::Status, "order-status"),
        (Field::LineStatus, "item-status"),
        (Field::Currency, "currency"),
    ],
    rules: &[
        "rule.no_buyer",
        "rule.status_left_out",
        "rule.line_status",
        "rule.returned_to_seller",
        "rule.line_amount_less_discount",
        "rule.currency_column",
    ],
    ..Profile::BASE
};

/// Shopee Seller Centre › My Orders › Export. One row per item; order fields repeat on
/// each row. No currency column: the market's currency follows the shop's country. Header
/// of the English export as three independent importers read it (Malaysia, Singapore,
/// Philippines); Shopee publishes no column list.
pub static SHOPEE: Profile = Profile {
    id: "shopee.orders",
    platform: "Shopee",
    export: "Order export (Seller Centre › My Orders › Export)",
    source: "https://github.com/ComaGear/shopeesalescoverter",
    recognise: &[
        "Order ID",
        "Order Status",
        "Username (Buyer)",
        "Product Subtotal",
    ],
    columns: &[
        (Field::OrderId, "Order ID"),
        (Field::CustomerId, "Username (Buyer)"),
        (Field::OrderDate, "Order Creation Date"),
        (Field::Quantity, "Quantity"),
        (Field::UnitPrice, "Deal Price"),
        (Field::LineAmount, "Product Subtotal"),
        (Field::ProductId, "SKU Reference No."),
        (Field::ProductName, "Product Name"),
        (Field::Region, "Country"),
        (Field::City, "City"),
        (Field::Campaign, "Voucher Code"),
        (Field::Status, "Order Status"),
        (Field::LineStatus, "Return / Refund Status"),
    ],
    statuses: &[("Request Approved", StatusMeaning::Refunded)],
    buyer_alternatives: &["Receiver Name", "Phone Number"],
    rules: &[
        "rule.status_left_out",
        "rule.line_status",
        "rule.refund_status",
        "rule.line_amount",
        "rule.currency_by_country",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};

/// Lazada Seller Center › Orders › Export (camelCase header). One row per unit (no quantity
/// column); `paidPrice` is what the buyer paid for it. Statuses as Lazada's seller help
/// describes them (`canceled`, `returned`, …). Header as importers of the export read it.
pub static LAZADA: Profile = Profile {
    id: "lazada.orders",
    platform: "Lazada",
    export: "Order export (Seller Center › Orders › Export)",
    source: "https://github.com/plurantee/posms",
    recognise: &["orderItemId", "orderNumber", "paidPrice", "sellerSku"],
    columns: &[
        (Field::OrderId, "orderNumber"),
        (Field::CustomerId, "customerEmail"),
        (Field::OrderDate, "createTime"),
        (Field::UnitPrice, "unitPrice"),
        (Field::LineAmount, "paidPrice"),
        (Field::ProductId, "sellerSku"),
        (Field::ProductName, "itemName"),
        (Field::Region, "shippingCountry"),
        (Field::City, "shippingCity"),
        (Field::Payment, "payMethod"),
        (Field::Status, "status"),
        (Field::RefundAmount, "refundAmount"),
    ],
    statuses: &[("confirmed", StatusMeaning::Purchase)],
    buyer_alternatives: &["customerName", "shippingPhone"],
    rules: &[
        "rule.one_row_per_unit",
        "rule.status_left_out",
        "rule.refund_status",
        "rule.refund_amount_line",
        "rule.line_amount",
        "rule.currency_by_country",
        "rule.buyer_fallback",
    ],
    ..Profile::BASE
};
