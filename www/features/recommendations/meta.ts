import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Personal recommendations: every customer's next products, and which method works best. */
export const meta: FeatureMeta = {
  id: 'recommendations',
  group: 'recommendations',
  label: () => t('recs.label'),
  needs: ANALYSES.recommend.needs,
  tag: 'portrait-recommendations',
  load: () => import('./recommendations.js'),
};
