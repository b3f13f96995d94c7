/**
 * `PortraitError`: a `WireError` rebuilt as an `Error` on the page side (DuckDB-Wasm
 * rebuilds `{name, message, stack}` the same way).
 */

import { ErrorCode } from './protocol.js';
import type { Params, WireError } from './types.js';

/** An error from the worker or the Rust core, with its stable code and location. */
export class PortraitError extends Error {
  /** Stable code, e.g. `ingest.missing_columns`; translate by code, fall back to `message`. */
  readonly code: string;
  /** File the error is about, when there is one. */
  readonly file: string | null;
  /** 1-based line in that file. */
  readonly line: number | null;
  /** Column header. */
  readonly column: string | null;
  /** What the wording of `code` names (word it with `coreText({code, params})`). */
  readonly params: Readonly<Params>;

  constructor(
    code: string,
    message: string,
    where: { file?: string | null; line?: number | null; column?: string | null; params?: Params } = {},
  ) {
    super(message);
    this.name = 'PortraitError';
    this.code = code;
    this.file = where.file ?? null;
    this.line = where.line ?? null;
    this.column = where.column ?? null;
    this.params = where.params ?? {};
  }

  /** Rebuilds a wire error. */
  static fromWire(e: WireError): PortraitError {
    return new PortraitError(e.code, e.message, e);
  }

  /** Wraps anything thrown into a `PortraitError` (keeps one as is). */
  static from(e: unknown): PortraitError {
    if (e instanceof PortraitError) return e;
    if (e instanceof Error) return new PortraitError(ErrorCode.Internal, e.message);
    return new PortraitError(ErrorCode.Internal, String(e));
  }

  /** True when the request was cancelled (by the user or by a newer request). */
  get cancelled(): boolean {
    return this.code === ErrorCode.Cancelled;
  }

  /** The plain form, e.g. to post across a channel. */
  toWire(): WireError {
    return { code: this.code, params: { ...this.params }, message: this.message, file: this.file, line: this.line, column: this.column };
  }
}
