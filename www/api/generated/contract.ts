// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.
import type { Field, PlatformChoice, Requirement, TableKind, ValueKind } from './types';

/** Each table of the data contract: its fields in contract order, what each holds, what a file must map. */
export const SCHEMAS = {
  orders: {
    fields: [
      { field: "order_id", value: "id" },
      { field: "customer_id", value: "id" },
      { field: "order_date", value: "date" },
      { field: "quantity", value: "quantity" },
      { field: "unit_price", value: "money" },
      { field: "line_amount", value: "money" },
      { field: "product_id", value: "id" },
      { field: "product_name", value: "text" },
      { field: "category", value: "text" },
      { field: "brand", value: "text" },
      { field: "channel", value: "text" },
      { field: "region", value: "text" },
      { field: "city", value: "text" },
      { field: "campaign", value: "text" },
      { field: "payment", value: "text" },
      { field: "status", value: "status" },
      { field: "currency", value: "text" },
      { field: "refund_amount", value: "money" },
      { field: "shipping", value: "money" },
      { field: "cancelled_at", value: "date" },
      { field: "line_status", value: "status" },
      { field: "discount", value: "money" },
    ] as { field: Field; value: ValueKind }[],
    required: [{"any_of":["order_id"],"reported":"order_id"},{"any_of":["customer_id"],"reported":"customer_id"},{"any_of":["order_date"],"reported":"order_date"},{"any_of":["quantity","line_amount"],"reported":"quantity"},{"any_of":["unit_price","line_amount"],"reported":"unit_price"}] as Requirement[],
    stand_in: ["order_id"] as Field[],
  },
  customers: {
    fields: [
      { field: "customer_id", value: "id" },
      { field: "customer_name", value: "text" },
      { field: "gender", value: "text" },
      { field: "birth_date", value: "date" },
      { field: "age", value: "quantity" },
      { field: "region", value: "text" },
      { field: "city", value: "text" },
      { field: "occupation", value: "text" },
      { field: "education", value: "text" },
      { field: "income", value: "text" },
      { field: "member_level", value: "text" },
      { field: "signup_date", value: "date" },
      { field: "email", value: "text" },
      { field: "phone", value: "text" },
      { field: "channel", value: "text" },
    ] as { field: Field; value: ValueKind }[],
    required: [{"any_of":["customer_id"],"reported":"customer_id"}] as Requirement[],
    stand_in: [] as Field[],
  },
  events: {
    fields: [
      { field: "customer_id", value: "id" },
      { field: "event_time", value: "date" },
      { field: "event_type", value: "text" },
      { field: "product_id", value: "id" },
      { field: "category", value: "text" },
      { field: "duration", value: "quantity" },
      { field: "search_query", value: "text" },
      { field: "session_id", value: "id" },
      { field: "channel", value: "text" },
    ] as { field: Field; value: ValueKind }[],
    required: [{"any_of":["customer_id"],"reported":"customer_id"},{"any_of":["event_time"],"reported":"event_time"},{"any_of":["event_type"],"reported":"event_type"}] as Requirement[],
    stand_in: [] as Field[],
  },
  products: {
    fields: [
      { field: "product_id", value: "id" },
      { field: "product_name", value: "text" },
      { field: "category", value: "text" },
      { field: "brand", value: "text" },
      { field: "price", value: "money" },
      { field: "product_tags", value: "text" },
    ] as { field: Field; value: ValueKind }[],
    required: [{"any_of":["product_id"],"reported":"product_id"}] as Requirement[],
    stand_in: [] as Field[],
  },
} satisfies Record<TableKind, unknown>;

/** Every field of the orders table, in contract order. */
export const FIELDS: readonly Field[] = SCHEMAS.orders.fields.map((f) => f.field);

/** The platform exports a file can be read as (`FileOptions.platform`; `none`: no platform). */
export const PLATFORMS: PlatformChoice[] = [
  {
    "id": "shopify.orders",
    "platform": "Shopify",
    "export": "Orders export (Admin › Orders › Export)"
  },
  {
    "id": "woocommerce.orders",
    "platform": "WooCommerce",
    "export": "Customer / Order / Coupon Export (one row per item)"
  },
  {
    "id": "ebay.orders",
    "platform": "eBay",
    "export": "Orders report (Seller Hub › Orders › Download report)"
  },
  {
    "id": "etsy.orders",
    "platform": "Etsy",
    "export": "Sold orders (EtsySoldOrders.csv)"
  },
  {
    "id": "etsy.order_items",
    "platform": "Etsy",
    "export": "Sold order items (EtsySoldOrderItems.csv)"
  },
  {
    "id": "amazon.all_orders",
    "platform": "Amazon",
    "export": "All Orders report (Seller Central, flat file)"
  },
  {
    "id": "shopee.orders",
    "platform": "Shopee",
    "export": "Order export (Seller Centre › My Orders › Export)"
  },
  {
    "id": "lazada.orders",
    "platform": "Lazada",
    "export": "Order export (Seller Center › Orders › Export)"
  },
  {
    "id": "taobao.orders",
    "platform": "淘宝/天猫 Taobao/Tmall",
    "export": "订单报表 (ExportOrderList)"
  },
  {
    "id": "taobao.order_items",
    "platform": "淘宝/天猫 Taobao/Tmall",
    "export": "宝贝报表 (ExportOrderDetailList)"
  },
  {
    "id": "jd.orders",
    "platform": "京东 JD",
    "export": "商家后台 订单导出"
  },
  {
    "id": "pinduoduo.orders",
    "platform": "拼多多 Pinduoduo",
    "export": "商家后台 订单导出"
  },
  {
    "id": "douyin.orders",
    "platform": "抖店 Douyin",
    "export": "订单管理 批量导出"
  },
  {
    "id": "youzan.orders",
    "platform": "有赞 Youzan",
    "export": "订单导出（订单维度）"
  },
  {
    "id": "kuaishou.orders",
    "platform": "快手小店 Kuaishou",
    "export": "订单导出"
  }
];
