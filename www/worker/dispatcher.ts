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

import { ErrorCode, isWireError, type Hello, type Method, type Request, type WorkerMessage } from '../api/protocol.js';
import { DEFAULTS, type IngestOptions, type IngestSummary, type SplitPlan, type Step, type WireError, type Work, type Input } from '../api/types.js';

import type { Engine, SessionLike, TailProgress, TailRead, TailReader } from './engine.js';
import { Help } from './help.js';
import { ChunkReader, chunkEnds, readFile } from './read.js';

export type { Engine, SessionLike, TailProgress, TailRead, TailReader } from './engine.js';

export { ChunkReader, chunkEnds, CHUNK_ENDS } from './read.js';

/** Requests that read the loaded data: they wait for an ingest or sample being read. */
const READS_DATA: ReadonlySet<Method> = new Set<Method>(['filter', 'run', 'table', 'export', 'exportFile', 'warm']);

/** Rows per `step` call: small enough for a prompt cancel, large enough to be cheap. */
export const STEP_BUDGET_ROWS = 50_000;
/** Units of work per `stepRun` call of a stepped fit. */
export const RUN_BUDGET = 50_000;
/** Minimum time between two progress notices of one job. */
export const PROGRESS_INTERVAL_MS = 50;

/** Bytes of a file's start (and middle) that `planSplit` looks at (from Rust). */
export const SPLIT_WINDOW_BYTES = DEFAULTS.split_window_bytes;
/** The code of the error that means "read the files whole instead". */
const SPLIT_FAILED = 'ingest.split_failed';

/** What `run` and `stepRun` answer. */
type Run = ({ state: 'working'; waiting: boolean } & Work) | { state: 'done'; output: unknown };

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
  /** The ingest or sample being read: a request reading the data waits for it (`READS_DATA`). */
  #loading: Promise<unknown> | null = null;
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
      // bytes (a tail's part, an exported file) move without a copy
      this.#post({ id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : undefined);
    } catch (e) {
      this.#post({ id, ok: false, error: this.#toWire(e) });
    }
  }

  async #run(request: Request): Promise<unknown> {
    while (READS_DATA.has(request.kind) && this.#loading) await this.#loading.catch(() => undefined);
    if (request.kind !== 'ingest' && request.kind !== 'sample') return this.#answer(request);
    const loading = (this.#loading = this.#load(request));
    return loading.finally(() => {
      if (this.#loading === loading) this.#loading = null;
    });
  }

  /** Reads the files or the sample of `request` into the session. */
  async #load(request: Extract<Request, { kind: 'ingest' | 'sample' }>): Promise<IngestSummary> {
    const job = this.#startJob(request.id);
    if (request.kind === 'sample') {
      this.#s().startSample(request.args[0] ?? undefined);
      await this.#drive(job);
    } else {
      const [files, options] = request.args;
      // a split read that misfits is read again whole
      await this.#ingest(job, files, options, true).catch((e: unknown) => {
        if (!isWireError(e) || e.code !== SPLIT_FAILED) throw e;
        return this.#ingest(job, files, options, false);
      });
    }
    return this.#s().summary() as IngestSummary;
  }

  async #answer(request: Request): Promise<unknown> {
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
      case 'tail': {
        const [file, plan, options] = request.args;
        const job = this.#startJob(request.id);
        // the prefix and the first chunk of the tail, then the tail's other chunks
        const ends = chunkEnds(plan.split, file.size, plan.prefix_len);
        const first = await readFile(new Blob([file.slice(0, plan.prefix_len), file.slice(plan.split, ends[0])]), file.name);
        const rest = ends.length > 1 ? new ChunkReader(file, ends.slice(1), ends[0]) : null;
        this.#checkCancelled(job);
        this.#s().startTail!(file.name, first, { plan, options: options ?? {}, streamed: rest !== null });
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
      case 'help': {
        // in the tail worker: a part of the head worker's fit, from the question's bytes
        const [kind, question] = request.args;
        const session = this.#s();
        if (!session.answer) throw { code: 'worker.internal', message: 'this session answers no questions' } satisfies WireError;
        return session.answer(kind, question);
      }
      case 'filter':
        return this.#s().setFilter(request.args[0]);
      case 'run': {
        const [kind, params] = request.args;
        return this.#runAnalysis(this.#startJob(request.id), kind, params);
      }
      case 'table':
        return this.#s().table(request.args[0]);
      case 'export':
        return this.#s().export(request.args[0] ?? undefined);
      case 'exportFile':
        return this.#s().exportFile(request.args[0]);
      case 'warm':
        this.#s().warm(request.args[0] ?? undefined);
        return undefined;
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

  /** A new job (an ingest, a sample, a stepped fit) supersedes the running one (whose promise rejects as cancelled); a fit never starts during a load (`#loading`). */
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
  async #ingest(job: Job, files: File[], options: Input<IngestOptions> | undefined, split: boolean): Promise<void> {
    const tails: TailRead[] = [];
    try {
      const result = await this.#readAndDrive(job, files, options, split, tails);
      if (result.kind !== 'done') throw { code: 'worker.internal', message: `ingest ended with ${result.kind}` } satisfies WireError;
    } finally {
      // a cancel, an error or a misfit leaves no tail worker busy
      tails.forEach((t) => t?.cancel());
    }
  }

  async #readAndDrive(job: Job, files: File[], options: Input<IngestOptions> | undefined, split: boolean, tails: TailRead[]): Promise<Step> {
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
    plans.forEach((plan, index) => plan && this.#s().splitHead!({ file_index: index, plan, streamed: streams[index] !== undefined }));
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
  async #drive(job: Job, tail?: TailProgress, supply?: Supply): Promise<Step> {
    let lastNotice = -Infinity;
    for (;;) {
      this.#checkCancelled(job);
      const result = this.#s().step(STEP_BUDGET_ROWS) as Step;
      if (result.kind === 'done' || result.kind === 'part') {
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

  /**
   * Runs an analysis: its output at once, or a stepped fit stepped to its output with `work`
   * notices (at most every `PROGRESS_INTERVAL_MS`) and a cancel handled between steps. The
   * tail worker, when there is one, takes the parts of the work the fit hands out (`Help`).
   */
  async #runAnalysis(job: Job, kind: string, params: unknown): Promise<unknown> {
    let result = this.#s().run(kind, params ?? undefined) as Run;
    const help = new Help(this.#tails, kind, this.#s());
    let lastNotice = -Infinity;
    while (result.state === 'working') {
      const now = this.#now();
      if (now - lastNotice >= PROGRESS_INTERVAL_MS) {
        lastNotice = now;
        this.#post({ id: job.id, notice: 'work', done: result.done, total: result.total });
      }
      help.offer();
      if (result.waiting) {
        if (!help.open) throw { code: 'worker.internal', message: `the ${kind} fit waits for help it did not ask for` } satisfies WireError;
        await help.answered();
      } else {
        await this.#yield();
      }
      this.#checkCancelled(job);
      help.accept();
      result = this.#s().stepRun(RUN_BUDGET) as Run;
    }
    // a diagnostic the browser tests read: how many parts of fits the tail worker took
    const scope = globalThis as { portraitHelpAsked?: number };
    scope.portraitHelpAsked = (scope.portraitHelpAsked ?? 0) + help.asked;
    if (this.#job === job) this.#job = null;
    return result.output;
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
