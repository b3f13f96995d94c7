/**
 * The profile's columns as the page groups and shows them — shared by the profile table and
 * the customer card of this folder.
 */

import { ANALYSES, type Cell, type ColumnKind } from '../../api/types.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { t } from './messages.js';

type Key = Parameters<typeof t>[0];

/** A profile column's name (`aov_cents`). */
export type Feature = (typeof ANALYSES.profile.columns)[number]['name'];

/** Each column's kind, from the Rust `ColumnSpec`s. */
export const KINDS: ReadonlyMap<string, ColumnKind> = new Map(ANALYSES.profile.columns.map((c) => [c.name, c.kind]));

/** The column groups the table offers; every profile column is in one (a unit test checks). */
export const GROUPS = {
  consumption: ['orders', 'purchase_cents', 'revenue_cents', 'aov_cents', 'items_per_order', 'return_rate'],
  timing: [
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
  ],
  preference: [
    'top_category',
    'top_category_share',
    'category_affinity',
    'top_channel',
    'top_channel_share',
    'region',
    'price_index',
    'price_band',
    'new_product_share',
  ],
} as const satisfies Record<string, readonly string[]>;

export type GroupId = keyof typeof GROUPS;

/** The groups, in the order the table offers them. */
export const GROUP_IDS = Object.keys(GROUPS) as GroupId[];

/** One value as the page shows it, by its column's kind. */
export function formatCell(feature: string, value: Cell | undefined, currency: string, locale: Locale): string {
  if (value === null || value === undefined) return t('profiles.none');
  const kind = KINDS.get(feature)?.kind;
  if (typeof value === 'string') {
    if (feature === 'preferred_weekday') return t(`profiles.weekday.${value}` as Key);
    if (feature === 'price_band') return t(`profiles.band.${value}` as Key);
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

