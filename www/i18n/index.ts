/**
 * The UI language: chosen from `navigator.language` (zh* → zh-CN, else en), switched by
 * the user, remembered in localStorage, reflected in `<html lang>`. Elements re-render on a
 * change through `LocaleController`.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../format/format.js';
import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Locale } from '../format/format.js';
export type { MessageKey } from './en.js';

/** Message tables by locale. */
export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

/** Supported locales, in the switch's order. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** localStorage key of the user's choice. */
export const STORAGE_KEY = 'portrait.locale';

/** Event dispatched on `window` after the locale changed. */
export const LOCALE_EVENT = 'portrait-locale-change';

/** The locale for a browser language tag. */
export function localeFor(language: string | null | undefined): Locale {
  return language && /^zh\b/i.test(language) ? 'zh-CN' : 'en';
}

function stored(): Locale | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

let current: Locale = stored() ?? localeFor(globalThis.navigator?.language);

/** The current UI locale. */
export function getLocale(): Locale {
  return current;
}

/** Switches the UI language (remembered; `<html lang>` updated; elements re-render). */
export function setLocale(locale: Locale, persist = true): void {
  if (persist) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (locale === current) return;
  current = locale;
  globalThis.dispatchEvent?.(new CustomEvent(LOCALE_EVENT, { detail: locale }));
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The message `key` in the current locale, placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>, locale: Locale = current): string {
  return fill(MESSAGES[locale][key] ?? en[key] ?? key, params);
}

/** A message whose key is built from a code (error codes, reasons); `fallback` if unknown. */
export function tCode(key: string, fallback: string, locale: Locale = current): string {
  const table = MESSAGES[locale] as Record<string, string>;
  return table[key] ?? fallback;
}

/** Re-renders its host when the locale changes. */
export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost;
  #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener(LOCALE_EVENT, this.#onChange);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener(LOCALE_EVENT, this.#onChange);
  }

  get locale(): Locale {
    return current;
  }
}
