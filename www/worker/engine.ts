/**
 * What the dispatcher works with, abstract over the wasm module so the unit tests drive it
 * with fakes: the session, the engine that loads the module and makes sessions, and the
 * second (tail) worker.
 */

import type { Hello } from '../api/protocol.js';
import type { IngestOptions, Input, SplitHead, SplitPlan, SplitTail } from '../api/types.js';

/**
 * The exported `PortraitSession` class, as the dispatcher uses it: the ingest lifecycle and
 * the generic `run` / `table` / `export` — no method per analysis.
 */
export interface SessionLike {
  inspect(name: string, bytes: Uint8Array, options: unknown): unknown;
  addFile(name: string, bytes: Uint8Array): void;
  startIngest(options: unknown): void;
  splitHead?(head: SplitHead): void;
  startTail?(name: string, bytes: Uint8Array, tail: Input<SplitTail>): void;
  supplyPart?(bytes: Uint8Array | undefined): void;
  appendBytes?(bytes: Uint8Array, last: boolean): void;
  takePart?(): Uint8Array;
  startSample(params: unknown): void;
  step(budgetRows: number): unknown;
  summary(): unknown;
  cancel(): void;
  clear(): void;
  setFilter(filter: unknown): unknown;
  run(kind: string, params: unknown): unknown;
  stepRun(budget: number): unknown;
  table(query: unknown): unknown;
  export(request: unknown): string;
  exportFile(request: unknown): Uint8Array;
  warm(kinds: unknown): void;
  /** A part of the running fit's work for the second worker (`Job::offer`), or `undefined`. */
  offer?(): Uint8Array | undefined;
  /** The second worker's answer to the open offer (`undefined`: none; the fit does it). */
  accept?(answer: Uint8Array | undefined): void;
  /** In the second worker: the answer to an offer of analysis `kind`'s fit. */
  answer?(kind: string, question: Uint8Array): Uint8Array;
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

/**
 * The second worker (only the head worker has one): it reads tail halves during an ingest and
 * answers the questions a stepped fit hands out (`help`) after it.
 */
export interface TailReader {
  read(file: File, plan: SplitPlan, options: Input<IngestOptions> | undefined, onProgress: (p: TailProgress) => void): TailRead;
  /** The answer to `question` of analysis `kind`'s fit, or `null` when it could not be given. */
  help?(kind: string, question: Uint8Array): Promise<Uint8Array | null>;
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
