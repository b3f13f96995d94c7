import { describe, expect, it } from 'vitest';
import type { Measures, Recommended } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { formatMeasure, METHODS, stockIds } from './recommendations.js';
import { label, reason } from './reasons.js';

describe('recommendations feature', () => {
  checkFeature(meta, MESSAGES);

  const names = { p1: 'Whole milk', p2: '黄油' };
  const rec = (source: Recommended['source'], because: string | null): Recommended => ({ product: 'p2', score: 1, source, because });

  it('says why each product is recommended, naming the purchase it follows from', () => {
    expect(label('p1', names)).toBe('Whole milk');
    expect(label('x', names)).toBe('x');
    expect(reason(rec('itemcf', 'p1'), names)).toBe('Customers who bought Whole milk also bought this');
    expect(reason(rec('content', 'p2'), names)).toBe('Like 黄油, which you bought');
    expect(reason(rec('als', null), names)).toBe('Liked by customers who buy like you');
    expect(reason(rec('popular', null), names)).toBe('Best-seller');
  });

  it('reads an in-stock file: the first cell of each line, once', () => {
    expect(stockIds('\uFEFFproduct_id,stock\n"85123A",3\n22423;1\n\n85123A,4\r\n\t\n')).toEqual(['85123A', '22423']);
  });

  it('writes measures as the table shows them', () => {
    const m: Measures = { customers: 3, precision: 0.0651, recall: 0.2, map: 0.1, ndcg: 0.16, hit_rate: 0.44, coverage: 0.019, novelty: 3.123, diversity: 0.71 };
    expect(formatMeasure(m, 'precision', 'en')).toBe('6.5%');
    expect(formatMeasure(m, 'novelty', 'en')).toBe('3.12');
    expect(METHODS).toHaveLength(6);
  });
});
