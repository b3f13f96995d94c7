import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { DEFAULTS, type BasketSummary, type RuleRow, type Together } from '../../api/types.js';
import { PortraitError } from '../../api/errors.js';
import { ChartSlot, chartTheme, escapeHtml, type ChartOption } from '../../charts/chart.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { figureStyles } from '../../elements/figures.styles.js';
import { chevron, sortIcon } from '../../elements/table-icons.js';
import { tableStyles } from '../../elements/table.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDecimal, formatDecimalFixed, formatPercent, formatPercentFixed, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './basket.styles.js';
import { t } from './messages.js';

type Consequents = 'one' | 'any';

/** Product names by id, as the output gives them. */
export type Names = { readonly [id: string]: string | undefined };

/** The rules table's sortable measures, in column order. */
export const MEASURES = ['baskets', 'support', 'confidence', 'lift', 'leverage', 'conviction', 'zhang', 'jaccard', 'kulczynski', 'certainty'] as const;
export type Measure = (typeof MEASURES)[number];

/** Rules a page of the table shows. */
export const PAGE = 25;
/** Rules the chart of the strongest shows. */
export const CHART_RULES = 20;

/** A product as the page shows it: its name where the file gave one, else its id. */
export function label(id: string, names: Names): string {
  return names[id] ?? id;
}

/** One side of a rule as text. */
export function sideText(ids: readonly string[], names: Names): string {
  return ids.map((i) => label(i, names)).join(' + ');
}

/** A measure of a rule for sorting: conviction's null is infinite. */
export function measureOf(r: RuleRow, m: Measure): number {
  const v = r[m];
  return v === null ? Infinity : v;
}

/**
 * The rules whose products' names or ids contain `needle` (case-insensitive), sorted by
 * `measure` (descending unless `ascending`), ties in the analysis's order (strongest first).
 */
export function selectRules(rules: readonly RuleRow[], names: Names, needle: string, measure: Measure, ascending: boolean): RuleRow[] {
  const n = needle.trim().toLowerCase();
  const matches = (ids: readonly string[]) => ids.some((i) => i.toLowerCase().includes(n) || (names[i]?.toLowerCase().includes(n) ?? false));
  const kept = n ? rules.filter((r) => matches(r.antecedents) || matches(r.consequents)) : rules.slice();
  const order = kept.map((r, i) => ({ r, i }));
  order.sort((a, b) => {
    const d = measureOf(a.r, measure) - measureOf(b.r, measure);
    const by = Number.isNaN(d) ? 0 : d;
    return (ascending ? by : -by) || a.i - b.i;
  });
  return order.map((x) => x.r);
}

/** A measure's value as the table shows it. */
export function formatMeasure(r: RuleRow, m: Measure, locale: Locale): string {
  const v = r[m];
  if (v === null) return t('basket.infinite');
  if (m === 'baskets') return formatCount(v, locale);
  if (m === 'support' || m === 'confidence') return formatPercentFixed(v, locale, m === 'support' ? 2 : 1);
  return formatDecimalFixed(v, locale, m === 'lift' || m === 'conviction' ? 2 : 3);
}

/**
 * @summary Market basket analysis (购物篮分析): FP-Growth over the orders' baskets — frequent
 * itemsets and association rules with support, confidence, lift, leverage, conviction,
 * Zhang's metric, Jaccard, Kulczynski and certainty, a matrix of the strongest rules, a
 * filterable and sortable rules table to download, and "frequently bought together" for any
 * product. Restricted to an audience by a rule, to a category by the filter bar. Reads order
 * files and plain basket lists (one basket per line, as the Groceries data).
 *
 * The mining is `run('basket', params)` in the worker.
 */
export class PortraitBasket extends FeatureView {
  static override styles = [base, viewStyles, figureStyles, tableStyles, styles];

  @state() private summary: BasketSummary | null = null;
  @state() private together: Together | null = null;
  @state() private failed: { code: string; params: Record<string, unknown>; message: string } | null = null;
  @state() private togetherFailed: string | null = null;
  @state() private busy = false;
  @state() private support: number = DEFAULTS.analyses.basket.min_support;
  @state() private confidence: number = DEFAULTS.analyses.basket.min_confidence;
  @state() private lift: number = DEFAULTS.analyses.basket.min_lift;
  @state() private maxLen: number = DEFAULTS.analyses.basket.max_len;
  @state() private consequents: Consequents = DEFAULTS.analyses.basket.consequents as Consequents;
  @state() private rule = '';
  @state() private product = '';
  @state() private filter = '';
  @state() private sort: Measure = 'lift';
  @state() private ascending = false;
  @state() private page = 0;

  @query('.matrix') private matrixEl?: HTMLElement;

  #locale = new LocaleController(this);
  #seq = 0;
  #matrix = new ChartSlot();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#matrix.dispose();
  }

  #params() {
    return {
      min_support: this.support,
      min_confidence: this.confidence,
      min_lift: this.lift,
      max_len: this.maxLen,
      consequents: this.consequents,
      ...(this.rule.trim() ? { where: this.rule.trim() } : {}),
    };
  }

  override exportRequest() {
    return { analysis: 'basket', params: { ...this.#params(), ...(this.together ? { product: this.together.product } : {}) } };
  }

  protected async refresh(): Promise<void> {
    this.together = null;
    await this.#fit();
  }

  async #fit(): Promise<void> {
    if (!this.portrait) return;
    const seq = ++this.#seq;
    this.busy = true;
    this.failed = null;
    try {
      const summary = await this.portrait.run('basket', this.#params());
      if (seq !== this.#seq) return;
      this.summary = summary;
      this.page = 0;
      if (this.together) void this.#showTogether(this.together.product);
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:basket')));
    } catch (e) {
      if (seq !== this.#seq) return;
      this.summary = null;
      const err = PortraitError.from(e);
      this.failed = { code: err.code, params: { ...err.params }, message: err.message };
    } finally {
      if (seq === this.#seq) this.busy = false;
    }
  }

  async #showTogether(product: string): Promise<void> {
    if (!this.portrait || !product.trim()) return;
    this.togetherFailed = null;
    try {
      const s = await this.portrait.run('basket', { ...this.#params(), product: this.#productId(product.trim()) });
      this.summary = s;
      this.together = s.together;
    } catch (e) {
      const err = PortraitError.from(e);
      this.together = null;
      this.togetherFailed = coreText({ code: err.code, params: err.params as never }, this.#locale.locale) || err.message;
    }
  }

  /** The id of a product picked by its shown name (the core also takes a name as in the file). */
  #productId(text: string): string {
    const names = this.summary?.names ?? {};
    const hit = Object.entries(names).find(([, name]) => name === text);
    return hit ? hit[0] : text;
  }

  #download = async (format: 'csv' | 'xlsx') => {
    if (!this.portrait) return;
    const request = { analysis: 'basket', params: this.#params(), format } as const;
    if (format === 'csv') {
      saveFile(`\uFEFF${await this.portrait.export(request)}`, 'portrait-rules.csv', 'text/csv;charset=utf-8');
    } else {
      const bytes = await this.portrait.exportFile(request);
      saveFile(bytes as Uint8Array<ArrayBuffer>, 'portrait-rules.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.summary;
    const locale = this.#locale.locale;
    this.#matrix.draw(this.matrixEl ?? null, s && s.rules.length ? () => this.#matrixOption(s, locale) : null);
  }

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('basket.title')}</h2></div>
        <p class="muted">${t('basket.intro')}</p>
        ${this.#renderControls()}
      </section>
      ${this.failed
        ? html`<div class="card" role="alert" data-testid="basket-failed">
            <p>${t('basket.failed')}</p>
            <p class="muted">${coreText({ code: this.failed.code, params: this.failed.params as never }, locale) || this.failed.message}</p>
          </div>`
        : !this.summary
          ? html`<section class="card" aria-busy="true" aria-label=${t('basket.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`
          : this.#renderResult(this.summary, locale)}`;
  }

  #renderControls() {
    const [lenMin, lenMax] = DEFAULTS.limits.basket.max_len;
    const percent = (x: number) => String(Math.round(x * 1e5) / 1e3);
    const fromPercent = (e: Event, fallback: number) => {
      const v = Number((e.target as HTMLInputElement).value);
      return Number.isFinite(v) ? Math.min(1, Math.max(0, v / 100)) : fallback;
    };
    return html`<form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#fit())}>
      <div class="field">
        <label for="basket-support">${t('basket.support')}</label>
        <input id="basket-support" data-testid="support" type="number" min="0.001" max="100" step="0.001" .value=${percent(this.support)}
          @change=${(e: Event) => (this.support = Math.max(1e-5, fromPercent(e, this.support)))} />
      </div>
      <div class="field">
        <label for="basket-confidence">${t('basket.confidence')}</label>
        <input id="basket-confidence" data-testid="confidence" type="number" min="0" max="100" step="1" .value=${percent(this.confidence)}
          @change=${(e: Event) => (this.confidence = fromPercent(e, this.confidence))} />
      </div>
      <div class="field">
        <label for="basket-lift">${t('basket.lift')}</label>
        <input id="basket-lift" data-testid="lift" type="number" min="0" step="0.1" .value=${String(this.lift)}
          @change=${(e: Event) => (this.lift = Math.max(0, Number((e.target as HTMLInputElement).value) || 0))} />
      </div>
      <div class="field">
        <label for="basket-len">${t('basket.maxLen')}</label>
        <input id="basket-len" type="number" min=${lenMin} max=${lenMax} .value=${String(this.maxLen)}
          @change=${(e: Event) => (this.maxLen = Math.min(lenMax, Math.max(lenMin, Math.round(Number((e.target as HTMLInputElement).value) || lenMin))))} />
      </div>
      <div class="field">
        <label for="basket-consequents">${t('basket.consequents')}</label>
        <select id="basket-consequents" data-testid="consequents" @change=${(e: Event) => (this.consequents = (e.target as HTMLSelectElement).value as Consequents)}>
          ${(['one', 'any'] as const).map((c) => html`<option value=${c} ?selected=${this.consequents === c}>${t(`basket.consequents.${c}`)}</option>`)}
        </select>
      </div>
      <div class="field rule">
        <label for="basket-rule">${t('basket.audience')}</label>
        <input id="basket-rule" data-testid="rule" type="text" spellcheck="false" placeholder=${t('basket.audience.placeholder')} .value=${this.rule}
          @change=${(e: Event) => (this.rule = (e.target as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="btn btn--primary" data-testid="run" ?disabled=${this.busy}>${t('basket.run')}</button>
      ${this.busy ? html`<span class="muted" role="status">${t('basket.loading')}</span>` : nothing}
    </form>`;
  }

  #renderResult(s: BasketSummary, locale: Locale) {
    const itemsets = s.itemsets.length;
    return html`<section class="card" data-testid="basket-summary">
        <div class="kpis">
          <div class="kpi"><span class="kpi__label">${t('basket.kpi.baskets')}</span><span class="kpi__value" data-testid="baskets">${formatCount(s.baskets, locale)}</span>
            ${s.audience ? html`<span class="kpi__note">${t('basket.kpi.audience', { customers: formatCount(s.audience.customers, locale), rule: s.audience.rule })}</span>` : nothing}</div>
          <div class="kpi"><span class="kpi__label">${t('basket.kpi.items')}</span><span class="kpi__value">${formatCount(s.items, locale)}</span></div>
          <div class="kpi"><span class="kpi__label">${t('basket.kpi.mean')}</span><span class="kpi__value">${formatDecimal(s.mean_items, locale, 2)}</span>
            <span class="kpi__note">${t('basket.kpi.largest', { largest: formatCount(s.largest, locale) })}</span></div>
          <div class="kpi"><span class="kpi__label">${t('basket.kpi.itemsets')}</span><span class="kpi__value" data-testid="itemsets">${formatCount(itemsets, locale)}</span>
            <span class="kpi__note">${t('basket.kpi.minCount', { count: formatCount(s.min_count, locale) })}</span></div>
          <div class="kpi"><span class="kpi__label">${t('basket.kpi.rules')}</span><span class="kpi__value" data-testid="rules-count">${formatCount(s.rules.length, locale)}</span></div>
        </div>
        ${s.notes.map((m) => html`<p class="note" data-testid="note">${coreText(m, locale)}</p>`)}
      </section>
      <div class="charts">
        ${s.rules.length
          ? html`<section class="card">
              <div class="card__head"><h3>${t('basket.chart')}</h3></div>
              <p class="muted">${t('basket.chart.hint', { count: Math.min(CHART_RULES, s.rules.length) })}</p>
              <div class="matrix chart tall" data-testid="matrix" role="img" aria-label=${t('basket.chart')}></div>
            </section>`
          : nothing}
        ${this.#renderTogether(s, locale)}
      </div>
      ${this.#renderRules(s, locale)}`;
  }

  #renderTogether(s: BasketSummary, locale: Locale) {
    const tg = this.together;
    return html`<section class="card" data-testid="together">
      <div class="card__head"><h3>${t('basket.together')}</h3></div>
      <p class="muted">${t('basket.together.hint')}</p>
      <form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#showTogether(this.product))}>
        <div class="field grow">
          <label for="basket-product">${t('basket.together.product')}</label>
          <input id="basket-product" data-testid="product" type="text" list="basket-products" .value=${this.product}
            @change=${(e: Event) => (this.product = (e.target as HTMLInputElement).value)} />
          <datalist id="basket-products">
            ${s.top_items.map((i) => html`<option value=${label(i.product, s.names)}></option>`)}
          </datalist>
        </div>
        <button type="submit" class="btn" data-testid="show-together">${t('basket.together.show')}</button>
      </form>
      ${this.togetherFailed ? html`<p class="note" role="alert">${this.togetherFailed}</p>` : nothing}
      ${tg
        ? html`<p data-testid="together-head">${t('basket.together.head', { product: label(tg.product, s.names), baskets: formatCount(tg.baskets, locale), share: formatPercent(tg.support, locale, 2) })}</p>
            ${tg.partners.length
              ? html`<div class="table-wrap"><table class="numbers" data-testid="together-table">
                  <thead><tr>
                    <th scope="col">${t('basket.together.col.product')}</th>
                    <th scope="col" class="num">${t('basket.together.col.baskets')}</th>
                    <th scope="col" class="num">${t('basket.together.col.confidence')}</th>
                    <th scope="col" class="num">${t('basket.together.col.lift')}</th>
                  </tr></thead>
                  <tbody>${tg.partners.map(
                    (p) => html`<tr>
                      <td>${label(p.product, s.names)}</td>
                      <td class="num">${formatCount(p.baskets, locale)}</td>
                      <td class="num">${formatPercentFixed(p.confidence, locale, 1)}</td>
                      <td class="num">${formatDecimalFixed(p.lift, locale, 2)}</td>
                    </tr>`,
                  )}</tbody>
                </table></div>`
              : html`<p class="muted">${t('basket.together.none')}</p>`}`
        : html`<h4>${t('basket.top')}</h4>
            <ol class="top-items">
              ${s.top_items.slice(0, 10).map(
                (i) => html`<li><button type="button" class="link" @click=${() => ((this.product = label(i.product, s.names)), void this.#showTogether(i.product))}>${label(i.product, s.names)}</button>
                  <span class="muted">${formatPercent(i.support, locale, 1)}</span></li>`,
              )}
            </ol>`}
    </section>`;
  }

  #renderRules(s: BasketSummary, locale: Locale) {
    const rows = selectRules(s.rules, s.names, this.filter, this.sort, this.ascending);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
    const from = rows.length ? page * PAGE + 1 : 0;
    const to = page * PAGE + shown.length;
    return html`<section class="card" data-testid="rules">
      <div class="card__head"><h3 id="rules-title">${t('basket.rules')}</h3></div>
      <div class="toolbar">
        <div class="field">
          <label for="basket-filter">${t('basket.rules.filter')}</label>
          <input id="basket-filter" data-testid="filter" type="search" .value=${this.filter}
            @input=${(e: Event) => ((this.filter = (e.target as HTMLInputElement).value), (this.page = 0))} />
        </div>
        <div class="downloads">
          <button type="button" class="btn" data-testid="download-csv" ?disabled=${!s.rules.length} @click=${() => this.#download('csv')}>${t('basket.csv')}</button>
          <button type="button" class="btn" data-testid="download-xlsx" ?disabled=${!s.rules.length} @click=${() => this.#download('xlsx')}>${t('basket.xlsx')}</button>
        </div>
        <div class="pager">
          <span data-testid="rules-shown">${t('basket.page', { from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(rows.length, locale) })}</span>
          <button type="button" class="btn btn--small" aria-label=${t('basket.previous')} title=${t('basket.previous')} ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${chevron(true)}</button>
          <button type="button" class="btn btn--small" aria-label=${t('basket.next')} title=${t('basket.next')} ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>${chevron(false)}</button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="numbers rules" aria-labelledby="rules-title" data-testid="rules-table">
          <thead><tr>
            <th scope="col">${t('basket.col.if')}</th>
            <th scope="col">${t('basket.col.then')}</th>
            ${MEASURES.map((m) => {
              const sorted = this.sort === m;
              return html`<th scope="col" class="num" aria-sort=${sorted ? (this.ascending ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="sort" data-measure=${m} @click=${() => this.#sortBy(m)}>${t(`basket.col.${m}`)} ${sortIcon}</button>
              </th>`;
            })}
          </tr></thead>
          <tbody>
            ${shown.length === 0
              ? html`<tr class="empty-row"><td colspan=${2 + MEASURES.length}>${s.rules.length ? t('basket.rules.none') : t('basket.rules.empty')}</td></tr>`
              : shown.map(
                  (r) => html`<tr>
                    <td>${sideText(r.antecedents, s.names)}</td>
                    <td>${sideText(r.consequents, s.names)}</td>
                    ${MEASURES.map((m) => html`<td class="num">${formatMeasure(r, m, locale)}</td>`)}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <details class="measures">
        <summary>${t('basket.measures')}</summary>
        <ul>
          ${(['support', 'confidence', 'lift', 'leverage', 'conviction', 'zhang', 'jaccard', 'kulczynski', 'certainty'] as const).map((m) => html`<li>${t(`basket.measure.${m}`)}</li>`)}
        </ul>
        <p class="muted">${t('basket.measure.source')}</p>
      </details>
    </section>`;
  }

  #sortBy(m: Measure): void {
    if (this.sort === m) this.ascending = !this.ascending;
    else {
      this.sort = m;
      this.ascending = false;
    }
    this.page = 0;
  }

  #matrixOption(s: BasketSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const top = s.rules.slice(0, CHART_RULES);
    const rows = [...new Set(top.map((r) => sideText(r.antecedents, s.names)))];
    const cols = [...new Set(top.map((r) => sideText(r.consequents, s.names)))];
    const maxLift = Math.max(...top.map((r) => r.lift));
    const data = top.map((r) => ({
      value: [cols.indexOf(sideText(r.consequents, s.names)), rows.indexOf(sideText(r.antecedents, s.names)), r.lift, r.confidence],
      symbolSize: 8 + 22 * Math.sqrt(r.lift / maxLift),
      itemStyle: { color: theme.accent, opacity: 0.25 + 0.75 * r.confidence },
    }));
    const tooltip = (p: { dataIndex: number }) => {
      const r = top[p.dataIndex]!;
      return (
        `<strong>${escapeHtml(sideText(r.antecedents, s.names))}</strong> → <strong>${escapeHtml(sideText(r.consequents, s.names))}</strong><br/>` +
        `${escapeHtml(t('basket.col.lift'))}: <b>${escapeHtml(formatDecimal(r.lift, locale, 2))}</b> · ` +
        `${escapeHtml(t('basket.col.confidence'))}: <b>${escapeHtml(formatPercent(r.confidence, locale, 1))}</b> · ` +
        `${escapeHtml(t('basket.col.support'))}: <b>${escapeHtml(formatPercent(r.support, locale, 2))}</b>`
      );
    };
    return {
      textStyle: { fontFamily: theme.font },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: tooltip as never },
      xAxis: { type: 'category', data: cols, axisLabel: { color: theme.muted, rotate: 30, width: 140, overflow: 'truncate' }, splitLine: { show: true, lineStyle: { color: theme.grid } } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { color: theme.muted, width: 200, overflow: 'truncate' }, splitLine: { show: true, lineStyle: { color: theme.grid } } },
      series: [{ type: 'scatter', data }],
    };
  }
}

if (!customElements.get('portrait-basket')) customElements.define('portrait-basket', PortraitBasket);
