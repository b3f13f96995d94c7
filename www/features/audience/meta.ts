import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** The audience builder: segments, stages, tags, clusters and features combined by rule. */
export const meta: FeatureMeta = {
  id: 'audience',
  group: 'segments',
  label: () => t('audience.label'),
  needs: ANALYSES.audience.needs,
  tag: 'portrait-audience',
  load: () => import('./audience.js'),
};
