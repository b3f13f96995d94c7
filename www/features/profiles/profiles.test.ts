import { describe, expect, it } from 'vitest';
import { ANALYSES, type IngestSummary } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { formatCell, GROUPS, groupsFor } from './columns.js';
import { tagLabel } from './customer.js';

describe('profiles feature', () => {
  checkFeature(meta, MESSAGES);

  it('names a built-in tag on the card, and a rule tag as written', () => {
    expect(tagLabel('high_value')).toBe('High value');
    expect(tagLabel('slipping_valuable')).toBe('Valuable, slipping away');
    expect(tagLabel('等级:高')).toBe('等级:高');
  });

  const SOURCES = ['profile', 'demographics', 'behaviour'] as const;
  const all = SOURCES.flatMap((k) => ANALYSES[k].columns.map((c) => ({ ...c, id: `${k}.${c.name}` })));

  it('shows every portrait column in exactly one group, each named and defined in both languages', () => {
    const grouped = Object.values(GROUPS).flat() as string[];
    expect([...grouped].sort()).toEqual(all.map((c) => c.id).sort());
    for (const c of all) {
      for (const lang of ['en', 'zh-CN'] as const) {
        expect(MESSAGES[lang]).toHaveProperty(`profiles.col.${c.name}`);
        expect(MESSAGES[lang]).toHaveProperty(`profiles.doc.${c.name}`);
      }
    }
  });

  it('labels each column in Chinese as the rule language names it', () => {
    for (const c of all) expect(MESSAGES['zh-CN'][`profiles.col.${c.name}` as keyof (typeof MESSAGES)['zh-CN']]).toBe(c.zh);
  });

  it('names every code of the coded columns', () => {
    const prefix: Record<string, string> = { preferred_weekday: 'weekday', price_band: 'band', gender: 'gender', age_band: 'ageBand' };
    for (const c of all) {
      if (c.kind.kind !== 'code') continue;
      for (const name of c.kind.names) {
        const key = `profiles.${prefix[c.name]}.${name}`;
        expect(MESSAGES.en).toHaveProperty(key);
        expect(MESSAGES['zh-CN']).toHaveProperty(key);
      }
    }
  });

  it('offers the basic and behaviour groups only when their table was loaded', () => {
    const summary = (tables: string[]) => ({ files: tables.map((table) => ({ table })) }) as unknown as IngestSummary;
    expect(groupsFor(summary(['orders']))).toEqual(['consumption', 'timing', 'preference']);
    expect(groupsFor(summary(['orders', 'customers', 'events']))).toEqual(['consumption', 'timing', 'preference', 'basic', 'behaviour']);
  });

  it('formats each kind of value, and a missing one as a dash', () => {
    expect(formatCell('profile.aov_cents', 123456, 'CNY', 'en')).toBe('¥1,234.56');
    expect(formatCell('profile.return_rate', 0.25, 'CNY', 'en')).toBe('25%');
    expect(formatCell('profile.first_order_date', '2024-03-05', 'CNY', 'en')).toBe('Mar 5, 2024');
    expect(formatCell('profile.preferred_weekday', 'monday', 'CNY', 'en')).toBe('Monday');
    expect(formatCell('profile.price_band', 'high', 'CNY', 'en')).toBe('High');
    expect(formatCell('profile.top_category', '=cmd', 'CNY', 'en')).toBe('=cmd');
    expect(formatCell('profile.median_days_between_orders', null, 'CNY', 'en')).toBe('—');
    expect(formatCell('profile.orders', 1234, 'CNY', 'en')).toBe('1,234');
    expect(formatCell('demographics.gender', 'female', 'CNY', 'en')).toBe('Female');
    expect(formatCell('demographics.age_band', '25_34', 'CNY', 'en')).toBe('25–34');
    expect(formatCell('demographics.phone', '138****5678', 'CNY', 'en')).toBe('138****5678');
    expect(formatCell('behaviour.view_to_cart', 0.5, 'CNY', 'en')).toBe('50%');
  });
});
