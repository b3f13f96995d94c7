import { describe, expect, it } from 'vitest';
import { checkFeature } from '../testing.js';
import { DEFAULT_COLUMNS, FIELDS } from './audience.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';

describe('audience feature', () => {
  checkFeature(meta, MESSAGES);

  it('offers every customer column, the clusters and tags included, and downloads real columns', () => {
    const ids = FIELDS.map((f) => f.id);
    for (const id of ['rfm.segment', 'lifecycle.stage', 'tags.tags', 'clusters.cluster']) expect(ids).toContain(id);
    for (const id of DEFAULT_COLUMNS) expect(ids).toContain(id);
  });
});
