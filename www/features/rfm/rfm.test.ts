import { describe, expect, it } from 'vitest';
import { ANALYSES, DEFAULTS } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { BIN_CHOICES, SEGMENTS } from './rfm.js';

describe('rfm feature', () => {
  checkFeature(meta, MESSAGES);

  it('lists the segments the core names, in its order, each named and described in both languages', () => {
    const column = ANALYSES.rfm.columns.find((c) => c.name === 'segment');
    expect(column?.kind).toEqual({ kind: 'code', names: SEGMENTS });
    for (const s of SEGMENTS) {
      for (const lang of ['en', 'zh-CN'] as const) {
        expect(MESSAGES[lang]).toHaveProperty(`segment.${s}`);
        expect(MESSAGES[lang]).toHaveProperty(`segment.${s}.desc`);
      }
    }
    expect(MESSAGES['zh-CN']['segment.champions']).toBe('冠军客户');
    expect(MESSAGES['zh-CN']['segment.at_risk']).toBe('有流失风险');
    expect(MESSAGES['zh-CN']['segment.hibernating']).toBe('沉睡客户');
    expect(MESSAGES['zh-CN']['segment.lost']).toBe('已流失');
  });

  it('offers the default bins among its choices', () => {
    expect(BIN_CHOICES).toContain(DEFAULTS.analyses.rfm.bins);
    for (const b of BIN_CHOICES) expect(b).toBeGreaterThanOrEqual(2);
  });
});
