import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { MonthPoint, Overview } from '../../api/types.js';
import { chartFrame, ChartSlot, chartTheme, escapeHtml, type ChartOption } from '../../charts/chart.js';
import {
  COMPACT_FROM,
  daySpan,
  formatCompact,
  formatCount,
  formatDate,
  formatDecimal,
  formatMoney,
  formatMoneyCompact,
  formatMoneyShort,
  formatMonth,
  formatPercent,
  type Locale,
} from '../../format/format.js';
import { LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { base } from '../shared.styles.js';
import { styles } from './overview.styles.js';

interface Kpi {
  id: string;
  label: MessageKey;
  def: MessageKey;
  value: string;
  exact?: string;
  sub?: string;
  small?: boolean;
}

/**
 * @summary Overview KPI cards (customers, orders, net revenue, AOV 客单价, repeat rate,
 * items per order, date range) and the monthly revenue chart.
 *
 * Every card carries its definition as a tooltip (`title`) and as screen-reader text;
 * large counts are compact (`1.2万`, `12.3K`) with the exact value in the tooltip.
 *
 * @cssproperty --kpi-columns - Cards per row (4; 2 on narrow screens).
 *
 * @csspart kpis - The card grid.
 * @csspart chart - The monthly revenue chart.
 */
export class PortraitOverview extends LitElement {
  static override styles = [base, styles];

  /** The overview to show (from the ingest summary). */
  @property({ attribute: false }) overview: Overview | null = null;

  /** ISO 4217 code of the amounts (default CNY). */
  @property() currency = 'CNY';

  /** Show skeletons (data is on its way). */
  @property({ type: Boolean, reflect: true }) loading = false;

  @query('.chart') private chartEl?: HTMLElement;

  #locale = new LocaleController(this);
  #chart = new ChartSlot();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart.dispose();
  }

  #kpis(o: Overview, locale: Locale): Kpi[] {
    const money = (c: number) => formatMoney(c, this.currency, locale);
    const compactCount = (n: number) => ({
      value: formatCompact(n, locale),
      exact: Math.abs(n) >= COMPACT_FROM ? formatCount(n, locale) : undefined,
    });
    const revenue = formatMoneyCompact(o.revenue_cents, this.currency, locale);
    const revenueExact = money(o.revenue_cents);
    return [
      { id: 'customers', label: 'overview.customers', def: 'overview.customers.def', ...compactCount(o.customers) },
      { id: 'orders', label: 'overview.orders', def: 'overview.orders.def', ...compactCount(o.orders) },
      {
        id: 'revenue',
        label: 'overview.revenue',
        def: 'overview.revenue.def',
        value: revenue,
        exact: revenue !== revenueExact ? revenueExact : undefined,
        sub: `${t('overview.gross')} ${formatMoneyCompact(o.gross_sales_cents, this.currency, locale)} · ${t('overview.returnsValue')} ${formatMoneyCompact(o.returns_cents, this.currency, locale)}`,
      },
      { id: 'aov', label: 'overview.aov', def: 'overview.aov.def', value: money(Math.round(o.aov_cents)) },
      { id: 'repeat', label: 'overview.repeat', def: 'overview.repeat.def', value: formatPercent(o.repeat_rate, locale) },
      { id: 'items', label: 'overview.items', def: 'overview.items.def', value: formatDecimal(o.items_per_order, locale, 2) },
      {
        id: 'per-customer',
        label: 'overview.perCustomer',
        def: 'overview.perCustomer.def',
        value: money(Math.round(o.revenue_per_customer_cents)),
      },
      {
        id: 'range',
        label: 'overview.range',
        def: 'overview.range.def',
        value: o.date_min && o.date_max ? `${formatDate(o.date_min, locale)} – ${formatDate(o.date_max, locale)}` : '—',
        sub: o.date_min ? t('overview.range.days', { days: formatCount(daySpan(o.date_min, o.date_max), locale) }) : undefined,
        small: true,
      },
    ];
  }

  override render() {
    const locale = this.#locale.locale;
    const o = this.overview;
    if (!o || this.loading) return this.#renderSkeleton();
    const kpis = this.#kpis(o, locale);
    const money = (c: number) => formatMoney(c, this.currency, locale);
    return html`
      <section aria-label=${t('overview.title')}>
        <div class="kpis" part="kpis">${kpis.map((k) => this.#renderKpi(k, locale))}</div>
        <dl class="facts">
          ${this.#fact('overview.gross', 'overview.gross.def', money(o.gross_sales_cents))}
          ${this.#fact('overview.returnsValue', 'overview.returnsValue.def', money(o.returns_cents))}
          ${this.#fact('overview.returnOrders', 'overview.returnOrders.def', formatCount(o.return_orders, locale))}
          ${this.#fact('overview.products', 'overview.products.def', formatCount(o.products, locale))}
        </dl>
        <div class="card" part="chart">
          <div class="card__head">
            <div>
              <h3>${t('overview.monthly')}</h3>
              <p class="card__desc">${t('overview.monthly.desc')}</p>
            </div>
          </div>
          ${o.monthly.length
            ? html`<div class="chart" role="img" aria-label=${t('overview.monthly.desc')}></div>`
            : html`<div class="empty">${t('overview.noMonths')}</div>`}
        </div>
      </section>
    `;
  }

  #renderKpi(k: Kpi, _locale: Locale) {
    const def = t(k.def);
    const tip = k.exact ? `${def}\n${t('overview.exact', { value: k.exact })}` : def;
    return html`<div class="kpi" role="group" aria-label=${t(k.label)} title=${tip} data-kpi=${k.id}>
      <span class="kpi__label">${t(k.label)} ${infoIcon}</span>
      <span class="kpi__value ${k.small ? 'kpi__value--small' : ''}" data-testid="kpi-value">${k.value}</span>
      ${k.sub ? html`<span class="kpi__sub">${k.sub}</span>` : nothing}
      <span class="visually-hidden">${def}${k.exact ? ` ${t('overview.exact', { value: k.exact })}` : ''}</span>
    </div>`;
  }

  #fact(label: MessageKey, def: MessageKey, value: string) {
    return html`<div title=${t(def)}><dt>${t(label)}</dt><dd>${value}</dd></div>`;
  }

  #renderSkeleton() {
    return html`<section aria-busy="true" aria-label=${t('misc.loading')}>
      <div class="kpis">
        ${Array.from(
          { length: 8 },
          () => html`<div class="kpi"><span class="skeleton skeleton--label"></span><span class="skeleton skeleton--value"></span></div>`,
        )}
      </div>
      <div class="card"><span class="skeleton skeleton--chart"></span></div>
    </section>`;
  }

  protected override updated(_changed: PropertyValues): void {
    // The chart is drawn after the next paint, so the KPI cards show first (drawing it
    // takes longer than the whole rest of the view).
    this.#drawChartSoon();
  }

  #chartDue = false;

  #drawChartSoon(): void {
    if (this.#chartDue) return;
    this.#chartDue = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#chartDue = false;
        if (this.isConnected) this.#drawChart();
      }, 0),
    );
  }

  #drawChart(): void {
    const o = this.overview;
    this.#chart.draw(this.chartEl ?? null, o ? () => this.#chartOption(o.monthly, this.#locale.locale) : null);
  }

  #chartOption(months: MonthPoint[], locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const { accent, second, grid, muted } = theme;
    const labels = months.map((m) => formatMonth(m.month, locale));
    const revenueName = t('overview.series.revenue');
    const ordersName = t('overview.series.orders');
    const tooltip = (i: number) => {
      const m = months[i]!;
      const rows = [
        [revenueName, formatMoney(m.revenue_cents, this.currency, locale)],
        [t('overview.series.returns'), formatMoney(m.returns_cents, this.currency, locale)],
        [ordersName, formatCount(m.orders, locale)],
        [t('overview.series.newCustomers'), formatCount(m.new_customers, locale)],
      ];
      return (
        `<strong>${escapeHtml(labels[i] ?? m.month)}</strong><br/>` +
        rows.map(([k, v]) => `${escapeHtml(k!)}: <b>${escapeHtml(v!)}</b>`).join('<br/>')
      );
    };
    return {
      ...chartFrame(theme, { left: 8, right: 8, top: 36, bottom: 4 }, tooltip),
      xAxis: {
        type: 'category',
        data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: grid } },
        axisLabel: { color: muted, hideOverlap: true },
      },
      yAxis: [
        {
          type: 'value',
          splitLine: { lineStyle: { color: grid } },
          axisLabel: {
            color: muted,
            formatter: (v: number) => formatMoneyShort(v * 100, this.currency, locale),
          },
        },
        {
          type: 'value',
          splitLine: { show: false },
          axisLabel: { color: muted, formatter: (v: number) => formatCompact(v, locale) },
        },
      ],
      series: [
        {
          name: revenueName,
          type: 'bar',
          data: months.map((m) => m.revenue_cents / 100),
          itemStyle: { color: accent, borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 36,
        },
        {
          name: ordersName,
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => m.orders),
          itemStyle: { color: second },
          lineStyle: { width: 2 },
          symbol: 'circle',
          symbolSize: 5,
          smooth: false,
        },
      ],
    };
  }
}

const infoIcon = svg`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4" aria-hidden="true"><circle cx="8" cy="8" r="6.3"/><path d="M8 7.2v3.6" stroke-linecap="round"/><circle cx="8" cy="5" r="0.5" fill="currentColor"/></svg>`;
