import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ANALYSES, type LifecycleSummary, type ParamsOf, type Window, type WindowSource } from '../../api/types.js';
import { chartFrame, ChartSlot, chartTheme, escapeHtml, token, type ChartOption } from '../../charts/chart.js';
import { base } from '../../elements/shared.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDate, formatMoney, formatMonth, formatPercent, type Locale } from '../../format/format.js';
import { LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './lifecycle.styles.js';
import { t } from './messages.js';

type Key = Parameters<typeof t>[0];

/** The stage codes, in the core's order (the `lifecycle.stage` column's names). */
export const STAGES: readonly string[] = (() => {
  const kind = ANALYSES.lifecycle.columns.find((c) => c.name === 'stage')!.kind;
  return kind.kind === 'code' ? kind.names : [];
})();

/** The windows a merchant may set, in the order the form shows them. */
export const WINDOWS = ['active_days', 'churn_days', 'new_days', 'loyal_orders'] as const;
type WindowName = (typeof WINDOWS)[number];
type Params = ParamsOf<'lifecycle'>;

/** Where a window came from, in words. */
export function sourceText(source: WindowSource): string {
  switch (source.kind) {
    case 'gap_percentile':
    case 'orders_percentile':
      return t(`lifecycle.source.${source.kind}`, { percentile: source.percentile });
    default:
      return t(`lifecycle.source.${source.kind}` as Key);
  }
}

/** The route's windows (`?active_days=45&loyal_orders=3`), those that are whole numbers ≥ 1. */
function paramsOf(route: Record<string, string>): Params {
  const out: Params = {};
  for (const w of WINDOWS) {
    const v = Number(route[w]);
    if (Number.isInteger(v) && v >= 1) out[w] = v;
  }
  return out;
}

/**
 * @summary Lifecycle stages (新客 / 活跃 / 忠诚 / 回流 / 沉睡 / 流失): the windows and where each
 * came from (a percentile of the shop's own days between orders, unless set), customers and
 * revenue per stage, the stages at every month end, and the moves between stages in a month.
 *
 * The summary is `run('lifecycle', windows)`; the windows set are in the route
 * (`#/customers/lifecycle?active_days=45`).
 *
 * @cssproperty --portrait-stage-<code> - Colour of each stage (from the tokens).
 *
 * @csspart chart - The monthly stage chart.
 * @csspart flows - The moves between stages.
 */
export class PortraitLifecycle extends FeatureView {
  static override styles = [base, viewStyles, styles];

  @state() private summary: LifecycleSummary | null = null;
  @state() private failed = '';
  @state() private windows: Params = {};
  @state() private month = '';

  @query('.chart') private chartEl?: HTMLElement;

  #locale = new LocaleController(this);
  #chart = new ChartSlot();
  #seq = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart.dispose();
  }

  override exportRequest() {
    return { analysis: 'lifecycle', params: this.windows };
  }

  protected async refresh(): Promise<void> {
    this.windows = paramsOf(this.params);
    await this.#fit();
  }

  protected override paramsChanged(): void {
    const next = paramsOf(this.params);
    if (JSON.stringify(next) !== JSON.stringify(this.windows)) {
      this.windows = next;
      void this.#fit();
    }
  }

  async #fit(): Promise<void> {
    const seq = ++this.#seq;
    this.summary = null;
    this.failed = '';
    try {
      const summary = await this.portrait!.run('lifecycle', this.windows);
      if (seq !== this.#seq) return;
      this.summary = summary;
      this.month = summary.months.at(-1)?.month ?? '';
    } catch (e) {
      if (seq === this.#seq) this.failed = e instanceof Error ? e.message : String(e);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.summary;
    this.#chart.draw(this.chartEl ?? null, s && s.months.length ? () => this.#chartOption(s, this.#locale.locale) : null);
  }

  #apply = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const next: Params = {};
    for (const w of WINDOWS) {
      const v = Number((form.elements.namedItem(w) as HTMLInputElement).value);
      if (Number.isInteger(v) && v >= 1) next[w] = v;
    }
    this.#set(next);
  };

  #set(next: Params): void {
    this.windows = next;
    this.route(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)])));
    void this.#fit();
  }

  get #currency(): string {
    return this.context?.currency ?? '';
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('lifecycle.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const s = this.summary;
    if (!s) return html`<section class="card" aria-busy="true" aria-label=${t('lifecycle.loading')}><span class="skeleton skeleton--chart"></span></section>`;
    const staged = s.stages.reduce((n, x) => n + x.customers, 0);
    if (staged === 0 || !s.windows) return html`<div class="card"><p class="muted">${t('lifecycle.noCustomers')}</p></div>`;
    const w = s.windows;
    return html`
      <div class="card intro">
        <div>
          <h2>${t('lifecycle.title')}</h2>
          <p>${t('lifecycle.intro')}</p>
        </div>
        ${s.snapshot_date ? html`<p class="meta" data-testid="lifecycle-snapshot">${t('lifecycle.snapshot', { date: formatDate(s.snapshot_date, locale) })}</p>` : nothing}
      </div>
      <div class="card">
        <h3>${t('lifecycle.windows')}</h3>
        <ul class="windows" data-testid="lifecycle-windows">
          ${WINDOWS.map((name) => this.#renderWindow(name, w[name]))}
        </ul>
        <form class="edit" @submit=${this.#apply}>
          ${WINDOWS.map(
            (name) => html`<label
              >${t(`lifecycle.edit.${name}`)}
              <input name=${name} type="number" min="1" step="1" inputmode="numeric" .value=${live(String(this.windows[name] ?? w[name].value))} />
            </label>`,
          )}
          <button type="submit" class="btn btn--small btn--primary" data-action="apply-windows">${t('lifecycle.apply')}</button>
          <button type="button" class="btn btn--small btn--ghost" data-action="default-windows" ?disabled=${Object.keys(this.windows).length === 0} @click=${() => this.#set({})}>
            ${t('lifecycle.defaults')}
          </button>
        </form>
      </div>
      <div class="card">
        <h3>${t('lifecycle.stages')}</h3>
        <div class="stages">
          ${s.stages.map(
            (x) => html`<div class="stage" data-stage=${x.stage} title=${t(`lifecycle.stage.${x.stage}.desc` as Key)}>
              <span class="stage__name"><i class="swatch" style=${styleMap({ background: `var(--portrait-stage-${x.stage})` })}></i>${t(`lifecycle.stage.${x.stage}` as Key)}</span>
              <strong data-testid="stage-count">${t('lifecycle.customers', { count: formatCount(x.customers, locale) })}</strong>
              <span class="muted">${t('lifecycle.share', { share: formatPercent(x.share, locale) })}</span>
              <span class="muted">${t('lifecycle.revenue', { amount: formatMoney(x.revenue_cents, this.#currency, locale) })}</span>
              <span class="stage__desc">${t(`lifecycle.stage.${x.stage}.desc` as Key)}</span>
              ${x.customers > 0
                ? html`<a class="stage__link" data-action="stage-customers" href=${`#/customers/profiles?rule=${encodeURIComponent(`lifecycle.stage == "${x.stage}"`)}`}
                    >${t('lifecycle.showCustomers')}</a
                  >`
                : nothing}
            </div>`,
          )}
        </div>
      </div>
      <div class="card" part="chart">
        <h3>${t('lifecycle.months')}</h3>
        <p class="card__desc">${t('lifecycle.months.desc')}</p>
        ${s.months.some((m) => m.partial) ? html`<p class="card__desc" data-testid="lifecycle-partial-note">${t('lifecycle.partial.note', { date: formatDate(s.snapshot_date ?? '', locale) })}</p>` : nothing}
        <div class="chart" role="img" aria-label=${t('lifecycle.months')}></div>
      </div>
      ${this.#renderFlows(s, locale)}
    `;
  }

  #renderWindow(name: WindowName, w: Window) {
    return html`<li data-window=${name}><strong>${t(`lifecycle.window.${name}`, { value: w.value })}</strong> <span class="muted">— ${sourceText(w.source)}</span></li>`;
  }

  #renderFlows(s: LifecycleSummary, locale: Locale) {
    const months = s.months.slice(1).map((m) => m.month);
    if (months.length === 0) return nothing;
    const month = months.includes(this.month) ? this.month : months.at(-1)!;
    const flows = s.flows.filter((f) => f.month === month).sort((a, b) => b.customers - a.customers);
    const stage = (code: string | null) => (code === null ? t('lifecycle.notYet') : t(`lifecycle.stage.${code}` as Key));
    return html`<div class="card" part="flows">
      <div class="card__head">
        <div>
          <h3>${t('lifecycle.flows')}</h3>
          <p class="card__desc">${t('lifecycle.flows.desc', { month: formatMonth(month, locale) })}</p>
        </div>
        <label class="month"
          >${t('lifecycle.flows.month')}
          <select data-testid="flows-month" .value=${live(month)} @change=${(e: Event) => (this.month = (e.target as HTMLSelectElement).value)}>
            ${months.map((m) => html`<option value=${m} ?selected=${m === month}>${formatMonth(m, locale)}</option>`)}
          </select>
        </label>
      </div>
      ${flows.length === 0
        ? html`<p class="muted">${t('lifecycle.noFlows')}</p>`
        : html`<div class="table-wrap">
            <table data-testid="flows">
              <thead>
                <tr>
                  <th scope="col">${t('lifecycle.col.from')}</th>
                  <th scope="col">${t('lifecycle.col.to')}</th>
                  <th scope="col" class="num">${t('lifecycle.col.customers')}</th>
                </tr>
              </thead>
              <tbody>
                ${flows.map(
                  (f) => html`<tr>
                    <td>${stage(f.from)}</td>
                    <td>${stage(f.to)}</td>
                    <td class="num">${formatCount(f.customers, locale)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </div>`;
  }

  #chartOption(s: LifecycleSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const months = s.months.map((m) => formatMonth(m.month, locale));
    const tooltip = (i: number) => {
      const m = s.months[i]!;
      const partial = m.partial ? ` (${escapeHtml(t('lifecycle.partial'))})` : '';
      return (
        `<strong>${escapeHtml(months[i]!)}</strong>${partial}<br/>` +
        STAGES.map((code, k) => `${escapeHtml(t(`lifecycle.stage.${code}` as Key))}: <b>${escapeHtml(formatCount(m.counts[k] ?? 0, locale))}</b>`).join('<br/>')
      );
    };
    return {
      ...chartFrame(theme, { left: 4, right: 8, top: 32, bottom: 4 }, tooltip),
      xAxis: { type: 'category', data: months, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: theme.grid } }, axisLabel: { color: theme.muted } },
      series: STAGES.map((code, k) => ({
        name: t(`lifecycle.stage.${code}` as Key),
        type: 'bar',
        stack: 'stages',
        // a month the data covers in part is drawn lighter, as in the overview
        data: s.months.map((m) => ({ value: m.counts[k] ?? 0, itemStyle: m.partial ? { opacity: 0.4 } : undefined })),
        itemStyle: { color: token(this, `--portrait-stage-${code}`, theme.accent) },
        barMaxWidth: 28,
      })),
    };
  }
}

if (!customElements.get('portrait-lifecycle')) customElements.define('portrait-lifecycle', PortraitLifecycle);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-lifecycle': PortraitLifecycle;
  }
}
