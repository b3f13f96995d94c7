import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Lifecycle stages: every customer's stage, month by month, and the moves between stages. */
export const meta: FeatureMeta = {
  id: 'lifecycle',
  group: 'customers',
  label: () => t('lifecycle.label'),
  needs: ANALYSES.lifecycle.needs,
  tag: 'portrait-lifecycle',
  load: () => import('./lifecycle.js'),
};
