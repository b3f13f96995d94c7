/**
 * Reading files in the worker: whole, or in chunks read one after the other so the core
 * parses one chunk while the browser reads the next (`ChunkReader`). Errors name the file.
 */

import { ErrorCode } from '../api/protocol.js';
import type { WireError } from '../api/types.js';

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

/** The bytes of `blob` (a file or a slice of one named `name`). */
export async function readFile(blob: Blob, name: string): Promise<Uint8Array> {
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
