import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../api/protocol.js';
import { TailWorker, type WorkerLike } from './tail.js';

/** A fake worker: records what is posted; the test answers through `reply`. */
function fakeWorker() {
  const posted: Array<{ id: number; kind: string; args: unknown[] }> = [];
  const worker: WorkerLike = {
    postMessage: (m) => void posted.push(m as { id: number; kind: string; args: unknown[] }),
    onmessage: null,
    onerror: null,
  };
  const reply = (m: WorkerMessage) => worker.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
  return { worker, posted, reply };
}

const plan = { prefix_len: 4, split: 10, size: 20, delimiter: 44 };

describe('tail worker', () => {
  it('says hello with the module, then reads a tail with progress', async () => {
    const { worker, posted, reply } = fakeWorker();
    const tail = new TailWorker(worker);
    const started = tail.start('module');
    expect(posted[0]).toEqual({ id: 1, kind: 'hello', args: ['module'] });
    reply({ id: 1, ok: true, value: { protocol: 1, version: 't' } });
    expect(await started).toBe(true);

    const progress: unknown[] = [];
    const read = tail.read(new File(['x'], 'big.csv'), plan, undefined, (p) => progress.push(p));
    expect(posted[1]).toMatchObject({ id: 2, kind: 'tail', args: [expect.any(File), plan, undefined] });
    reply({ id: 2, notice: 'progress', stage: 'parsing', file: 'big.csv', file_index: 0, files: 1, rows: 5, bytes_done: 6, bytes_total: 9 });
    reply({ id: 2, ok: true, value: new Uint8Array([4, 2]) });
    expect(Array.from((await read.bytes)!)).toEqual([4, 2]);
    expect(progress).toEqual([{ rows: 5, bytes_done: 6 }]);
    read.cancel(); // done: nothing to cancel
    expect(posted.length).toBe(2);
  });

  it('answers null when a read fails, is cancelled or the worker dies', async () => {
    const { worker, posted, reply } = fakeWorker();
    const tail = new TailWorker(worker);
    const failed = tail.read(new File(['x'], 'a.csv'), plan, undefined, () => {});
    reply({ id: 1, ok: false, error: { code: 'ingest.split_failed', message: 'misfit' } });
    expect(await failed.bytes).toBeNull();

    const cancelled = tail.read(new File(['x'], 'a.csv'), plan, undefined, () => {});
    cancelled.cancel();
    expect(posted[posted.length - 1]).toMatchObject({ kind: 'cancel', args: [2] });
    reply({ id: 2, ok: false, error: { code: 'session.cancelled', message: 'cancelled' } });
    expect(await cancelled.bytes).toBeNull();

    const pending = tail.read(new File(['x'], 'a.csv'), plan, undefined, () => {});
    worker.onerror?.(new Event('error'));
    expect(await pending.bytes).toBeNull();
    expect(await tail.read(new File(['x'], 'a.csv'), plan, undefined, () => {}).bytes).toBeNull();
  });
});
