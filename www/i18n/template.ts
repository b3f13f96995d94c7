/**
 * Message templates: the syntax of `src/message.rs`, so a core code is worded the same way
 * in Rust (the CLI's English) and here (the page, per language).
 *
 * - `{name}` — the parameter as written (lists joined);
 * - `{name:format}` — `count` (digits grouped for the locale), `quoted`, `fields` (field codes
 *   as their labels), `columns` (`columns "a", "b"` / `no columns`), `hex` (`0xE9`), `msg`
 *   (the parameter is the code of another message, worded with the same parameters);
 * - `[ … ]` — an optional part, left out when a parameter it names is missing or empty.
 */

import type { Locale } from '../format/format.js';
import { formatCount } from '../format/format.js';

/** A parameter value as the core sends it. */
export type Param = number | string | readonly string[];

/** What a template may name. */
export type Params = Readonly<Record<string, Param | null | undefined>>;

/** Words a template needs from its language. */
export interface Words {
  locale: Locale;
  /** The template of another message code (`msg`), if any. */
  lookup(code: string): string | undefined;
  /** The label of a data-contract field (`fields`). */
  field(code: string): string;
}

const LIST_SEP: Record<Locale, string> = { en: ', ', 'zh-CN': '、' };
const QUOTE: Record<Locale, [string, string]> = { en: ['"', '"'], 'zh-CN': ['“', '”'] };
const NO_COLUMNS: Record<Locale, string> = { en: 'no columns', 'zh-CN': '没有列' };
const COLUMNS: Record<Locale, string> = { en: 'columns ', 'zh-CN': '列 ' };

function present(p: Param | null | undefined): p is Param {
  if (p === null || p === undefined) return false;
  if (typeof p === 'string') return p !== '';
  if (Array.isArray(p)) return p.length > 0;
  return true;
}

function items(p: Param): string[] {
  return Array.isArray(p) ? [...p] : [String(p)];
}

function format(p: Param, fmt: string, params: Params, words: Words): string {
  const { locale } = words;
  const [open, close] = QUOTE[locale];
  const sep = LIST_SEP[locale];
  switch (fmt) {
    case 'count':
      return typeof p === 'number' ? formatCount(p, locale) : items(p).join(sep);
    case 'quoted':
      return items(p).map((s) => `${open}${s}${close}`).join(sep);
    case 'columns': {
      const list = items(p);
      return list.length === 0 ? NO_COLUMNS[locale] : COLUMNS[locale] + list.map((s) => `${open}${s}${close}`).join(sep);
    }
    case 'fields':
      return items(p).map((f) => words.field(f)).join(sep);
    case 'hex':
      return typeof p === 'number' ? `0x${p.toString(16).toUpperCase().padStart(2, '0')}` : String(p);
    case 'msg': {
      const code = items(p).join('');
      const t = words.lookup(code);
      return t === undefined ? code : fillTemplate(t, params, words);
    }
    default:
      return items(p).join(sep);
  }
}

function fillHoles(piece: string, params: Params, words: Words): string {
  return piece.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, fmt: string | undefined) => {
    const p = params[name];
    return p === null || p === undefined ? whole : format(p, fmt ?? '', params, words);
  });
}

/** `template` with its holes filled from `params` in `words`' language. */
export function fillTemplate(template: string, params: Params, words: Words): string {
  let out = '';
  let rest = template;
  for (;;) {
    const open = rest.indexOf('[');
    const close = open < 0 ? -1 : rest.indexOf(']', open);
    if (open < 0 || close < 0) break;
    out += fillHoles(rest.slice(0, open), params, words);
    const group = rest.slice(open + 1, close);
    const names = Array.from(group.matchAll(/\{(\w+)/g), (m) => m[1]!);
    if (names.every((n) => present(params[n]))) out += fillHoles(group, params, words);
    rest = rest.slice(close + 1);
  }
  return out + fillHoles(rest, params, words);
}
