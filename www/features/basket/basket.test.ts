import { describe, expect, it } from 'vitest';
import type { RuleRow } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { formatMeasure, label, MEASURES, selectRules, sideText } from './basket.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

const rule = (antecedents: string[], consequents: string[], lift: number, confidence: number, conviction: number | null = 2): RuleRow => ({
  antecedents,
  consequents,
  baskets: 10,
  antecedent_support: 0.2,
  consequent_support: 0.1,
  support: 0.05,
  confidence,
  lift,
  leverage: 0.01,
  conviction,
  zhang: 0.5,
  jaccard: 0.2,
  kulczynski: 0.4,
  certainty: 0.3,
});

describe('basket feature', () => {
  checkFeature(meta, MESSAGES);

  const names = { p1: 'Whole milk', p2: 'Butter', p3: '黄油' };
  const rules = [rule(['p1'], ['p2'], 3, 0.4), rule(['p2', 'p3'], ['p1'], 2, 0.9, null), rule(['p3'], ['p2'], 1.5, 0.6)];

  it('shows products by name, ids where there is none', () => {
    expect(label('p1', names)).toBe('Whole milk');
    expect(label('x9', names)).toBe('x9');
    expect(sideText(['p2', 'p3'], names)).toBe('Butter + 黄油');
  });

  it('filters rules by a product name or id and sorts by any measure, infinite conviction first', () => {
    expect(selectRules(rules, names, 'milk', 'lift', false).map((r) => r.lift)).toEqual([3, 2]);
    expect(selectRules(rules, names, '黄油', 'confidence', true).map((r) => r.confidence)).toEqual([0.6, 0.9]);
    expect(selectRules(rules, names, '', 'conviction', false)[0]!.conviction).toBeNull();
    expect(selectRules(rules, names, 'P3', 'lift', false)).toHaveLength(2);
    expect(selectRules(rules, names, 'caviar', 'lift', false)).toHaveLength(0);
  });

  it('writes each measure as the table shows it', () => {
    expect(formatMeasure(rules[1]!, 'conviction', 'en')).toBe('∞');
    expect(formatMeasure(rules[0]!, 'support', 'en')).toBe('5.00%');
    expect(formatMeasure(rules[0]!, 'lift', 'en')).toBe('3.00');
    expect(MEASURES).toContain('kulczynski');
  });
});
