import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Lifetime value: who is still a customer, what each will buy and is worth, and the proof. */
export const meta: FeatureMeta = {
  id: 'clv',
  group: 'predictions',
  label: () => t('clv.label'),
  needs: ANALYSES.clv.needs,
  tag: 'portrait-clv',
  load: () => import('./clv.js'),
};
