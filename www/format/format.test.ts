import { describe, expect, it } from 'vitest';
import {
  currencyCode,
  formatKpiMoney,
  daySpan,
  formatBytes,
  formatCompact,
  formatCount,
  formatDate,
  formatDateRange,
  formatDecimal,
  formatMoney,
  formatMoneyCompact,
  formatMoneyShort,
  formatMonth,
  formatPercent,
} from './format.js';

describe('money', () => {
  it('shows minor units as yuan with the narrow symbol in both locales', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(123456, 'CNY', 'en')).toBe('¥1,234.56');
  });

  it('uses the report currency: pounds in English', () => {
    expect(formatMoney(123456, 'GBP', 'en')).toBe('£1,234.56');
    expect(formatMoney(-5, 'USD', 'en')).toBe('-$0.05');
  });

  it('shows no currency when it is unknown or empty (never a silent ¥)', () => {
    expect(currencyCode('')).toBe('');
    expect(currencyCode('not a code')).toBe('');
    expect(formatMoney(123456, '', 'en')).toBe('1,234.56');
    expect(formatMoney(123456, '', 'zh-CN')).toBe('1,234.56');
    expect(formatMoneyCompact(823_456_789, '', 'en')).toBe('8.2M');
    expect(formatKpiMoney(973_000_000, '', 'zh-CN')).toBe('973万');
    expect(formatMoney(100, 'GBP', 'en')).toBe('£1.00');
  });

  it('is exact below 100,000 units and compact above', () => {
    expect(formatMoneyCompact(9_999_999, 'CNY', 'zh-CN')).toBe('¥99,999.99');
    expect(formatMoneyCompact(823_456_789, 'CNY', 'zh-CN')).toBe('¥823.5万');
    expect(formatMoneyCompact(823_456_789, 'GBP', 'en')).toBe('£8.2M');
  });

  it('is always compact on chart axes', () => {
    expect(formatMoneyShort(500_000, 'GBP', 'en')).toBe('£5K');
    expect(formatMoneyShort(12_000_000, 'CNY', 'zh-CN')).toBe('¥12万');
  });
});

describe('counts', () => {
  it('groups thousands exactly', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(1234567, 'zh-CN')).toBe('1,234,567');
  });

  it('is compact from 10,000: 万 in Chinese, K in English', () => {
    expect(formatCompact(12_345, 'zh-CN')).toBe('1.2万');
    expect(formatCompact(12_345, 'en')).toBe('12.3K');
    expect(formatCompact(4_372, 'en')).toBe('4,372');
    expect(formatCompact(4_372, 'zh-CN')).toBe('4,372');
    expect(formatCompact(123_456_789, 'zh-CN')).toBe('1.2亿');
  });

  it('formats decimals, percentages and bytes', () => {
    expect(formatDecimal(2.345, 'en', 2)).toBe('2.35');
    expect(formatDecimal(2, 'zh-CN', 2)).toBe('2');
    expect(formatPercent(0.3456, 'en')).toBe('34.6%');
    expect(formatPercent(0.5, 'zh-CN')).toBe('50%');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(512, 'en')).toBe('512 B');
  });
});

describe('dates', () => {
  it('formats zone-less ISO times as the wall clock in both locales', () => {
    expect(formatDate('2011-12-09T12:50:00', 'en')).toBe('Dec 9, 2011');
    expect(formatDate('2011-12-09T23:59:59', 'zh-CN')).toBe('2011年12月9日');
    expect(formatMonth('2011-12', 'en')).toBe('Dec 2011');
    expect(formatMonth('2011-12', 'zh-CN')).toBe('2011年12月');
  });

  it('formats ranges and counts days inclusively', () => {
    expect(formatDateRange('2010-12-01T08:26:00', '2011-12-09T12:50:00', 'en')).toBe('Dec 1, 2010 – Dec 9, 2011');
    expect(formatDateRange('2010-12-01T08:26:00', '2011-12-09T12:50:00', 'zh-CN')).toBe('2010年12月1日 至 2011年12月9日');
    expect(formatDateRange(null, null, 'en')).toBe('—');
    expect(daySpan('2024-01-01T10:00:00', '2024-01-31T09:00:00')).toBe(31);
  });

  it('leaves text that is not ISO unchanged', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
