/**
 * The worker protocol: the one source of truth for what crosses between the page and the
 * worker that owns the wasm `PortraitSession` (DuckDB-Wasm's typed union, Squoosh's
 * "method name = message kind").
 *
 * - Every request has a numeric `id`, a `kind` (a `WorkerApi` method name) and `args`.
 * - The worker answers each request exactly once: `{id, ok: true, value}` or
 *   `{id, ok: false, error: WireError}`.
 * - Unsolicited notices travel on the same channel and carry the id of the request they
 *   belong to (0 for none): `progress` during an ingest, `work` during a stepped fit,
 *   `crashed` after a wasm trap.
 * - The first request is `hello`; the page refuses a worker whose `protocol` differs.
 *
 * **Architecture invariant:** no method here is about one analysis. Every analysis is
 * `run(kind, params)`; its customer columns are `table(query)`; its export is
 * `export(request)` (`tests/tidy.rs` checks that no analysis is named here).
 *
 * This module has no side effects and names no DOM type beyond `File`, so both sides (and
 * the unit tests) import it.
 */

import type {
  AnalysisKind,
  DataFacts,
  DataFilter,
  ExportRequest,
  FileInspection,
  FileOptions,
  IngestOptions,
  IngestSummary,
  Input,
  Progress,
  SampleParams,
  SplitPlan,
  TablePage,
  TableQuery,
  WireError,
  Work,
} from './types.js';

/** Protocol number; must equal the wasm module's `protocolVersion()`. */
export const PROTOCOL = 3;

/** What `hello` answers. */
export interface Hello {
  protocol: number;
  /** e.g. `0.1.0 protocol 3`. */
  version: string;
}

/** The worker's methods: name → (arguments) → result. */
export interface WorkerApi {
  /**
   * Loads the wasm module (once) and reports its version. The tail worker is sent the
   * main worker's compiled `WebAssembly.Module`, so it fetches nothing.
   */
  hello(module?: unknown): Hello;
  /** Detects format, encoding, headers and the proposed mapping of one file. */
  inspect(file: File, options?: Input<FileOptions>): FileInspection;
  /** Reads and ingests files; progress notices carry this request's id. */
  ingest(files: File[], options?: Input<IngestOptions>): IngestSummary;
  /** Generates the built-in sample shop and ingests it like a dropped file. */
  sample(params?: Input<SampleParams>): IngestSummary;
  /** Cancels the running request with id `target` (an ingest, a sample, a stepped fit). */
  cancel(target: number): void;
  /** Sets the global filter of every analysis; answers the facts of the lines it keeps. */
  filter(filter: Input<DataFilter>): DataFacts;
  /** Runs an analysis; its output (the façade types it by kind). */
  run(kind: AnalysisKind, params?: Record<string, unknown>): unknown;
  /** One page of the customer table. */
  table(query: Input<TableQuery>): TablePage;
  /** An export as JSON text: the report (identical to `portrait report --json`) or one analysis. */
  export(request?: Input<ExportRequest>): string;
  /** An export as a file's bytes, in any format (`xlsx`: a workbook); identical to the CLI's file. */
  exportFile(request: Input<ExportRequest>): Uint8Array;
  /** Forgets all data in the worker. */
  clear(): void;
  /** Fits analyses `kinds` (none: the report's) with their defaults, for the next views. */
  warm(kinds?: AnalysisKind[]): void;
  /**
   * Worker to worker (never the page): reads the tail half of a split file and answers its
   * `ParsedPart` bytes, which the head worker absorbs. Progress notices as for `ingest`.
   */
  tail(file: File, plan: SplitPlan, options?: Input<IngestOptions>): Uint8Array;
  /**
   * Worker to worker (never the page): answers a question that a stepped fit of analysis
   * `kind` handed out in the head worker (a part of its work, in bytes), with the answer's bytes.
   */
  help(kind: string, question: Uint8Array): Uint8Array;
}

/** A request kind. */
export type Method = keyof WorkerApi;

/** The request of one kind. */
export type RequestOf<K extends Method> = { id: number; kind: K; args: Parameters<WorkerApi[K]> };

/** Any request (a discriminated union on `kind`). */
export type Request = { [K in Method]: RequestOf<K> }[Method];

/** The result type of a kind. */
export type ResultOf<K extends Method> = ReturnType<WorkerApi[K]>;

export interface OkResponse {
  id: number;
  ok: true;
  value: unknown;
}

export interface ErrResponse {
  id: number;
  ok: false;
  error: WireError;
}

export type Response = OkResponse | ErrResponse;

/** Ingest progress of request `id`. */
export type ProgressNotice = { id: number; notice: 'progress' } & Progress;

/** How far the stepped fit of `run` request `id` has come. */
export type WorkNotice = { id: number; notice: 'work' } & Work;

/** The wasm module trapped (a Rust panic): the worker refuses every further request. */
export interface CrashedNotice {
  id: number;
  notice: 'crashed';
  error: WireError;
}

export type Notice = ProgressNotice | WorkNotice | CrashedNotice;

/** Anything the worker posts. */
export type WorkerMessage = Response | Notice;

/** Error codes the front-end itself produces (the rest come from Rust). */
export const ErrorCode = {
  /** The user (or a newer request) cancelled the request. */
  Cancelled: 'session.cancelled',
  /** The wasm module trapped; only a restart helps. */
  Crashed: 'worker.crashed',
  /** The worker script or the wasm module failed to load. */
  WorkerFailed: 'worker.failed',
  /** The worker speaks another protocol version. */
  ProtocolMismatch: 'worker.protocol_mismatch',
  /** The façade was closed while the request was pending. */
  Closed: 'worker.closed',
  /** A file could not be read by the browser. */
  FileUnreadable: 'file.unreadable',
  /** An exception in the worker that is not a wasm error. */
  Internal: 'worker.internal',
} as const;

export function isNotice(m: WorkerMessage): m is Notice {
  return (m as Notice).notice !== undefined;
}

/** True for a well-formed `WireError` object (what the wasm layer throws). */
export function isWireError(e: unknown): e is WireError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as WireError).code === 'string' &&
    typeof (e as WireError).message === 'string'
  );
}
