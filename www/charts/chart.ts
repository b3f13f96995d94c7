/**
 * ECharts, tree-shaken: only the charts and components Portrait draws, canvas renderer,
 * `aria` on. `Chart` binds one instance to a container, follows its size with a
 * ResizeObserver and honours `prefers-reduced-motion`.
 */

import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** Escapes text for ECharts' HTML tooltips (file text must never become markup). */
export const escapeHtml: (s: string) => string = echarts.format.encodeHTML;

export type ChartOption = echarts.EChartsCoreOption;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Reads a `--portrait-*` token as the element sees it. */
export function token(el: Element, name: string, fallback = ''): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

export class Chart {
  #instance: echarts.ECharts;
  #observer: ResizeObserver;

  constructor(container: HTMLElement) {
    this.#instance = echarts.init(container, undefined, { renderer: 'canvas' });
    let frame = 0;
    this.#observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.#instance.resize());
    });
    this.#observer.observe(container);
  }

  /** Replaces the option (not merged), with aria and the motion preference applied. */
  set(option: ChartOption): void {
    this.#instance.setOption(
      { animation: !reducedMotion(), aria: { enabled: true }, ...option },
      { notMerge: true, lazyUpdate: false },
    );
  }

  on(event: string, handler: (params: unknown) => void): void {
    this.#instance.on(event, handler as (params: unknown) => void);
  }

  dispose(): void {
    this.#observer.disconnect();
    this.#instance.dispose();
  }
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

  /** Shows `option` in `host` (nothing when either is missing). */
  draw(host: HTMLElement | null, option: (() => ChartOption) | null): void {
    if (host !== this.#host) {
      this.#chart?.dispose();
      this.#chart = host ? new Chart(host) : null;
      this.#host = host;
      if (this.#chart) this.#onCreate?.(this.#chart);
    }
    if (this.#chart && option) this.#chart.set(option());
  }

  dispose(): void {
    this.#chart?.dispose();
    this.#chart = null;
    this.#host = null;
  }
}

/**
 * Draws one throwaway bar-and-line chart off screen, so ECharts' code is compiled and its
 * renderer set up before the first real chart: that first draw otherwise costs ~80 ms
 * right when a merchant's results arrive. Call it once, when the page is idle.
 */
export function warmUpCharts(): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:320px;height:200px;visibility:hidden';
  document.body.append(host);
  const chart = new Chart(host);
  try {
    chart.set({
      grid: { containLabel: true },
      legend: {},
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: ['a', 'b', 'c'] },
      yAxis: [{ type: 'value' }, { type: 'value' }],
      series: [
        { type: 'bar', name: 'x', data: [1, 3, 2] },
        { type: 'line', name: 'y', yAxisIndex: 1, data: [2, 1, 3] },
      ],
    });
  } finally {
    chart.dispose();
    host.remove();
  }
}

