import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** The overview: shop KPIs and the monthly series. */
export const meta: FeatureMeta = {
  id: 'overview',
  group: 'shop',
  label: () => t('overview.label'),
  needs: ANALYSES.overview.needs,
  tag: 'portrait-overview',
  load: () => import('./overview.js'),
};
