/**
 * The tail worker, seen from the head worker: a second instance of this same worker script
 * (named `TAIL_WORKER_NAME`, so it makes no tail worker of its own) that reads the tail half
 * of a split file (`ingest::split`). The head worker hands it its compiled wasm module in
 * `hello`, so it fetches nothing but its script, during page load.
 *
 * It speaks the page's protocol (`tail` requests, `progress` notices, `cancel`; `help` with a
 * part of a stepped fit's work after the ingest). Any failure — the worker does not start, a
 * request fails — is answered with `null`, and the head then reads the file whole (or does
 * that part of the fit itself).
 */

import type { Request, WorkerMessage } from '../api/protocol.js';
import type { IngestOptions, SplitPlan, Input } from '../api/types.js';
import type { TailProgress, TailRead, TailReader } from './engine.js';

/** `WorkerOptions.name` of the tail worker. */
export const TAIL_WORKER_NAME = 'portrait-tail';

interface Waiting {
  resolve(value: unknown): void;
  onProgress?: (p: TailProgress) => void;
}

/** The minimal `Worker` surface this class uses (a fake in the unit tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export class TailWorker implements TailReader {
  #worker: WorkerLike;
  #next = 1;
  #waiting = new Map<number, Waiting>();
  #broken = false;

  constructor(worker: WorkerLike) {
    this.#worker = worker;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = () => this.#fail();
  }

  /** Sends `hello` with the compiled module; true when the tail worker is ready. */
  async start(module: unknown): Promise<boolean> {
    const hello = await this.#call('hello', [module]);
    return hello !== null && !this.#broken;
  }

  read(file: File, plan: SplitPlan, options: Input<IngestOptions> | undefined, onProgress: (p: TailProgress) => void): TailRead {
    const id = this.#next++;
    const bytes = this.#call('tail', [file, plan, options], onProgress, id).then((v) => (v instanceof Uint8Array ? v : null));
    let settled = false;
    void bytes.then(() => (settled = true));
    return {
      bytes,
      cancel: () => {
        if (settled || this.#broken) return;
        this.#worker.postMessage({ id: this.#next++, kind: 'cancel', args: [id] } satisfies Request);
      },
    };
  }

  /** Answers a question a fit of analysis `kind` hands out; `null` when it cannot. */
  help(kind: string, question: Uint8Array): Promise<Uint8Array | null> {
    // the question moves without a copy
    return this.#call('help', [kind, question], undefined, this.#next++, [question.buffer]).then((v) => (v instanceof Uint8Array ? v : null));
  }

  #call(kind: Request['kind'], args: unknown[], onProgress?: (p: TailProgress) => void, id = this.#next++, transfer: Transferable[] = []): Promise<unknown> {
    if (this.#broken) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.#waiting.set(id, { resolve, onProgress });
      this.#worker.postMessage({ id, kind, args } as unknown as Request, transfer);
    });
  }

  #receive(message: WorkerMessage): void {
    const waiting = this.#waiting.get(message.id);
    if ('notice' in message) {
      if (message.notice === 'progress') waiting?.onProgress?.({ rows: message.rows, bytes_done: message.bytes_done });
      else this.#fail();
      return;
    }
    if (!waiting) return;
    this.#waiting.delete(message.id);
    waiting.resolve(message.ok ? message.value : null);
  }

  /** The worker is gone or trapped: every pending and later call answers `null`. */
  #fail(): void {
    this.#broken = true;
    for (const w of this.#waiting.values()) w.resolve(null);
    this.#waiting.clear();
  }
}
