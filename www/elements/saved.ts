/**
 * What views keep in the browser between visits — definitions only, never data (a saved
 * audience's rule) — under keys with one prefix, so "Clear data" removes every one of them
 * without knowing the views.
 */

const PREFIX = 'portrait.saved.';

/** The stored JSON of `name`, or `fallback`. */
export function loadSaved<T>(name: string, fallback: T): T {
  try {
    const text = globalThis.localStorage?.getItem(PREFIX + name);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON under `name`. */
export function storeSaved(name: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + name, JSON.stringify(value));
  } catch {
    // storage full or disabled: the definitions live for this visit only
  }
}

/** Removes everything the views saved ("Clear data"). */
export function clearSaved(): void {
  const storage = globalThis.localStorage;
  if (!storage) return;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
