/**
 * Locale-aware number, money and date formatting. Pure functions of (value, locale), so the
 * unit tests pin the output for both UI languages.
 *
 * - Money arrives as integer minor units (`*_cents`) and is shown in the report's currency
 *   with the narrow symbol: `¥1,234.56`, `£1,234.56`. When the currency is not known, the
 *   amount is shown with no symbol (`1,234.56`): a UK shop must not silently turn into ¥.
 * - Large counts are compact in cards (`1.2万`, `12.3K`); the exact value goes in the tooltip.
 * - Times are wall-clock ISO strings without a zone: they are formatted in UTC so the
 *   browser's own zone never shifts a date.
 */

export type Locale = 'en' | 'zh-CN';

/** The Intl locale used for each UI language. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };


/** Counts at or above this are shown compact on chart axes. */
export const COMPACT_FROM = 10_000;

/**
 * The one precision rule of KPI cards, for counts and money alike: below a million units a
 * card shows the exact value (`4,372`, `20,728`, `£512.35`); from a million on, three
 * significant digits (`£9.73M`, `973万`). The exact value is always one focus, tap or
 * hover away.
 */
export const KPI_EXACT_BELOW = 1_000_000;

const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, f);
  }
  return f;
}

/** A valid ISO 4217 code, or `''` when the currency is not known. */
export function currencyCode(code: string | null | undefined): string {
  if (code && /^[A-Z]{3}$/.test(code)) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      return code;
    } catch {
      // unknown to this browser: fall through
    }
  }
  return '';
}

/** How an amount in `currency` is written: with its symbol, or — unknown — as a number. */
function moneyStyle(currency: string, cents = true): Intl.NumberFormatOptions {
  const code = currencyCode(currency);
  if (code) return { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' };
  return cents ? { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 2 } : { style: 'decimal' };
}

/** `¥1,234.56` from 123456 minor units (`1,234.56` when the currency is not known). */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  return nf(locale, moneyStyle(currency)).format(cents / 100);
}

/** `¥1.2万` / `¥12.3K` for large amounts, exact below 100,000 units. */
export function formatMoneyCompact(cents: number, currency: string, locale: Locale): string {
  const units = cents / 100;
  if (Math.abs(units) < 100_000) return formatMoney(cents, currency, locale);
  return nf(locale, {
    ...moneyStyle(currency, false),
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(units);
}

/** Always compact, for chart axes: `¥5K`, `¥1.2万`. */
export function formatMoneyShort(cents: number, currency: string, locale: Locale): string {
  return nf(locale, {
    ...moneyStyle(currency, false),
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

/** `12,345` exactly. */
export function formatCount(n: number, locale: Locale): string {
  return nf(locale, { maximumFractionDigits: 0 }).format(n);
}

/** `1.2万` / `12.3K` at or above 10,000; exact (with grouping) below. */
export function formatCompact(n: number, locale: Locale): string {
  if (Math.abs(n) < COMPACT_FROM) return formatCount(n, locale);
  return nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A count on a KPI card (`KPI_EXACT_BELOW`). */
export function formatKpiCount(n: number, locale: Locale): string {
  if (Math.abs(n) < KPI_EXACT_BELOW) return formatCount(n, locale);
  return nf(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}

/** An amount on a KPI card (`KPI_EXACT_BELOW` units). */
export function formatKpiMoney(cents: number, currency: string, locale: Locale): string {
  if (Math.abs(cents / 100) < KPI_EXACT_BELOW) return formatMoney(cents, currency, locale);
  return nf(locale, {
    ...moneyStyle(currency, false),
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(cents / 100);
}

/** `1.25` with at most `digits` fraction digits. */
export function formatDecimal(x: number, locale: Locale, digits = 2): string {
  return nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** `34.5%` from 0.345. */
export function formatPercent(x: number, locale: Locale, digits = 1): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** `34.50%` from 0.345: exactly `digits` fraction digits, so a column of shares lines up. */
export function formatPercentFixed(x: number, locale: Locale, digits: number): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

/** `1.250` from 1.25: exactly `digits` fraction digits. */
export function formatDecimalFixed(x: number, locale: Locale, digits: number): string {
  return nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

/** Milliseconds of a zone-less ISO time read as UTC (`2011-12-09T12:50:00`, `2011-12-09`). */
export function parseIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
}

const dfCache = new Map<string, Intl.DateTimeFormat>();
function df(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = dfCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' });
    dfCache.set(key, f);
  }
  return f;
}

/** `Dec 9, 2011` / `2011年12月9日`; the input unchanged if it is not ISO. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const t = parseIso(iso);
  if (Number.isNaN(t)) return iso;
  return df(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(t);
}

/** `Dec 2011` / `2011年12月` from `2011-12`. */
export function formatMonth(month: string, locale: Locale): string {
  const t = parseIso(month);
  if (Number.isNaN(t)) return month;
  return df(locale, { year: 'numeric', month: 'short' }).format(t);
}

/** `Dec 1, 2010 – Dec 9, 2011` (an en dash; `至` in Chinese). */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined, locale: Locale): string {
  if (!from || !to) return '—';
  const sep = locale === 'zh-CN' ? ' 至 ' : ' – ';
  return formatDate(from, locale) + sep + formatDate(to, locale);
}

/** Whole days between two zone-less ISO times (inclusive of both days). */
export function daySpan(from: string | null | undefined, to: string | null | undefined): number {
  if (!from || !to) return 0;
  const a = parseIso(from.slice(0, 10));
  const b = parseIso(to.slice(0, 10));
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.round((b - a) / 86_400_000) + 1;
}

/** `1.5 MB` (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${formatDecimal(v, locale, u === 0 ? 0 : 1)} ${units[u]}`;
}
