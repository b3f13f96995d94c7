// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.
import type { Field, Requirement, TableKind, ValueKind } from './types';

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
  },
} satisfies Record<TableKind, unknown>;

/** Every field of the orders table, in contract order. */
export const FIELDS: readonly Field[] = SCHEMAS.orders.fields.map((f) => f.field);
