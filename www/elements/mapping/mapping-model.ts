/**
 * The mapping-override builder behind `<portrait-mapping>`: pure functions from the user's
 * per-column choices to `IngestOptions.files[].mapping`, mirroring the Rust rules in
 * `src/ingest/columns.rs` (`missing_fields`) so the page can tell what is missing before it
 * asks the worker.
 */

import { FIELDS, type ColumnAssignment, type DateOrder, type Field, type FileOptions, type IngestOptions } from '../../api/types.js';

/** Per column (index = column index): the field it feeds, or `null` for "not used". */
export type Selections = ReadonlyArray<Field | null>;

/** The per-column view of a mapping. Assignments outside the header are dropped. */
export function selectionsFromMapping(columnCount: number, mapping: readonly ColumnAssignment[]): Selections {
  const out: Array<Field | null> = new Array(columnCount).fill(null);
  for (const { field, column } of mapping) {
    if (column >= 0 && column < columnCount && out[column] === null) out[column] = field;
  }
  return out;
}

/**
 * Assigns `field` to `column`; a field feeds one column only, so it is taken away from
 * any other column that had it.
 */
export function assign(selections: Selections, column: number, field: Field | null): Selections {
  return selections.map((f, i) => {
    if (i === column) return field;
    return field !== null && f === field ? null : f;
  });
}

/** The mapping the worker expects: one assignment per chosen field, in contract order. */
export function mappingFromSelections(selections: Selections): ColumnAssignment[] {
  const out: ColumnAssignment[] = [];
  for (const field of FIELDS) {
    const column = selections.indexOf(field);
    if (column >= 0) out.push({ field, column });
  }
  return out;
}

/**
 * Required fields with no column, as `columns::missing_fields` computes them: order_id,
 * customer_id, order_date; quantity unless a line amount stands in; unit_price (meaning
 * "unit price or line amount").
 */
export function missingFields(mapping: readonly ColumnAssignment[]): Field[] {
  const has = (f: Field) => mapping.some((a) => a.field === f);
  const missing: Field[] = [];
  for (const f of ['order_id', 'customer_id', 'order_date'] as const) if (!has(f)) missing.push(f);
  if (!has('quantity') && !has('line_amount')) missing.push('quantity');
  if (!has('unit_price') && !has('line_amount')) missing.push('unit_price');
  return missing;
}

/** `options` with `file`'s mapping replaced (other files and the file's sheet kept). */
export function withMapping(options: IngestOptions, file: string, mapping: ColumnAssignment[]): IngestOptions {
  const files: FileOptions[] = (options.files ?? []).map((f) => ({ ...f }));
  const existing = files.find((f) => f.file === file);
  if (existing) existing.mapping = mapping;
  else files.push({ file, mapping });
  return { ...options, files };
}

/** `options` reading `sheet` of `file`; the file's column mapping is dropped (another sheet has other columns). */
export function withSheet(options: IngestOptions, file: string, sheet: string): IngestOptions {
  const files: FileOptions[] = (options.files ?? []).map((f) => ({ ...f }));
  const existing = files.find((f) => f.file === file);
  if (existing) {
    existing.sheet = sheet;
    delete existing.mapping;
  } else files.push({ file, sheet });
  return { ...options, files };
}

/** `options` with the day/month order set. */
export function withDateOrder(options: IngestOptions, order: DateOrder): IngestOptions {
  return { ...options, date_order: order };
}

/** Example values of one column from the preview rows (distinct, non-empty, at most `n`). */
export function sampleValues(preview: readonly (readonly string[])[], column: number, n = 3): string[] {
  const out: string[] = [];
  for (const row of preview) {
    const v = row[column];
    if (v !== undefined && v.trim() !== '' && !out.includes(v)) out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * The quoted example dates of an `ingest.ambiguous_date_order` message
 * (`… cannot tell whether dates such as "3/4/2024", "5/6/2024" are day/month …`).
 */
export function quotedExamples(message: string): string[] {
  const i = message.indexOf('such as');
  if (i < 0) return [];
  const j = message.indexOf(' are ', i);
  const part = message.slice(i, j < 0 ? undefined : j);
  return Array.from(part.matchAll(/"([^"]*)"/g), (m) => m[1]!).slice(0, 3);
}
