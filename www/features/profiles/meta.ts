import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** Every customer's consumption and preference features: the profile table. */
export const meta: FeatureMeta = {
  id: 'profiles',
  group: 'customers',
  label: () => t('profiles.label'),
  needs: ANALYSES.profile.needs,
  tag: 'portrait-profiles',
  // a customer's card has its own address: #/customers/12345
  item: 'id',
  load: () => import('./profiles.js'),
};
