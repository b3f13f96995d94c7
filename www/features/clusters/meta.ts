import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Clusters found in the customers' features, described in words, with a 2-D map. */
export const meta: FeatureMeta = {
  id: 'clusters',
  group: 'segments',
  label: () => t('clusters.label'),
  needs: ANALYSES.clusters.needs,
  tag: 'portrait-clusters',
  load: () => import('./clusters.js'),
};
