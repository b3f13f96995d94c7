import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { AUDIENCES, estimate, nearest, symbol, withInterval } from './clv.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('clv feature', () => {
  checkFeature(meta, MESSAGES);

  it('offers audiences on columns the analysis has', () => {
    const names = ANALYSES.clv.columns.map((c) => `clv.${c.name}`);
    for (const rule of Object.values(AUDIENCES)) expect(names).toContain(rule.split(' ')[0]);
  });

  it('shows an interval only when there is one', () => {
    const f = (x: number) => x.toFixed(0);
    expect(withInterval({ value: 10, low: 8, high: 12 }, f)).toEqual({ value: '10', interval: '95 % interval 8 – 12' });
    expect(withInterval({ value: 10, low: null, high: null }, f).interval).toBeNull();
  });

  it('names parameters as the papers do and marks the calibration end on the weekly axis', () => {
    expect(symbol('alpha')).toBe('α');
    expect(symbol('r')).toBe('r');
    expect(estimate(0.00001234, 'en')).toBe('1.23e-5');
    expect(estimate(2.42590, 'en')).toBe('2.4259');
    expect(nearest(['2024-01-01', '2024-01-08', '2024-01-15'], '2024-01-09')).toBe('2024-01-15');
    expect(nearest(['2024-01-01'], '2025-01-01')).toBe('2024-01-01');
  });
});
