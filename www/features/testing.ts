/**
 * The checks every feature folder's test runs on its own meta record and messages
 * (`checkFeature(meta, MESSAGES)` in `www/features/<id>/<id>.test.ts`), so a new view gets
 * them by adding its test — no shared test names it.
 */

import { expect, it } from 'vitest';
import { CORE_EN } from '../api/generated/messages.js';
import { ANALYSES } from '../api/types.js';
import type { FeatureMeta } from './feature.js';
import { GROUPS } from './feature.js';

type Table = Record<string, string>;

/** The placeholder names of a template, sorted. */
export const placeholders = (s: string) => Array.from(s.matchAll(/\{(\w+)(?::\w+)?\}/g), (m) => m[1]).sort();

/** Both languages with the same keys, no empty message and the same placeholders. */
export function expectSameTables(a: Table, b: Table): void {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const [key, value] of Object.entries(a)) {
    expect(value.trim(), key).not.toBe('');
    expect(b[key]!.trim(), key).not.toBe('');
    expect(placeholders(b[key]!), key).toEqual(placeholders(value));
  }
}

/** The common tests of a feature folder. */
export function checkFeature(meta: FeatureMeta, messages: { en: Table; 'zh-CN': Table; core?: Table }): void {
  it('has the same messages, with the same placeholders, in English and Chinese', () => {
    expectSameTables(messages.en, messages['zh-CN']);
  });

  it('words its analysis codes in Chinese with the placeholders of their English', () => {
    for (const [code, zh] of Object.entries(messages.core ?? {})) {
      const english = (CORE_EN as Table)[code];
      expect(english, `${code} is not a code the core sends`).toBeDefined();
      expect(placeholders(zh), code).toEqual(placeholders(english!));
    }
  });

  it('has a meta record the shell can route to and load', async () => {
    expect(meta.id).toMatch(/^[a-z][a-z_]*$/);
    expect(GROUPS).toContain(meta.group);
    expect(meta.tag).toMatch(/^portrait-[a-z-]+$/);
    expect(meta.needs.length).toBeGreaterThan(0);
    if (meta.id in ANALYSES) expect(meta.needs).toEqual(ANALYSES[meta.id as keyof typeof ANALYSES].needs);
    await meta.load();
    expect(customElements.get(meta.tag), `${meta.tag} is defined by load()`).toBeDefined();
  });
}
