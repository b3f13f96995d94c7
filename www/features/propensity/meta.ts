import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Propensity: who will churn or buy in the coming days, and how well the models foresee it. */
export const meta: FeatureMeta = {
  id: 'propensity',
  group: 'predictions',
  label: () => t('propensity.label'),
  needs: ANALYSES.propensity.needs,
  tag: 'portrait-propensity',
  load: () => import('./propensity.js'),
};
