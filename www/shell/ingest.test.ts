import { describe, expect, it } from 'vitest';
import type { DataFacts, DataFilter, Input, IngestSummary } from '../api/types.js';
import type { Portrait } from '../api/portrait.js';
import { IngestController } from './ingest.js';

/** A worker whose filter answers arrive when the test says so. */
function fakeEngine() {
  const asked: Array<{ filter: Input<DataFilter>; answer: (f: DataFacts) => void; fail: (e: unknown) => void }> = [];
  const portrait = {
    filter: (filter: Input<DataFilter>) =>
      new Promise<DataFacts>((answer, fail) => asked.push({ filter, answer, fail })),
  } as unknown as Portrait;
  return { portrait, asked };
}

function controller() {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const c = new IngestController(host, () => {}, () => 'home');
  const { portrait, asked } = fakeEngine();
  c.portrait = portrait;
  c.summary = { facts: facts(100) } as unknown as IngestSummary;
  return { c, asked };
}

const facts = (lines: number) => ({ lines }) as unknown as DataFacts;

describe('the global filter', () => {
  it('builds a second change on the first even before the worker answers it', async () => {
    const { c, asked } = controller();
    const first = c.setFilter({ from: '2024-07-01' });
    // the bar merges its next change into `c.filter`: the first must already be there
    expect(c.filter).toEqual({ from: '2024-07-01' });
    const second = c.setFilter({ ...c.filter, to: '2024-09-30' });
    expect(asked.map((a) => a.filter)).toEqual([{ from: '2024-07-01' }, { from: '2024-07-01', to: '2024-09-30' }]);
    // answers in the other order: only the latest request's facts are shown
    asked[1]!.answer(facts(30));
    await second;
    asked[0]!.answer(facts(60));
    await first;
    expect(c.facts).toEqual(facts(30));
    expect(c.filter).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(c.filtering).toBe(0);
  });

  it('goes back to the filter shown when the latest request fails', async () => {
    const { c, asked } = controller();
    const ok = c.setFilter({ channel: ['app'] });
    asked[0]!.answer(facts(40));
    await ok;
    const bad = c.setFilter({ channel: ['app'], from: '2030-01-01' });
    asked[1]!.fail(new Error('no such day'));
    await bad;
    expect(c.filter).toEqual({ channel: ['app'] });
    expect(c.facts).toEqual(facts(40));
    expect(c.error).not.toBeNull();
  });
});
