/**
 * Roving focus: a group of controls is one Tab stop, and the arrow keys move the focus
 * inside it (the ARIA grid and listbox patterns). `columns` > 1 makes it a grid, row-major.
 */

/** The index the focus moves to on `key` from `i` of `n` items, or `null` for another key. */
export function rovingIndex(key: string, i: number, n: number, columns = 1): number | null {
  if (n === 0) return null;
  const clamp = (j: number) => Math.min(n - 1, Math.max(0, j));
  switch (key) {
    case 'ArrowRight':
      return clamp(i + 1);
    case 'ArrowLeft':
      return clamp(i - 1);
    case 'ArrowDown':
      return clamp(i + columns);
    case 'ArrowUp':
      return clamp(i - columns);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return null;
  }
}

/**
 * Handles `e` for the items `selector` under `root`: moves the focus and the single
 * `tabindex="0"`, and tells `moved` the new index.
 */
export function rove(e: KeyboardEvent, root: ParentNode, selector: string, columns = 1, moved?: (i: number) => void): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>(selector));
  const i = items.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  const next = rovingIndex(e.key, i, items.length, columns);
  if (next === null) return;
  e.preventDefault();
  items.forEach((el, k) => (el.tabIndex = k === next ? 0 : -1));
  items[next]!.focus();
  moved?.(next);
}
