/**
 * The UI language: chosen from `navigator.language` (zh* → zh-CN, else en), switched by
 * the user, remembered in localStorage, reflected in `<html lang>`. Elements re-render on a
 * change through `LocaleController`.
 *
 * Three kinds of text, one template syntax (`template.ts`):
 * - the shell's own messages (`en.ts`, `zh-CN.ts`): `t(key)`;
 * - a feature's messages, kept in its folder: `defineMessages({en, 'zh-CN'})` gives its `t`;
 * - the codes the core sends (quality reasons, notes, currency evidence, errors): `coreText`
 *   — English from the generated catalogue (the CLI's wording), Chinese from `core.zh-CN.ts`
 *   and from the features that add codes of their own (`defineMessages({core})`).
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CORE_EN, type CoreCode } from '../api/generated/messages.js';
import type { Locale } from '../format/format.js';
import { CORE_ZH } from './core.zh-CN.js';
import { en, type MessageKey, type Messages } from './en.js';
import { fillTemplate, type Params, type Words } from './template.js';
import { zhCN } from './zh-CN.js';

export type { Locale } from '../format/format.js';
export type { MessageKey } from './en.js';
export type { Params } from './template.js';

/** The shell's message tables by locale. */
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

/** The wording of core codes by locale (features add theirs). */
const CORE: Record<Locale, Record<string, string>> = { en: { ...CORE_EN }, 'zh-CN': { ...CORE_ZH } };

function words(locale: Locale): Words {
  return {
    locale,
    lookup: (code) => CORE[locale][code] ?? CORE.en[code],
    field: (code) => MESSAGES[locale][`field.${code}` as MessageKey] ?? code,
  };
}

/** `template` filled with `params` in `locale`. */
export function fill(template: string, params: Params = {}, locale: Locale = current): string {
  return fillTemplate(template, params, words(locale));
}

/** The shell message `key` in the current locale, placeholders filled. */
export function t(key: MessageKey, params?: Params, locale: Locale = current): string {
  return fill(MESSAGES[locale][key] ?? en[key] ?? key, params, locale);
}

/** A message the core sent (a code and its parameters), worded in `locale`. */
export function coreText(m: { code: string; params?: Params | null }, locale: Locale = current): string {
  const template = CORE[locale][m.code] ?? CORE.en[m.code];
  return template === undefined ? m.code : fill(template, m.params ?? {}, locale);
}

/** The templates of the core's codes in `locale` (Chinese: the core's and every feature's). */
export function coreTemplates(locale: Locale): Readonly<Record<string, string>> {
  return CORE[locale];
}

/** True when `code` has a wording (the core's codes always do; page-made ones may not). */
export function hasCoreText(code: string): boolean {
  return code in CORE.en;
}

/** The plural form of `count` in the current language: pick `one` or `other` messages by it. */
export function plural(count: number, locale: Locale = current): 'one' | 'other' {
  return new Intl.PluralRules(locale === 'zh-CN' ? 'zh-CN' : 'en-US').select(count) === 'one' ? 'one' : 'other';
}

/** A feature's messages in both languages, and the Chinese wording of its core codes. */
export interface FeatureMessages<K extends string> {
  en: Record<K, string>;
  'zh-CN': Record<K, string>;
  /** Chinese wording of the core codes the feature's analysis sends (`rfm.bins`, …). */
  core?: Partial<Record<CoreCode, string>>;
}

/** Registers a feature's messages; returns its `t`. */
export function defineMessages<K extends string>(messages: FeatureMessages<K>): (key: K, params?: Params) => string {
  Object.assign(CORE['zh-CN'], messages.core ?? {});
  return (key, params) => fill(messages[current][key] ?? messages.en[key] ?? key, params ?? {}, current);
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
