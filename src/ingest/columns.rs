//! Header → data-contract field. Headers are matched against English and Chinese synonyms,
//! ignoring case, spaces, underscores, hyphens and a trailing unit in brackets (`实付金额(元)`),
//! so the UCI Online Retail header and the usual Taobao / JD / Shopify exports map with no
//! manual step. The user can replace the whole mapping (`FileOptions::mapping`).

use crate::dataset::Dimension;
use serde::{Deserialize, Serialize};

/// A column of the orders table in the data contract (DESIGN.md). Serialised in snake_case.
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
    /// Order status (cancelled / refunded marks a return).
    Status,
}

impl Field {
    /// Every field, in contract order.
    pub const ALL: [Field; 16] = [
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
        }
    }

    /// Header synonyms, best first, already normalised (see `normalize_header`). When two
    /// headers match one field, the one earlier in this list wins (下单时间 over 付款时间).
    pub fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::OrderId => &[
                "orderid",
                "invoiceno",
                "orderno",
                "ordernumber",
                "invoice",
                "invoiceid",
                "invoicenumber",
                "transactionid",
                "order",
                "订单号",
                "订单编号",
                "订单id",
                "主订单编号",
                "子订单编号",
                "订单",
            ],
            Field::CustomerId => &[
                "customerid",
                "customer",
                "userid",
                "memberid",
                "buyer",
                "buyerid",
                "clientid",
                "customerno",
                "user",
                "member",
                "用户id",
                "会员id",
                "客户编号",
                "客户id",
                "买家会员名",
                "买家昵称",
                "会员名",
                "买家id",
                "用户名",
                "客户",
            ],
            Field::OrderDate => &[
                "orderdate",
                "invoicedate",
                "ordertime",
                "orderdatetime",
                "date",
                "createdat",
                "created",
                "purchasedate",
                "transactiondate",
                "datetime",
                "timestamp",
                "下单时间",
                "订单创建时间",
                "创建时间",
                "成交时间",
                "付款时间",
                "支付时间",
                "订单日期",
                "下单日期",
                "日期",
                "时间",
            ],
            Field::Quantity => &[
                "quantity",
                "qty",
                "units",
                "count",
                "数量",
                "购买数量",
                "商品数量",
                "宝贝数量",
                "件数",
            ],
            Field::UnitPrice => &[
                "unitprice",
                "price",
                "itemprice",
                "saleprice",
                "单价",
                "商品单价",
                "价格",
                "商品价格",
                "售价",
            ],
            Field::LineAmount => &[
                "lineamount",
                "amount",
                "total",
                "subtotal",
                "linetotal",
                "revenue",
                "sales",
                "totalprice",
                "实付金额",
                "实付款",
                "买家实付金额",
                "金额",
                "订单金额",
                "应付金额",
                "支付金额",
                "成交金额",
                "总价",
                "总金额",
                "小计",
            ],
            Field::ProductId => &[
                "productid",
                "stockcode",
                "sku",
                "skuid",
                "itemid",
                "productcode",
                "商品编码",
                "商品id",
                "货号",
                "商品编号",
                "宝贝id",
                "sku编码",
            ],
            Field::ProductName => &[
                "productname",
                "description",
                "product",
                "item",
                "itemname",
                "title",
                "商品名称",
                "商品标题",
                "宝贝标题",
                "商品名",
                "商品",
            ],
            Field::Category => &[
                "category",
                "productcategory",
                "类目",
                "商品类目",
                "品类",
                "分类",
            ],
            Field::Brand => &["brand", "品牌"],
            Field::Channel => &[
                "channel", "source", "platform", "渠道", "来源", "平台", "店铺",
            ],
            Field::Region => &[
                "region",
                "country",
                "province",
                "state",
                "省份",
                "省",
                "地区",
                "国家",
                "收货地区",
                "所在地区",
            ],
            Field::City => &["city", "城市", "市"],
            Field::Campaign => &[
                "campaign",
                "campaignid",
                "coupon",
                "couponcode",
                "promotion",
                "活动",
                "优惠券",
                "营销活动",
            ],
            Field::Payment => &[
                "payment",
                "paymentmethod",
                "paymenttype",
                "支付方式",
                "付款方式",
            ],
            Field::Status => &["status", "orderstatus", "订单状态", "状态", "交易状态"],
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

/// The header without a bracketed suffix: `实付金额(元)` → `实付金额`, `Price [GBP]` → `Price`.
fn strip_unit(header: &str) -> Option<&str> {
    let cut = header.find(['(', '（', '['])?;
    let head = header[..cut].trim();
    (!head.is_empty()).then_some(head)
}

/// Which field `header` names, and how good a match it is (lower is better).
fn match_header(header: &str) -> Option<(Field, usize)> {
    let lookup = |h: &str| {
        let norm = normalize_header(h);
        Field::ALL.iter().find_map(|&f| {
            f.synonyms()
                .iter()
                .position(|s| *s == norm)
                .map(|rank| (f, rank))
        })
    };
    lookup(header).or_else(|| strip_unit(header).and_then(lookup))
}

/// The automatic mapping: for each field, the column whose header is its best synonym
/// (the first such column on a tie). Sorted by field.
pub fn map_columns(headers: &[String]) -> Vec<ColumnAssignment> {
    let mut best: Vec<Option<(usize, usize)>> = vec![None; Field::ALL.len()];
    for (column, header) in headers.iter().enumerate() {
        if let Some((field, rank)) = match_header(header) {
            let slot = &mut best[field as usize];
            if slot.is_none_or(|(r, _)| rank < r) {
                *slot = Some((rank, column));
            }
        }
    }
    Field::ALL
        .iter()
        .zip(best)
        .filter_map(|(&field, b)| b.map(|(_, column)| ColumnAssignment { field, column }))
        .collect()
}

/// Required fields with no column: order_id, customer_id, order_date, quantity (unless a
/// line amount stands in) and a price (`unit_price` stands for "unit price or line amount").
pub fn missing_fields(mapping: &[ColumnAssignment]) -> Vec<Field> {
    let has = |f: Field| mapping.iter().any(|a| a.field == f);
    let mut missing = Vec::new();
    for f in [Field::OrderId, Field::CustomerId, Field::OrderDate] {
        if !has(f) {
            missing.push(f);
        }
    }
    if !has(Field::Quantity) && !has(Field::LineAmount) {
        missing.push(Field::Quantity);
    }
    if !has(Field::UnitPrice) && !has(Field::LineAmount) {
        missing.push(Field::UnitPrice);
    }
    missing
}

/// The mapping resolved into column indices, for the row loop.
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnPlan {
    pub order_id: usize,
    pub customer_id: usize,
    pub order_date: usize,
    pub quantity: Option<usize>,
    pub unit_price: Option<usize>,
    pub line_amount: Option<usize>,
    pub product_id: Option<usize>,
    pub product_name: Option<usize>,
    pub status: Option<usize>,
    pub dimensions: Vec<(Dimension, usize)>,
}

impl ColumnPlan {
    /// The plan of a complete mapping (`None` when a required field is missing).
    pub fn new(mapping: &[ColumnAssignment]) -> Option<ColumnPlan> {
        let col = |f: Field| mapping.iter().find(|a| a.field == f).map(|a| a.column);
        let mut plan = ColumnPlan {
            order_id: col(Field::OrderId)?,
            customer_id: col(Field::CustomerId)?,
            order_date: col(Field::OrderDate)?,
            quantity: col(Field::Quantity),
            unit_price: col(Field::UnitPrice),
            line_amount: col(Field::LineAmount),
            product_id: col(Field::ProductId),
            product_name: col(Field::ProductName),
            status: col(Field::Status),
            dimensions: Vec::new(),
        };
        if plan.line_amount.is_none() && (plan.quantity.is_none() || plan.unit_price.is_none()) {
            return None;
        }
        for f in Field::ALL {
            if let (Some(dim), Some(c)) = (f.dimension(), col(f)) {
                plan.dimensions.push((dim, c));
            }
        }
        Some(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    fn check(header_line: &str, expect: &[(Field, usize)]) {
        let got: Vec<(Field, usize)> = map_columns(&headers(header_line))
            .iter()
            .map(|a| (a.field, a.column))
            .collect();
        assert_eq!(got, expect, "header: {header_line}");
    }

    #[test]
    fn online_retail_header_maps_with_no_manual_step() {
        check(
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
            &[
                (Field::OrderId, 0),
                (Field::CustomerId, 6),
                (Field::OrderDate, 4),
                (Field::Quantity, 3),
                (Field::UnitPrice, 5),
                (Field::ProductId, 1),
                (Field::ProductName, 2),
                (Field::Region, 7),
            ],
        );
    }

    #[test]
    fn chinese_headers_map_to_contract_fields() {
        check(
            "订单编号,买家会员名,付款时间,下单时间,宝贝标题,数量,实付金额(元),省份,订单状态",
            &[
                (Field::OrderId, 0),
                (Field::CustomerId, 1),
                (Field::OrderDate, 3),
                (Field::Quantity, 5),
                (Field::LineAmount, 6),
                (Field::ProductName, 4),
                (Field::Region, 7),
                (Field::Status, 8),
            ],
        );
    }

    #[test]
    fn case_spaces_and_underscores_are_ignored() {
        check(
            "Order ID,customer_id,ORDER-DATE,Qty,Unit Price",
            &[
                (Field::OrderId, 0),
                (Field::CustomerId, 1),
                (Field::OrderDate, 2),
                (Field::Quantity, 3),
                (Field::UnitPrice, 4),
            ],
        );
    }

    #[test]
    fn the_better_synonym_wins_when_two_headers_match_one_field() {
        check("付款时间,下单时间", &[(Field::OrderDate, 1)]);
        check("date,order_date", &[(Field::OrderDate, 1)]);
    }

    #[test]
    fn synonyms_are_normalised_and_belong_to_one_field_only() {
        let mut seen = std::collections::HashMap::new();
        for f in Field::ALL {
            for s in f.synonyms() {
                assert_eq!(normalize_header(s), *s, "synonym {s} is not normalised");
                if let Some(other) = seen.insert(*s, f) {
                    panic!("{s} is a synonym of both {other:?} and {f:?}");
                }
            }
        }
    }

    #[test]
    fn a_line_amount_stands_in_for_quantity_and_price() {
        let m = map_columns(&headers("订单号,会员ID,下单时间,实付金额"));
        assert!(missing_fields(&m).is_empty());
        let plan = ColumnPlan::new(&m).expect("complete");
        assert_eq!(plan.quantity, None);
        assert_eq!(plan.line_amount, Some(3));
    }

    #[test]
    fn missing_required_fields_are_listed() {
        let m = map_columns(&headers("order_id,quantity,foo"));
        assert_eq!(
            missing_fields(&m),
            vec![Field::CustomerId, Field::OrderDate, Field::UnitPrice]
        );
        assert!(ColumnPlan::new(&m).is_none());
    }

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
