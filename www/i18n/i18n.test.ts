import { describe, expect, it } from 'vitest';
import { SEGMENTS, FIELDS } from '../api/types.js';
import { en } from './en.js';
import { fill, localeFor, MESSAGES, t, tCode } from './index.js';
import { zhCN } from './zh-CN.js';

describe('message tables', () => {
  it('have identical key sets', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const table of Object.values(MESSAGES)) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });

  it('name every segment and field in both languages', () => {
    for (const s of SEGMENTS) {
      expect(en).toHaveProperty(`segment.${s}`);
      expect(en).toHaveProperty(`segment.${s}.desc`);
    }
    for (const f of FIELDS) expect(en).toHaveProperty(`field.${f}`);
    expect(zhCN['segment.champions']).toBe('冠军客户');
    expect(zhCN['segment.at_risk']).toBe('有流失风险');
    expect(zhCN['segment.hibernating']).toBe('沉睡客户');
    expect(zhCN['segment.lost']).toBe('已流失');
  });

  it('translate every reject reason of the core', () => {
    const reasons = ['wrong_field_count', 'missing_order_id', 'missing_date', 'invalid_date', 'invalid_quantity', 'invalid_price', 'malformed'];
    for (const r of reasons) expect(en).toHaveProperty(`reason.${r}`);
  });
});

describe('lookup', () => {
  it('picks zh-CN for any Chinese browser language, English otherwise', () => {
    expect(localeFor('zh-CN')).toBe('zh-CN');
    expect(localeFor('zh-TW')).toBe('zh-CN');
    expect(localeFor('zh')).toBe('zh-CN');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('de')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(fill('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
    expect(fill('{a} {x}', { a: 1 })).toBe('1 {x}');
    expect(t('rfm.page', { from: 1, to: 50, total: 60 }, 'en')).toBe('1–50 of 60');
    expect(t('rfm.page', { from: 1, to: 50, total: 60 }, 'zh-CN')).toBe('第 1–50 条，共 60 条');
  });

  it('falls back to the English message of the core for unknown codes', () => {
    expect(tCode('error.ingest.empty_file', 'x', 'zh-CN')).toBe('文件是空的。');
    expect(tCode('error.ingest.brand_new', 'a.csv: something new', 'zh-CN')).toBe('a.csv: something new');
  });
});
