/**
 * The public JS API: a promise-based façade over the module Web Worker that owns the wasm
 * `PortraitSession`. The page (and any embedder) uses only this; it never sees the worker
 * protocol and never calls wasm on the main thread.
 *
 * ```ts
 * const portrait = await Portrait.open();
 * const summary = await portrait.ingest(files, { signal, onProgress });
 * summary.facts.customers;
 * const rfm = await portrait.run('rfm', { bins: 5 });     // typed: RfmSummary
 * const page = await portrait.table({ columns: ['rfm.segment'], limit: 25 });
 * ```
 *
 * Every analysis is `run(kind, params)`: kinds, parameters and outputs are the generated
 * `Analyses` map, so this façade never grows per analysis.
 *
 * Errors reject as `PortraitError` (`code`, `file`, `line`, `column`). After a wasm trap
 * the instance is `crashed`: every call rejects with `worker.crashed` until `restart()`.
 */

import { PortraitError } from './errors.js';
import type { CallOptions, IngestCallOptions, OpenOptions, RunCallOptions, SampleCallOptions, WorkerLike } from './options.js';
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
import {
  DEFAULTS,
  type AnalysisKind,
  type DataFacts,
  type DataFilter,
  type ExportRequest,
  type FileInspection,
  type FileOptions,
  type IngestSummary,
  type Input,
  type OutputOf,
  type ParamsOf,
  type Progress,
  type TablePage,
  type TableQuery,
  type Work,
} from './types.js';

export { PortraitError } from './errors.js';
export type { CallOptions, IngestCallOptions, OpenOptions, RunCallOptions, SampleCallOptions, WorkerLike } from './options.js';
export * from './types.js';

interface Pending {
  kind: Method;
  resolve: (value: unknown) => void;
  reject: (error: PortraitError) => void;
  onProgress?: (progress: Progress) => void;
  onWork?: (work: Work) => void;
}

/** Default sample size and seed of the "Try a sample shop" button (from Rust). */
export const SAMPLE_ROWS = DEFAULTS.sample.rows;
export const SAMPLE_SEED = DEFAULTS.sample.seed;

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
      } else if (message.notice === 'work') {
        const { id: _id, notice: _n, ...work } = message;
        this.#pending.get(message.id)?.onWork?.(work);
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
    opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void; onWork?: (w: Work) => void } = {},
  ): Promise<ResultOf<K>> {
    if (this.#closed) return Promise.reject(new PortraitError(ErrorCode.Closed, 'this Portrait instance was closed'));
    if (this.#crashed && kind !== 'hello') {
      return Promise.reject(
        new PortraitError(ErrorCode.Crashed, 'the analysis engine stopped after an internal error: restart it'),
      );
    }
    const { signal, onProgress, onWork } = opts;
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
        onWork,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#post({ id, kind, args } as Request);
    });
  }

  #post(request: Request): void {
    this.#worker.postMessage(request);
  }

  /** Format, encoding, headers, proposed mapping and a preview of one file. */
  inspect(file: File, options?: Input<FileOptions>, call: CallOptions = {}): Promise<FileInspection> {
    return this.#call('inspect', options ? [file, options] : [file], call);
  }

  /** Reads and ingests `files`; resolves with the first screen's data. */
  ingest(files: File[], call: IngestCallOptions = {}): Promise<IngestSummary> {
    return this.#call('ingest', call.options ? [files, call.options] : [files], call);
  }

  /** Generates and ingests the built-in sample shop. */
  sample(call: SampleCallOptions = {}): Promise<IngestSummary> {
    return this.#call('sample', call.params ? [call.params] : [], call);
  }

  /**
   * Runs analysis `kind` with `params` (only what is set is sent: the defaults live in
   * Rust); resolves with its output. A model fitted with the same parameters is reused.
   */
  run<K extends AnalysisKind>(kind: K, params?: ParamsOf<K>, call: RunCallOptions = {}): Promise<OutputOf<K>> {
    const args: [AnalysisKind, Record<string, unknown>?] = params ? [kind, params as Record<string, unknown>] : [kind];
    return this.#call('run', args, call) as Promise<OutputOf<K>>;
  }

  /** One page of the customer table: columns of any analysis, filter, search, sort. */
  table(query: Input<TableQuery>, call: CallOptions = {}): Promise<TablePage> {
    return this.#call('table', [query], call);
  }

  /** Sets the global filter of every analysis; resolves with the facts of what it keeps. */
  filter(filter: Input<DataFilter>, call: CallOptions = {}): Promise<DataFacts> {
    return this.#call('filter', [filter], call);
  }

  /**
   * An export as JSON text: the whole report (identical to `portrait report --json`), or
   * one analysis (`{analysis: 'rfm', params}`, identical to `portrait rfm --json`).
   */
  export(request: Input<ExportRequest> = {}, call: CallOptions = {}): Promise<string> {
    return this.#call('export', [request], call);
  }

  /**
   * An export as a file's bytes in any format — `{analysis: 'customers', format: 'xlsx'}` is
   * the workbook `portrait customers --xlsx FILE` writes, byte for byte.
   */
  exportFile(request: Input<ExportRequest>, call: CallOptions = {}): Promise<Uint8Array> {
    return this.#call('exportFile', [request], call);
  }

  /**
   * Fits analyses `kinds` (none: the report's) with their default parameters in the
   * worker, so the views opened next answer from its cache.
   */
  warm(kinds?: AnalysisKind[]): Promise<void> {
    return this.#call('warm', kinds ? [kinds] : []);
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
