/**
 * The tail worker's help with a stepped fit. The tail worker is idle once a file is read, so
 * between two steps the running fit may hand it a part of its work (`SessionLike.offer`: a
 * question in bytes that holds everything the work reads); the answer comes back while this
 * worker goes on, and is handed to the fit (`accept`) before its next step. One question is
 * open at a time. A tail worker that fails answers `null`, and the fit does that part itself,
 * so the result never depends on the help.
 */

import type { SessionLike, TailReader } from './engine.js';

export class Help {
  #helper: TailReader | null;
  #kind: string;
  #session: SessionLike;
  /** The open question's answer, once it has come. */
  #pending: Promise<void> | null = null;
  #answer: { bytes: Uint8Array | null } | null = null;
  /** Questions asked (a diagnostic the browser tests read). */
  asked = 0;

  constructor(helper: TailReader | null, kind: string, session: SessionLike) {
    this.#helper = helper?.help && session.offer && session.accept ? helper : null;
    this.#kind = kind;
    this.#session = session;
  }

  /** True while a question is out or its answer not yet handed to the fit. */
  get open(): boolean {
    return this.#pending !== null || this.#answer !== null;
  }

  /** Hands the tail worker the fit's next part of the work, when it is free and there is one. */
  offer(): void {
    if (!this.#helper || this.open) return;
    const question = this.#session.offer!();
    if (!question) return;
    this.asked++;
    this.#pending = this.#helper.help!(this.#kind, question).then((bytes) => {
      this.#answer = { bytes };
      this.#pending = null;
    });
  }

  /** Resolves once the open question is answered. */
  async answered(): Promise<void> {
    await this.#pending;
  }

  /** Hands the fit the answer, once it has come. */
  accept(): void {
    if (!this.#answer) return;
    const { bytes } = this.#answer;
    this.#answer = null;
    this.#session.accept!(bytes ?? undefined);
  }
}
