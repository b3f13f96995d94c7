import { ANALYSES } from '../../api/types.js';
import { formatCount } from '../../format/format.js';
import { getLocale } from '../../i18n/index.js';
import type { FeatureMeta } from '../feature.js';
import { t } from './messages.js';

/** The data-quality report. */
export const meta: FeatureMeta = {
  id: 'quality',
  group: 'data',
  label: () => t('quality.label'),
  needs: ANALYSES.quality.needs,
  tag: 'portrait-quality',
  load: () => import('./quality.js'),
  badge: (s) => (s.rows.rejected > 0 ? t('quality.badge', { count: formatCount(s.rows.rejected, getLocale()) }) : null),
};
