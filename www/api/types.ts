/**
 * TypeScript mirrors of the Rust result structs that cross the worker boundary.
 *
 * **API boundary:** the field names are the serde names of the Rust structs (snake_case);
 * renaming one on either side is a breaking change. Money is always integer minor units
 * (`*_cents`), times are wall-clock ISO strings without a time zone.
 *
 * Sources: `src/session.rs` (IngestSummary), `src/ingest/mod.rs` (FileInspection,
 * FileOptions, IngestOptions), `src/ingest/columns.rs` (Field, ColumnAssignment),
 * `src/ingest/report.rs` (QualityReport …), `src/analysis/overview.rs` (Overview,
 * MonthPoint), `src/segment/rfm.rs` (RfmSummary …), `src/error.rs` (WireError).
 */

// ---------------------------------------------------------------- errors

/** An error as plain data (`src/error.rs` `WireError`). */
export interface WireError {
  /** Stable code the page translates, e.g. `ingest.missing_columns`. */
  code: string;
  /** Full English message (names file, line and column where there is one). */
  message: string;
  file?: string | null;
  line?: number | null;
  column?: string | null;
}

// ---------------------------------------------------------------- ingest

/** Data-contract fields of the orders table (`src/ingest/columns.rs` `Field`). */
export const FIELDS = [
  'order_id',
  'customer_id',
  'order_date',
  'quantity',
  'unit_price',
  'line_amount',
  'product_id',
  'product_name',
  'category',
  'brand',
  'channel',
  'region',
  'city',
  'campaign',
  'payment',
  'status',
] as const;

/** One data-contract field code. */
export type Field = (typeof FIELDS)[number];

/**
 * Fields an orders file must map: order_id, customer_id, order_date, and either quantity
 * and unit_price, or line_amount (`columns::missing_fields`).
 */
export const REQUIRED_FIELDS: readonly Field[] = ['order_id', 'customer_id', 'order_date', 'quantity', 'unit_price'];

/** The column chosen for one field. */
export interface ColumnAssignment {
  field: Field;
  /** 0-based column index into `FileInspection.headers`. */
  column: number;
}

/** Day/month order for slashed dates like `3/4/2024`. */
export type DateOrder = 'day_first' | 'month_first';

/** Per-file choices (`FileOptions`). Only explicitly set options are sent. */
export interface FileOptions {
  file: string;
  sheet?: string | null;
  mapping?: ColumnAssignment[] | null;
}

/** Options of one ingest run (`IngestOptions`); defaults live in Rust. */
export interface IngestOptions {
  files?: FileOptions[];
  date_order?: DateOrder | null;
}

/** What `inspect` reports about one file (`FileInspection`). */
export interface FileInspection {
  file: string;
  format: string;
  encoding: string;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  mapping: ColumnAssignment[];
  missing: Field[];
  preview: string[][];
}

/** Stage of a running ingest. */
export type IngestStage = 'decoding' | 'parsing' | 'cleaning' | 'done';

/** Progress of a running ingest (`ingest::Progress`). */
/**
 * Where a large CSV is cut so two workers read one half each (`ingest::split::SplitPlan`).
 * Internal to the workers: the page never sees it.
 */
export interface SplitPlan {
  /** Bytes before the first data row (BOM, header line); the tail worker reads them too. */
  prefix_len: number;
  /** First byte of the tail half. */
  split: number;
  /** File size. */
  size: number;
  /** Field delimiter byte. */
  delimiter: number;
}

export interface IngestProgress {
  stage: IngestStage;
  file: string;
  file_index: number;
  files: number;
  rows: number;
  bytes_done: number;
  bytes_total: number;
}

// ---------------------------------------------------------------- quality

/** Why a row was not used (`RejectReason`). */
export type RejectReason =
  | 'wrong_field_count'
  | 'missing_order_id'
  | 'missing_date'
  | 'invalid_date'
  | 'invalid_quantity'
  | 'invalid_price'
  | 'malformed';

export interface Rejection {
  file: string;
  line: number;
  column: string;
  value: string;
  detail: string;
}

export interface RejectionGroup {
  reason: RejectReason;
  message: string;
  count: number;
  examples: Rejection[];
}

export interface FileReport {
  file: string;
  format: string;
  encoding: string;
  rows_read: number;
  rows_used: number;
  date_format: string;
}

export interface CurrencyGuess {
  code: string;
  symbol: string;
  basis: string;
}

export interface ReadTotals {
  lines: number;
  value_cents: number;
  return_lines: number;
  cancelled_order_lines: number;
  orders: number;
  customers: number;
}

export interface QualityReport {
  files: FileReport[];
  rows_read: number;
  rows_used: number;
  rows_rejected: number;
  rejected: RejectionGroup[];
  duplicates_removed: number;
  read: ReadTotals;
  return_lines: number;
  missing_customer_lines: number;
  date_min: string | null;
  date_max: string | null;
  currency: CurrencyGuess;
}

// ---------------------------------------------------------------- overview

export interface MonthPoint {
  month: string;
  revenue_cents: number;
  gross_sales_cents: number;
  returns_cents: number;
  orders: number;
  active_customers: number;
  new_customers: number;
}

export interface Overview {
  customers: number;
  orders: number;
  return_orders: number;
  revenue_cents: number;
  gross_sales_cents: number;
  returns_cents: number;
  aov_cents: number;
  revenue_per_customer_cents: number;
  repeat_rate: number;
  items_per_order: number;
  lines: number;
  products: number;
  date_min: string | null;
  date_max: string | null;
  monthly: MonthPoint[];
}

/** What a finished ingest returns: enough for the first screen (`IngestSummary`). */
export interface IngestSummary {
  files: FileInspection[];
  quality: QualityReport;
  overview: Overview;
}

// ---------------------------------------------------------------- RFM

/** The 11 named RFM segments, best first (`Segment::ALL`). */
export const SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'cannot_lose_them',
  'at_risk',
  'hibernating',
  'lost',
] as const;

export type Segment = (typeof SEGMENTS)[number];

export interface SegmentStats {
  segment: Segment;
  label: string;
  customers: number;
  customer_share: number;
  revenue_cents: number;
  revenue_share: number;
  mean_recency_days: number;
  mean_frequency: number;
  mean_monetary_cents: number;
}

export interface GridCell {
  r: number;
  f: number;
  customers: number;
  revenue_cents: number;
  segment: Segment;
}

export interface RfmSummary {
  customers: number;
  snapshot_date: string | null;
  segments: SegmentStats[];
  grid: GridCell[];
}

export type RfmColumn = 'customer_id' | 'recency' | 'frequency' | 'monetary' | 'segment';

/** A page request on the customer table (`RfmQuery`). */
export interface RfmQuery {
  search?: string;
  segment?: Segment | null;
  sort?: RfmColumn;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

export interface RfmRow {
  customer_id: string;
  recency: number;
  frequency: number;
  monetary_cents: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: Segment;
}

export interface RfmPage {
  total: number;
  offset: number;
  rows: RfmRow[];
}
