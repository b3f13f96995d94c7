import { describe, expect, it } from 'vitest';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('overview feature', () => {
  checkFeature(meta, MESSAGES);

  it('defines every KPI it shows (the card tells what the number is)', () => {
    const kpis = ['customers', 'orders', 'revenue', 'aov', 'repeat', 'items', 'range', 'gross', 'returnsValue', 'perCustomer', 'products', 'returnOrders'];
    for (const k of kpis) {
      expect(MESSAGES.en, k).toHaveProperty(`overview.${k}`);
      expect(MESSAGES.en, k).toHaveProperty(`overview.${k}.def`);
    }
  });

  it('is the view data opens on', async () => {
    const { HOME } = await import('../index.js');
    expect(HOME).toBe(meta);
  });
});
