import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { DEFAULTS, type AudienceDefinition, type CustomerList, type EvaluationSummary, type Measures, type RecommendMethod as Method, type RecommendSummary } from '../../api/types.js';
import { PortraitError } from '../../api/errors.js';
import { loadSaved } from '../../elements/saved.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { figureStyles } from '../../elements/figures.styles.js';
import { tableStyles } from '../../elements/table.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDecimalFixed, formatPercentFixed, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { t } from './messages.js';
import { label, reason, type Names } from './reasons.js';
import { styles } from './recommendations.styles.js';

/** The methods, in the evaluation table's order. */
export const METHODS: readonly Method[] = ['popular', 'trending', 'itemcf', 'als', 'content', 'hybrid'];

/** The evaluation table's measures, in column order. */
export const MEASURES = ['precision', 'recall', 'map', 'ndcg', 'hit_rate', 'coverage', 'novelty', 'diversity'] as const;
export type Measure = (typeof MEASURES)[number];

const D = DEFAULTS.analyses.recommend;

/** A measure as the table shows it: shares as percentages, novelty in bits. */
export function formatMeasure(m: Measures, measure: Measure, locale: Locale): string {
  const v = m[measure];
  return measure === 'novelty' ? formatDecimalFixed(v, locale, 2) : formatPercentFixed(v, locale, 1);
}

/** A first cell that names the column rather than a product (as `STOCK_HEADERS` in Rust). */
const HEADER = /^(product[_ ]?id|product|sku|id|stock ?code|商品id|商品编号|商品编码|货号)$/i;

/** Product ids of an in-stock file: the first cell of each line, quotes, blanks and a header removed. */
export function stockIds(text: string): string[] {
  const ids = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const first = line.split(/[,;\t]/)[0]?.trim().replace(/^"(.*)"$/, '$1').trim();
    if (first && !HEADER.test(first)) ids.add(first);
  }
  return [...ids];
}

/**
 * @summary Personal recommendations (个性化推荐): each customer's next products by popularity,
 * trending, item-based collaborative filtering, ALS, content (TF-IDF over names, categories,
 * brands and tags) or a hybrid blend; business filters (already bought, categories, an in-stock
 * file, at most n per category); cold-start fallbacks; a reason per product; and one table
 * comparing every method on a time holdout, so the merchant picks the best on their own data.
 * Lists for every customer or an audience download as CSV or XLSX.
 *
 * The fit is `run('recommend', params)`, stepped in the worker (progress and cancel).
 */
export class PortraitRecommendations extends FeatureView {
  static override styles = [base, viewStyles, figureStyles, tableStyles, styles];

  @state() private summary: RecommendSummary | null = null;
  @state() private failed: string | null = null;
  @state() private busy = false;
  @state() private cancelled = false;
  @state() private work: { done: number; total: number } | null = null;
  @state() private method: Method = D.method;
  @state() private k: number = D.k;
  @state() private holdout: number = D.holdout_days;
  @state() private excludeBought: boolean = D.exclude_bought;
  @state() private perCategory: number = D.max_per_category;
  @state() private category = '';
  @state() private stock: { file: string; ids: string[] } | null = null;
  @state() private weights = { itemcf: D.weight_itemcf, als: D.weight_als, content: D.weight_content, popular: D.weight_popular };
  @state() private audience = '';
  @state() private rule = '';
  @state() model = { neighbours: D.neighbours, shrinkage: D.shrinkage, factors: D.factors, iterations: D.iterations };

  #locale = new LocaleController(this);
  #seq = 0;
  #abort: AbortController | null = null;
  #saved: AudienceDefinition[] = [];

  /** The rule the lists are for ("" = every customer). */
  #where(): string {
    if (this.audience === '*rule') return this.rule.trim();
    return this.audience ? `in_audience(${JSON.stringify(this.audience)})` : '';
  }

  #params() {
    const where = this.#where();
    return {
      method: this.method,
      k: this.k,
      holdout_days: this.holdout,
      exclude_bought: this.excludeBought,
      max_per_category: this.perCategory,
      ...(this.category ? { categories: [this.category] } : {}),
      ...(this.stock ? { in_stock: this.stock.ids } : {}),
      ...(this.method === 'hybrid'
        ? { weight_itemcf: this.weights.itemcf, weight_als: this.weights.als, weight_content: this.weights.content, weight_popular: this.weights.popular }
        : {}),
      ...(where ? { where, audiences: this.#saved } : {}),
      ...this.#modelParams(),
    };
  }

  /** The model settings that differ from the defaults (so the defaults' lists are shared with the card). */
  #modelParams(): Record<string, number> {
    const m = this.model;
    const changed: Record<string, number> = {};
    if (m.neighbours !== D.neighbours) changed.neighbours = m.neighbours;
    if (m.shrinkage !== D.shrinkage) changed.shrinkage = m.shrinkage;
    if (m.factors !== D.factors) changed.factors = m.factors;
    if (m.iterations !== D.iterations) changed.iterations = m.iterations;
    return changed;
  }

  override exportRequest() {
    return { analysis: 'recommend', params: { ...this.#params(), evaluate: true } };
  }

  protected async refresh(): Promise<void> {
    this.#saved = loadSaved<AudienceDefinition[]>('audiences', []);
    await this.#fit();
  }

  async #fit(): Promise<void> {
    if (!this.portrait) return;
    const seq = ++this.#seq;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.busy = true;
    this.failed = null;
    this.cancelled = false;
    this.work = null;
    try {
      const summary = await this.portrait.run('recommend', { ...this.#params(), evaluate: true }, {
        signal: abort.signal,
        onWork: (w) => {
          if (seq === this.#seq) this.work = { done: w.done, total: w.total };
        },
      });
      if (seq !== this.#seq) return;
      this.summary = summary;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:recommendations')));
    } catch (e) {
      if (seq !== this.#seq) return;
      if (abort.signal.aborted) {
        this.cancelled = true;
        return;
      }
      const err = PortraitError.from(e);
      this.summary = null;
      this.failed = coreText({ code: err.code, params: err.params as never }, this.#locale.locale) || err.message;
    } finally {
      if (seq === this.#seq) {
        this.busy = false;
        this.work = null;
      }
    }
  }

  /** Stops the running fit (between two of its steps, in the worker). */
  #cancel = () => {
    this.#abort?.abort();
  };

  #download = async (format: 'csv' | 'xlsx') => {
    if (!this.portrait) return;
    const request = { analysis: 'recommend', params: this.#params(), format } as const;
    const name = this.audience && this.audience !== '*rule' ? `portrait-recommendations-${this.audience}` : 'portrait-recommendations';
    if (format === 'csv') {
      saveFile(`\uFEFF${await this.portrait.export(request)}`, `${name}.csv`, 'text/csv;charset=utf-8');
    } else {
      const bytes = await this.portrait.exportFile(request);
      saveFile(bytes as Uint8Array<ArrayBuffer>, `${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  #readStock = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.stock = { file: file.name, ids: stockIds(await file.text()) };
    input.value = '';
  };

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('recs.title')}</h2></div>
        <p class="muted">${t('recs.intro')}</p>
        ${this.#renderControls()}
      </section>
      ${this.failed
        ? html`<div class="card" role="alert" data-testid="recs-failed"><p>${t('recs.failed')}</p><p class="muted">${this.failed}</p></div>`
        : this.summary
          ? this.#renderResult(this.summary, locale)
          : this.cancelled
            ? nothing
            : html`<section class="card" aria-busy="true" aria-label=${t('recs.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`}`;
  }

  #number(id: string, value: number, limits: readonly [number, number], set: (v: number) => void, testid = id) {
    const [min, max] = limits;
    return html`<input id=${id} data-testid=${testid} type="number" min=${min} max=${max} .value=${String(value)}
      @change=${(e: Event) => set(Math.min(max, Math.max(min, Math.round(Number((e.target as HTMLInputElement).value) || min))))} />`;
  }

  #renderControls() {
    const L = DEFAULTS.limits.recommend;
    const categories = this.context?.facts.dimensions.find((x) => x.dimension === 'category')?.values.map((v) => v.value) ?? [];
    return html`<form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#fit())}>
      <div class="field">
        <label for="recs-method">${t('recs.method')}</label>
        <select id="recs-method" data-testid="method" @change=${(e: Event) => (this.method = (e.target as HTMLSelectElement).value as Method)}>
          ${METHODS.map((m) => html`<option value=${m} ?selected=${this.method === m}>${t(`recs.method.${m}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="recs-k">${t('recs.k')}</label>
        ${this.#number('recs-k', this.k, L.k, (v) => (this.k = v), 'k')}
      </div>
      <div class="field">
        <label for="recs-holdout">${t('recs.holdout')}</label>
        ${this.#number('recs-holdout', this.holdout, L.holdout_days, (v) => (this.holdout = v), 'holdout')}
      </div>
      <div class="field">
        <label for="recs-per-category" title=${t('recs.perCategory.none')}>${t('recs.perCategory')}</label>
        ${this.#number('recs-per-category', this.perCategory, L.max_per_category, (v) => (this.perCategory = v), 'per-category')}
      </div>
      ${categories.length
        ? html`<div class="field">
            <label for="recs-category">${t('recs.categories')}</label>
            <select id="recs-category" data-testid="category" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.category === ''}>${t('recs.categories.any')}</option>
              ${categories.map((c) => html`<option .value=${c} ?selected=${this.category === c}>${c}</option>`)}
            </select>
          </div>`
        : nothing}
      <label class="check">
        <input type="checkbox" data-testid="exclude-bought" .checked=${this.excludeBought} @change=${(e: Event) => (this.excludeBought = (e.target as HTMLInputElement).checked)} />
        ${t('recs.excludeBought')}
      </label>
      <div class="field">
        <label for="recs-audience">${t('recs.audience')}</label>
        <select id="recs-audience" data-testid="audience" @change=${(e: Event) => (this.audience = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.audience === ''}>${t('recs.audience.all')}</option>
          ${this.#saved.map((a) => html`<option .value=${a.name} ?selected=${this.audience === a.name}>${a.name}</option>`)}
          <option value="*rule" ?selected=${this.audience === '*rule'}>${t('recs.audience.rule')}</option>
        </select>
      </div>
      ${this.audience === '*rule'
        ? html`<div class="field rule">
            <label for="recs-rule">${t('recs.rule')}</label>
            <input id="recs-rule" data-testid="rule" type="text" spellcheck="false" placeholder=${t('recs.rule.placeholder')} .value=${this.rule}
              @change=${(e: Event) => (this.rule = (e.target as HTMLInputElement).value)} />
          </div>`
        : nothing}
      <div class="field">
        <label for="recs-stock" title=${t('recs.stock.hint')}>${t('recs.stock')}</label>
        ${this.stock
          ? html`<span class="stock" data-testid="stock">${t('recs.stock.loaded', { count: formatCount(this.stock.ids.length, this.#locale.locale), file: this.stock.file })}
              <button type="button" class="btn btn--small" @click=${() => (this.stock = null)}>${t('recs.stock.clear')}</button></span>`
          : html`<input id="recs-stock" class="visually-hidden" tabindex="-1" data-testid="stock-file" type="file" accept=".csv,.txt,text/csv,text/plain"
                aria-label=${t('recs.stock')} @change=${this.#readStock} />
              <button type="button" class="btn" data-testid="stock-choose" title=${t('recs.stock.hint')}
                @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#recs-stock')?.click()}>${t('recs.stock.choose')}</button>`}
      </div>
      ${this.method === 'hybrid' ? this.#renderWeights() : nothing}
      ${this.#renderModel()}
      <button type="submit" class="btn btn--primary" data-testid="run" ?disabled=${this.busy}>${t('recs.run')}</button>
      ${this.busy
        ? html`<span class="progress" data-testid="progress" role="status">
            <progress max=${this.work?.total ?? 1} .value=${this.work?.done ?? 0}></progress>
            ${this.work ? t('recs.progress', { done: this.work.done, total: this.work.total }) : t('recs.loading')}
            <button type="button" class="btn btn--small" data-testid="cancel" @click=${this.#cancel}>${t('recs.cancel')}</button>
          </span>`
        : this.cancelled
          ? html`<span class="muted" role="status" data-testid="recs-cancelled">${t('recs.cancelled')}</span>`
          : nothing}
    </form>`;
  }

  /** Item-CF's neighbours and shrinkage, ALS's factors and alternations (stage f's defaults). */
  #renderModel() {
    const L = DEFAULTS.limits.recommend;
    const set = (key: keyof PortraitRecommendations['model']) => (v: number) => (this.model = { ...this.model, [key]: v });
    return html`<details class="model" data-testid="model">
      <summary>${t('recs.model')}</summary>
      <div class="model__fields">
        <div class="field">
          <label for="recs-neighbours" title=${t('recs.model.neighbours.hint')}>${t('recs.model.neighbours')}</label>
          ${this.#number('recs-neighbours', this.model.neighbours, L.neighbours, set('neighbours'), 'neighbours')}
        </div>
        <div class="field">
          <label for="recs-shrinkage">${t('recs.model.shrinkage')}</label>
          <input id="recs-shrinkage" data-testid="shrinkage" type="number" min="0" step="1" .value=${String(this.model.shrinkage)}
            @change=${(e: Event) => set('shrinkage')(Math.max(0, Number((e.target as HTMLInputElement).value) || 0))} />
        </div>
        <div class="field">
          <label for="recs-factors">${t('recs.model.factors')}</label>
          ${this.#number('recs-factors', this.model.factors, L.factors, set('factors'), 'factors')}
        </div>
        <div class="field">
          <label for="recs-iterations">${t('recs.model.iterations')}</label>
          ${this.#number('recs-iterations', this.model.iterations, L.iterations, set('iterations'), 'iterations')}
        </div>
      </div>
    </details>`;
  }

  #renderWeights() {
    const keys = ['itemcf', 'als', 'content', 'popular'] as const;
    return html`<fieldset class="weights" data-testid="weights">
      <legend>${t('recs.weights')}</legend>
      ${keys.map(
        (key) => html`<label>${t(`recs.weight.${key}`)}
          <input type="number" min="0" step="0.1" .value=${String(this.weights[key])} data-testid=${`weight-${key}`}
            @change=${(e: Event) => (this.weights = { ...this.weights, [key]: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) })} /></label>`,
      )}
    </fieldset>`;
  }

  #renderResult(s: RecommendSummary, locale: Locale) {
    return html`<section class="card" data-testid="recs-summary">
        <div class="kpis">
          <div class="kpi"><span class="kpi__label">${t('recs.kpi.customers')}</span><span class="kpi__value" data-testid="customers">${formatCount(s.customers, locale)}</span>
            ${s.audience ? html`<span class="kpi__note">${t('recs.kpi.audience', { rule: s.audience.rule })}</span>` : nothing}</div>
          <div class="kpi"><span class="kpi__label">${t('recs.kpi.coldStart')}</span><span class="kpi__value">${formatCount(s.no_purchase + s.one_order, locale)}</span>
            <span class="kpi__note">${t('recs.kpi.coldStart.note', { none: formatCount(s.no_purchase, locale), one: formatCount(s.one_order, locale) })}</span></div>
          <div class="kpi"><span class="kpi__label">${t('recs.kpi.items')}</span><span class="kpi__value">${formatCount(s.items, locale)}</span>
            <span class="kpi__note">${t('recs.kpi.purchases', { count: formatCount(s.purchases, locale) })}</span></div>
        </div>
        ${s.notes.map((m) => html`<p class="note" data-testid="note">${coreText(m, locale)}</p>`)}
      </section>
      ${s.evaluation ? this.#renderEvaluation(s, s.evaluation, locale) : html`<section class="card"><p class="muted">${t('recs.eval.none')}</p></section>`}
      ${this.#renderLists(s, locale)}
      <div class="charts">
        <section class="card">${this.#renderRanked(t('recs.popular'), s.popular, s.names, locale, 'popular')}</section>
        <section class="card">${this.#renderRanked(t('recs.trending'), s.trending, s.names, locale, 'trending')}</section>
      </div>`;
  }

  #renderEvaluation(s: RecommendSummary, e: EvaluationSummary, locale: Locale) {
    const k = s.k;
    return html`<section class="card" data-testid="evaluation">
      <div class="card__head"><h3 id="recs-eval-title">${t('recs.eval')}</h3></div>
      <p class="muted">${t('recs.eval.hint', {
        date: e.split_date,
        customers: formatCount(e.customers, locale),
        days: formatCount(e.holdout_days, locale),
        cold: formatCount(e.cold_start, locale),
        relevant: formatDecimalFixed(e.mean_relevant, locale, 1),
      })}</p>
      <div class="table-wrap">
        <table class="numbers" aria-labelledby="recs-eval-title" data-testid="evaluation-table">
          <thead><tr>
            <th scope="col">${t('recs.eval.method')}</th>
            ${MEASURES.map((m) => html`<th scope="col" class="num">${t(`recs.col.${m}`, { k })}</th>`)}
            <th scope="col"><span class="visually-hidden">${t('recs.eval.use')}</span></th>
          </tr></thead>
          <tbody>${e.methods.map(
            (row) => html`<tr data-method=${row.method} class=${row.method === s.method ? 'current' : ''}>
              <th scope="row">${t(`recs.method.${row.method}`)}</th>
              ${MEASURES.map((m) => {
                const best = e.best[m] === row.method;
                return html`<td class=${best ? 'num best' : 'num'} data-best=${best ? 'true' : nothing}>${formatMeasure(row.measures, m, locale)}${best
                  ? html` <span aria-label=${t('recs.eval.best')} title=${t('recs.eval.best')}>★</span>`
                  : nothing}</td>`;
              })}
              <td>${row.method === s.method
                ? html`<span class="muted">${t('recs.eval.using')}</span>`
                : html`<button type="button" class="btn btn--small" data-testid=${`use-${row.method}`} @click=${() => ((this.method = row.method), void this.#fit())}>${t('recs.eval.use')}</button>`}</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>
      <details class="measures">
        <summary>${t('recs.measures')}</summary>
        <ul>${MEASURES.map((m) => html`<li>${t(`recs.measure.${m}`)}</li>`)}</ul>
        <p class="muted">${t('recs.measure.population')}</p>
      </details>
    </section>`;
  }

  #renderLists(s: RecommendSummary, locale: Locale) {
    return html`<section class="card lists" data-testid="lists">
      <div class="card__head"><h3 id="recs-lists-title">${t('recs.lists')}</h3>
        <div class="downloads">
          <button type="button" class="btn" data-testid="download-csv" ?disabled=${!s.customers} @click=${() => this.#download('csv')}>${t('recs.csv')}</button>
          <button type="button" class="btn" data-testid="download-xlsx" ?disabled=${!s.customers} @click=${() => this.#download('xlsx')}>${t('recs.xlsx')}</button>
        </div>
      </div>
      <p class="muted">${t('recs.lists.hint', { shown: formatCount(s.preview.length, locale), total: formatCount(s.customers, locale) })}</p>
      <div class="table-wrap">
        <table aria-labelledby="recs-lists-title" data-testid="lists-table">
          <thead><tr>
            <th scope="col">${t('recs.lists.customer')}</th>
            <th scope="col" class="num">${t('recs.lists.orders')}</th>
            <th scope="col">${t('recs.lists.products')}</th>
          </tr></thead>
          <tbody>${s.preview.map((l) => this.#renderList(l, s.names, locale))}</tbody>
        </table>
      </div>
    </section>`;
  }

  #renderList(l: CustomerList, names: Names, locale: Locale) {
    return html`<tr>
      <td><a href=${`#/customers/${encodeURIComponent(l.customer_id)}`}>${l.customer_id}</a></td>
      <td class="num">${formatCount(l.orders, locale)}</td>
      <td><ol class="recs">${l.items.map((r) => html`<li title=${reason(r, names)} data-source=${r.source}>${label(r.product, names)}</li>`)}</ol></td>
    </tr>`;
  }

  #renderRanked(title: string, items: RecommendSummary['popular'], names: Names, locale: Locale, testid: string) {
    return html`<h3>${title}</h3>
      <ol class="ranked" data-testid=${testid}>
        ${items.slice(0, 10).map((i) => html`<li>${label(i.product, names)} <span class="muted">${t('recs.buyers', { count: formatCount(i.buyers, locale) })}</span></li>`)}
      </ol>`;
  }
}

if (!customElements.get('portrait-recommendations')) customElements.define('portrait-recommendations', PortraitRecommendations);
