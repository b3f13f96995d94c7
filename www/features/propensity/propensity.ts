import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { DEFAULTS, type ModelReport, type Period, type PropensitySummary } from '../../api/types.js';
import { PortraitError } from '../../api/errors.js';
import { ChartSlot, chartTheme, type ChartOption } from '../../charts/chart.js';
import { base } from '../../elements/shared.styles.js';
import { figureStyles } from '../../elements/figures.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDate, formatDecimal, formatPercent, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './propensity.styles.js';
import { t } from './messages.js';

type Target = 'churn' | 'purchase';
type Model = 'logistic' | 'tree' | 'forest';
const MODELS: readonly Model[] = ['logistic', 'tree', 'forest'];

/** The customer-table column that holds a target's score. */
export function scoreColumn(target: Target): string {
  return target === 'churn' ? 'propensity.churn_risk' : 'propensity.purchase_chance';
}

/** The audiences the view offers for a target, as rules of the customer table's columns. */
export function audiences(target: Target): Record<'top' | 'half', string> {
  const column = scoreColumn(target);
  return {
    top: `propensity.decile == 1 and ${column} is not null`,
    half: `${column} >= 0.5`,
  };
}

/** A feature's name in the current language (its own name when the view has no label). */
export function featureLabel(name: string): string {
  const key = `propensity.feature.${name}` as Parameters<typeof t>[0];
  const label = t(key);
  return label === key ? name : label;
}

/** The model with the highest test ROC AUC (the first of equals). */
export function best(models: readonly ModelReport[]): Model | null {
  let top: ModelReport | null = null;
  for (const m of models) if (!top || m.roc_auc > top.roc_auc) top = m;
  return (top?.model as Model | undefined) ?? null;
}

/**
 * @summary Churn and purchase propensity (流失与购买倾向): logistic regression, a decision
 * tree and a random forest learn from one period of the shop's customers and are measured on
 * the next — ROC and precision-recall curves, gains, calibration, precision and recall at
 * thresholds, feature importances — and every customer is scored as of the last day, with
 * audiences such as the top 10 % churn risk.
 *
 * The fit is `run('propensity', params)` in the worker.
 */
export class PortraitPropensity extends FeatureView {
  static override styles = [base, viewStyles, figureStyles, styles];

  @state() private summary: PropensitySummary | null = null;
  @state() private failed: { code: string; params: Record<string, unknown>; message: string } | null = null;
  @state() private busy = false;
  @state() private target: Target = DEFAULTS.analyses.propensity.target as Target;
  @state() private category = '';
  @state() private horizon: number = DEFAULTS.analyses.propensity.horizon_days;
  @state() private cutoff = '';
  @state() private model: Model = DEFAULTS.analyses.propensity.model as Model;

  @query('.roc') private rocEl?: HTMLElement;
  @query('.gains') private gainsEl?: HTMLElement;
  @query('.calibration') private calibrationEl?: HTMLElement;
  @query('.pr') private prEl?: HTMLElement;
  @query('.importance') private importanceEl?: HTMLElement;
  @query('.scores') private scoresEl?: HTMLElement;

  #locale = new LocaleController(this);
  #seq = 0;
  #slots = {
    roc: new ChartSlot(),
    gains: new ChartSlot(),
    calibration: new ChartSlot(),
    pr: new ChartSlot(),
    importance: new ChartSlot(),
    scores: new ChartSlot(),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const c of Object.values(this.#slots)) c.dispose();
  }

  #params() {
    return {
      target: this.target,
      horizon_days: this.horizon,
      model: this.model,
      ...(this.target === 'purchase' && this.category ? { target_category: this.category } : {}),
      ...(this.cutoff ? { cutoff: this.cutoff } : {}),
    };
  }

  override exportRequest() {
    return { analysis: 'propensity', params: this.#params() };
  }

  protected async refresh(): Promise<void> {
    await this.#fit();
  }

  async #fit(): Promise<void> {
    if (!this.portrait) return;
    const seq = ++this.#seq;
    this.busy = true;
    this.failed = null;
    try {
      const summary = await this.portrait.run('propensity', this.#params());
      if (seq !== this.#seq) return;
      this.summary = summary;
      if (!this.cutoff) this.cutoff = summary.test.features_at;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:propensity')));
    } catch (e) {
      if (seq !== this.#seq) return;
      this.summary = null;
      const err = PortraitError.from(e);
      this.failed = { code: err.code, params: { ...err.params }, message: err.message };
    } finally {
      if (seq === this.#seq) this.busy = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.summary;
    const locale = this.#locale.locale;
    const m = s ? this.#scoring(s) : null;
    const draw = (slot: ChartSlot, el: HTMLElement | undefined, option: (() => ChartOption) | null) => slot.draw(el ?? null, option);
    draw(this.#slots.roc, this.rocEl, s ? () => this.#rocOption(s, locale) : null);
    draw(this.#slots.pr, this.prEl, s ? () => this.#prOption(s, locale) : null);
    draw(this.#slots.gains, this.gainsEl, m ? () => this.#gainsOption(m, locale) : null);
    draw(this.#slots.calibration, this.calibrationEl, m ? () => this.#calibrationOption(m, locale) : null);
    draw(this.#slots.importance, this.importanceEl, m ? () => this.#importanceOption(m, locale) : null);
    draw(this.#slots.scores, this.scoresEl, s ? () => this.#scoresOption(s, locale) : null);
  }

  #scoring(s: PropensitySummary): ModelReport | null {
    return s.models.find((m) => m.model === s.model) ?? null;
  }

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('propensity.title')}</h2></div>
        <p class="muted">${t('propensity.intro')}</p>
        ${this.#renderControls()}
      </section>
      ${this.failed
        ? html`<div class="card" role="alert" data-testid="propensity-failed">
            <p>${t('propensity.failed')}</p>
            <p class="muted">${coreText({ code: this.failed.code, params: this.failed.params as never }, locale) || this.failed.message}</p>
          </div>`
        : !this.summary
          ? html`<section class="card" aria-busy="true" aria-label=${t('propensity.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`
          : this.#renderResult(this.summary, locale)}`;
  }

  #categories(): string[] {
    const d = this.context?.facts.dimensions.find((x) => x.dimension === 'category');
    return d ? d.values.map((v) => v.value) : [];
  }

  #renderControls() {
    const [hMin, hMax] = DEFAULTS.limits.propensity.horizon_days;
    const categories = this.#categories();
    return html`<form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#fit())}>
      <div class="field">
        <label for="propensity-target">${t('propensity.target')}</label>
        <select id="propensity-target" data-testid="target" @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value as Target)}>
          ${(['churn', 'purchase'] as const).map((x) => html`<option value=${x} ?selected=${this.target === x}>${t(`propensity.target.${x}`)}</option>`)}
        </select>
      </div>
      ${this.target === 'purchase' && categories.length > 0
        ? html`<div class="field">
            <label for="propensity-category">${t('propensity.category')}</label>
            <select id="propensity-category" data-testid="category" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.category === ''}>${t('propensity.category.any')}</option>
              ${categories.map((c) => html`<option .value=${c} ?selected=${this.category === c}>${c}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="propensity-horizon">${t('propensity.horizon')}</label>
        <input id="propensity-horizon" data-testid="horizon" type="number" min=${hMin} max=${hMax} .value=${String(this.horizon)}
          @change=${(e: Event) => (this.horizon = Math.min(hMax, Math.max(hMin, Math.round(Number((e.target as HTMLInputElement).value) || hMin))))} />
      </div>
      <div class="field">
        <label for="propensity-cutoff">${t('propensity.cutoff')}</label>
        <input id="propensity-cutoff" data-testid="cutoff" type="date" .value=${this.cutoff}
          @change=${(e: Event) => (this.cutoff = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="propensity-model">${t('propensity.model')}</label>
        <select id="propensity-model" data-testid="model" @change=${(e: Event) => (this.model = (e.target as HTMLSelectElement).value as Model)}>
          ${MODELS.map((m) => html`<option value=${m} ?selected=${this.model === m}>${t(`propensity.model.${m}`)}</option>`)}
        </select>
      </div>
      <button type="submit" class="btn btn--primary" data-testid="run" ?disabled=${this.busy}>${t('propensity.run')}</button>
      ${this.busy ? html`<span class="muted" role="status">${t('propensity.loading')}</span>` : nothing}
    </form>`;
  }

  #renderResult(s: PropensitySummary, locale: Locale) {
    const m = this.#scoring(s);
    const target = s.target as Target;
    const rules = audiences(target);
    return html`<section class="card" data-testid="propensity-summary">
        <div class="kpis">
          <div class="kpi"><span class="kpi__label">${t('propensity.kpi.scored')}</span><span class="kpi__value" data-testid="scored">${formatCount(s.scored_customers, locale)}</span></div>
          <div class="kpi">
            <span class="kpi__label">${t(`propensity.kpi.expected.${target}`, { days: s.horizon_days })}</span>
            <span class="kpi__value" data-testid="expected">${formatDecimal(s.expected, locale, 0)}</span>
            <span class="kpi__note">${formatPercent(s.expected / Math.max(1, s.scored_customers), locale)}</span>
          </div>
          <div class="kpi"><span class="kpi__label">${t('propensity.kpi.top')}</span><span class="kpi__value" data-testid="top">${formatPercent(s.top_tenth_score, locale)}</span></div>
          ${m
            ? html`<div class="kpi">
                  <span class="kpi__label">${t('propensity.kpi.auc')}</span>
                  <span class="kpi__value" data-testid="auc">${formatDecimal(m.roc_auc, locale, 3)}</span>
                  <span class="kpi__note">${t('propensity.kpi.auc.note', { se: formatDecimal(m.roc_auc_se, locale, 3) })}</span>
                </div>
                <div class="kpi">
                  <span class="kpi__label">${t('propensity.kpi.lift')}</span>
                  <span class="kpi__value">${formatDecimal(m.lift_top_tenth, locale, 2)}×</span>
                  <span class="kpi__note">${t('propensity.kpi.lift.note')}</span>
                </div>`
            : nothing}
        </div>
        ${s.notes.map((n) => html`<p class="note" data-testid="note">${coreText(n, locale)}</p>`)}
        <div class="actions">
          ${(['top', 'half'] as const).map(
            (k) => html`<a class="btn btn--small" data-testid=${`audience-${k}`} title=${t('propensity.audience.hint')}
              href=${`#/segments/audience?rule=${encodeURIComponent(rules[k])}`}>${t(`propensity.audience.${k}.${target}`)}</a>`,
          )}
        </div>
      </section>
      <section class="card" data-testid="split">
        <div class="card__head"><h3>${t('propensity.split')}</h3></div>
        <dl class="split">
          <div><dt>${t('propensity.split.training')}</dt><dd>${this.#period(s.training, locale)}</dd></div>
          <div><dt>${t('propensity.split.test')}</dt><dd>${this.#period(s.test, locale)}</dd></div>
          <div><dt>${t('propensity.split.scored')}</dt><dd>${t('propensity.split.scoredAt', { date: formatDate(s.scored_at, locale), customers: formatCount(s.scored_customers, locale) })}</dd></div>
        </dl>
      </section>
      <section class="card" data-testid="compare">
        <div class="card__head"><h3>${t('propensity.compare')}</h3></div>
        <p class="muted">${t('propensity.compare.hint')}</p>
        ${this.#compareTable(s, locale)}
      </section>
      <div class="charts">
        <section class="card"><div class="card__head"><h3>${t('propensity.roc')}</h3></div><div class="roc chart" data-testid="roc" role="img" aria-label=${t('propensity.roc')}></div></section>
        <section class="card"><div class="card__head"><h3>${t('propensity.gains')}</h3></div><div class="gains chart" data-testid="gains" role="img" aria-label=${t('propensity.gains')}></div></section>
        <section class="card"><div class="card__head"><h3>${t('propensity.calibration')}</h3></div><div class="calibration chart" data-testid="calibration" role="img" aria-label=${t('propensity.calibration')}></div></section>
        <section class="card"><div class="card__head"><h3>${t('propensity.pr')}</h3></div><div class="pr chart" role="img" aria-label=${t('propensity.pr')}></div></section>
      </div>
      ${m
        ? html`<div class="charts">
            <section class="card" data-testid="importance">
              <div class="card__head"><h3>${t('propensity.importance', { model: t(`propensity.model.${m.model as Model}`) })}</h3></div>
              <p class="muted">${t(m.model === 'logistic' ? 'propensity.importance.hint.logistic' : 'propensity.importance.hint.tree')}</p>
              <div class="importance chart tall" role="img" aria-label=${t('propensity.importance', { model: t(`propensity.model.${m.model as Model}`) })}></div>
            </section>
            <section class="card" data-testid="thresholds">
              <div class="card__head"><h3>${t('propensity.thresholds')}</h3></div>
              ${this.#thresholdsTable(m, locale)}
              <h4>${t('propensity.scores')}</h4>
              <div class="scores chart" role="img" aria-label=${t('propensity.scores')}></div>
            </section>
          </div>`
        : nothing}
      <section class="card">
        <div class="card__head"><h3>${t('propensity.features')}</h3></div>
        <p class="muted">${t('propensity.features.hint')}</p>
        <ul class="features">
          ${s.features.map((f) => html`<li class=${f.used ? '' : 'unused'}><strong>${featureLabel(f.name)}</strong> <code>${f.name}</code>${f.used ? nothing : html` — <span class="muted">${t('propensity.features.unused')}</span>`}</li>`)}
        </ul>
      </section>`;
  }

  #period(p: Period, locale: Locale) {
    return t('propensity.split.period', {
      features: formatDate(p.features_at, locale),
      from: formatDate(p.labels_from, locale),
      to: formatDate(p.labels_to, locale),
      customers: formatCount(p.customers, locale),
      positives: formatCount(p.positives, locale),
      share: formatPercent(p.positives / Math.max(1, p.customers), locale),
    });
  }

  #compareTable(s: PropensitySummary, locale: Locale) {
    const d = (x: number, digits = 3) => formatDecimal(x, locale, digits);
    const top = best(s.models);
    const size = (m: ModelReport) =>
      m.model === 'logistic'
        ? t('propensity.compare.size.logistic', { steps: m.steps ?? 0 })
        : m.model === 'tree'
          ? t('propensity.compare.size.tree', { splits: d(m.splits ?? 0, 0) })
          : t('propensity.compare.size.forest', { trees: m.trees ?? 0, splits: d(m.splits ?? 0, 0) });
    const b = s.baseline;
    const testRate = s.test.positives / Math.max(1, s.test.customers);
    return html`<div class="table-wrap"><table class="numbers">
      <thead><tr>
        <th>${t('propensity.compare.model')}</th><th class="num">${t('propensity.compare.auc')}</th><th class="num">${t('propensity.compare.pr')}</th>
        <th class="num">${t('propensity.compare.brier')}</th><th class="num">${t('propensity.compare.logloss')}</th><th class="num">${t('propensity.compare.lift')}</th><th class="num">${t('propensity.compare.accuracy')}</th>
      </tr></thead>
      <tbody>
        ${s.models.map(
          (m) => html`<tr class=${m.model === s.model ? 'scoring' : ''} data-testid=${`compare-${m.model}`}>
            <td><strong>${t(`propensity.model.${m.model as Model}`)}</strong>${m.model === top ? ' ★' : nothing}<br /><span class="muted">${size(m)}${m.model === s.model ? html` · ${t('propensity.compare.scoring')}` : nothing}</span></td>
            <td class="num">${d(m.roc_auc)} <span class="muted">± ${d(m.roc_auc_se)}</span></td>
            <td class="num">${d(m.pr_auc)}</td>
            <td class="num">${d(m.brier, 4)}</td>
            <td class="num">${d(m.log_loss)}</td>
            <td class="num">${d(m.lift_top_tenth, 2)}×</td>
            <td class="num">${formatPercent(m.accuracy, locale)}</td>
          </tr>`,
        )}
        <tr class="baseline">
          <td>${t('propensity.compare.baseline', { rate: formatPercent(b.rate, locale) })}</td>
          <td class="num">${d(0.5)}</td><td class="num">${d(testRate)}</td><td class="num">${d(b.brier, 4)}</td><td class="num">${d(b.log_loss)}</td>
          <td class="num">${d(1, 2)}×</td><td class="num">${formatPercent(b.accuracy, locale)}</td>
        </tr>
      </tbody>
    </table></div>`;
  }

  #thresholdsTable(m: ModelReport, locale: Locale) {
    return html`<div class="table-wrap"><table class="numbers">
      <thead><tr><th class="num">${t('propensity.thresholds.score')}</th><th class="num">${t('propensity.thresholds.flagged')}</th><th class="num">${t('propensity.thresholds.precision')}</th><th class="num">${t('propensity.thresholds.recall')}</th></tr></thead>
      <tbody>
        ${m.at_thresholds.map(
          (x) => html`<tr>
            <td class="num">${formatPercent(x.threshold, locale)}</td><td class="num">${formatCount(x.flagged, locale)}</td>
            <td class="num">${x.precision === null ? '—' : formatPercent(x.precision, locale)}</td><td class="num">${formatPercent(x.recall, locale)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #frame(xName: string, yName: string): ChartOption {
    const theme = chartTheme(this);
    const axis = (name: string) => ({
      type: 'value',
      min: 0,
      max: 1,
      name,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.grid } },
    });
    return {
      textStyle: { fontFamily: theme.font },
      grid: { left: 12, right: 12, top: 32, bottom: 36, containLabel: true },
      legend: { top: 0, right: 0, textStyle: { color: theme.muted } },
      tooltip: { trigger: 'item' },
      xAxis: axis(xName),
      yAxis: axis(yName),
    };
  }

  #palette(): string[] {
    const theme = chartTheme(this);
    return [theme.second, '#7a5cc2', theme.accent];
  }

  #diagonal(name: string): Record<string, unknown> {
    const theme = chartTheme(this);
    return { name, type: 'line', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { type: 'dashed', color: theme.muted, width: 1 }, color: theme.muted, silent: true };
  }

  #rocOption(s: PropensitySummary, locale: Locale): ChartOption {
    const colours = this.#palette();
    return {
      ...this.#frame(t('propensity.roc.x'), t('propensity.roc.y')),
      series: [
        ...s.models.map((m, i) => ({
          name: `${t(`propensity.model.${m.model as Model}`)} ${formatDecimal(m.roc_auc, locale, 3)}`,
          type: 'line',
          showSymbol: false,
          data: m.roc.map((p) => [p.x, p.y]),
          color: colours[i % colours.length],
          lineStyle: { width: m.model === s.model ? 3 : 1.5 },
        })),
        this.#diagonal(t('propensity.chance')),
      ],
    };
  }

  #prOption(s: PropensitySummary, locale: Locale): ChartOption {
    const colours = this.#palette();
    return {
      ...this.#frame(t('propensity.pr.x'), t('propensity.pr.y')),
      series: s.models.map((m, i) => ({
        name: `${t(`propensity.model.${m.model as Model}`)} ${formatDecimal(m.pr_auc, locale, 3)}`,
        type: 'line',
        showSymbol: false,
        data: m.pr.map((p) => [p.x, p.y]),
        color: colours[i % colours.length],
        lineStyle: { width: m.model === s.model ? 3 : 1.5 },
      })),
    };
  }

  #gainsOption(m: ModelReport, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    return {
      ...this.#frame(t('propensity.gains.x'), ''),
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const i = (p as { dataIndex: number }).dataIndex - 1;
          const g = m.gains[i];
          return g ? `${formatPercent(g.share, locale)} → ${formatPercent(g.captured, locale)} · ${formatDecimal(g.lift, locale, 2)}×` : '';
        },
      },
      series: [
        { name: t(`propensity.model.${m.model as Model}`), type: 'line', data: [[0, 0], ...m.gains.map((g) => [g.share, g.captured])], color: theme.accent },
        this.#diagonal(t('propensity.chance')),
      ],
    };
  }

  #calibrationOption(m: ModelReport, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    return {
      ...this.#frame(t('propensity.calibration.x'), t('propensity.calibration.y')),
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const b = m.calibration[(p as { dataIndex: number }).dataIndex];
          return b ? `${formatPercent(b.low, locale)}–${formatPercent(b.high, locale)}: ${formatCount(b.customers, locale)} · ${formatPercent(b.predicted, locale)} → ${formatPercent(b.observed, locale)}` : '';
        },
      },
      series: [
        { name: t(`propensity.model.${m.model as Model}`), type: 'line', data: m.calibration.map((b) => [b.predicted, b.observed]), color: theme.accent, symbolSize: 8 },
        this.#diagonal(t('propensity.calibration.perfect')),
      ],
    };
  }

  #importanceOption(m: ModelReport, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const rows = [...m.importances].reverse();
    return {
      textStyle: { fontFamily: theme.font },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const r = rows[(p as { dataIndex: number }).dataIndex];
          if (!r) return '';
          const sign = r.coefficient === null ? '' : ` · ${r.coefficient >= 0 ? '+' : ''}${formatDecimal(r.coefficient, locale, 3)}`;
          return `${featureLabel(r.feature)}: ${formatPercent(r.importance, locale)}${sign}`;
        },
      },
      xAxis: { type: 'value', axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      yAxis: { type: 'category', data: rows.map((r) => featureLabel(r.feature)), axisLabel: { color: theme.muted } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.importance, itemStyle: { color: r.coefficient !== null && r.coefficient < 0 ? theme.second : theme.accent } })),
        },
      ],
    };
  }

  #scoresOption(s: PropensitySummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    return {
      textStyle: { fontFamily: theme.font },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: s.score_bins.map((b) => formatPercent(b.low, locale)), axisLabel: { color: theme.muted } },
      yAxis: { type: 'value', name: t('propensity.scores.axis'), axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: [{ type: 'bar', data: s.score_bins.map((b) => b.customers), color: theme.accent }],
    };
  }
}

if (!customElements.get('portrait-propensity')) customElements.define('portrait-propensity', PortraitPropensity);
