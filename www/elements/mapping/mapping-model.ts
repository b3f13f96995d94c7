/**
 * The mapping-override builder behind `<portrait-mapping>`: pure functions from the user's
 * per-column choices to `IngestOptions.files[].mapping`. What a file must map is its table's
 * schema rules, generated from Rust (`SCHEMAS[table].required`), so the page can tell what
 * is missing before it asks the worker, by the same rules.
 */

import { SCHEMAS, type ColumnAssignment, type DateOrder, type Field, type FileOptions, type IngestOptions, type Input, type Proposal, type TableKind } from '../../api/types.js';

/** The tables a file can be read as, in contract order. */
export const TABLES = Object.keys(SCHEMAS) as TableKind[];

/** The fields of `table`, in contract order. */
export function fieldsOf(table: TableKind = 'orders'): readonly Field[] {
  return SCHEMAS[table].fields.map((f) => f.field);
}

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

/**
 * `selections` with the file's content-based proposals (`FileInspection.proposals`) on the
 * columns and fields still free: the merchant confirms them instead of searching.
 */
export function withProposals(selections: Selections, f: { proposals: readonly Proposal[] }): Selections {
  let out = selections;
  for (const p of f.proposals) {
    if (out[p.column] === null && !out.includes(p.field)) out = assign(out, p.column, p.field);
  }
  return out;
}

/** The mapping the worker expects: one assignment per chosen field, in contract order. */
export function mappingFromSelections(selections: Selections, table: TableKind = 'orders'): ColumnAssignment[] {
  const out: ColumnAssignment[] = [];
  for (const field of fieldsOf(table)) {
    const column = selections.indexOf(field);
    if (column >= 0) out.push({ field, column });
  }
  return out;
}

/**
 * Required fields with no column, as `Schema::missing` computes them: each requirement none
 * of whose fields is mapped names its field (a line amount stands in for quantity and
 * unit price).
 */
export function missingFields(mapping: readonly ColumnAssignment[], noBuyer = false, table: TableKind = 'orders'): Field[] {
  const has = (f: Field) => mapping.some((a) => a.field === f);
  return SCHEMAS[table].required
    .filter((r) => !r.any_of.some(has))
    .map((r) => r.reported)
    .filter((f) => !(noBuyer && f === 'customer_id'));
}

/**
 * `missing` without the fields the table can do without (`Schema::stand_in`: orders with no
 * order id column make each customer and time one order) — unless the worker, which looked
 * at the values, still asked for them (`asked`: the file's `FileInspection.missing`).
 */
export function withoutStandIns(missing: readonly Field[], asked: readonly Field[], table: TableKind = 'orders'): Field[] {
  const standIn: readonly Field[] = SCHEMAS[table].stand_in;
  return missing.filter((f) => !standIn.includes(f) || asked.includes(f));
}

/** The fields a file of `table` must map (each requirement's named field). */
export function requiredFields(table: TableKind = 'orders'): readonly Field[] {
  return SCHEMAS[table].required.map((r) => r.reported);
}

/** `options` with `file`'s options (made when it has none) changed by `change`; other files kept. */
function withFile(options: Input<IngestOptions>, file: string, change: (f: Input<FileOptions>) => void): Input<IngestOptions> {
  const files: Input<FileOptions>[] = (options.files ?? []).map((f) => ({ ...f }));
  let existing = files.find((f) => f.file === file);
  if (!existing) {
    existing = { file };
    files.push(existing);
  }
  change(existing);
  return { ...options, files };
}

/**
 * `options` reading `file` as a `table` table (`null`: recognise it from the header); the
 * file's mapping and platform are dropped (another table has other fields).
 */
export function withTable(options: Input<IngestOptions>, file: string, table: TableKind | null): Input<IngestOptions> {
  return withFile(options, file, (f) => {
    delete f.mapping;
    delete f.platform;
    if (table === null) delete f.table;
    else f.table = table;
  });
}

/** `options` with `file`'s mapping replaced (other files and the file's sheet kept). */
export function withMapping(options: Input<IngestOptions>, file: string, mapping: ColumnAssignment[]): Input<IngestOptions> {
  return withFile(options, file, (f) => {
    f.mapping = mapping;
  });
}

/** `options` reading `sheet` of `file`; the file's column mapping is dropped (another sheet has other columns). */
export function withSheet(options: Input<IngestOptions>, file: string, sheet: string): Input<IngestOptions> {
  return withFile(options, file, (f) => {
    f.sheet = sheet;
    delete f.mapping;
  });
}

/**
 * `options` reading `file` as platform export `platform` (a profile id, `none`, or `null`
 * for "recognise it"); the file's column mapping is dropped (the profile maps it).
 */
export function withPlatform(options: Input<IngestOptions>, file: string, platform: string | null): Input<IngestOptions> {
  return withFile(options, file, (f) => {
    delete f.mapping;
    if (platform === null) delete f.platform;
    else f.platform = platform;
  });
}

/** `options` with the currency of amounts that name none set (`null`: guess it). */
export function withCurrency(options: Input<IngestOptions>, currency: string | null): Input<IngestOptions> {
  const next = { ...options };
  if (currency === null) delete next.currency;
  else next.currency = currency;
  return next;
}

/** `options` with the day/month order set. */
export function withDateOrder(options: Input<IngestOptions>, order: DateOrder): Input<IngestOptions> {
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


