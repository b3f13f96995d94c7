/**
 * ECharts, tree-shaken: only the charts and components Portrait draws, canvas renderer,
 * `aria` on. `Chart` binds one instance to a container, follows its size with a
 * ResizeObserver and honours `prefers-reduced-motion`. Loaded by `chart.ts` when the first
 * chart is drawn, so neither the empty page nor a view's first paint waits for it.
 */

import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
type ChartOption = echarts.EChartsCoreOption;

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
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
