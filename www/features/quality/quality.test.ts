import { describe, expect, it } from 'vitest';
import { CORE_EN } from '../../api/generated/messages.js';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { dateFormatText } from './quality.js';

describe('quality feature', () => {
  checkFeature(meta, MESSAGES);

  it('titles every reject reason the core sends', () => {
    const reasons = Object.keys(CORE_EN).filter((c) => c.startsWith('reason.'));
    expect(reasons.length).toBeGreaterThan(5);
    for (const code of reasons) expect(MESSAGES.en).toHaveProperty(code);
  });

  it('shows an unknown date format as a dash', () => {
    expect(dateFormatText(null)).toBe('—');
  });
});
