import { describe, expect, it } from 'vitest';
import type { Request, WorkerMessage } from '../api/protocol.js';
import { ChunkReader, chunkEnds, Dispatcher, type Engine, type SessionLike, type TailReader } from './dispatcher.js';

/** A session whose ingest takes `steps` progress steps before it is done; `run` takes
 * `runSteps` steps of a stepped fit. */
function fakeSession(steps: number, opts: { trapAt?: number; failWith?: unknown; runSteps?: number } = {}) {
  const calls: string[] = [];
  let left = 0;
  let stepped = 0;
  let runLeft = 0;
  const summary = { files: [], rows: { read: 1, used: 1, rejected: 0 }, facts: { customers: 1 } };
  const run = () => (runLeft-- > 0 ? { state: 'working', done: (opts.runSteps ?? 0) - runLeft - 1, total: opts.runSteps } : { state: 'done', output: { customers: 1 } });
  const session: SessionLike = {
    inspect: (name) => ({ file: name, headers: ['a'] }),
    addFile: (name, bytes) => void calls.push(`addFile ${name} ${bytes.length}`),
    startIngest: (o) => {
      calls.push(`startIngest ${JSON.stringify(o ?? null)}`);
      if (opts.failWith) throw opts.failWith;
      left = steps;
    },
    startSample: (params) => {
      calls.push(`startSample ${JSON.stringify(params ?? null)}`);
      left = steps;
    },
    step: () => {
      stepped++;
      if (opts.trapAt === stepped) {
        const e = new Error('unreachable');
        e.name = 'RuntimeError';
        throw e;
      }
      if (left-- > 0) {
        return { kind: 'progress', stage: 'parsing', file: 'a.csv', file_index: 0, files: 1, rows: stepped * 10, bytes_done: stepped, bytes_total: steps };
      }
      return { kind: 'done' };
    },
    summary: () => summary,
    cancel: () => void calls.push('cancel'),
    clear: () => void calls.push('clear'),
    setFilter: (f) => (calls.push(`setFilter ${JSON.stringify(f)}`), { lines: 1 }),
    run: (kind, params) => {
      calls.push(`run ${kind} ${JSON.stringify(params ?? null)}`);
      runLeft = opts.runSteps ?? 0;
      return run();
    },
    stepRun: () => (calls.push('stepRun'), run()),
    table: (q) => ({ total: 0, offset: (q as { offset: number }).offset, columns: [], rows: [] }),
    export: () => '{}',
    exportFile: () => new Uint8Array(),
    warm: (kinds) => void calls.push(`warm ${JSON.stringify(kinds ?? null)}`),
  };
  return { session, calls };
}

function setup(session: SessionLike, clock = () => 0) {
  const out: WorkerMessage[] = [];
  const engine: Engine = { load: async () => ({ protocol: 2, version: 'test' }), newSession: () => session };
  const d = new Dispatcher(engine, (m) => out.push(m), clock);
  const send = (r: Request) => d.handle(r);
  return { d, out, send };
}

const responses = (out: WorkerMessage[]) => out.filter((m) => !('notice' in m));

describe('worker dispatcher', () => {
  it('answers hello, then forwards calls to the one session', async () => {
    const { session } = fakeSession(0);
    const { out, send } = setup(session);
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'table', args: [{ offset: 50 }] });
    await send({ id: 3, kind: 'run', args: ['overview'] });
    await send({ id: 4, kind: 'filter', args: [{ from: '2024-01-01' }] });
    await send({ id: 5, kind: 'export', args: [] });
    expect(out).toEqual([
      { id: 1, ok: true, value: { protocol: 2, version: 'test' } },
      { id: 2, ok: true, value: { total: 0, offset: 50, columns: [], rows: [] } },
      { id: 3, ok: true, value: { customers: 1 } },
      { id: 4, ok: true, value: { lines: 1 } },
      { id: 5, ok: true, value: '{}' },
    ]);
  });

  it('refuses requests before hello', async () => {
    const { session } = fakeSession(0);
    const { out, send } = setup(session);
    await send({ id: 1, kind: 'run', args: ['overview'] });
    expect(out[0]).toMatchObject({ id: 1, ok: false, error: { code: 'session.invalid_request' } });
  });

  it('reads the files, steps to ready and throttles progress notices', async () => {
    const { session, calls } = fakeSession(5);
    let now = 0;
    const { out, send } = setup(session, () => (now += 20)); // 20 ms per step
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'ingest', args: [[new File(['abc'], 'a.csv')], { date_order: 'day_first' }] });
    expect(calls).toEqual(['addFile a.csv 3', 'startIngest {"date_order":"day_first"}']);
    const notices = out.filter((m) => 'notice' in m);
    // first: the browser reads the file
    expect(notices[0]).toEqual({
      id: 2,
      notice: 'progress',
      stage: 'decoding',
      file: 'a.csv',
      file_index: 0,
      files: 1,
      rows: 0,
      bytes_done: 0,
      bytes_total: 3,
    });
    // then 5 progress steps 20 ms apart, at most one notice per 50 ms
    const steps = notices.slice(1);
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(steps.length).toBeLessThan(5);
    expect(steps[0]).toMatchObject({ id: 2, notice: 'progress', stage: 'parsing' });
    expect(steps[0]).not.toHaveProperty('kind');
    const last = out[out.length - 1]!;
    expect(last).toEqual({ id: 2, ok: true, value: { files: [], rows: { read: 1, used: 1, rejected: 0 }, facts: { customers: 1 } } });
  });

  it('steps a stepped fit to its output with throttled work notices', async () => {
    const { session, calls } = fakeSession(0, { runSteps: 4 });
    let now = 0;
    const { out, send } = setup(session, () => (now += 30));
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'run', args: ['rfm', { bins: 3 }] });
    expect(calls).toEqual(['run rfm {"bins":3}', 'stepRun', 'stepRun', 'stepRun', 'stepRun']);
    const work = out.filter((m) => 'notice' in m && m.notice === 'work');
    expect(work.length).toBeGreaterThanOrEqual(1);
    expect(work.length).toBeLessThan(4);
    expect(work[0]).toEqual({ id: 2, notice: 'work', done: 0, total: 4 });
    expect(out[out.length - 1]).toEqual({ id: 2, ok: true, value: { customers: 1 } });
  });

  it('cancels a stepped fit between two steps', async () => {
    const { session, calls } = fakeSession(0, { runSteps: 1e9 });
    let now = 0;
    const { out, send } = setup(session, () => (now += 100));
    await send({ id: 1, kind: 'hello', args: [] });
    const job = send({ id: 2, kind: 'run', args: ['rfm'] });
    while (!out.some((m) => 'notice' in m)) await new Promise((r) => setTimeout(r, 1));
    await send({ id: 3, kind: 'cancel', args: [2] });
    await job;
    expect(calls).toContain('cancel');
    expect(responses(out)).toContainEqual({ id: 2, ok: false, error: { code: 'session.cancelled', message: 'cancelled' } });
  });

  it('handles a cancel between steps', async () => {
    const { session, calls } = fakeSession(1e9);
    let now = 0;
    const { out, send } = setup(session, () => (now += 100));
    await send({ id: 1, kind: 'hello', args: [] });
    const job = send({ id: 2, kind: 'sample', args: [{ rows: 100, seed: 42 }] });
    while (!out.some((m) => 'notice' in m)) await new Promise((r) => setTimeout(r, 1));
    await send({ id: 3, kind: 'cancel', args: [2] });
    await job;
    expect(calls).toContain('cancel');
    expect(responses(out)).toContainEqual({ id: 3, ok: true, value: undefined });
    expect(responses(out)).toContainEqual({ id: 2, ok: false, error: { code: 'session.cancelled', message: 'cancelled' } });
  });

  it('answers a view asking for results while the next file is read after the ingest, never cancelling it', async () => {
    const { session, calls } = fakeSession(20);
    let now = 0;
    const { out, send } = setup(session, () => (now += 100));
    await send({ id: 1, kind: 'hello', args: [] });
    const ingest = send({ id: 2, kind: 'ingest', args: [[new File(['abc'], 'a.csv')]] });
    while (!out.some((m) => 'notice' in m && m.notice === 'progress' && m.stage === 'parsing')) await new Promise((r) => setTimeout(r, 1));
    const run = send({ id: 3, kind: 'run', args: ['quality'] });
    const table = send({ id: 4, kind: 'table', args: [{ offset: 0 }] });
    await Promise.all([ingest, run, table]);
    expect(responses(out).slice(1).map((m) => [m.id, 'ok' in m && m.ok]).sort()).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(calls).not.toContain('cancel');
    expect(calls.indexOf('run quality null')).toBeGreaterThan(calls.indexOf('startIngest null'));
  });

  it('passes wire errors from the core through unchanged', async () => {
    const wire = { code: 'ingest.empty_file', message: 'a.csv: the file is empty', file: 'a.csv', line: null, column: null };
    const { session } = fakeSession(0, { failWith: wire });
    const { out, send } = setup(session);
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'ingest', args: [[new File([], 'a.csv')]] });
    expect(out[out.length - 1]).toEqual({ id: 2, ok: false, error: wire });
  });

  it('marks itself crashed after a wasm trap and refuses everything after', async () => {
    const { session } = fakeSession(3, { trapAt: 2 });
    const { out, send } = setup(session);
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'sample', args: [{ rows: 10, seed: 1 }] });
    expect(out).toContainEqual(expect.objectContaining({ id: 0, notice: 'crashed' }));
    expect(out[out.length - 1]).toMatchObject({ id: 2, ok: false, error: { code: 'worker.crashed' } });
    await send({ id: 3, kind: 'run', args: ['overview'] });
    expect(out[out.length - 1]).toMatchObject({ id: 3, ok: false, error: { code: 'worker.crashed' } });
  });
});

describe('worker dispatcher: a file split between two workers', () => {
  const plan = { prefix_len: 4, split: 10, size: 20, delimiter: 44 };

  /** A session whose ingest of a split file asks for its tail once, then is ready. */
  function splitSession(opts: { misfit?: boolean } = {}) {
    const { session, calls } = fakeSession(1);
    let asked = false;
    let split = false;
    Object.assign(session, {
      splitHead: (head: { file_index: number; plan: unknown }) => {
        split = true;
        calls.push(`splitHead ${head.file_index} ${JSON.stringify(head.plan)}`);
      },
      supplyPart: (bytes: Uint8Array | undefined) => {
        calls.push(`supplyPart ${bytes ? Array.from(bytes).join(',') : 'none'}`);
        if (opts.misfit) throw { code: 'ingest.split_failed', message: 'misfit' };
      },
    });
    const step = session.step.bind(session);
    session.step = (budget: number) => {
      if (split && !asked) {
        asked = true;
        return { kind: 'need_part', file_index: 0 };
      }
      return step(budget);
    };
    return { session, calls };
  }

  function splitEngine(session: SessionLike, tail: TailReader | null) {
    const engine: Engine = {
      load: async () => ({ protocol: 2, version: 'test' }),
      newSession: () => session,
      planSplit: (head, window, start, size) => (size >= 20 && head.length > 0 && window.length > 0 && start === 12 ? plan : null),
      splitMinBytes: () => 20,
      splitWindowStart: (size) => Math.floor(size * 0.6),
      tails: async () => tail,
    };
    return engine;
  }

  function fakeTail(bytes: Uint8Array | null) {
    const log: string[] = [];
    const reader: TailReader = {
      read: (file, p, _options, onProgress) => {
        log.push(`read ${file.name} ${JSON.stringify(p)}`);
        onProgress({ rows: 7, bytes_done: 9 });
        return { bytes: Promise.resolve(bytes), cancel: () => void log.push('cancel') };
      },
    };
    return { reader, log };
  }

  const twentyBytes = () => new File(['0123456789abcdefghij'], 'big.csv');

  it('reads the head here, the tail in the tail worker, and hands the tail to the core', async () => {
    const { session, calls } = splitSession();
    const { reader, log } = fakeTail(new Uint8Array([1, 2, 3]));
    const out: WorkerMessage[] = [];
    let now = 0;
    const d = new Dispatcher(splitEngine(session, reader), (m) => out.push(m), () => (now += 100));
    await d.handle({ id: 1, kind: 'hello', args: [] });
    await d.handle({ id: 2, kind: 'ingest', args: [[twentyBytes()]] });
    expect(log[0]).toBe(`read big.csv ${JSON.stringify(plan)}`);
    expect(calls).toEqual([
      'addFile big.csv 10', // bytes 0..split only
      'startIngest null',
      `splitHead 0 ${JSON.stringify(plan)}`,
      'supplyPart 1,2,3',
    ]);
    // progress notices count the tail worker's rows and bytes too
    const parsing = out.filter((m) => 'notice' in m && m.notice === 'progress' && m.stage === 'parsing');
    expect(parsing[0]).toMatchObject({ rows: 10 + 7 });
    expect(out[out.length - 1]).toMatchObject({ id: 2, ok: true });
  });

  it('reads the files whole when the halves do not fit', async () => {
    const { session, calls } = splitSession({ misfit: true });
    const { reader } = fakeTail(new Uint8Array([1]));
    const out: WorkerMessage[] = [];
    const d = new Dispatcher(splitEngine(session, reader), (m) => out.push(m), () => 0);
    await d.handle({ id: 1, kind: 'hello', args: [] });
    await d.handle({ id: 2, kind: 'ingest', args: [[twentyBytes()]] });
    expect(calls.slice(-2)).toEqual(['addFile big.csv 20', 'startIngest null']);
    expect(out[out.length - 1]).toMatchObject({ id: 2, ok: true });
  });

  it('streams a large head in chunks while the core parses', async () => {
    const mib = 1 << 20;
    const big = { prefix_len: 10, split: 3 * mib, size: 6 * mib, delimiter: 44 };
    const { session, calls } = fakeSession(1);
    let phase = 0;
    Object.assign(session, {
      splitHead: (head: { file_index: number; streamed: boolean }) => void calls.push(`splitHead ${head.file_index} streamed=${head.streamed}`),
      appendBytes: (b: Uint8Array, last: boolean) => void calls.push(`appendBytes ${b.length} last=${last}`),
      supplyPart: () => void calls.push('supplyPart'),
    });
    const step = session.step.bind(session);
    session.step = (budget: number) => {
      // the core asks for bytes twice (3 chunks), then for the tail
      if (phase < 2) return { kind: 'need_bytes', file_index: 0, n: phase++ } as unknown as ReturnType<typeof step>;
      if (phase === 2) return (phase++, { kind: 'need_part', file_index: 0 });
      return step(budget);
    };
    const engine: Engine = {
      load: async () => ({ protocol: 2, version: 'test' }),
      newSession: () => session,
      planSplit: () => big,
      splitMinBytes: () => 20,
      splitWindowStart: (size) => size / 2,
      tails: async () => fakeTail(new Uint8Array([9])).reader,
    };
    const d = new Dispatcher(engine, () => {}, () => 0);
    await d.handle({ id: 1, kind: 'hello', args: [] });
    await d.handle({ id: 2, kind: 'ingest', args: [[new File([new Uint8Array(6 * mib)], 'big.csv')]] });
    // chunks end at 1 MiB (the least first chunk), 40 % and 100 % of the head
    const second = Math.floor(3 * mib * 0.4) - mib;
    expect(calls).toEqual([
      `addFile big.csv ${mib}`,
      'startIngest null',
      'splitHead 0 streamed=true',
      `appendBytes ${second} last=false`,
      `appendBytes ${3 * mib - Math.floor(3 * mib * 0.4)} last=true`,
      'supplyPart',
    ]);
  });

  it('reads small files whole and needs no tail worker', async () => {
    const { session, calls } = splitSession();
    const d = new Dispatcher(splitEngine(session, null), () => {}, () => 0);
    await d.handle({ id: 1, kind: 'hello', args: [] });
    await d.handle({ id: 2, kind: 'ingest', args: [[new File(['abc'], 'small.csv')]] });
    expect(calls).toEqual(['addFile small.csv 3', 'startIngest null']);
  });
});

describe('chunked reading', () => {
  it('cuts a range into growing chunks, the first at least 1 MiB and past the header', () => {
    const mib = 1 << 20;
    expect(chunkEnds(0, 100 * mib, 500)).toEqual([12 * mib, 40 * mib, 100 * mib]);
    expect(chunkEnds(50 * mib, 60 * mib)).toEqual([50 * mib + Math.floor(10 * mib * 0.12), 54 * mib, 60 * mib]);
    expect(chunkEnds(0, 3 * mib)).toEqual([mib, Math.floor(1.2 * mib), 3 * mib]);
    expect(chunkEnds(10, 1000)).toEqual([1000]);
  });

  it('reads chunks in order, each after the previous one arrived', async () => {
    const file = new File(['0123456789'], 'f.csv');
    const reader = new ChunkReader(file, [4, 7, 10], 1);
    const text = async () => new TextDecoder().decode(await reader.next());
    expect(await text()).toBe('123');
    expect(reader.done).toBe(false);
    expect(await text()).toBe('456');
    expect(await text()).toBe('789');
    expect(reader.done).toBe(true);
    await expect(reader.next()).rejects.toMatchObject({ code: 'worker.internal' });
  });
});

describe('the tail worker helping a stepped fit', () => {
  /** A fit of three steps that hands out one question before its first step and, when it
   * did, waits for the answer before it ends. */
  function helpedSession() {
    const { session, calls } = fakeSession(0);
    let steps = 0;
    let offered = false;
    let accepted = false;
    session.run = (kind) => (calls.push(`run ${kind}`), { state: 'working', done: 0, total: 3, waiting: false });
    session.offer = () => {
      if (offered) return undefined;
      offered = true;
      calls.push('offer');
      return new Uint8Array([7]);
    };
    session.accept = (answer) => {
      accepted = true;
      calls.push(`accept ${answer ? [...answer].join(',') : 'none'}`);
    };
    session.stepRun = () => {
      calls.push('stepRun');
      if (++steps < 3) return { state: 'working', done: steps, total: 3, waiting: false };
      if (offered && !accepted) return { state: 'working', done: 2, total: 3, waiting: true };
      return { state: 'done', output: { lists: 1 } };
    };
    session.answer = (kind, question) => (calls.push(`answer ${kind} ${[...question].join(',')}`), new Uint8Array([8, 9]));
    return { session, calls };
  }

  /** A tail worker whose answers come a few event-loop turns later (`null`: it failed). */
  function helper(answer: Uint8Array | null) {
    const asked: string[] = [];
    const reader: TailReader = {
      read: () => ({ bytes: Promise.resolve(null), cancel: () => undefined }),
      help: async (kind, question) => {
        asked.push(`${kind} ${[...question].join(',')}`);
        for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
        return answer;
      },
    };
    return { reader, asked };
  }

  async function run(session: SessionLike, tail: TailReader | null) {
    const out: WorkerMessage[] = [];
    const engine: Engine = { load: async () => ({ protocol: 3, version: 'test' }), newSession: () => session, tails: async () => tail };
    const d = new Dispatcher(engine, (m) => out.push(m), () => 0);
    await d.handle({ id: 1, kind: 'hello', args: [] });
    await d.handle({ id: 2, kind: 'run', args: ['recommend'] });
    return out;
  }

  it('hands the offered work to the tail worker and its answer to the fit, waiting for it when the fit must', async () => {
    const { session, calls } = helpedSession();
    const { reader, asked } = helper(new Uint8Array([8, 9]));
    const out = await run(session, reader);
    expect(asked).toEqual(['recommend 7']);
    expect(calls.filter((c) => c !== 'stepRun')).toEqual(['run recommend', 'offer', 'accept 8,9']);
    // the answer reached the fit before the step that ended it
    expect(calls.lastIndexOf('accept 8,9')).toBeLessThan(calls.lastIndexOf('stepRun'));
    expect(out[out.length - 1]).toEqual({ id: 2, ok: true, value: { lists: 1 } });
  });

  it('tells the fit when the tail worker could not answer, so it does the work itself', async () => {
    const { session, calls } = helpedSession();
    const out = await run(session, helper(null).reader);
    expect(calls).toContain('accept none');
    expect(out[out.length - 1]).toEqual({ id: 2, ok: true, value: { lists: 1 } });
  });

  it('asks nothing without a tail worker', async () => {
    const { session, calls } = helpedSession();
    const out = await run(session, null);
    expect(calls).not.toContain('offer');
    expect(out[out.length - 1]).toEqual({ id: 2, ok: true, value: { lists: 1 } });
  });

  it('answers a question in the tail worker from the session', async () => {
    const { session, calls } = helpedSession();
    const { out, send } = setup(session);
    await send({ id: 1, kind: 'hello', args: [] });
    await send({ id: 2, kind: 'help', args: ['recommend', new Uint8Array([7])] });
    expect(calls).toEqual(['answer recommend 7']);
    expect(out[1]).toEqual({ id: 2, ok: true, value: new Uint8Array([8, 9]) });
  });
});
