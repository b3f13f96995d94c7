/**
 * **The one list of views.** The shell builds its navigation and routes from it; adding a
 * view adds its feature folder and one line here (ARCHITECTURE.md, "How to add an
 * analysis"). Views are loaded when first opened (`meta.load()`).
 */

import { meta as audience } from './audience/meta.js';
import { meta as basket } from './basket/meta.js';
import type { IngestSummary } from '../api/types.js';
import type { FeatureMeta } from './feature.js';
import { meta as clusters } from './clusters/meta.js';
import { meta as clv } from './clv/meta.js';
import { meta as lifecycle } from './lifecycle/meta.js';
import { meta as overview } from './overview/meta.js';
import { meta as profiles } from './profiles/meta.js';
import { meta as propensity } from './propensity/meta.js';
import { meta as quality } from './quality/meta.js';
import { meta as recommendations } from './recommendations/meta.js';
import { meta as rfm } from './rfm/meta.js';
import { meta as tags } from './tags/meta.js';

export const FEATURES: readonly FeatureMeta[] = [quality, overview, profiles, tags, lifecycle, rfm, clusters, audience, clv, propensity, basket, recommendations];

/** The view shown first when data is loaded and the address names none. */
export const HOME: FeatureMeta = overview;

/** The view to open first for `summary`'s data: one that asks to (`opensFirst`), else HOME. */
export function homeFor(summary: IngestSummary | null | undefined): FeatureMeta {
  return (summary && FEATURES.find((f) => f.opensFirst?.(summary))) || HOME;
}

export type { FeatureMeta, Group, ViewContext } from './feature.js';
export { GROUPS } from './feature.js';
