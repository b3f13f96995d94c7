//! The one list of the data contract's tables: which schema each table kind reads with,
//! and which table a file is, from its header. A new table kind is a schema of its own
//! (beside `orders::ORDERS`) and one line in each match here.

use super::columns::Field;
use super::orders::ORDERS;
use super::schema::{Schema, TableKind};
use super::side::schemas::{CUSTOMERS, EVENTS, PRODUCTS};

impl TableKind {
    /// Every table kind, in contract order.
    pub const ALL: [TableKind; 4] = [
        TableKind::Orders,
        TableKind::Customers,
        TableKind::Events,
        TableKind::Products,
    ];

    /// The schema files of this table are read with.
    pub fn schema(self) -> &'static Schema {
        match self {
            TableKind::Orders => &ORDERS,
            TableKind::Customers => &CUSTOMERS,
            TableKind::Events => &EVENTS,
            TableKind::Products => &PRODUCTS,
        }
    }

    /// The snake_case name (as in JSON and on the command line).
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Orders => "orders",
            TableKind::Customers => "customers",
            TableKind::Events => "events",
            TableKind::Products => "products",
        }
    }

    /// The table a file with `headers` holds. An events log names an event type and a time
    /// beside its customer; an orders file names what an order line needs; a customer list
    /// names a customer and something about them (a gender, a birthday, a level, a phone …)
    /// but no product; a catalogue names a product and what it is (a name, a price, a
    /// brand) but no customer. Anything else is read as orders, so that what it lacks is
    /// asked for as before.
    pub fn of_headers(headers: &[String]) -> TableKind {
        if headers == super::baskets::BASKET_COLUMNS {
            return TableKind::Orders;
        }
        let complete = |schema: &Schema| {
            let mapping = schema.map_columns(headers);
            schema.missing(&mapping).is_empty().then_some(mapping)
        };
        let has =
            |mapping: &[super::ColumnAssignment], f: Field| mapping.iter().any(|a| a.field == f);
        if complete(&EVENTS).is_some()
            && !complete(&ORDERS).is_some_and(|m| has(&m, Field::OrderId))
        {
            return TableKind::Events;
        }
        if complete(&ORDERS).is_some() {
            return TableKind::Orders;
        }
        let orders = ORDERS.map_columns(headers);
        let about_orders = [
            Field::OrderId,
            Field::Quantity,
            Field::LineAmount,
            Field::OrderDate,
        ]
        .iter()
        .filter(|f| has(&orders, **f))
        .count();
        if let Some(m) = complete(&CUSTOMERS) {
            if m.len() >= 2
                && !has(&PRODUCTS.map_columns(headers), Field::ProductId)
                && about_orders < 2
            {
                return TableKind::Customers;
            }
        }
        if let Some(m) = complete(&PRODUCTS) {
            if m.len() >= 2
                && !has(&CUSTOMERS.map_columns(headers), Field::CustomerId)
                && about_orders < 2
            {
                return TableKind::Products;
            }
        }
        TableKind::Orders
    }
}

/// The header of the Taobao user-behaviour data set, which is published without one
/// (Tianchi data set 649, "UserBehavior.csv": user id, item id, category id, behaviour type
/// pv/buy/cart/fav, Unix timestamp).
pub const TAOBAO_BEHAVIOUR: [&str; 5] = [
    "user_id",
    "item_id",
    "category_id",
    "behavior_type",
    "timestamp",
];

/// Whether `first` — a file's first record, taken for its header — is instead a row of the
/// Taobao user-behaviour layout, which has no header.
pub fn is_headerless_behaviour(first: &[String]) -> bool {
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    first.len() == 5
        && first[..3].iter().all(|c| digits(c, 1, 20))
        && matches!(first[3].as_str(), "pv" | "buy" | "cart" | "fav")
        && digits(&first[4], 9, 13)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::columns::normalize_header;

    #[test]
    fn synonyms_are_normalised_and_belong_to_one_field_only() {
        for table in TableKind::ALL {
            let mut seen = std::collections::HashMap::new();
            for spec in table.schema().fields {
                for s in spec.synonyms {
                    assert_eq!(normalize_header(s), *s, "synonym {s} is not normalised");
                    if let Some(other) = seen.insert(*s, spec.field) {
                        panic!("{s} is a synonym of both {other:?} and {:?}", spec.field);
                    }
                }
            }
        }
    }

    fn kind(headers: &str) -> TableKind {
        let h: Vec<String> = headers.split(',').map(str::to_string).collect();
        TableKind::of_headers(&h)
    }

    #[test]
    fn a_file_is_recognised_as_its_table_from_its_header() {
        assert_eq!(
            kind(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
            ),
            TableKind::Orders
        );
        assert_eq!(
            kind("订单编号,买家会员名,下单时间,数量,实付金额"),
            TableKind::Orders
        );
        assert_eq!(
            kind("会员ID,性别,生日,省份,城市,会员等级,注册时间,手机号"),
            TableKind::Customers
        );
        assert_eq!(
            kind("customer_id,gender,birth_date,city,email"),
            TableKind::Customers
        );
        assert_eq!(
            kind("user_id,item_id,category_id,behavior_type,timestamp"),
            TableKind::Events
        );
        assert_eq!(
            kind("timestamp,visitorid,event,itemid,transactionid"),
            TableKind::Events
        );
        assert_eq!(
            kind("用户ID,商品ID,行为类型,时间,停留时长,搜索词,渠道"),
            TableKind::Events
        );
        assert_eq!(
            kind("商品编码,商品名称,类目,品牌,价格,标签"),
            TableKind::Products
        );
        assert_eq!(
            kind("product_id,name,category,brand,price"),
            TableKind::Products
        );
        // a file that is none of them is read as orders, so what it lacks is asked for
        assert_eq!(
            kind("Belegnr,Kunde,Datum,Artikel,Menge,Betrag"),
            TableKind::Orders
        );
        assert_eq!(kind("customer_id"), TableKind::Orders);
    }

    #[test]
    fn the_headerless_taobao_layout_is_told_from_a_header() {
        let row = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        assert!(is_headerless_behaviour(&row(
            "1,2268318,2520377,pv,1511544070"
        )));
        assert!(is_headerless_behaviour(&row("100,5,3,buy,1511561733")));
        assert!(!is_headerless_behaviour(&row(
            "user_id,item_id,category_id,behavior_type,timestamp"
        )));
        assert!(!is_headerless_behaviour(&row("1,2,3,pv")));
    }

    #[test]
    fn every_required_field_is_a_field_of_the_table() {
        for table in TableKind::ALL {
            let schema = table.schema();
            assert_eq!(schema.table, table);
            for r in schema.required {
                assert!(schema.spec(r.reported).is_some());
                assert!(r.any_of.iter().all(|f| schema.spec(*f).is_some()));
            }
        }
    }
}
