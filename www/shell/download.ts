/** Downloads made in the page (the exports) and their names. */

import { saveFile } from '../elements/save.js';
import type { Source } from './ingest.js';

/** Offers `json` as the file `name`. */
export function download(json: string, name: string): void {
  saveFile(json, name, 'application/json');
}

/** `portrait-<file stem><suffix>.json`, `portrait-sample-shop<suffix>.json` or `portrait-report<suffix>.json`. */
export function exportName(source: Source | null, suffix: string): string {
  if (source?.kind === 'files' && source.files.length === 1) {
    const stem = source.files[0]!.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
    return `portrait-${stem || 'report'}${suffix}.json`;
  }
  return source?.kind === 'sample' ? `portrait-sample-shop${suffix}.json` : `portrait-report${suffix}.json`;
}
