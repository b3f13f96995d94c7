import { describe, expect, it } from 'vitest';
import { CORE_EN, type CoreCode } from '../api/generated/messages.js';
import { FIELDS } from '../api/types.js';
import '../features/index.js'; // every feature registers the Chinese of its analysis codes
import { expectSameTables, placeholders as names } from '../features/testing.js';
import examples from '../../tests/fixtures/messages/examples.json';
import { CORE_ZH } from './core.zh-CN.js';
import { en } from './en.js';
import { coreTemplates, coreText, fill, localeFor, MESSAGES, t } from './index.js';
import { fillTemplate } from './template.js';
import { zhCN } from './zh-CN.js';

describe('the shell\'s message table', () => {
  it('has the same keys, no empty message and the same placeholders in both languages', () => {
    expectSameTables(en, zhCN);
  });

  it('names every field of the data contract', () => {
    for (const f of FIELDS) expect(en).toHaveProperty(`field.${f}`);
  });
});

describe('core codes', () => {
  it('word every code the core sends in Chinese (the core\'s and each analysis\'s), with the placeholders of its English', () => {
    const zh = coreTemplates('zh-CN');
    for (const [code, english] of Object.entries(CORE_EN) as Array<[CoreCode, string]>) {
      expect(zh[code], `${code} has no Chinese wording`).toBeTruthy();
      expect(names(zh[code]!), code).toEqual(names(english));
    }
    expect(Object.keys(zh).filter((c) => !(c in CORE_EN))).toEqual([]);
    expect(Object.keys(CORE_ZH).length).toBeLessThan(Object.keys(zh).length);
  });

  it('are worded in English exactly as the CLI words them (the shared fixture)', () => {
    // the CLI names fields by code (the page by label): with its naming, the same sentences
    const cli = {
      locale: 'en' as const,
      lookup: (code: string) => (CORE_EN as Record<string, string>)[code],
      field: (code: string) => (code === 'unit_price' ? 'unit_price (or line_amount)' : code),
    };
    for (const e of examples) expect(fillTemplate(CORE_EN[e.code as CoreCode], e.params, cli), e.code).toBe(e.en);
    expect(coreText({ code: 'ingest.missing_columns', params: examples[2]!.params }, 'en')).toContain('no column found for Customer ID, Unit price;');
  });

  it('are worded in Chinese with Chinese lists, quotes and field names', () => {
    const m = { code: 'ingest.missing_columns', params: { file: 'a.csv', missing: ['customer_id', 'unit_price'], headers: ['ref', 'when'] } };
    expect(coreText(m, 'zh-CN')).toBe('a.csv：第 1 行：找不到 客户 ID、单价 对应的列；表头有列 “ref”、“when”');
    expect(coreText({ code: 'currency.region', params: { header: 'Country', percent: 92, area: 'region.uk' } }, 'zh-CN')).toBe('“Country”列：92% 的行在英国');
  });

  it('fall back to English, then to the code itself', () => {
    expect(coreText({ code: 'no.such.code' }, 'zh-CN')).toBe('no.such.code');
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
    expect(fill('[at {x}] done', {})).toBe(' done');
    expect(t('app.source.files', { count: 3 }, 'en')).toBe('3 files');
    expect(t('app.source.files', { count: 3 }, 'zh-CN')).toBe('3 个文件');
    expect(MESSAGES.en['app.name']).toBe('Portrait');
  });
});
