/**
 * The portrait's columns as the page groups and shows them — shared by the profile table and
 * the customer card of this folder. A column is named by its customer-table id
 * (`profile.orders`, `demographics.gender`, `behaviour.views`): the profile's consumption,
 * timing and preference features, and — when the drop held a customer list or an events
 * log — the basic attributes and the behaviour joined from them.
 */

import { ANALYSES, type Cell, type ColumnId, type ColumnKind, type IngestSummary, type TableKind } from '../../api/types.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { t } from './messages.js';

type Key = Parameters<typeof t>[0];

/** The analyses whose columns the portrait shows. */
const SOURCES = ['profile', 'demographics', 'behaviour'] as const;

/** A column's name within its analysis (`profile.aov_cents` → `aov_cents`). */
export function nameOf(id: string): string {
  return id.slice(id.indexOf('.') + 1);
}

/** Each column's kind, from the Rust `ColumnSpec`s, by column id. */
export const KINDS: ReadonlyMap<string, ColumnKind> = new Map(
  SOURCES.flatMap((kind) => ANALYSES[kind].columns.map((c) => [`${kind}.${c.name}`, c.kind] as const)),
);

const profile = (names: string[]) => names.map((n) => `profile.${n}` as ColumnId);

/** The column groups the table offers; every column of the three analyses is in one (a unit test checks). */
export const GROUPS = {
  consumption: profile(['orders', 'purchase_cents', 'revenue_cents', 'aov_cents', 'items_per_order', 'return_rate', 'discount_share']),
  timing: profile([
    'first_order_date',
    'last_order_date',
    'days_since_last_order',
    'days_since_first_order',
    'purchase_days',
    'mean_days_between_orders',
    'median_days_between_orders',
    'preferred_hour',
    'preferred_weekday',
    'festival_share',
  ]),
  preference: profile([
    'top_category',
    'top_category_share',
    'category_affinity',
    'top_categories',
    'top_brand',
    'top_brand_share',
    'brand_affinity',
    'top_channel',
    'top_channel_share',
    'channel_mix',
    'region',
    'price_index',
    'price_band',
    'new_product_share',
  ]),
  basic: ANALYSES.demographics.columns.map((c) => `demographics.${c.name}` as ColumnId),
  behaviour: ANALYSES.behaviour.columns.map((c) => `behaviour.${c.name}` as ColumnId),
} as const satisfies Record<string, readonly ColumnId[]>;

export type GroupId = keyof typeof GROUPS;

/** The table a group's columns are joined from (the others come from the orders). */
const GROUP_TABLE: Partial<Record<GroupId, TableKind>> = { basic: 'customers', behaviour: 'events' };

/** The groups the loaded data has, in the order the table offers them. */
export function groupsFor(summary: IngestSummary | null | undefined): GroupId[] {
  const has = (k: TableKind) => summary?.files.some((f) => f.table === k) ?? false;
  return (Object.keys(GROUPS) as GroupId[]).filter((g) => {
    const table = GROUP_TABLE[g];
    return table === undefined || has(table);
  });
}

/** A column's label and definition in the UI language. */
export function label(id: string): string {
  return t(`profiles.col.${nameOf(id)}` as Key);
}
export function definition(id: string): string {
  return t(`profiles.doc.${nameOf(id)}` as Key);
}

/** One value as the page shows it, by its column's kind (`id`: the column's id). */
export function formatCell(id: string, value: Cell | undefined, currency: string, locale: Locale): string {
  if (value === null || value === undefined) return t('profiles.none');
  const feature = nameOf(id);
  const kind = KINDS.get(id)?.kind;
  if (typeof value === 'string') {
    if (feature === 'preferred_weekday') return t(`profiles.weekday.${value}` as Key);
    if (feature === 'price_band') return t(`profiles.band.${value}` as Key);
    if (feature === 'gender') return t(`profiles.gender.${value}` as Key);
    if (feature === 'age_band') return t(`profiles.ageBand.${value}` as Key);
    if (kind === 'date') return formatDate(value, locale);
    return value;
  }
  switch (kind) {
    case 'money':
      return formatMoney(value, currency, locale);
    case 'share':
      return formatPercent(value, locale);
    case 'number':
      return formatDecimal(value, locale, 2);
    case 'hour':
      return t('profiles.hour', { hour: value });
    default:
      return formatCount(value, locale);
  }
}
