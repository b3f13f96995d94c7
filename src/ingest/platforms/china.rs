//! Taobao/Tmall, JD, Pinduoduo, Douyin, Youzan and Kuaishou order exports, all in yuan.
//! None of these platforms publishes its export's columns; each layout is the one public
//! importers of real exports read, cited per profile and in `scripts/platform_fixtures.py`.
//!
//! Weidian 微店 has no profile: neither Weidian's help pages nor any public importer of its
//! order export found (searched 2026-12-02: "微店 订单导出", "weidian order export") gives
//! the export's header, and a profile is never written from a guess. A Weidian export is
//! read by the generic Chinese synonyms (订单编号, 下单时间, 商品名称, 数量 …) and the
//! mapping panel's proposals.

use super::{Grain, Profile};
use crate::ingest::columns::Field;
use crate::ingest::status::{LeftOutReason, StatusMeaning};

/// Taobao/Tmall 千牛 › 交易 › 订单报表 (`ExportOrderList*.csv`, GBK). One row per order:
/// 买家实际支付金额 is what the buyer paid, postage (买家应付邮费) included; 宝贝总数量 the
/// order's items. 交易关闭 covers unpaid orders closed and orders closed after a full refund:
/// both are left out. Headers of the 2016 and 2018 exports as importers read them.
/// Taobao's status words the generic marks do not know (both reports write them).
const TAOBAO_STATUSES: &[(&str, StatusMeaning)] = &[
    (
        "没有创建支付宝交易",
        StatusMeaning::LeftOut(LeftOutReason::Unpaid),
    ),
    (
        "等待买家确认货到付款订单信息",
        StatusMeaning::LeftOut(LeftOutReason::Unpaid),
    ),
    (
        "交易被淘宝关闭",
        StatusMeaning::LeftOut(LeftOutReason::Closed),
    ),
];

pub static TAOBAO_ORDERS: Profile = Profile {
    id: "taobao.orders",
    platform: "淘宝/天猫 Taobao/Tmall",
    export: "订单报表 (ExportOrderList)",
    source: "https://github.com/harperjiang/harper-bookstore",
    recognise: &["订单编号", "买家会员名", "买家实际支付金额", "宝贝总数量"],
    columns: &[
        (Field::OrderId, "订单编号"),
        (Field::CustomerId, "买家会员名"),
        (Field::OrderDate, "订单创建时间"),
        (Field::Quantity, "宝贝总数量"),
        (Field::LineAmount, "买家实际支付金额"),
        (Field::Shipping, "买家应付邮费"),
        (Field::ProductName, "宝贝标题"),
        (Field::Channel, "店铺名称"),
        (Field::Status, "订单状态"),
        (Field::RefundAmount, "退款金额"),
    ],
    grain: Grain::Order,
    statuses: TAOBAO_STATUSES,
    buyer_alternatives: &["买家支付宝账号"],
    currency: Some("CNY"),
    rules: &[
        "rule.order_row",
        "rule.order_paid_less_shipping",
        "rule.status_left_out",
        "rule.closed_taobao",
        "rule.refund_amount_line",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// Taobao/Tmall 千牛 › 交易 › 宝贝报表 (`ExportOrderDetailList*.csv`, GBK): one row per line
/// of an order — 价格 the unit price, 购买数量 the quantity, 商家编码 the merchant's code,
/// 订单状态 the line's status — with no buyer and no date: those come from the 订单报表 of
/// the same orders, dropped with it and joined on 订单编号. Header of the 2018 export as the
/// importers of both reports read it.
pub static TAOBAO_ITEMS: Profile = Profile {
    id: "taobao.order_items",
    platform: "淘宝/天猫 Taobao/Tmall",
    export: "宝贝报表 (ExportOrderDetailList)",
    source: "https://github.com/harperjiang/harper-bookstore",
    recognise: &["订单编号", "标题", "价格", "购买数量", "商家编码"],
    columns: &[
        (Field::OrderId, "订单编号"),
        (Field::Quantity, "购买数量"),
        (Field::UnitPrice, "价格"),
        (Field::ProductId, "商家编码"),
        (Field::ProductName, "标题"),
        (Field::LineStatus, "订单状态"),
    ],
    statuses: TAOBAO_STATUSES,
    currency: Some("CNY"),
    lines_of: Some("taobao.orders"),
    rules: &[
        "rule.lines_of_orders",
        "rule.unit_price",
        "rule.status_left_out",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// JD POP 京东商家后台 › 订单管理 › 订单导出 (GBK CSV). One row per order line; 京东价 is the
/// unit price and the order's amounts repeat on each line. A `(删除)` prefix marks an order
/// the merchant deleted. Header of a real 2015 export quoted by an importer.
pub static JD: Profile = Profile {
    id: "jd.orders",
    platform: "京东 JD",
    export: "商家后台 订单导出",
    source: "https://github.com/howenx/sharp-admin/blob/master/app/controllers/SaleCtrl.java",
    recognise: &["订单号", "下单帐号", "京东价", "订购数量"],
    columns: &[
        (Field::OrderId, "订单号"),
        (Field::CustomerId, "下单帐号"),
        (Field::OrderDate, "下单时间"),
        (Field::Quantity, "订购数量"),
        (Field::UnitPrice, "京东价"),
        (Field::ProductId, "商品ID"),
        (Field::ProductName, "商品名称"),
        (Field::Channel, "订单来源"),
        (Field::Payment, "支付方式"),
        (Field::Status, "订单状态"),
    ],
    buyer_alternatives: &["客户姓名", "联系电话"],
    currency: Some("CNY"),
    rules: &[
        "rule.status_left_out",
        "rule.deleted_orders",
        "rule.unit_price",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// Pinduoduo 拼多多商家后台 › 订单查询 › 导出 (the merchant picks the columns: matched by
/// name; `(元)` in half- or full-width brackets; cells carry a tab before the value). One
/// row per order of one product. No buyer account: receivers only. Headers of the 2020
/// full export and of a recent 27-column one, as importers read them.
pub static PINDUODUO: Profile = Profile {
    id: "pinduoduo.orders",
    platform: "拼多多 Pinduoduo",
    export: "商家后台 订单导出",
    source: "https://github.com/jiangtaozy/pdd-management-api/blob/master/database/item-order.go",
    recognise: &["订单号", "商品总价(元)", "商品数量(件)", "订单状态"],
    columns: &[
        (Field::OrderId, "订单号"),
        (Field::OrderDate, "支付时间"),
        (Field::OrderDate, "订单成交时间"),
        (Field::Quantity, "商品数量(件)"),
        (Field::LineAmount, "商品总价(元)"),
        (Field::Discount, "店铺优惠折扣(元)"),
        (Field::ProductId, "商品id"),
        (Field::ProductName, "商品"),
        (Field::Region, "省"),
        (Field::City, "市"),
        (Field::Payment, "支付方式"),
        (Field::Status, "订单状态"),
        (Field::LineStatus, "售后状态"),
    ],
    grain: Grain::Order,
    statuses: &[("无售后或售后取消", StatusMeaning::Purchase)],
    currency: Some("CNY"),
    rules: &[
        "rule.no_buyer",
        "rule.order_row",
        "rule.line_amount_less_discount",
        "rule.status_left_out",
        "rule.line_status",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// Douyin 抖店 › 订单管理 › 批量导出 (CSV, UTF-8 with BOM; ids written after a tab; `-`
/// for empty). One row per sub-order (子订单) of a main order (主订单编号). Buyer fields are
/// encrypted (`##密文`): no buyer identity. Columns as importers of the export read them.
pub static DOUYIN: Profile = Profile {
    id: "douyin.orders",
    platform: "抖店 Douyin",
    export: "订单管理 批量导出",
    source: "https://github.com/tong2/cool-admin-midway",
    recognise: &["主订单编号", "子订单编号", "选购商品", "订单应付金额"],
    columns: &[
        (Field::OrderId, "主订单编号"),
        (Field::OrderDate, "订单提交时间"),
        (Field::Quantity, "商品数量"),
        (Field::LineAmount, "订单应付金额"),
        (Field::ProductId, "商品ID"),
        (Field::ProductName, "选购商品"),
        (Field::Channel, "APP渠道"),
        (Field::Region, "省"),
        (Field::City, "市"),
        (Field::Payment, "支付方式"),
        (Field::Status, "订单状态"),
        (Field::LineStatus, "售后状态"),
    ],
    statuses: &[
        ("售后关闭", StatusMeaning::Purchase),
        ("退货后拒绝退款", StatusMeaning::Purchase),
    ],
    currency: Some("CNY"),
    rules: &[
        "rule.no_buyer",
        "rule.line_amount",
        "rule.status_left_out",
        "rule.line_status",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// Youzan 有赞 › 订单 › 导出 订单维度 (one row per order; UTF-8). The buyer is 买家手机号,
/// or 买家昵称 where the phone is masked (`186******05`); refunds are 订单退款状态 and
/// 订单已退款金额. Header of an export mirrored in a public test.
pub static YOUZAN: Profile = Profile {
    id: "youzan.orders",
    platform: "有赞 Youzan",
    export: "订单导出（订单维度）",
    source: "https://github.com/srafyhucl-cpu/yunxibakebot",
    recognise: &["订单号", "订单实付金额", "买家手机号", "全部商品名称"],
    columns: &[
        (Field::OrderId, "订单号"),
        (Field::CustomerId, "买家手机号"),
        (Field::OrderDate, "订单创建时间"),
        (Field::LineAmount, "订单实付金额"),
        (Field::Shipping, "运费"),
        (Field::ProductName, "全部商品名称"),
        (Field::Channel, "销售渠道"),
        (Field::Region, "收货人省份"),
        (Field::City, "收货人城市"),
        (Field::Payment, "付款方式"),
        (Field::Status, "订单状态"),
        (Field::LineStatus, "订单退款状态"),
        (Field::RefundAmount, "订单已退款金额"),
    ],
    grain: Grain::Order,
    buyer_alternatives: &["买家昵称"],
    currency: Some("CNY"),
    rules: &[
        "rule.order_row",
        "rule.order_paid_less_shipping",
        "rule.status_left_out",
        "rule.line_status",
        "rule.refund_amount_line",
        "rule.buyer_fallback",
        "rule.cny",
    ],
    ..Profile::BASE
};

/// Kuaishou 快手小店 › 订单 › 导出. One row per item. The export's buyer columns
/// (账号类型, 账号明细) are not documented, so it is read without a buyer. Header as an
/// importer of the export checks it; Kuaishou publishes no column list.
pub static KUAISHOU: Profile = Profile {
    id: "kuaishou.orders",
    platform: "快手小店 Kuaishou",
    export: "订单导出",
    source: "https://github.com/KevinFan1/FinEngine",
    recognise: &["订单号", "成交数量", "实付款", "快递费", "订单创建时间"],
    columns: &[
        (Field::OrderId, "订单号"),
        (Field::OrderDate, "订单创建时间"),
        (Field::Quantity, "成交数量"),
        (Field::UnitPrice, "商品单价"),
        (Field::LineAmount, "实付款"),
        (Field::Shipping, "快递费"),
        (Field::ProductId, "商品ID"),
        (Field::ProductName, "商品名称"),
        (Field::Channel, "渠道"),
        (Field::Region, "收货地址-省"),
        (Field::City, "收货地址-市"),
        (Field::Payment, "支付方式"),
        (Field::Status, "订单状态"),
        (Field::LineStatus, "售后状态"),
    ],
    currency: Some("CNY"),
    rules: &[
        "rule.no_buyer",
        "rule.order_paid_less_shipping",
        "rule.status_left_out",
        "rule.line_status",
        "rule.cny",
    ],
    ..Profile::BASE
};
