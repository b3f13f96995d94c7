import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** The tag system: built-in tag families and the merchant's rule tags, each with its rule. */
export const meta: FeatureMeta = {
  id: 'tags',
  group: 'customers',
  label: () => t('tags.label'),
  needs: ANALYSES.tags.needs,
  tag: 'portrait-tags',
  load: () => import('./tags.js'),
};
