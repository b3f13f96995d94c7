//! The data contract's fields and a header's normal form. Which headers name which field is
//! each table's schema (`schema.rs`, `orders.rs`): headers are matched against English and
//! Chinese synonyms, ignoring case, spaces, underscores, hyphens and a trailing unit in
//! brackets (`实付金额(元)`), so the UCI Online Retail header and the usual Taobao / JD /
//! Shopify exports map with no manual step. The user can replace the whole mapping
//! (`FileOptions::mapping`).

use crate::dataset::Dimension;
use serde::{Deserialize, Serialize};

/// A column of a table of the data contract (DESIGN.md): orders first, then the fields only
/// the customers, events and products tables have. Serialised in snake_case.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Order (invoice) id; one order has one or more lines.
    OrderId,
    /// Customer (member, buyer) id.
    CustomerId,
    /// Order date and time.
    OrderDate,
    /// Quantity of the line (negative on a return).
    Quantity,
    /// Price of one unit.
    UnitPrice,
    /// Value of the whole line (what was paid for it).
    LineAmount,
    /// Product id (SKU, stock code).
    ProductId,
    /// Product name or title.
    ProductName,
    /// Product category.
    Category,
    /// Brand.
    Brand,
    /// Sales channel or platform.
    Channel,
    /// Region, province, state or country.
    Region,
    /// City.
    City,
    /// Campaign or coupon.
    Campaign,
    /// Payment method.
    Payment,
    /// Order status: cancelled, closed, unpaid, voided or failed orders are left out;
    /// refunded ones become returns (`status`).
    Status,
    /// Currency of the line's amounts (ISO code or symbol), when the file says it per row.
    Currency,
    /// Amount refunded on the line or order: a return of that value.
    RefundAmount,
    /// Shipping charged with the amount: subtracted, so revenue is merchandise only.
    Shipping,
    /// When the order was cancelled: a non-empty cell marks it cancelled.
    CancelledAt,
    /// The line's own status or its after-sale (refund) status, read beside the order's:
    /// either can leave the line out or make it a return.
    LineStatus,
    /// A discount on the line: subtracted, so revenue is what was charged.
    Discount,
    /// The customer's gender (customers table).
    Gender,
    /// The customer's date of birth (customers table).
    BirthDate,
    /// The customer's age in years, when no birth date is given (customers table).
    Age,
    /// The customer's occupation (customers table).
    Occupation,
    /// The customer's education (customers table).
    Education,
    /// The customer's income or income band (customers table).
    Income,
    /// The customer's member level or tier (customers table).
    MemberLevel,
    /// When the customer signed up (customers table).
    SignupDate,
    /// The customer's email address (customers table; always shown masked).
    Email,
    /// The customer's phone number (customers table; always shown masked).
    Phone,
    /// The customer's name (customers table).
    CustomerName,
    /// What the customer did: view, cart, favourite, search, purchase … (events table).
    EventType,
    /// When the event happened (events table).
    EventTime,
    /// How long the customer stayed, in seconds (events table).
    Duration,
    /// The words searched for (events table).
    SearchQuery,
    /// The visit the event belongs to (events table).
    SessionId,
    /// The product's list price (products table).
    Price,
    /// The product's attributes or tags (products table).
    ProductTags,
}

impl Field {
    /// Every field, in contract order.
    pub const ALL: [Field; 40] = [
        Field::OrderId,
        Field::CustomerId,
        Field::OrderDate,
        Field::Quantity,
        Field::UnitPrice,
        Field::LineAmount,
        Field::ProductId,
        Field::ProductName,
        Field::Category,
        Field::Brand,
        Field::Channel,
        Field::Region,
        Field::City,
        Field::Campaign,
        Field::Payment,
        Field::Status,
        Field::Currency,
        Field::RefundAmount,
        Field::Shipping,
        Field::CancelledAt,
        Field::LineStatus,
        Field::Discount,
        Field::Gender,
        Field::BirthDate,
        Field::Age,
        Field::Occupation,
        Field::Education,
        Field::Income,
        Field::MemberLevel,
        Field::SignupDate,
        Field::Email,
        Field::Phone,
        Field::CustomerName,
        Field::EventType,
        Field::EventTime,
        Field::Duration,
        Field::SearchQuery,
        Field::SessionId,
        Field::Price,
        Field::ProductTags,
    ];

    /// The snake_case name (the same as in JSON).
    pub fn name(self) -> &'static str {
        match self {
            Field::OrderId => "order_id",
            Field::CustomerId => "customer_id",
            Field::OrderDate => "order_date",
            Field::Quantity => "quantity",
            Field::UnitPrice => "unit_price",
            Field::LineAmount => "line_amount",
            Field::ProductId => "product_id",
            Field::ProductName => "product_name",
            Field::Category => "category",
            Field::Brand => "brand",
            Field::Channel => "channel",
            Field::Region => "region",
            Field::City => "city",
            Field::Campaign => "campaign",
            Field::Payment => "payment",
            Field::Status => "status",
            Field::Currency => "currency",
            Field::RefundAmount => "refund_amount",
            Field::Shipping => "shipping",
            Field::CancelledAt => "cancelled_at",
            Field::LineStatus => "line_status",
            Field::Discount => "discount",
            Field::Gender => "gender",
            Field::BirthDate => "birth_date",
            Field::Age => "age",
            Field::Occupation => "occupation",
            Field::Education => "education",
            Field::Income => "income",
            Field::MemberLevel => "member_level",
            Field::SignupDate => "signup_date",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::CustomerName => "customer_name",
            Field::EventType => "event_type",
            Field::EventTime => "event_time",
            Field::Duration => "duration",
            Field::SearchQuery => "search_query",
            Field::SessionId => "session_id",
            Field::Price => "price",
            Field::ProductTags => "product_tags",
        }
    }

    /// The optional text dimension this field fills, if any.
    pub fn dimension(self) -> Option<Dimension> {
        match self {
            Field::Category => Some(Dimension::Category),
            Field::Brand => Some(Dimension::Brand),
            Field::Channel => Some(Dimension::Channel),
            Field::Region => Some(Dimension::Region),
            Field::City => Some(Dimension::City),
            Field::Campaign => Some(Dimension::Campaign),
            Field::Payment => Some(Dimension::Payment),
            Field::Currency => Some(Dimension::Currency),
            Field::Discount => Some(Dimension::Discount),
            _ => None,
        }
    }
}

/// The column chosen for one field (0-based column index into the header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ColumnAssignment {
    /// The data-contract field.
    pub field: Field,
    /// 0-based column index.
    pub column: usize,
}

/// Lower-cases and drops spaces, underscores, hyphens, dots, slashes and a BOM, so
/// `Customer ID`, `customer_id` and `CustomerID` compare equal.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| {
            !(c.is_whitespace() || matches!(c, '_' | '-' | '.' | '/' | '\u{feff}' | '"' | '\''))
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_serialise_in_snake_case() {
        let a = ColumnAssignment {
            field: Field::LineAmount,
            column: 3,
        };
        let json = serde_json::to_string(&a).expect("serialises");
        assert_eq!(json, r#"{"field":"line_amount","column":3}"#);
        for f in Field::ALL {
            assert_eq!(
                serde_json::to_string(&f).expect("serialises"),
                format!("\"{}\"", f.name())
            );
        }
    }
}
