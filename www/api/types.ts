/**
 * The types that cross the worker boundary. They are generated from the Rust types
 * (`www/api/generated/`, `make types`): the serde field names of the Rust structs *are* this
 * API, money is integer minor units (`*_cents`), times are wall-clock ISO strings without a
 * zone. Nothing here is copied by hand; this module only re-exports and adds names built
 * from the generated ones.
 */

export type * from './generated/types.js';
export type { Analyses, AnalysisKind } from './generated/analyses.js';
export { ANALYSES } from './generated/analyses.js';
export { FIELDS, PLATFORMS, SCHEMAS } from './generated/contract.js';
export { DEFAULTS } from './generated/defaults.js';
export type { CoreCode } from './generated/messages.js';

import type { Analyses, AnalysisKind } from './generated/analyses.js';
import type { Cell, Message } from './generated/types.js';

/** The parameters of a core message or error, by name. */
export type Params = NonNullable<Message['params']>;

/**
 * A request type as the page may send it: every field optional, at every depth, because
 * the Rust side fills each missing field with its serde default (defaults live once, in
 * Rust). The generated types describe what Rust *sends*, with every field present.
 */
export type Input<T> = T extends readonly (infer U)[]
  ? Input<U>[]
  : T extends object
    ? { [K in keyof T]?: Input<T[K]> | null }
    : T;

/** The parameters of analysis `K` (every field optional: the defaults live in Rust). */
export type ParamsOf<K extends AnalysisKind> = Input<Analyses[K]['params']>;

/** The output of analysis `K`. */
export type OutputOf<K extends AnalysisKind> = Analyses[K]['output'];

/** A column of the customer table: `kind.name`. */
export type ColumnId = { [K in AnalysisKind]: `${K}.${keyof Analyses[K]['columns'] & string}` }[AnalysisKind];

/** The value type of column `C`. */
export type ColumnValue<C extends ColumnId> = C extends `${infer K extends AnalysisKind}.${infer N}`
  ? N extends keyof Analyses[K]['columns']
    ? Analyses[K]['columns'][N]
    : never
  : never;

/** One row of a table page with columns `C`. */
export type RowOf<C extends ColumnId> = { customer_id: string } & { [K in C]: ColumnValue<K> } & Record<string, Cell>;

/** The RFM segment codes (the `rfm.segment` column's values). */
export type Segment = Analyses['rfm']['columns']['segment'];
