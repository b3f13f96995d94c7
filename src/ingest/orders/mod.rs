//! The orders table (one row per order line): its schema as data, the mapping resolved into
//! the column indices its sink reads (`sink`), finishing and merging its files (`file`) and
//! the halves of a split file (`halves`).

mod currencies;
pub(crate) mod done;
pub(crate) mod file;
mod halves;
mod join;
mod overlap;
pub(crate) mod refund;
pub(crate) mod sink;

use crate::dataset::Dimension;
use crate::ingest::columns::{ColumnAssignment, Field};
use crate::ingest::platforms::Profile;
use crate::ingest::schema::{FieldSpec, Requirement, Schema, TableKind, ValueKind};

/// The orders table of the data contract.
pub static ORDERS: Schema = Schema {
    table: TableKind::Orders,
    fields: &[
        FieldSpec {
            field: Field::OrderId,
            synonyms: &[
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
            value: ValueKind::Id,
        },
        FieldSpec {
            field: Field::CustomerId,
            synonyms: &[
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
            value: ValueKind::Id,
        },
        FieldSpec {
            field: Field::OrderDate,
            synonyms: &[
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
            value: ValueKind::Date,
        },
        FieldSpec {
            field: Field::Quantity,
            synonyms: &[
                "quantity",
                "qty",
                "units",
                "count",
                "数量",
                "购买数量",
                "商品数量",
                "宝贝数量",
                "件数",
                // Shopify's line columns, for its export read without its profile
                "lineitemquantity",
            ],
            value: ValueKind::Quantity,
        },
        FieldSpec {
            field: Field::UnitPrice,
            synonyms: &[
                "unitprice",
                "price",
                "itemprice",
                "lineitemprice",
                "saleprice",
                "单价",
                "商品单价",
                "价格",
                "商品价格",
                "售价",
            ],
            value: ValueKind::Money,
        },
        FieldSpec {
            field: Field::LineAmount,
            synonyms: &[
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
            value: ValueKind::Money,
        },
        FieldSpec {
            field: Field::ProductId,
            synonyms: &[
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
            value: ValueKind::Id,
        },
        FieldSpec {
            field: Field::ProductName,
            synonyms: &[
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
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Category,
            synonyms: &[
                "category",
                "productcategory",
                "类目",
                "商品类目",
                "品类",
                "分类",
            ],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Brand,
            synonyms: &["brand", "品牌"],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Channel,
            synonyms: &[
                "channel", "source", "platform", "渠道", "来源", "平台", "店铺",
            ],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Region,
            synonyms: &[
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
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::City,
            synonyms: &["city", "城市", "市"],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Campaign,
            synonyms: &[
                "campaign",
                "campaignid",
                "coupon",
                "couponcode",
                "promotion",
                "活动",
                "优惠券",
                "营销活动",
            ],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Payment,
            synonyms: &[
                "payment",
                "paymentmethod",
                "paymenttype",
                "支付方式",
                "付款方式",
            ],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::Status,
            synonyms: &["status", "orderstatus", "订单状态", "状态", "交易状态"],
            value: ValueKind::Status,
        },
        FieldSpec {
            field: Field::Currency,
            synonyms: &["currency", "currencycode", "币种", "货币", "结算币种"],
            value: ValueKind::Text,
        },
        FieldSpec {
            field: Field::RefundAmount,
            synonyms: &["refundedamount", "refundamount", "退款金额", "已退款金额"],
            value: ValueKind::Money,
        },
        // no generic synonyms: whether a file's amount includes its shipping column is
        // known only from the platform's documentation (a profile) or from the user
        FieldSpec {
            field: Field::Shipping,
            synonyms: &[],
            value: ValueKind::Money,
        },
        FieldSpec {
            field: Field::CancelledAt,
            synonyms: &["cancelledat", "canceledat", "取消时间"],
            value: ValueKind::Date,
        },
        FieldSpec {
            field: Field::LineStatus,
            synonyms: &[
                "itemstatus",
                "linestatus",
                "refundstatus",
                "returnrefundstatus",
                "售后状态",
                "退款状态",
                "订单退款状态",
                "商品退款状态",
            ],
            value: ValueKind::Status,
        },
        // like shipping: whether an amount is before or after a discount column is known
        // only from the platform's documentation or from the user
        FieldSpec {
            field: Field::Discount,
            synonyms: &[],
            value: ValueKind::Money,
        },
    ],
    required: &[
        Requirement {
            any_of: &[Field::OrderId],
            reported: Field::OrderId,
        },
        Requirement {
            any_of: &[Field::CustomerId],
            reported: Field::CustomerId,
        },
        Requirement {
            any_of: &[Field::OrderDate],
            reported: Field::OrderDate,
        },
        // a line amount stands in for quantity × unit price
        Requirement {
            any_of: &[Field::Quantity, Field::LineAmount],
            reported: Field::Quantity,
        },
        Requirement {
            any_of: &[Field::UnitPrice, Field::LineAmount],
            reported: Field::UnitPrice,
        },
    ],
    stand_in: &[Field::OrderId],
    whole_order: &[(
        Field::LineAmount,
        &["total", "订单金额"],
        &[Field::UnitPrice, Field::Quantity],
    )],
};

/// The mapping resolved into column indices, for the row loop.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrdersPlan {
    /// `None`: no order id column; each customer and time is one order.
    pub order_id: Option<usize>,
    /// `None` only for an export that names no buyer (`Profile::no_buyer`).
    pub customer_id: Option<usize>,
    /// `None` only for the lines of another export's orders (`Profile::lines_of`).
    pub order_date: Option<usize>,
    pub quantity: Option<usize>,
    pub unit_price: Option<usize>,
    pub line_amount: Option<usize>,
    pub product_id: Option<usize>,
    pub product_name: Option<usize>,
    pub status: Option<usize>,
    pub line_status: Option<usize>,
    pub discount: Option<usize>,
    /// Columns naming the buyer when the buyer cell is empty or masked, in order.
    pub buyer_fallbacks: Vec<usize>,
    /// A row whose cell here is empty is an order's summary row (`Profile::summary_rows_lack`).
    pub summary_unless: Option<usize>,
    pub refund_amount: Option<usize>,
    pub shipping: Option<usize>,
    pub cancelled_at: Option<usize>,
    /// Columns written only on an order's first line (the profile's `carried`).
    pub carried: Vec<usize>,
    pub dimensions: Vec<(Dimension, usize)>,
    /// The platform profile the file is read with.
    pub profile: Option<&'static Profile>,
    /// A status, line status or cancellation column is mapped (rows are classified).
    pub has_status: bool,
    /// A shipping or discount column is mapped (taken off each amount).
    pub takes_off: bool,
}

impl OrdersPlan {
    /// The plan of a complete mapping (`None` when a required field is missing).
    pub fn new(
        mapping: &[ColumnAssignment],
        profile: Option<&'static Profile>,
    ) -> Option<OrdersPlan> {
        let col = |f: Field| mapping.iter().find(|a| a.field == f).map(|a| a.column);
        let customer_id = col(Field::CustomerId);
        let joined = profile.is_some_and(|p| p.lines_of.is_some());
        if customer_id.is_none() && !joined && !profile.is_some_and(|p| p.no_buyer()) {
            return None;
        }
        let undated = profile.is_some_and(|p| p.undated);
        let order_date = col(Field::OrderDate);
        if order_date.is_none() && !joined && !undated {
            return None;
        }
        let mut plan = OrdersPlan {
            order_id: col(Field::OrderId),
            customer_id,
            order_date,
            quantity: col(Field::Quantity),
            unit_price: col(Field::UnitPrice),
            line_amount: col(Field::LineAmount),
            product_id: col(Field::ProductId),
            product_name: col(Field::ProductName),
            status: col(Field::Status),
            line_status: col(Field::LineStatus),
            discount: col(Field::Discount),
            buyer_fallbacks: Vec::new(),
            summary_unless: profile.and_then(|p| p.summary_rows_lack).and_then(col),
            refund_amount: col(Field::RefundAmount),
            shipping: col(Field::Shipping),
            cancelled_at: col(Field::CancelledAt),
            carried: profile
                .map(|p| p.carried.iter().filter_map(|&f| col(f)).collect())
                .unwrap_or_default(),
            dimensions: Vec::new(),
            profile,
            has_status: false,
            takes_off: false,
        };
        if plan.line_amount.is_none()
            && (plan.quantity.is_none() || plan.unit_price.is_none())
            && !undated
        {
            return None;
        }
        plan.has_status =
            plan.status.is_some() || plan.line_status.is_some() || plan.cancelled_at.is_some();
        plan.takes_off = plan.shipping.is_some() || plan.discount.is_some();
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
        let got: Vec<(Field, usize)> = ORDERS
            .map_columns(&headers(header_line))
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
    fn an_order_total_is_never_a_line_amount_beside_a_line_price_and_quantity() {
        // Shopify's export with its profile turned off: `Total` is the order's total
        let got = ORDERS.map_columns(&headers(
            "Name,Email,Created at,Total,Lineitem quantity,Lineitem name,Lineitem price",
        ));
        assert!(got.iter().all(|a| a.field != Field::LineAmount), "{got:?}");
        assert!(got.contains(&ColumnAssignment {
            field: Field::UnitPrice,
            column: 6
        }));
        // with no line price, a total is the line's amount (one row per order)
        check(
            "order_id,customer_id,order_date,total",
            &[
                (Field::OrderId, 0),
                (Field::CustomerId, 1),
                (Field::OrderDate, 2),
                (Field::LineAmount, 3),
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
    fn a_line_amount_stands_in_for_quantity_and_price() {
        let m = ORDERS.map_columns(&headers("订单号,会员ID,下单时间,实付金额"));
        assert!(ORDERS.missing(&m).is_empty());
        let plan = OrdersPlan::new(&m, None).expect("complete");
        assert_eq!(plan.quantity, None);
        assert_eq!(plan.line_amount, Some(3));
    }

    #[test]
    fn missing_required_fields_are_listed() {
        let m = ORDERS.map_columns(&headers("order_id,quantity,foo"));
        assert_eq!(
            ORDERS.missing(&m),
            vec![Field::CustomerId, Field::OrderDate, Field::UnitPrice]
        );
        assert!(OrdersPlan::new(&m, None).is_none());
    }
}
