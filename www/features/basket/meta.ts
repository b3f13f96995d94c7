import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Market basket: which products are bought together, and what goes with a given one. */
export const meta: FeatureMeta = {
  id: 'basket',
  group: 'recommendations',
  label: () => t('basket.label'),
  needs: ANALYSES.basket.needs,
  tag: 'portrait-basket',
  load: () => import('./basket.js'),
  opensFirst: (s) => s.files.length > 0 && s.files.every((f) => f.platform?.undated),
};
