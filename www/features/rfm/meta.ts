import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** RFM scores and the 11 named segments, with the customer list. */
export const meta: FeatureMeta = {
  id: 'rfm',
  group: 'segments',
  label: () => t('rfm.label'),
  needs: ANALYSES.rfm.needs,
  tag: 'portrait-rfm',
  load: () => import('./rfm.js'),
};
