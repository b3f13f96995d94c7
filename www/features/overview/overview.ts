import { html, nothing, svg, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { MonthPoint, Overview, PreviousPeriod } from '../../api/types.js';
import { chartFrame, ChartSlot, chartTheme, escapeHtml, type ChartOption } from '../../charts/chart.js';
import { base } from '../../elements/shared.styles.js';
import {
  daySpan,
  formatCompact,
  formatCount,
  formatDate,
  formatDecimal,
  formatKpiCount,
  formatKpiMoney,
  formatMoney,
  formatMoneyShort,
  formatMonth,
  formatPercent,
  type Locale,
} from '../../format/format.js';
import { coreText, LocaleController, plural, t as shellT } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { t } from './messages.js';
import { styles } from './overview.styles.js';

type Key = Parameters<typeof t>[0];

/** Above this share of rejected rows, the overview says its figures describe only the rest. */
const REJECTED_WARNING = 0.05;

interface Kpi {
  id: string;
  label: Key;
  def: Key;
  value: string;
  /** The exact value, when the card shows it rounded. */
  exact?: string;
  sub?: string;
  /** The previous period's value and the relative change, when a date filter is set. */
  previous?: { value: string; change: number | null };
  small?: boolean;
}

/**
 * @summary Overview KPI cards (customers, orders, net revenue, AOV 客单价, repeat rate,
 * items per order, date range) and the monthly revenue chart; with a date filter, each card
 * compares with the previous period of the same length.
 *
 * One precision rule for every card (`formatKpiCount`, `formatKpiMoney`); each card is
 * focusable and shows its definition and exact value on focus, tap and hover. Partial
 * months (the data or the filter covers only some of their days) are drawn lighter.
 *
 * @cssproperty --kpi-columns - Cards per row (4; 2 on narrow screens).
 *
 * @csspart kpis - The card grid.
 * @csspart chart - The monthly revenue chart.
 */
export class PortraitOverview extends FeatureView {
  static override styles = [base, styles];

  @state() private overview: Overview | null = null;
  @state() private failed = '';
  @state() private open = '';

  @query('.chart') private chartEl?: HTMLElement;

  #locale = new LocaleController(this);
  #chart = new ChartSlot();
  #seq = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart.dispose();
  }

  override exportRequest() {
    return { analysis: 'overview' };
  }

  protected async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.overview = null;
    this.failed = '';
    try {
      const o = await this.portrait!.run('overview');
      if (seq !== this.#seq) return;
      performance.mark('portrait:overview');
      this.overview = o;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:kpis')));
    } catch (e) {
      if (seq === this.#seq) this.failed = e instanceof Error ? e.message : String(e);
    }
  }

  get #currency(): string {
    return this.context?.currency ?? '';
  }

  #kpis(o: Overview, locale: Locale): Kpi[] {
    const cur = this.#currency;
    const money = (c: number) => formatMoney(c, cur, locale);
    const count = (n: number) => {
      const value = formatKpiCount(n, locale);
      const exact = formatCount(n, locale);
      return { value, exact: value !== exact ? exact : undefined };
    };
    const amount = (c: number) => {
      const value = formatKpiMoney(Math.round(c), cur, locale);
      const exact = money(Math.round(c));
      return { value, exact: value !== exact ? exact : undefined };
    };
    const p = o.previous;
    const vs = (now: number, before: number | undefined, shown: (x: number) => string) =>
      p && before !== undefined ? { value: shown(before), change: before === 0 ? null : (now - before) / Math.abs(before) } : undefined;
    const days = daySpan(o.date_min, o.date_max);
    return [
      { id: 'customers', label: 'overview.customers', def: 'overview.customers.def', ...count(o.customers), previous: vs(o.customers, p?.customers, (x) => formatKpiCount(x, locale)) },
      { id: 'orders', label: 'overview.orders', def: 'overview.orders.def', ...count(o.orders), previous: vs(o.orders, p?.orders, (x) => formatKpiCount(x, locale)) },
      {
        id: 'revenue',
        label: 'overview.revenue',
        def: 'overview.revenue.def',
        ...amount(o.revenue_cents),
        sub: `${t('overview.gross')} ${formatKpiMoney(o.gross_sales_cents, cur, locale)} · ${t('overview.returnsValue')} ${formatKpiMoney(o.returns_cents, cur, locale)}`,
        previous: vs(o.revenue_cents, p?.revenue_cents, (x) => formatKpiMoney(x, cur, locale)),
      },
      { id: 'aov', label: 'overview.aov', def: 'overview.aov.def', ...amount(o.aov_cents), previous: vs(o.aov_cents, p?.aov_cents, (x) => formatKpiMoney(Math.round(x), cur, locale)) },
      { id: 'repeat', label: 'overview.repeat', def: 'overview.repeat.def', value: formatPercent(o.repeat_rate, locale), previous: vs(o.repeat_rate, p?.repeat_rate, (x) => formatPercent(x, locale)) },
      { id: 'items', label: 'overview.items', def: 'overview.items.def', value: formatDecimal(o.items_per_order, locale, 2), previous: vs(o.items_per_order, p?.items_per_order, (x) => formatDecimal(x, locale, 2)) },
      {
        id: 'per-customer',
        label: 'overview.perCustomer',
        def: 'overview.perCustomer.def',
        ...amount(o.revenue_per_customer_cents),
        previous: vs(o.revenue_per_customer_cents, p?.revenue_per_customer_cents, (x) => formatKpiMoney(Math.round(x), cur, locale)),
      },
      {
        id: 'range',
        label: 'overview.range',
        def: 'overview.range.def',
        value: o.date_min && o.date_max ? `${formatDate(o.date_min, locale)} – ${formatDate(o.date_max, locale)}` : '—',
        sub: o.date_min ? t(plural(days) === 'one' ? 'overview.range.day' : 'overview.range.days', { count: formatCount(days, locale) }) : undefined,
        small: true,
      },
    ];
  }

  /**
   * What the figures below cannot be trusted for: most rows rejected (more than 5 %: the
   * KPIs describe only the rest), or an export with no buyer (no customer figures).
   */
  #renderDataWarnings(locale: Locale) {
    const s = this.context?.summary;
    if (!s) return nothing;
    const { read, rejected, top_rejection } = s.rows;
    const share = read > 0 ? rejected / read : 0;
    const noBuyer = s.files.filter((f) => f.platform?.no_buyer);
    return html`
      ${share > REJECTED_WARNING && top_rejection
        ? html`<div class="warning" role="alert" data-testid="rejected-warning">
            <p>
              ${t('overview.rejectedWarning', {
                share: formatPercent(share, locale),
                rejected: formatCount(rejected, locale),
                read: formatCount(read, locale),
                reason: coreText({ code: `reason.${top_rejection}` }),
              })}
            </p>
            <a href="#/data/quality">${t('overview.rejectedWarning.link')}</a>
          </div>`
        : nothing}
      ${noBuyer.length
        ? html`<div class="warning warning--info" role="note" data-testid="no-buyer-note">
            <p>
              ${t('overview.noBuyer', { files: noBuyer.map((f) => f.file).join(', '), platforms: [...new Set(noBuyer.map((f) => f.platform!.platform))].join(', ') })}
              ${coreText({ code: 'rule.no_buyer' })}
            </p>
          </div>`
        : nothing}
    `;
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('overview.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const o = this.overview;
    if (!o) return this.#renderSkeleton();
    const files = this.context?.summary.files ?? [];
    if (files.length && files.every((f) => f.platform?.undated)) {
      // a basket list: no customers, dates or prices, nothing to overview but its size
      const args = { files: files.map((f) => f.file).join(', '), baskets: formatCount(o.orders, locale), products: formatCount(o.products ?? 0, locale) };
      return html`<div class="card" role="note" data-testid="basket-list-note">
        <p>${t('overview.basketList', args)}</p>
        <a class="btn btn--primary" href="#/recommendations/basket">${t('overview.basketList.link')}</a>
      </div>`;
    }
    const money = (c: number) => formatMoney(c, this.#currency, locale);
    return html`
      <section aria-label=${t('overview.title')}>
        ${this.#renderDataWarnings(locale)}
        ${o.previous ? this.#renderPrevious(o.previous, locale) : nothing}
        <div class="kpis" part="kpis">${this.#kpis(o, locale).map((k) => this.#renderKpi(k, locale))}</div>
        <dl class="facts">
          ${this.#fact('overview.gross', 'overview.gross.def', money(o.gross_sales_cents))}
          ${this.#fact('overview.returnsValue', 'overview.returnsValue.def', money(o.returns_cents))}
          ${this.#fact('overview.returnOrders', 'overview.returnOrders.def', formatCount(o.return_orders, locale))}
          ${this.#fact('overview.products', 'overview.products.def', o.products === null ? '—' : formatCount(o.products, locale))}
        </dl>
        <div class="card" part="chart">
          <div class="card__head">
            <div>
              <h3>${t('overview.monthly')}</h3>
              <p class="card__desc">${t('overview.monthly.desc')}</p>
            </div>
          </div>
          ${o.monthly.length
            ? html`<div class="chart" role="img" aria-label=${t('overview.monthly.desc')}></div>
                ${o.monthly.some((m) => m.partial) ? html`<p class="card__desc" data-testid="partial-note">${t('overview.partial.note')}</p>` : nothing}`
            : html`<div class="empty">${t('overview.noMonths')}</div>`}
        </div>
      </section>
    `;
  }

  #renderPrevious(p: PreviousPeriod, locale: Locale) {
    const from = formatDate(p.from, locale);
    const to = formatDate(p.to, locale);
    return html`<p class="previous" data-testid="previous-period">
      ${p.lines === 0 ? t('overview.previous.none', { from, to }) : t('overview.previous.banner', { from, to })}
    </p>`;
  }

  #renderKpi(k: Kpi, locale: Locale) {
    const def = t(k.def);
    const exact = k.exact ? `${t('overview.exactLabel')}: ${k.exact}` : '';
    const toggle = () => (this.open = this.open === k.id ? '' : k.id);
    const change = k.previous?.change;
    const delta =
      change === null || change === undefined
        ? ''
        : Math.abs(change) < 0.0005
          ? t('overview.change.same')
          : t(change > 0 ? 'overview.change.up' : 'overview.change.down', { change: formatPercent(Math.abs(change), locale) });
    return html`<div
      class="kpi"
      tabindex="0"
      role="group"
      aria-label=${t(k.label)}
      title=${exact ? `${def}\n${exact}` : def}
      data-kpi=${k.id}
      ?data-open=${this.open === k.id}
      @click=${toggle}
      @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle())}
    >
      <span class="kpi__label">${t(k.label)} ${infoIcon}</span>
      <span class="kpi__value ${k.small ? 'kpi__value--small' : ''}" data-testid="kpi-value">${k.value}</span>
      ${k.sub ? html`<span class="kpi__sub">${k.sub}</span>` : nothing}
      ${k.previous
        ? html`<span class="kpi__previous" data-testid="kpi-previous"
            >${delta ? html`<b class=${change !== null && change !== undefined && change < 0 ? 'down' : 'up'}>${delta}</b>` : nothing}
            ${k.previous.value}</span
          >`
        : nothing}
      <span class="kpi__detail" role="tooltip" data-testid="kpi-detail">${def}${exact ? html`<strong>${exact}</strong>` : nothing}</span>
    </div>`;
  }

  #fact(label: Key, def: Key, value: string) {
    return html`<div title=${t(def)}><dt>${t(label)}</dt><dd>${value}</dd></div>`;
  }

  #renderSkeleton() {
    return html`<section aria-busy="true" aria-label=${shellT('misc.loading')}>
      <div class="kpis">
        ${Array.from(
          { length: 8 },
          () => html`<div class="kpi"><span class="skeleton skeleton--label"></span><span class="skeleton skeleton--value"></span></div>`,
        )}
      </div>
      <div class="card"><span class="skeleton skeleton--chart"></span></div>
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
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
    const cur = this.#currency;
    const labels = months.map((m) => formatMonth(m.month, locale));
    const revenueName = t('overview.series.revenue');
    const ordersName = t('overview.series.orders');
    const tooltip = (i: number) => {
      const m = months[i]!;
      const rows = [
        [revenueName, formatMoney(m.revenue_cents, cur, locale)],
        [t('overview.series.returns'), formatMoney(m.returns_cents, cur, locale)],
        [ordersName, formatCount(m.orders, locale)],
        [t('overview.series.newCustomers'), formatCount(m.new_customers, locale)],
      ];
      const head = `<strong>${escapeHtml(labels[i] ?? m.month)}</strong>${m.partial ? ` (${escapeHtml(t('overview.partial'))})` : ''}`;
      return `${head}<br/>` + rows.map(([k, v]) => `${escapeHtml(k!)}: <b>${escapeHtml(v!)}</b>`).join('<br/>');
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
          axisLabel: { color: muted, formatter: (v: number) => formatMoneyShort(v * 100, cur, locale) },
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
          data: months.map((m) => ({ value: m.revenue_cents / 100, itemStyle: m.partial ? { color: accent, opacity: 0.4 } : undefined })),
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

if (!customElements.get('portrait-overview')) customElements.define('portrait-overview', PortraitOverview);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-overview': PortraitOverview;
  }
}
