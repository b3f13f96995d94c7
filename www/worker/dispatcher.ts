/**
 * The worker's request dispatcher, abstract over the wasm module and `postMessage` so the
 * unit tests drive it with a fake session (DuckDB-Wasm's `WorkerDispatcher`).
 *
 * It owns the one session. Long jobs (ingest, sample) loop `session.step(budget)` and yield
 * to the event loop between steps, so a `cancel` request is handled promptly and progress
 * notices go out at most every `PROGRESS_INTERVAL_MS`. A wasm trap (`RuntimeError`, which is
 * what a Rust panic becomes with `panic = "abort"`) marks the worker crashed: it answers
 * every later request with `worker.crashed` and the page offers a restart.
 *
 * A large CSV is read by two workers (`ingest::split` in Rust): this worker reads the head
 * half and a second, tail worker (`TailReader`) the tail half, at the same time. When the
 * head is parsed the core asks for the tail (`need_part`) and absorbs it. If the halves do
 * not fit (`ingest.split_failed`: a quoted line break at the cut, a half that is not
 * UTF-8) the files are read again whole, so the result never depends on the split.
 */

import { ErrorCode, isWireError, type Hello, type Request, type WorkerMessage } from '../api/protocol.js';
import type { IngestOptions, IngestProgress, IngestSummary, SplitPlan, WireError } from '../api/types.js';

/** Rows per `step` call: small enough for a prompt cancel, large enough to be cheap. */
export const STEP_BUDGET_ROWS = 50_000;
/** Minimum time between two progress notices of one job. */
export const PROGRESS_INTERVAL_MS = 50;

/** Bytes of a file's start (and middle) that `planSplit` looks at. */
export const SPLIT_WINDOW_BYTES = 64 * 1024;
/** The code of the error that means "read the files whole instead". */
const SPLIT_FAILED = 'ingest.split_failed';

/** The exported `PortraitSession` class, as the dispatcher uses it. */
export interface SessionLike {
  inspect(name: string, bytes: Uint8Array, options: unknown): unknown;
  addFile(name: string, bytes: Uint8Array): void;
  startIngest(options: unknown): void;
  splitHead?(index: number, plan: SplitPlan, streamed: boolean): void;
  startTail?(name: string, bytes: Uint8Array, plan: SplitPlan, options: unknown, streamed: boolean): void;
  supplyPart?(bytes: Uint8Array | undefined): void;
  appendBytes?(bytes: Uint8Array, last: boolean): void;
  takePart?(): Uint8Array;
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

/** Rows and bytes the tail worker has read so far, for the head's progress notices. */
export interface TailProgress {
  rows: number;
  bytes_done: number;
}

/** One tail being read by the tail worker. */
export interface TailRead {
  /** The tail's `ParsedPart` bytes, or `null` when it could not be read. */
  bytes: Promise<Uint8Array | null>;
  /** Stops reading it (a no-op once it is done); `bytes` then resolves to `null`. */
  cancel(): void;
}

/** The second worker, reading tail halves (only the head worker has one). */
export interface TailReader {
  read(file: File, plan: SplitPlan, options: IngestOptions | undefined, onProgress: (p: TailProgress) => void): TailRead;
}

/** Loads the wasm module once and makes sessions. */
export interface Engine {
  /** `module`: a compiled module handed over by the head worker (tail workers only). */
  load(module?: unknown): Promise<Hello>;
  newSession(): SessionLike;
  /** Where to cut a file for two workers, or `null` (`planSplit` of the wasm module). */
  planSplit?(head: Uint8Array, window: Uint8Array, windowStart: number, size: number): SplitPlan | null;
  /** Files from this size on may be split. */
  splitMinBytes?(): number;
  /** Where `planSplit` wants its window to start in a file of `size` bytes. */
  splitWindowStart?(size: number): number;
  /** The tail worker, once `load` has made it ready; `null` when there is none. */
  tails?(): Promise<TailReader | null>;
}

type StepResult =
  | ({ kind: 'progress' } & IngestProgress)
  | ({ kind: 'ready' } & IngestSummary)
  | { kind: 'need_part'; file_index: number }
  | { kind: 'need_bytes'; file_index: number }
  | { kind: 'part'; bytes: number };

/**
 * Each half of a split file is read in chunks ending at these shares of it: the core parses
 * one chunk while the browser reads the next, so reading costs little more than the first.
 */
export const CHUNK_ENDS = [0.12, 0.4, 1];

/** Reads a file's chunks one after the other, each as soon as the previous one arrived. */
export class ChunkReader {
  #file: File;
  #bounds: number[];
  #start: number;
  #next = 0;
  #pending: Promise<Uint8Array> | null;

  /** `bounds`: the chunks' end offsets, ascending; the first chunk starts at `start`. */
  constructor(file: File, bounds: number[], start = 0) {
    this.#file = file;
    this.#bounds = bounds;
    this.#start = start;
    this.#pending = this.#read(0);
  }

  /** True once the last chunk has been handed out. */
  get done(): boolean {
    return this.#pending === null;
  }

  /** The next chunk (and the read of the one after it starts). */
  async next(): Promise<Uint8Array> {
    const pending = this.#pending;
    if (!pending) throw { code: 'worker.internal', message: 'no chunk left to read' } satisfies WireError;
    const bytes = await pending;
    this.#next += 1;
    this.#pending = this.#next < this.#bounds.length ? this.#read(this.#next) : null;
    return bytes;
  }

  #read(i: number): Promise<Uint8Array> {
    const read = readFile(this.#file.slice(this.#bounds[i - 1] ?? this.#start, this.#bounds[i]), this.#file.name);
    read.catch(() => undefined); // a read nobody waits for any more (a cancel) is no error
    return read;
  }
}

/**
 * Chunk ends (file offsets) for the bytes `start..end` of a file read in `CHUNK_ENDS`
 * shares: the first chunk holds at least 1 MiB and, for a head, its header (`min` bytes).
 */
export function chunkEnds(start: number, end: number, min = 0): number[] {
  const first = start + Math.max(min + 1, 1 << 20);
  const ends: number[] = [];
  for (const share of CHUNK_ENDS) {
    const e = Math.min(end, Math.max(first, start + Math.floor((end - start) * share)));
    if (e > (ends.at(-1) ?? start)) ends.push(e);
  }
  if (ends.at(-1) !== end) ends.push(end);
  return ends;
}

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

/** How an ingest answers the core's requests for a tail (`need_part`) and for bytes. */
interface Supply {
  part(fileIndex: number): Promise<void>;
  bytes(fileIndex: number): Promise<void>;
}

export class Dispatcher {
  #engine: Engine;
  #post: (message: WorkerMessage, transfer?: Transferable[]) => void;
  #tails: TailReader | null = null;
  #session: SessionLike | null = null;
  #hello: Promise<Hello> | null = null;
  #job: Job | null = null;
  #crashed: WireError | null = null;
  #yield = makeYield();
  #now: () => number;

  constructor(engine: Engine, post: (message: WorkerMessage, transfer?: Transferable[]) => void, now: () => number = () => performance.now()) {
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
      // a tail's bytes move to the head worker without a copy
      this.#post({ id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : undefined);
    } catch (e) {
      this.#post({ id, ok: false, error: this.#toWire(e) });
    }
  }

  async #run(request: Request): Promise<unknown> {
    switch (request.kind) {
      case 'hello': {
        this.#hello ??= this.#engine.load(request.args[0]);
        const hello = await this.#hello;
        this.#session ??= this.#engine.newSession();
        this.#tails = (await this.#engine.tails?.()) ?? null;
        return hello;
      }
      case 'cancel': {
        const [target] = request.args;
        if (this.#job && this.#job.id === target) this.#job.cancelled = true;
        return undefined;
      }
      case 'inspect': {
        const [file, options] = request.args;
        const bytes = await readFile(file, file.name);
        return this.#s().inspect(file.name, bytes, options ?? undefined);
      }
      case 'ingest': {
        const [files, options] = request.args;
        const job = this.#startJob(request.id);
        try {
          return await this.#ingest(job, files, options, true);
        } catch (e) {
          if (!isWireError(e) || e.code !== SPLIT_FAILED) throw e;
          return await this.#ingest(job, files, options, false);
        }
      }
      case 'tail': {
        const [file, plan, options] = request.args;
        const job = this.#startJob(request.id);
        // the prefix and the first chunk of the tail, then the tail's other chunks
        const ends = chunkEnds(plan.split, file.size, plan.prefix_len);
        const first = await readFile(new Blob([file.slice(0, plan.prefix_len), file.slice(plan.split, ends[0])]), file.name);
        const rest = ends.length > 1 ? new ChunkReader(file, ends.slice(1), ends[0]) : null;
        this.#checkCancelled(job);
        this.#s().startTail!(file.name, first, plan, options ?? undefined, rest !== null);
        await this.#drive(job, undefined, {
          part: async () => {
            throw { code: 'worker.internal', message: 'a tail has no tail' } satisfies WireError;
          },
          bytes: async () => {
            if (!rest) throw { code: 'worker.internal', message: 'the tail is not streamed' } satisfies WireError;
            const bytes = await rest.next();
            this.#checkCancelled(job);
            this.#s().appendBytes!(bytes, rest.done);
          },
        });
        return this.#s().takePart!();
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

  /**
   * Reads `files` into the session and ingests them. With `split`, each file the core
   * plans to cut is read half here and half by the tail worker, concurrently.
   */
  async #ingest(job: Job, files: File[], options: IngestOptions | undefined, split: boolean): Promise<IngestSummary> {
    const tails: TailRead[] = [];
    try {
      const result = await this.#readAndDrive(job, files, options, split, tails);
      if (result.kind !== 'ready') throw { code: 'worker.internal', message: `ingest ended with ${result.kind}` } satisfies WireError;
      const { kind: _kind, ...summary } = result;
      return summary;
    } finally {
      // a cancel, an error or a misfit leaves no tail worker busy
      tails.forEach((t) => t?.cancel());
    }
  }

  async #readAndDrive(job: Job, files: File[], options: IngestOptions | undefined, split: boolean, tails: TailRead[]): Promise<StepResult> {
    const total = files.reduce((n, f) => n + f.size, 0);
    const plans: Array<SplitPlan | null> = [];
    const streams: ChunkReader[] = [];
    const tail: TailProgress = { rows: 0, bytes_done: 0 };
    let done = 0;
    for (const [index, file] of files.entries()) {
      // the browser reads the file before the core sees a byte: say so
      this.#post({ id: job.id, notice: 'progress', stage: 'decoding', file: file.name, file_index: index, files: files.length, rows: 0, bytes_done: done, bytes_total: total });
      const plan = split ? await this.#plan(file) : null;
      if (plan && this.#tails) {
        tails[index] = this.#tails.read(file, plan, options, (p) => Object.assign(tail, p));
      }
      let bytes: Uint8Array;
      if (plan) {
        const canStream = typeof this.#s().appendBytes === 'function';
        const chunks = new ChunkReader(file, canStream ? chunkEnds(0, plan.split, plan.prefix_len) : [plan.split]);
        bytes = await chunks.next();
        if (!chunks.done) streams[index] = chunks;
      } else {
        bytes = await readFile(file, file.name);
      }
      this.#checkCancelled(job);
      this.#s().addFile(file.name, bytes);
      plans[index] = plan;
      done += file.size;
    }
    this.#s().startIngest(options ?? undefined);
    plans.forEach((plan, index) => plan && this.#s().splitHead!(index, plan, streams[index] !== undefined));
    return this.#drive(job, tail, {
      part: async (index) => {
        const bytes = await tails[index]?.bytes;
        this.#checkCancelled(job);
        this.#s().supplyPart!(bytes ?? undefined);
        // a diagnostic the browser tests read: how many tails this worker absorbed
        const scope = globalThis as { portraitTailsAbsorbed?: number };
        scope.portraitTailsAbsorbed = (scope.portraitTailsAbsorbed ?? 0) + 1;
      },
      bytes: async (index) => {
        const chunks = streams[index];
        if (!chunks) throw { code: 'worker.internal', message: `file ${index} is not streamed` } satisfies WireError;
        const bytes = await chunks.next();
        this.#checkCancelled(job);
        this.#s().appendBytes!(bytes, chunks.done);
      },
    });
  }

  /** The cut for `file` when there is a tail worker and the core wants one, else `null`. */
  async #plan(file: File): Promise<SplitPlan | null> {
    const { planSplit, splitMinBytes, splitWindowStart } = this.#engine;
    if (!this.#tails || !planSplit || !splitMinBytes || !splitWindowStart || file.size < splitMinBytes()) return null;
    const start = splitWindowStart(file.size);
    const [head, window] = await Promise.all([
      readFile(file.slice(0, SPLIT_WINDOW_BYTES), file.name),
      readFile(file.slice(start, start + SPLIT_WINDOW_BYTES), file.name),
    ]);
    return planSplit(head, window, start, file.size);
  }

  /**
   * Steps the session until it is ready (or, in a tail worker, until its part is done),
   * posting progress — with the tail worker's rows and bytes added — and answering the
   * core's `need_part` through `supply`.
   */
  async #drive(job: Job, tail?: TailProgress, supply?: Supply): Promise<StepResult> {
    let lastNotice = -Infinity;
    for (;;) {
      this.#checkCancelled(job);
      const result = this.#s().step(STEP_BUDGET_ROWS) as StepResult;
      if (result.kind === 'ready' || result.kind === 'part') {
        if (this.#job === job) this.#job = null;
        return result;
      }
      if (result.kind === 'need_part' || result.kind === 'need_bytes') {
        if (!supply) throw { code: 'worker.internal', message: `${result.kind} outside an ingest` } satisfies WireError;
        await (result.kind === 'need_part' ? supply.part : supply.bytes)(result.file_index);
        continue;
      }
      const now = this.#now();
      if (now - lastNotice >= PROGRESS_INTERVAL_MS) {
        lastNotice = now;
        const { kind: _kind, ...progress } = result;
        const rows = progress.rows + (tail?.rows ?? 0);
        const bytes_done = Math.min(progress.bytes_total, progress.bytes_done + (tail?.bytes_done ?? 0));
        this.#post({ id: job.id, notice: 'progress', ...progress, rows, bytes_done });
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

/** The bytes of `blob` (a file or a slice of one named `name`). */
async function readFile(blob: Blob, name: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw {
      code: ErrorCode.FileUnreadable,
      message: `${name}: the browser could not read the file (${message})`,
      file: name,
    } satisfies WireError;
  }
}
