/** The options of the façade's calls (`portrait.ts`). */

import type { Input, IngestOptions, Progress, SampleParams, Work } from './types.js';

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
  onProgress?: (progress: Progress) => void;
  /** Per-file mapping overrides and the date order; only what is set is sent. */
  options?: Input<IngestOptions>;
}

export interface SampleCallOptions extends CallOptions {
  onProgress?: (progress: Progress) => void;
  /** Rows and seed; what is not set takes the Rust default (`DEFAULTS.sample`). */
  params?: Input<SampleParams>;
}

export interface RunCallOptions extends CallOptions {
  /** A stepped fit calls this at most every ~50 ms with how far it has come. */
  onWork?: (work: Work) => void;
}

