/** How long typing must pause before a search box or a rule box is applied. */
export const TYPING_PAUSE_MS = 250;

/** Runs the last function given once calls pause for `ms` (a box applied as typing pauses). */
export class Debounce {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms = TYPING_PAUSE_MS) {}

  /** Runs `fn` after the pause, instead of any function still waiting. */
  run(fn: () => void): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(fn, this.ms);
  }

  /** Forgets the function waiting (the element left the page). */
  cancel(): void {
    clearTimeout(this.#timer);
  }
}
