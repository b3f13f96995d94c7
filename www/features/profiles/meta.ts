import { ANALYSES } from '../../api/types.js';
import type { FeatureMeta } from '../feature.js';
import { ADDRESS } from './address.js';
import { t } from './messages.js';

/** Every customer's consumption and preference features: the profile table. */
export const meta: FeatureMeta = {
  ...ADDRESS,
  label: () => t('profiles.label'),
  needs: ANALYSES.profile.needs,
  tag: 'portrait-profiles',
  load: () => import('./profiles.js'),
};
