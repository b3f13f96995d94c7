/**
 * The public JS API: a promise-based façade over the module Web Worker that owns the wasm
 * `PortraitSession`. The page (and any embedder) uses only this; it never sees the worker
 * protocol and never calls wasm on the main thread.
 *
 * ```ts
 * const portrait = await Portrait.open();
 * const summary = await portrait.ingest(files, { signal, onProgress });
 * summary.overview.customers;
 * const rfm = await portrait.rfmSummary();
 * ```
 *
 * Errors reject as `PortraitError` (`code`, `file`, `line`, `column`). After a wasm trap
 * the instance is `crashed`: every call rejects with `worker.crashed` until `restart()`.
 */

import { PortraitError } from './errors.js';
import {
  ErrorCode,
  isNotice,
  PROTOCOL,
  type Hello,
  type Method,
  type Request,
  type ResultOf,
  type WorkerApi,
  type WorkerMessage,
} from './protocol.js';
import type {
  FileInspection,
  FileOptions,
  IngestOptions,
  IngestProgress,
  IngestSummary,
  Overview,
  QualityReport,
  RfmPage,
  RfmQuery,
  RfmSummary,
} from './types.js';

export { PortraitError } from './errors.js';
export * from './types.js';

/** The part of `Worker` the façade uses (a fake in the unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (e: { message?: string }) => void): void;
}

export interface OpenOptions {
  /** URL of the bundled worker script (default: `worker.js` beside this bundle). */
  workerUrl?: string | URL;
  /** Creates the worker (tests pass a fake). */
  createWorker?: () => WorkerLike;
}

export interface CallOptions {
  /** Aborting cancels the request in the worker; the promise rejects with `session.cancelled`. */
  signal?: AbortSignal;
}

export interface IngestCallOptions extends CallOptions {
  /** Called at most every ~50 ms while the files are read and parsed. */
  onProgress?: (progress: IngestProgress) => void;
  /** Per-file mapping overrides and the date order; only what is set is sent. */
  options?: IngestOptions;
}

export interface SampleCallOptions extends CallOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Order lines to generate (default 100,000). */
  rows?: number;
  /** Seed (default 42): the same seed gives the same shop. */
  seed?: number;
}

interface Pending {
  kind: Method;
  resolve: (value: unknown) => void;
  reject: (error: PortraitError) => void;
  onProgress?: (progress: IngestProgress) => void;
}

/** Default sample size and seed of the "Try a sample shop" button. */
export const SAMPLE_ROWS = 100_000;
export const SAMPLE_SEED = 42;

function defaultWorker(url: string | URL): WorkerLike {
  return new Worker(url, { type: 'module', name: 'portrait' }) as unknown as WorkerLike;
}

/** One Portrait session in a worker. */
export class Portrait extends EventTarget {
  #create: () => WorkerLike;
  #worker!: WorkerLike;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #crashed = false;
  #closed = false;
  #version = '';

  private constructor(create: () => WorkerLike) {
    super();
    this.#create = create;
  }

  /** Spawns the worker, loads the wasm module and checks the protocol. */
  static async open(options: OpenOptions = {}): Promise<Portrait> {
    const create =
      options.createWorker ?? (() => defaultWorker(options.workerUrl ?? new URL('./worker.js', import.meta.url)));
    const portrait = new Portrait(create);
    await portrait.#spawn();
    return portrait;
  }

  /** Crate version reported by the worker, e.g. `0.1.0 protocol 1`. */
  get version(): string {
    return this.#version;
  }

  /** True after a wasm trap or a worker failure: only `restart()` helps. */
  get crashed(): boolean {
    return this.#crashed;
  }

  /** Requests sent and not yet answered (for tests and diagnostics). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  async #spawn(): Promise<void> {
    this.#crashed = false;
    const worker = this.#create();
    this.#worker = worker;
    worker.addEventListener('message', (e) => {
      if (worker === this.#worker) this.#onMessage(e.data as WorkerMessage);
    });
    worker.addEventListener('error', (e) => {
      if (worker === this.#worker) {
        this.#fail(new PortraitError(ErrorCode.WorkerFailed, `the analysis worker failed: ${e.message ?? 'unknown error'}`));
      }
    });
    const hello = (await this.#call('hello', [])) as Hello;
    if (hello.protocol !== PROTOCOL) {
      this.#worker.terminate();
      throw new PortraitError(
        ErrorCode.ProtocolMismatch,
        `the worker speaks protocol ${hello.protocol}, this page expects ${PROTOCOL}: reload the page`,
      );
    }
    this.#version = hello.version;
  }

  #onMessage(message: WorkerMessage): void {
    if (isNotice(message)) {
      if (message.notice === 'progress') {
        const { id: _id, notice: _n, ...progress } = message;
        this.#pending.get(message.id)?.onProgress?.(progress);
      } else if (message.notice === 'crashed') {
        this.#fail(PortraitError.fromWire(message.error));
      }
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) {
      // A response nobody waits for is a protocol bug: say so loudly, but do not throw.
      console.error(`portrait: response for unknown request ${message.id}`);
      return;
    }
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(PortraitError.fromWire(message.error));
  }

  /** Marks the instance crashed and rejects everything pending. */
  #fail(error: PortraitError): void {
    const wasCrashed = this.#crashed;
    this.#crashed = true;
    const code = error.code === ErrorCode.WorkerFailed ? ErrorCode.WorkerFailed : ErrorCode.Crashed;
    const rejection = new PortraitError(code, error.message, error);
    for (const p of this.#pending.values()) p.reject(rejection);
    this.#pending.clear();
    if (!wasCrashed) this.dispatchEvent(new CustomEvent('crashed', { detail: rejection }));
  }

  #call<K extends Method>(
    kind: K,
    args: Parameters<WorkerApi[K]>,
    opts: { signal?: AbortSignal; onProgress?: (p: IngestProgress) => void } = {},
  ): Promise<ResultOf<K>> {
    if (this.#closed) return Promise.reject(new PortraitError(ErrorCode.Closed, 'this Portrait instance was closed'));
    if (this.#crashed && kind !== 'hello') {
      return Promise.reject(
        new PortraitError(ErrorCode.Crashed, 'the analysis engine stopped after an internal error: restart it'),
      );
    }
    const { signal, onProgress } = opts;
    if (signal?.aborted) return Promise.reject(new PortraitError(ErrorCode.Cancelled, 'cancelled'));
    const id = this.#nextId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const onAbort = () => {
        // the cancel is a request like any other (answered, and tracked so its answer is expected)
        if (this.#pending.has(id)) void this.#call('cancel', [id]).catch(() => {});
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        kind,
        resolve: (v) => {
          done();
          resolve(v as ResultOf<K>);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#post({ id, kind, args } as Request);
    });
  }

  #post(request: Request): void {
    this.#worker.postMessage(request);
  }

  /** Format, encoding, headers, proposed mapping and a preview of one file. */
  inspect(file: File, options?: FileOptions, call: CallOptions = {}): Promise<FileInspection> {
    return this.#call('inspect', options ? [file, options] : [file], call);
  }

  /** Reads and ingests `files`; resolves with the first screen's data. */
  ingest(files: File[], call: IngestCallOptions = {}): Promise<IngestSummary> {
    return this.#call('ingest', call.options ? [files, call.options] : [files], call);
  }

  /** Generates and ingests the built-in sample shop. */
  sample(call: SampleCallOptions = {}): Promise<IngestSummary> {
    return this.#call('sample', [call.rows ?? SAMPLE_ROWS, call.seed ?? SAMPLE_SEED], call);
  }

  rfmSummary(call: CallOptions = {}): Promise<RfmSummary> {
    return this.#call('rfmSummary', [], call);
  }

  rfmPage(query: RfmQuery, call: CallOptions = {}): Promise<RfmPage> {
    return this.#call('rfmPage', [query], call);
  }

  quality(call: CallOptions = {}): Promise<QualityReport> {
    return this.#call('quality', [], call);
  }

  overview(call: CallOptions = {}): Promise<Overview> {
    return this.#call('overview', [], call);
  }

  /** The full report as JSON text, identical to `portrait analyze --json`. */
  reportJson(call: CallOptions = {}): Promise<string> {
    return this.#call('reportJson', [], call);
  }

  /** Forgets all data in the worker. */
  clear(): Promise<void> {
    return this.#call('clear', []);
  }

  /** Terminates the worker and starts a fresh one (all data is gone). */
  async restart(): Promise<void> {
    this.#worker.terminate();
    const rejection = new PortraitError(ErrorCode.Cancelled, 'the analysis engine was restarted');
    for (const p of this.#pending.values()) p.reject(rejection);
    this.#pending.clear();
    await this.#spawn();
    this.dispatchEvent(new CustomEvent('restarted'));
  }

  /** Terminates the worker; every later call rejects. */
  close(): void {
    this.#closed = true;
    this.#worker.terminate();
    const rejection = new PortraitError(ErrorCode.Closed, 'this Portrait instance was closed');
    for (const p of this.#pending.values()) p.reject(rejection);
    this.#pending.clear();
  }
}
