/**
 * The worker's request dispatcher, abstract over the wasm module and `postMessage` so the
 * unit tests drive it with a fake session (DuckDB-Wasm's `WorkerDispatcher`).
 *
 * It owns the one session. Long jobs (ingest, sample) loop `session.step(budget)` and yield
 * to the event loop between steps, so a `cancel` request is handled promptly and progress
 * notices go out at most every `PROGRESS_INTERVAL_MS`. A wasm trap (`RuntimeError`, which is
 * what a Rust panic becomes with `panic = "abort"`) marks the worker crashed: it answers
 * every later request with `worker.crashed` and the page offers a restart.
 */

import { ErrorCode, isWireError, type Hello, type Request, type WorkerMessage } from '../api/protocol.js';
import type { IngestProgress, IngestSummary, WireError } from '../api/types.js';

/** Rows per `step` call: small enough for a prompt cancel, large enough to be cheap. */
export const STEP_BUDGET_ROWS = 50_000;
/** Minimum time between two progress notices of one job. */
export const PROGRESS_INTERVAL_MS = 50;

/** The exported `PortraitSession` class, as the dispatcher uses it. */
export interface SessionLike {
  inspect(name: string, bytes: Uint8Array, options: unknown): unknown;
  addFile(name: string, bytes: Uint8Array): void;
  startIngest(options: unknown): void;
  startSample(rows: number, seed: number): void;
  step(budgetRows: number): unknown;
  cancel(): void;
  clear(): void;
  quality(): unknown;
  overview(): unknown;
  rfmSummary(): unknown;
  rfmPage(query: unknown): unknown;
  reportJson(): string;
}

/** Loads the wasm module once and makes sessions. */
export interface Engine {
  load(): Promise<Hello>;
  newSession(): SessionLike;
}

type StepResult = ({ kind: 'progress' } & IngestProgress) | ({ kind: 'ready' } & IngestSummary);

interface Job {
  id: number;
  cancelled: boolean;
}

/** Resolves on the next event-loop turn (a MessageChannel task: no 4 ms timer clamping). */
export function makeYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

class Cancelled extends Error {}

export class Dispatcher {
  #engine: Engine;
  #post: (message: WorkerMessage) => void;
  #session: SessionLike | null = null;
  #hello: Promise<Hello> | null = null;
  #job: Job | null = null;
  #crashed: WireError | null = null;
  #yield = makeYield();
  #now: () => number;

  constructor(engine: Engine, post: (message: WorkerMessage) => void, now: () => number = () => performance.now()) {
    this.#engine = engine;
    this.#post = post;
    this.#now = now;
  }

  /** Handles one request; always answers it exactly once. */
  async handle(request: Request): Promise<void> {
    const { id } = request;
    if (this.#crashed) {
      this.#post({ id, ok: false, error: this.#crashed });
      return;
    }
    try {
      const value = await this.#run(request);
      this.#post({ id, ok: true, value });
    } catch (e) {
      this.#post({ id, ok: false, error: this.#toWire(e) });
    }
  }

  async #run(request: Request): Promise<unknown> {
    switch (request.kind) {
      case 'hello': {
        this.#hello ??= this.#engine.load();
        const hello = await this.#hello;
        this.#session ??= this.#engine.newSession();
        return hello;
      }
      case 'cancel': {
        const [target] = request.args;
        if (this.#job && this.#job.id === target) this.#job.cancelled = true;
        return undefined;
      }
      case 'inspect': {
        const [file, options] = request.args;
        const bytes = await readFile(file);
        return this.#s().inspect(file.name, bytes, options ?? undefined);
      }
      case 'ingest': {
        const [files, options] = request.args;
        const job = this.#startJob(request.id);
        const total = files.reduce((n, f) => n + f.size, 0);
        let done = 0;
        for (const [index, file] of files.entries()) {
          // the browser reads the file before the core sees a byte: say so
          this.#post({ id: job.id, notice: 'progress', stage: 'decoding', file: file.name, file_index: index, files: files.length, rows: 0, bytes_done: done, bytes_total: total });
          const bytes = await readFile(file);
          this.#checkCancelled(job);
          this.#s().addFile(file.name, bytes);
          done += file.size;
        }
        this.#s().startIngest(options ?? undefined);
        return this.#drive(job);
      }
      case 'sample': {
        const [rows, seed] = request.args;
        const job = this.#startJob(request.id);
        this.#s().startSample(rows, seed);
        return this.#drive(job);
      }
      case 'rfmSummary':
        return this.#s().rfmSummary();
      case 'rfmPage':
        return this.#s().rfmPage(request.args[0]);
      case 'quality':
        return this.#s().quality();
      case 'overview':
        return this.#s().overview();
      case 'reportJson':
        return this.#s().reportJson();
      case 'clear':
        if (this.#job) this.#job.cancelled = true;
        this.#job = null;
        this.#s().clear();
        return undefined;
      default: {
        const kind = (request as { kind: string }).kind;
        throw { code: 'session.invalid_request', message: `unknown request kind "${kind}"` } satisfies WireError;
      }
    }
  }

  #s(): SessionLike {
    if (!this.#session) {
      throw { code: 'session.invalid_request', message: 'the worker got a request before hello' } satisfies WireError;
    }
    return this.#session;
  }

  /** A new job supersedes the running one (whose promise rejects as cancelled). */
  #startJob(id: number): Job {
    if (this.#job) this.#job.cancelled = true;
    const job = { id, cancelled: false };
    this.#job = job;
    return job;
  }

  #checkCancelled(job: Job): void {
    if (!job.cancelled) return;
    // Only the current job may reset the session: a superseding job has already replaced it.
    if (this.#job === job) {
      this.#session?.cancel();
      this.#job = null;
    }
    throw new Cancelled();
  }

  async #drive(job: Job): Promise<IngestSummary> {
    let lastNotice = -Infinity;
    for (;;) {
      this.#checkCancelled(job);
      const result = this.#s().step(STEP_BUDGET_ROWS) as StepResult;
      if (result.kind === 'ready') {
        if (this.#job === job) this.#job = null;
        const { kind: _kind, ...summary } = result;
        return summary;
      }
      const now = this.#now();
      if (now - lastNotice >= PROGRESS_INTERVAL_MS) {
        lastNotice = now;
        const { kind: _kind, ...progress } = result;
        this.#post({ id: job.id, notice: 'progress', ...progress });
      }
      await this.#yield();
    }
  }

  #toWire(e: unknown): WireError {
    if (e instanceof Cancelled) return { code: ErrorCode.Cancelled, message: 'cancelled' };
    if (isWireError(e)) return e;
    if (e instanceof Error && (e.name === 'RuntimeError' || e instanceof WebAssemblyRuntimeError())) {
      // A trap: the wasm instance is in an unknown state. Refuse everything from now on.
      const error: WireError = {
        code: ErrorCode.Crashed,
        message: `the analysis engine stopped after an internal error (${e.message})`,
      };
      this.#crashed = error;
      this.#job = null;
      this.#post({ id: 0, notice: 'crashed', error });
      return error;
    }
    if (e instanceof DOMException || (e instanceof Error && e.name === 'NotReadableError')) {
      return { code: ErrorCode.FileUnreadable, message: `the browser could not read the file: ${e.message}` };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { code: ErrorCode.Internal, message };
  }
}

function WebAssemblyRuntimeError(): new (...args: never[]) => Error {
  const wa = (globalThis as { WebAssembly?: { RuntimeError?: new (...args: never[]) => Error } }).WebAssembly;
  return wa?.RuntimeError ?? (class Never extends Error {} as new (...args: never[]) => Error);
}

async function readFile(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw {
      code: ErrorCode.FileUnreadable,
      message: `${file.name}: the browser could not read the file (${message})`,
      file: file.name,
    } satisfies WireError;
  }
}
