/**
 * The charts' face for the views: the theme and frame every Portrait chart shares, and
 * `ChartSlot`, which draws into a container an element renders. The chart engine
 * (ECharts, `engine.ts`) is imported when the first chart is drawn.
 */

import type { EChartsCoreOption } from 'echarts/core';
import type { Chart } from './engine.js';

export type { Chart } from './engine.js';

/** A chart's option (ECharts'). */
export type ChartOption = EChartsCoreOption;

/** Escapes text for the charts' HTML tooltips (file text must never become markup). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Engine = typeof import('./engine.js');
let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;

/** Loads the chart engine (once). */
export function loadCharts(): Promise<Engine> {
  loading ??= import('./engine.js').then((m) => (engine = m));
  return loading;
}

/** Reads a `--portrait-*` token as the element sees it. */
export function token(el: Element, name: string, fallback = ''): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** The chart colours and font an element sees (its `--portrait-*` design tokens). */
export interface ChartTheme {
  accent: string;
  second: string;
  grid: string;
  muted: string;
  font: string;
}

export function chartTheme(el: Element): ChartTheme {
  return {
    accent: token(el, '--portrait-chart-1', '#2852c8'),
    second: token(el, '--portrait-chart-2', '#e07b39'),
    grid: token(el, '--portrait-chart-grid', '#e6e9ee'),
    muted: token(el, '--portrait-color-text-muted', '#59636e'),
    font: token(el, '--portrait-font-sans', 'sans-serif'),
  };
}

/**
 * The frame every Portrait chart shares: the theme's font, a legend at the top right and a
 * tooltip per axis category (`tooltip` formats the category at `dataIndex` as HTML; escape
 * file text with `escapeHtml`).
 */
export function chartFrame(
  theme: ChartTheme,
  grid: { left: number; right: number; top: number; bottom: number },
  tooltip: (dataIndex: number) => string,
): ChartOption {
  return {
    textStyle: { fontFamily: theme.font },
    grid: { ...grid, containLabel: true },
    legend: { top: 0, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: theme.muted } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => tooltip((params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0),
    },
  };
}

/**
 * One chart in a container that an element renders (and may re-render or remove): the
 * chart is made when the container appears, moved when it is replaced, disposed with it.
 */
export class ChartSlot {
  #chart: Chart | null = null;
  #host: HTMLElement | null = null;
  #onCreate: ((chart: Chart) => void) | undefined;

  /** `onCreate`: wires a new chart (event handlers). */
  constructor(onCreate?: (chart: Chart) => void) {
    this.#onCreate = onCreate;
  }

  /** The last draw asked for while the engine loads. */
  #pending: { host: HTMLElement | null; option: (() => ChartOption) | null } | null = null;

  /** Shows `option` in `host` (nothing when either is missing). */
  draw(host: HTMLElement | null, option: (() => ChartOption) | null): void {
    if (!engine) {
      // the engine loads for the first chart with something to show, not for a skeleton
      if (!option && this.#pending === null) return;
      const first = this.#pending === null;
      this.#pending = { host, option };
      if (first) {
        void loadCharts().then(() => {
          const p = this.#pending;
          this.#pending = null;
          if (p) this.draw(p.host, p.option);
        });
      }
      return;
    }
    if (host !== this.#host) {
      this.#chart?.dispose();
      this.#chart = host ? new engine.Chart(host) : null;
      this.#host = host;
      if (this.#chart) this.#onCreate?.(this.#chart);
    }
    if (this.#chart && option) this.#chart.set(option());
  }

  dispose(): void {
    this.#pending = null;
    this.#chart?.dispose();
    this.#chart = null;
    this.#host = null;
  }
}
