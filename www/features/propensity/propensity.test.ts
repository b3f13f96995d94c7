import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../api/types.js';
import { checkFeature } from '../testing.js';
import { audiences, best, featureLabel, scoreColumn } from './propensity.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('propensity feature', () => {
  checkFeature(meta, MESSAGES);

  it('offers audiences on columns the analysis has', () => {
    const names = ANALYSES.propensity.columns.map((c) => `propensity.${c.name}`);
    for (const target of ['churn', 'purchase'] as const) {
      expect(names).toContain(scoreColumn(target));
      for (const rule of Object.values(audiences(target))) {
        for (const field of rule.match(/propensity\.[a-z_]+/g) ?? []) expect(names).toContain(field);
      }
    }
    expect(audiences('churn').top).toBe('propensity.decile == 1 and propensity.churn_risk is not null');
  });

  it('labels every feature the analysis can compute', () => {
    expect(featureLabel('recency_days')).toBe('Days since the last purchase');
    expect(featureLabel('something_new')).toBe('something_new');
  });

  it('stars the model with the highest AUC, the first of equals', () => {
    const m = (model: string, roc_auc: number) => ({ model, roc_auc }) as never;
    expect(best([m('logistic', 0.8), m('tree', 0.85), m('forest', 0.85)])).toBe('tree');
    expect(best([])).toBeNull();
  });
});
