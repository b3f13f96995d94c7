import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ANALYSES, DEFAULTS, type ClusterProfile, type ClustersSummary, type ColumnSpec } from '../../api/types.js';
import { ChartSlot, chartTheme, type ChartOption } from '../../charts/chart.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './clusters.styles.js';
import { t } from './messages.js';

type Method = 'kmeans' | 'gmm' | 'dbscan';

/** A numeric customer column a cluster can be found on: its id and its spec. */
export interface FeatureChoice {
  id: string;
  spec: ColumnSpec;
}

/** Every numeric column of the customer table (not the clusters' own), in registry order. */
export const FEATURE_CHOICES: FeatureChoice[] = Object.entries(ANALYSES).flatMap(([kind, a]) =>
  kind === 'clusters'
    ? []
    : a.columns
        .filter((c) => !['code', 'text', 'date'].includes(c.kind.kind))
        .map((spec) => ({ id: `${kind}.${spec.name}`, spec })),
);

/** A feature named in the params (`rfm.monetary`) as its column id (`rfm.monetary_cents`). */
export function columnOf(name: string): string {
  return FEATURE_CHOICES.some((f) => f.id === name) ? name : `${name}_cents`;
}

/** A column's label: its Chinese name in Chinese, its id otherwise. */
export function featureLabel(id: string, locale: Locale): string {
  const f = FEATURE_CHOICES.find((c) => c.id === columnOf(id));
  return locale === 'zh-CN' && f?.spec.zh ? f.spec.zh : id.replace(/_cents$/, '');
}

/** A cluster's traits in the current language, comma-separated. */
export function describeCluster(c: ClusterProfile, locale: Locale): string {
  const sep = locale === 'zh-CN' ? '、' : ', ';
  return c.traits
    .map((m) => {
      const feature = m.params?.['feature'];
      const params = typeof feature === 'string' ? { ...m.params, feature: featureLabel(feature, locale) } : m.params;
      return coreText({ code: m.code, params }, locale);
    })
    .join(sep);
}

/** The rule of a cluster's customers. */
export function clusterRule(number: number): string {
  return `clusters.cluster == ${number}`;
}

/**
 * @summary Customer clusters (用户分群): k-means with automatic k (silhouette on a sample,
 * the elbow beside it), a Gaussian mixture (BIC) or DBSCAN (k-distance curve), a 2-D map of
 * the principal components coloured by cluster, and a card per cluster described in words,
 * with its size, revenue and profile — each a click away from an audience or a download.
 *
 * The fit is `run('clusters', params)`, stepped in the worker (progress and cancel).
 */
export class PortraitClusters extends FeatureView {
  static override styles = [base, viewStyles, styles];

  @state() private summary: ClustersSummary | null = null;
  @state() private failed = '';
  @state() private busy = false;
  /** How far the running fit has come (the worker's stepped job), while it runs. */
  @state() private work: { done: number; total: number } | null = null;
  #abort: AbortController | null = null;
  @state() private method: Method = DEFAULTS.analyses.clusters.method as Method;
  @state() private k: 'auto' | number = 'auto';
  @state() private features: string[] = [...DEFAULTS.analyses.clusters.features];
  @state() private seed = 0;
  @state() private eps = '';
  @state() private minSamples: number = DEFAULTS.analyses.clusters.min_samples;

  @query('.curve') private curveEl?: HTMLElement;
  @query('.map') private mapEl?: HTMLElement;

  #locale = new LocaleController(this);
  #seq = 0;
  #curve = new ChartSlot((chart) =>
    chart.on('click', (p) => {
      const k = Number((p as { name?: string }).name);
      if (Number.isFinite(k) && k >= 2) {
        this.k = k;
        void this.#fit();
      }
    }),
  );
  #map = new ChartSlot();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#curve.dispose();
    this.#map.dispose();
  }

  #params() {
    const eps = Number(this.eps);
    return {
      method: this.method,
      k: this.k,
      features: this.features,
      seed: this.seed,
      min_samples: this.minSamples,
      ...(this.method === 'dbscan' && this.eps.trim() && eps > 0 ? { eps } : {}),
    };
  }

  override exportRequest() {
    return { analysis: 'clusters', params: this.#params() };
  }

  protected async refresh(): Promise<void> {
    await this.#fit();
  }

  async #fit(): Promise<void> {
    if (!this.portrait) return;
    const seq = ++this.#seq;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.busy = true;
    this.failed = '';
    this.work = null;
    try {
      const summary = await this.portrait.run('clusters', this.#params(), {
        signal: abort.signal,
        onWork: (w) => {
          if (seq === this.#seq) this.work = { done: w.done, total: w.total };
        },
      });
      if (seq !== this.#seq) return;
      this.summary = summary;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:clusters')));
    } catch (e) {
      if (seq === this.#seq && !abort.signal.aborted) this.failed = e instanceof Error ? e.message : String(e);
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.summary;
    const locale = this.#locale.locale;
    this.#curve.draw(this.curveEl ?? null, s ? () => this.#curveOption(s, locale) : null);
    this.#map.draw(this.mapEl ?? null, s ? () => this.#mapOption(s, locale) : null);
  }

  #download = async (number: number, format: 'csv' | 'xlsx') => {
    if (!this.portrait) return;
    const request = {
      analysis: 'audience',
      params: { where: clusterRule(number), columns: [...this.features, 'rfm.segment', 'lifecycle.stage'] },
      format,
    } as const;
    if (format === 'csv') {
      saveFile(`\uFEFF${await this.portrait.export(request)}`, `cluster-${number}.csv`, 'text/csv;charset=utf-8');
    } else {
      const bytes = await this.portrait.exportFile(request);
      saveFile(bytes as Uint8Array<ArrayBuffer>, `cluster-${number}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  #toggleFeature(id: string, on: boolean) {
    const next = on ? [...this.features, id] : this.features.filter((f) => columnOf(f) !== id);
    if (next.length) this.features = next;
  }

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('clusters.title')}</h2></div>
        <p class="muted">${t('clusters.intro')}</p>
        ${this.#renderControls()}
      </section>
      ${this.failed
        ? html`<div class="card" role="alert"><p>${t('clusters.failed')}</p><p class="muted">${this.failed}</p></div>`
        : !this.summary
          ? html`<section class="card" aria-busy="true" aria-label=${t('clusters.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`
          : this.#renderResult(this.summary, locale)}`;
  }

  #renderControls() {
    const kMax = DEFAULTS.limits.clusters.k[1];
    const ks = Array.from({ length: Math.min(kMax, 12) - 1 }, (_, i) => i + 2);
    return html`<form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#fit())}>
      <div class="field">
        <label for="clusters-method">${t('clusters.method')}</label>
        <select id="clusters-method" data-testid="method" @change=${(e: Event) => (this.method = (e.target as HTMLSelectElement).value as Method)}>
          ${(['kmeans', 'gmm', 'dbscan'] as const).map((m) => html`<option value=${m} ?selected=${this.method === m}>${t(`clusters.method.${m}`)}</option>`)}
        </select>
      </div>
      ${this.method !== 'dbscan'
        ? html`<div class="field">
            <label for="clusters-k">${t('clusters.k')}</label>
            <select id="clusters-k" data-testid="k" @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              this.k = v === 'auto' ? 'auto' : Number(v);
            }}>
              <option value="auto" ?selected=${this.k === 'auto'}>${t('clusters.k.auto')}</option>
              ${ks.map((k) => html`<option value=${k} ?selected=${this.k === k}>${k}</option>`)}
            </select>
          </div>`
        : html`<div class="field">
              <label for="clusters-eps">${t('clusters.eps')}</label>
              <input id="clusters-eps" type="number" step="0.01" min="0" .value=${this.eps} @change=${(e: Event) => (this.eps = (e.target as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for="clusters-min">${t('clusters.minSamples')}</label>
              <input id="clusters-min" type="number" min="2" .value=${String(this.minSamples)} @change=${(e: Event) => (this.minSamples = Math.max(2, Number((e.target as HTMLInputElement).value) || 2))} />
            </div>`}
      <div class="field">
        <label for="clusters-seed">${t('clusters.seed')}</label>
        <input id="clusters-seed" type="number" min="0" .value=${String(this.seed)} @change=${(e: Event) => (this.seed = Math.max(0, Math.round(Number((e.target as HTMLInputElement).value) || 0)))} />
      </div>
      <fieldset class="features">
        <legend>${t('clusters.features')}</legend>
        ${FEATURE_CHOICES.filter((f) => f.id.startsWith('rfm.') || f.id.startsWith('profile.')).map((f) => {
          const on = this.features.some((x) => columnOf(x) === f.id);
          return html`<label class="chip"><input type="checkbox" .checked=${on} @change=${(e: Event) => this.#toggleFeature(f.id, (e.target as HTMLInputElement).checked)} />${featureLabel(f.id, this.#locale.locale)}</label>`;
        })}
      </fieldset>
      <button type="submit" class="btn btn--primary" data-testid="run" ?disabled=${this.busy}>${t('clusters.run')}</button>
      ${this.busy
        ? html`<span class="progress" data-testid="progress" role="status">
            <progress max=${this.work?.total ?? 1} .value=${this.work?.done ?? 0}></progress>
            ${this.work ? t('clusters.progress', { done: this.work.done, total: this.work.total }) : t('clusters.loading')}
            <button type="button" class="btn btn--small" data-testid="cancel" @click=${this.#cancel}>${t('clusters.cancel')}</button>
          </span>`
        : nothing}
    </form>`;
  }

  #renderResult(s: ClustersSummary, locale: Locale) {
    const money = (c: number) => formatMoney(c, this.context?.currency ?? '', locale);
    const maxAbs = Math.max(1, ...s.clusters.flatMap((c) => c.z.map(Math.abs)));
    return html`<section class="card" data-testid="clusters-summary">
        <p class="headline" data-testid="found">${t('clusters.found', { k: s.k, customers: formatCount(s.customers, locale) })}</p>
        ${s.automatic ? html`<p class="muted">${t('clusters.automatic')}</p>` : nothing}
        ${s.left_out ? html`<p class="muted">${t('clusters.leftOut', { count: formatCount(s.left_out, locale) })}</p>` : nothing}
        ${s.silhouette !== null
          ? html`<p data-testid="silhouette">${t('clusters.silhouette', { value: formatDecimal(s.silhouette, locale, 3), sample: formatCount(s.silhouette_sample, locale) })}</p>`
          : nothing}
        ${s.inertia !== null ? html`<p class="muted">${t('clusters.inertia', { value: formatDecimal(s.inertia, locale, 1) })}</p>` : nothing}
        ${s.mixture
          ? html`<p class="muted">${t('clusters.mixture', { ll: formatDecimal(s.mixture.mean_log_likelihood, locale, 3), bic: formatDecimal(s.mixture.bic, locale, 1), iterations: s.mixture.iterations })}</p>`
          : nothing}
        ${s.dbscan
          ? html`<p class="muted">${t('clusters.dbscan', {
              eps: formatDecimal(s.dbscan.eps, locale, 3),
              suggested: s.dbscan.eps_suggested === null ? '—' : formatDecimal(s.dbscan.eps_suggested, locale, 3),
              min: s.dbscan.min_samples,
              noise: formatCount(s.dbscan.noise, locale),
              sample: formatCount(s.dbscan.sample, locale),
            })}</p>`
          : nothing}
      </section>
      <div class="charts">
        <section class="card">
          <div class="card__head"><h3>${s.dbscan ? t('clusters.kdistance') : t('clusters.curve')}</h3></div>
          <p class="muted">${s.dbscan ? t('clusters.kdistance.hint') : t('clusters.curve.hint')}</p>
          <div class="curve chart" role="img" aria-label=${s.dbscan ? t('clusters.kdistance') : t('clusters.curve')}></div>
        </section>
        <section class="card">
          <div class="card__head"><h3>${t('clusters.map')}</h3></div>
          <p class="muted" data-testid="map-sample">${t('clusters.map.sample', { sample: formatCount(s.map.sample, locale), customers: formatCount(s.customers, locale) })}</p>
          <div class="map chart" data-testid="map" role="img" aria-label=${t('clusters.map')}></div>
        </section>
      </div>
      <div class="cluster-cards" data-testid="cluster-cards">
        ${s.clusters.map(
          (c) => html`<article class="card cluster" data-testid="cluster" data-number=${c.number}>
            <h3><i class="swatch" style=${styleMap({ background: colour(c.number) })}></i>${c.number === 0 ? t('clusters.noise') : t('clusters.cluster', { number: c.number })}</h3>
            <p class="words" data-testid="words">${describeCluster(c, locale)}</p>
            <p>${t('clusters.size', { count: formatCount(c.customers, locale), share: formatPercent(c.share, locale) })}</p>
            <p>${t('clusters.revenue', { amount: money(c.revenue_cents), share: formatPercent(c.revenue_share, locale) })}</p>
            <div class="bars" role="list" aria-label=${t('clusters.profile')}>
              ${s.features.map((f, j) => {
                const z = c.z[j] ?? 0;
                const width = `${(Math.abs(z) / maxAbs) * 50}%`;
                return html`<div class="bar" role="listitem">
                  <span class="bar__name">${featureLabel(f.column, locale)}</span>
                  <span class="bar__track"><span class=${z < 0 ? 'bar__fill bar__fill--neg' : 'bar__fill'} style=${styleMap(z < 0 ? { width, right: '50%' } : { width, left: '50%' })}></span></span>
                  <span class="bar__value">${formatDecimal(z, locale, 2)}</span>
                </div>`;
              })}
            </div>
            <div class="actions">
              <a class="btn btn--small" data-testid="to-audience" href=${`#/segments/audience?rule=${encodeURIComponent(clusterRule(c.number))}`}>${t('clusters.audience')}</a>
              <button type="button" class="btn btn--small" data-testid="download" @click=${() => this.#download(c.number, 'csv')}>${t('clusters.download')}</button>
              <button type="button" class="btn btn--small" data-testid="download-xlsx" @click=${() => this.#download(c.number, 'xlsx')}>${t('clusters.downloadXlsx')}</button>
            </div>
          </article>`,
        )}
      </div>`;
  }

  #curveOption(s: ClustersSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const base = { textStyle: { fontFamily: theme.font }, grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true }, tooltip: { trigger: 'axis' } };
    if (s.dbscan) {
      const d = s.dbscan;
      return {
        ...base,
        xAxis: { type: 'category', data: d.k_distance.map((_, i) => String(i + 1)), axisLabel: { show: false } },
        yAxis: { type: 'value', axisLabel: { color: theme.muted } },
        series: [{ type: 'line', data: d.k_distance, showSymbol: false, color: theme.accent, markLine: { symbol: 'none', data: [{ yAxis: d.eps, name: 'eps' }], label: { formatter: `eps ${formatDecimal(d.eps, locale, 3)}` } } }],
      };
    }
    const ks = s.curve.map((p) => String(p.k));
    const chosen = { symbol: 'none', data: [{ xAxis: String(s.k) }], label: { formatter: `k = ${s.k}` } };
    const mixture = s.method === 'gmm';
    return {
      ...base,
      legend: { top: 0, right: 0, textStyle: { color: theme.muted } },
      // the axis name under the middle: at the end it runs into the right axis's labels
      grid: { ...base.grid, bottom: 24 },
      xAxis: { type: 'category', data: ks, name: 'k', nameLocation: 'middle', nameGap: 24 },
      yAxis: [
        { type: 'value', scale: true, axisLabel: { color: theme.muted } },
        { type: 'value', scale: true, axisLabel: { color: theme.muted }, splitLine: { show: false } },
      ],
      series: mixture
        ? [{ name: t('clusters.curve.bic'), type: 'line', data: s.curve.map((p) => p.bic), color: theme.accent, markLine: chosen }]
        : [
            { name: t('clusters.curve.inertia'), type: 'line', data: s.curve.map((p) => p.inertia), color: theme.accent, markLine: chosen },
            { name: t('clusters.curve.silhouette'), type: 'line', yAxisIndex: 1, data: s.curve.map((p) => p.silhouette), color: theme.second },
          ],
    };
  }

  #mapOption(s: ClustersSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const numbers = [...new Set(s.map.cluster)].sort((a, b) => a - b);
    const axis = (n: number) => t('clusters.map.axis', { n, share: formatPercent(s.map.explained[n - 1] ?? 0, locale) });
    return {
      textStyle: { fontFamily: theme.font },
      animation: false,
      grid: { left: 8, right: 8, top: 32, bottom: 24, containLabel: true },
      legend: { top: 0, right: 0, textStyle: { color: theme.muted } },
      xAxis: { type: 'value', name: axis(1), nameLocation: 'middle', nameGap: 24, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      yAxis: { type: 'value', name: axis(2), axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: numbers.map((n) => ({
        name: n === 0 ? t('clusters.noise') : t('clusters.cluster', { number: n }),
        type: 'scatter',
        symbolSize: 3,
        large: true,
        color: colour(n),
        data: s.map.x.flatMap((x, i) => (s.map.cluster[i] === n ? [[x, s.map.y[i]]] : [])),
      })),
    };
  }
}

/** A cluster's colour: the chart tokens in turn, grey for noise. */
export function colour(number: number): string {
  if (number === 0) return 'var(--portrait-color-text-subtle, #9aa1a9)';
  const palette = ['#2852c8', '#e07b39', '#2a9d8f', '#c2457a', '#7b61c9', '#8a9a2c', '#d4a017', '#3b8fd4', '#b5523b', '#5d6d7e'];
  return palette[(number - 1) % palette.length]!;
}

if (!customElements.get('portrait-clusters')) customElements.define('portrait-clusters', PortraitClusters);
