import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { formatCell, GROUPS } from './columns.js';

describe('profiles feature', () => {
  checkFeature(meta, MESSAGES);

  it('shows every profile column in exactly one group, each named and defined in both languages', () => {
    const grouped = Object.values(GROUPS).flat() as string[];
    const columns = ANALYSES.profile.columns.map((c) => c.name);
    expect([...grouped].sort()).toEqual([...columns].sort());
    for (const c of columns) {
      for (const lang of ['en', 'zh-CN'] as const) {
        expect(MESSAGES[lang]).toHaveProperty(`profiles.col.${c}`);
        expect(MESSAGES[lang]).toHaveProperty(`profiles.doc.${c}`);
      }
    }
  });

  it('labels each column in Chinese as the rule language names it', () => {
    for (const c of ANALYSES.profile.columns) expect(MESSAGES['zh-CN'][`profiles.col.${c.name}` as keyof (typeof MESSAGES)['zh-CN']]).toBe(c.zh);
  });

  it('names every code of the coded columns', () => {
    for (const c of ANALYSES.profile.columns) {
      if (c.kind.kind !== 'code') continue;
      for (const name of c.kind.names) {
        const key = c.name === 'preferred_weekday' ? `profiles.weekday.${name}` : `profiles.band.${name}`;
        expect(MESSAGES.en).toHaveProperty(key);
        expect(MESSAGES['zh-CN']).toHaveProperty(key);
      }
    }
  });

  it('formats each kind of value, and a missing one as a dash', () => {
    expect(formatCell('aov_cents', 123456, 'CNY', 'en')).toBe('¥1,234.56');
    expect(formatCell('return_rate', 0.25, 'CNY', 'en')).toBe('25%');
    expect(formatCell('first_order_date', '2024-03-05', 'CNY', 'en')).toBe('Mar 5, 2024');
    expect(formatCell('preferred_weekday', 'monday', 'CNY', 'en')).toBe('Monday');
    expect(formatCell('price_band', 'high', 'CNY', 'en')).toBe('High');
    expect(formatCell('top_category', '=cmd', 'CNY', 'en')).toBe('=cmd');
    expect(formatCell('median_days_between_orders', null, 'CNY', 'en')).toBe('—');
    expect(formatCell('orders', 1234, 'CNY', 'en')).toBe('1,234');
  });
});
