import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { clusterRule, columnOf, describeCluster, FEATURE_CHOICES, featureLabel } from './clusters.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('clusters feature', () => {
  checkFeature(meta, MESSAGES);

  it('offers the default features among the numeric columns', () => {
    for (const f of DEFAULTS.analyses.clusters.features) expect(FEATURE_CHOICES.map((c) => c.id)).toContain(columnOf(f));
    expect(FEATURE_CHOICES.some((c) => c.id === 'rfm.segment')).toBe(false);
    expect(featureLabel('rfm.monetary', 'zh-CN')).toBe('RFM消费金额');
  });

  it('words a cluster per language and links it to its rule', () => {
    const c = {
      number: 1, customers: 3, share: 0.3, revenue_cents: 100, revenue_share: 0.5, mean: [], z: [], words: '',
      traits: [
        { code: 'clusters.trait.monetary.high', params: { feature: 'rfm.monetary_cents', z: 1.2 } },
        { code: 'clusters.trait.high', params: { feature: 'profile.aov_cents', z: 0.8 } },
      ],
    };
    expect(describeCluster(c, 'zh-CN')).toBe('高消费、客单价高');
    expect(describeCluster(c, 'en')).toBe('high spend, high profile.aov');
    expect(clusterRule(2)).toBe('clusters.cluster == 2');
  });
});
