import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { sourceText, STAGES, WINDOWS } from './lifecycle.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('lifecycle feature', () => {
  checkFeature(meta, MESSAGES);

  it('names and describes every stage the core assigns, in both languages', () => {
    expect(STAGES).toEqual(['new', 'active', 'loyal', 'returning', 'dormant', 'churned']);
    for (const s of STAGES) {
      for (const lang of ['en', 'zh-CN'] as const) {
        expect(MESSAGES[lang]).toHaveProperty(`lifecycle.stage.${s}`);
        expect(MESSAGES[lang]).toHaveProperty(`lifecycle.stage.${s}.desc`);
      }
    }
    expect(MESSAGES['zh-CN']['lifecycle.stage.dormant']).toBe('沉睡');
    expect(MESSAGES['zh-CN']['lifecycle.stage.returning']).toBe('回流');
  });

  it('offers every window of the parameters, and says where a window came from', () => {
    expect([...WINDOWS].sort()).toEqual(Object.keys(DEFAULTS.analyses.lifecycle).sort());
    expect(sourceText({ kind: 'gap_percentile', percentile: 80 })).toBe('the 80th percentile of the days between a customer’s orders');
    expect(sourceText({ kind: 'given' })).toBe('set by you');
  });
});
