/**
 * How a recommended product is shown and why it is there, in words — shared by this view's
 * lists and the customer card (which imports this module, not the view's element).
 */

import type { Recommended } from '../../api/types.js';
import { t } from './messages.js';

/** Product names by id, as the output gives them. */
export type Names = { readonly [id: string]: string | undefined };

/** A product as the page shows it: its name where the file gave one, else its id. */
export function label(id: string, names: Names): string {
  return names[id] ?? id;
}

/** Why a product is in a list ("customers who bought X also bought this"). */
export function reason(r: Recommended, names: Names): string {
  const product = r.because ? label(r.because, names) : null;
  switch (r.source) {
    case 'popular':
    case 'trending':
      return t(`recs.source.${r.source}`);
    default:
      return product ? t(`recs.source.${r.source}`, { product }) : t(`recs.source.${r.source}.plain`);
  }
}

/** The card's heading words. */
export const cardText = {
  title: () => t('recs.card.title'),
  method: (method: string) => t('recs.card.method', { method: t(`recs.method.${method}` as never) }),
  none: () => t('recs.card.none'),
};
