import { afterEach, describe, expect, it, vi } from 'vitest';
import { Portrait, PortraitError, type WorkerLike } from './portrait.js';
import { PROTOCOL, type Request, type WorkerMessage } from './protocol.js';

/** A Worker stand-in: records requests, lets the test answer them. */
class FakeWorker implements WorkerLike {
  sent: Request[] = [];
  terminated = false;
  #message: Array<(e: { data: unknown }) => void> = [];
  #error: Array<(e: { message?: string }) => void> = [];
  /** Answer hello automatically (most tests are not about it). */
  constructor(private autoHello: number | null = PROTOCOL) {}

  postMessage(message: unknown): void {
    const req = message as Request;
    this.sent.push(req);
    if (req.kind === 'hello' && this.autoHello !== null) {
      queueMicrotask(() => this.emit({ id: req.id, ok: true, value: { protocol: this.autoHello, version: '0.1.0 protocol 3' } }));
    }
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message' | 'error', listener: (e: never) => void): void {
    if (type === 'message') this.#message.push(listener as (e: { data: unknown }) => void);
    else this.#error.push(listener as (e: { message?: string }) => void);
  }
  emit(message: WorkerMessage): void {
    for (const l of this.#message) l({ data: message });
  }
  fail(message: string): void {
    for (const l of this.#error) l({ message });
  }
  last(): Request {
    return this.sent[this.sent.length - 1]!;
  }
}

async function open(): Promise<{ portrait: Portrait; workers: FakeWorker[] }> {
  const workers: FakeWorker[] = [];
  const portrait = await Portrait.open({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  return { portrait, workers };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.restoreAllMocks());

describe('Portrait façade', () => {
  it('says hello first and keeps the version', async () => {
    const { portrait, workers } = await open();
    expect(workers[0]!.sent[0]).toEqual({ id: 1, kind: 'hello', args: [] });
    expect(portrait.version).toBe('0.1.0 protocol 3');
    expect(portrait.pendingCount).toBe(0);
  });

  it('refuses a worker that speaks another protocol', async () => {
    const w = new FakeWorker(PROTOCOL + 1);
    const err = await Portrait.open({ createWorker: () => w }).catch((e) => e);
    expect(err).toBeInstanceOf(PortraitError);
    expect(err.code).toBe('worker.protocol_mismatch');
    expect(w.terminated).toBe(true);
  });

  it('gives every request a new id and routes out-of-order answers by id', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const a = portrait.run('overview');
    const b = portrait.table({ offset: 50, limit: 50 });
    const c = portrait.export();
    const ids = w.sent.slice(1).map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id > 1)).toBe(true);
    expect(w.sent[1]).toMatchObject({ kind: 'run', args: ['overview'] });
    expect(w.sent[2]).toMatchObject({ kind: 'table', args: [{ offset: 50, limit: 50 }] });
    expect(w.sent[3]).toMatchObject({ kind: 'export', args: [{}] });
    expect(portrait.pendingCount).toBe(3);
    w.emit({ id: ids[2]!, ok: true, value: '{"format":2}' });
    w.emit({ id: ids[0]!, ok: true, value: { customers: 3 } });
    w.emit({ id: ids[1]!, ok: true, value: { total: 0, offset: 0, rows: [] } });
    await expect(c).resolves.toBe('{"format":2}');
    await expect(a).resolves.toEqual({ customers: 3 });
    await expect(b).resolves.toEqual({ total: 0, offset: 0, rows: [] });
    expect(portrait.pendingCount).toBe(0);
  });

  it('rebuilds wire errors as PortraitError with code, file, line and column', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const file = new File(['x'], 'orders.csv');
    const p = portrait.ingest([file]);
    expect(w.last()).toMatchObject({ kind: 'ingest', args: [[file]] });
    w.emit({
      id: w.last().id,
      ok: false,
      error: {
        code: 'ingest.no_usable_rows',
        params: { file: 'orders.csv', summary: 'rows.none', header_line: 1 },
        message: 'orders.csv: no usable rows',
        file: 'orders.csv',
        line: 7,
        column: 'Date',
      },
    });
    const err = await p.catch((e) => e);
    expect(err).toBeInstanceOf(PortraitError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'ingest.no_usable_rows', file: 'orders.csv', line: 7, column: 'Date' });
    expect(err.params).toEqual({ file: 'orders.csv', summary: 'rows.none', header_line: 1 });
    expect(err.message).toBe('orders.csv: no usable rows');
    expect(portrait.pendingCount).toBe(0);
  });

  it('sends only the options that were set', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const file = new File(['x'], 'a.csv');
    void portrait.ingest([file], { options: { date_order: 'day_first' } });
    expect(w.last().args).toEqual([[file], { date_order: 'day_first' }]);
    void portrait.sample();
    expect(w.last()).toMatchObject({ kind: 'sample', args: [] });
    void portrait.sample({ params: { rows: 2000 } });
    expect(w.last()).toMatchObject({ kind: 'sample', args: [{ rows: 2000 }] });
    void portrait.run('rfm', { bins: 4 });
    expect(w.last()).toMatchObject({ kind: 'run', args: ['rfm', { bins: 4 }] });
  });

  it('delivers the work notices of a stepped fit to its run', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const seen: number[] = [];
    const run = portrait.run('rfm', undefined, { onWork: (work) => seen.push(work.done) });
    const id = w.last().id;
    w.emit({ id, notice: 'work', done: 3, total: 10 });
    w.emit({ id, notice: 'work', done: 7, total: 10 });
    w.emit({ id, ok: true, value: { customers: 2 } });
    await expect(run).resolves.toEqual({ customers: 2 });
    expect(seen).toEqual([3, 7]);
  });

  it('delivers progress notices to the request they belong to', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const seenA: number[] = [];
    const seenB: number[] = [];
    const a = portrait.sample({ params: { rows: 10, seed: 1 }, onProgress: (p) => seenA.push(p.rows) });
    const idA = w.last().id;
    const b = portrait.ingest([new File(['x'], 'b.csv')], { onProgress: (p) => seenB.push(p.rows) });
    const idB = w.last().id;
    const progress = { stage: 'parsing', file: 'b.csv', file_index: 0, files: 1, bytes_done: 1, bytes_total: 2 } as const;
    w.emit({ id: idB, notice: 'progress', ...progress, rows: 5 });
    w.emit({ id: idA, notice: 'progress', ...progress, rows: 7 });
    w.emit({ id: 999, notice: 'progress', ...progress, rows: 9 }); // nobody: ignored
    expect(seenA).toEqual([7]);
    expect(seenB).toEqual([5]);
    w.emit({ id: idA, ok: true, value: {} });
    w.emit({ id: idB, ok: true, value: {} });
    await Promise.all([a, b]);
  });

  it('cancels through the signal: posts cancel with the target id', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const abort = new AbortController();
    const p = portrait.ingest([new File(['x'], 'a.csv')], { signal: abort.signal });
    const target = w.last().id;
    abort.abort();
    const cancel = w.last();
    expect(cancel).toMatchObject({ kind: 'cancel', args: [target] });
    expect(cancel.id).not.toBe(target);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    w.emit({ id: cancel.id, ok: true, value: undefined });
    w.emit({ id: target, ok: false, error: { code: 'session.cancelled', message: 'cancelled' } });
    expect(log).not.toHaveBeenCalled(); // the cancel's own answer was expected
    const err = await p.catch((e) => e);
    expect(err.cancelled).toBe(true);
    expect(portrait.pendingCount).toBe(0);
  });

  it('rejects an already aborted call without posting it', async () => {
    const { portrait, workers } = await open();
    const before = workers[0]!.sent.length;
    const abort = new AbortController();
    abort.abort();
    const err = await portrait.run('overview', undefined, { signal: abort.signal }).catch((e) => e);
    expect(err.code).toBe('session.cancelled');
    expect(workers[0]!.sent.length).toBe(before);
  });

  it('after a crash rejects what is pending and every later call, until restart', async () => {
    const { portrait, workers } = await open();
    const w = workers[0]!;
    const crashed = vi.fn();
    portrait.addEventListener('crashed', crashed);
    const p = portrait.run('rfm');
    w.emit({ id: 0, notice: 'crashed', error: { code: 'worker.crashed', message: 'unreachable' } });
    await expect(p).rejects.toMatchObject({ code: 'worker.crashed' });
    await expect(portrait.run('overview')).rejects.toMatchObject({ code: 'worker.crashed' });
    expect(portrait.crashed).toBe(true);
    expect(crashed).toHaveBeenCalledTimes(1);

    await portrait.restart();
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(portrait.crashed).toBe(false);
    const q = portrait.run('overview');
    const w2 = workers[1]!;
    w2.emit({ id: w2.last().id, ok: true, value: { customers: 1 } });
    await expect(q).resolves.toEqual({ customers: 1 });
  });

  it('treats a worker error event as a failure of everything pending', async () => {
    const { portrait, workers } = await open();
    const p = portrait.run('quality');
    workers[0]!.fail('script error');
    await expect(p).rejects.toMatchObject({ code: 'worker.failed' });
    expect(portrait.crashed).toBe(true);
  });

  it('logs, and otherwise ignores, an answer to an unknown request', async () => {
    const { workers } = await open();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    workers[0]!.emit({ id: 12345, ok: true, value: null });
    await tick();
    expect(log).toHaveBeenCalledOnce();
  });

  it('rejects everything after close', async () => {
    const { portrait, workers } = await open();
    const p = portrait.run('overview');
    portrait.close();
    await expect(p).rejects.toMatchObject({ code: 'worker.closed' });
    await expect(portrait.run('overview')).rejects.toMatchObject({ code: 'worker.closed' });
    expect(workers[0]!.terminated).toBe(true);
  });
});
