import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { DEFAULTS, type ClvSummary, type Estimate, type FittedModel } from '../../api/types.js';
import { PortraitError } from '../../api/errors.js';
import { ChartSlot, chartTheme, type ChartOption } from '../../charts/chart.js';
import { base } from '../../elements/shared.styles.js';
import { figureStyles } from '../../elements/figures.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './clv.styles.js';
import { t } from './messages.js';

type Model = 'bgnbd' | 'pareto';
type Unit = 'day' | 'week';

/** The audiences the view offers, as rules of the customer table's clv columns. */
export const AUDIENCES = {
  atRisk: 'clv.p_alive < 0.3',
  buyers: 'clv.purchase_probability >= 0.5',
} as const;

/** A number with its interval, if it has one, in the current language. */
export function withInterval(e: Estimate, format: (x: number) => string): { value: string; interval: string | null } {
  return {
    value: format(e.value),
    interval: e.low !== null && e.high !== null ? t('clv.kpi.interval', { low: format(e.low), high: format(e.high) }) : null,
  };
}

/** A parameter's name as the papers write it. */
export function symbol(name: string): string {
  return ({ alpha: 'α', beta: 'β' } as Record<string, string>)[name] ?? name;
}

/**
 * @summary Customer lifetime value (客户生命周期价值): BG/NBD or Pareto/NBD repeat purchases
 * and Gamma-Gamma order values fitted on the shop's own customers — P(alive), expected
 * purchases and value over a horizon, with 95 % intervals, the fitted parameters and their
 * standard errors, and the check on a held-out period (predicted vs actual by calibration
 * frequency, cumulative repeat purchases). Data that cannot support a prediction gets a
 * plain reason instead of numbers.
 *
 * The fit is `run('clv', params)` in the worker.
 */
export class PortraitClv extends FeatureView {
  static override styles = [base, viewStyles, figureStyles, styles];

  @state() private summary: ClvSummary | null = null;
  @state() private failed: { code: string; params: Record<string, unknown>; message: string } | null = null;
  @state() private busy = false;
  @state() private model: Model = DEFAULTS.analyses.clv.model as Model;
  @state() private unit: Unit = DEFAULTS.analyses.clv.unit as Unit;
  @state() private horizon: number = DEFAULTS.analyses.clv.horizon_days;
  @state() private discount: number = DEFAULTS.analyses.clv.discount_monthly;
  @state() private calibration = '';

  @query('.by-frequency') private byFrequencyEl?: HTMLElement;
  @query('.cumulative') private cumulativeEl?: HTMLElement;
  @query('.alive') private aliveEl?: HTMLElement;

  #locale = new LocaleController(this);
  #seq = 0;
  #byFrequency = new ChartSlot();
  #cumulative = new ChartSlot();
  #alive = new ChartSlot();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const c of [this.#byFrequency, this.#cumulative, this.#alive]) c.dispose();
  }

  #params() {
    return {
      model: this.model,
      unit: this.unit,
      horizon_days: this.horizon,
      discount_monthly: this.discount,
      ...(this.calibration ? { calibration_end: this.calibration } : {}),
    };
  }

  override exportRequest() {
    return { analysis: 'clv', params: this.#params() };
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
      const summary = await this.portrait.run('clv', this.#params());
      if (seq !== this.#seq) return;
      this.summary = summary;
      if (!this.calibration && summary.validation) this.calibration = summary.validation.calibration_end;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:clv')));
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
    const v = s?.validation ?? null;
    const locale = this.#locale.locale;
    this.#byFrequency.draw(this.byFrequencyEl ?? null, v ? () => this.#byFrequencyOption(s!, locale) : null);
    this.#cumulative.draw(this.cumulativeEl ?? null, v ? () => this.#cumulativeOption(s!, locale) : null);
    this.#alive.draw(this.aliveEl ?? null, s ? () => this.#aliveOption(s, locale) : null);
  }

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('clv.title')}</h2></div>
        <p class="muted">${t('clv.intro')}</p>
        ${this.#renderControls()}
      </section>
      ${this.failed
        ? html`<div class="card" role="alert" data-testid="clv-failed">
            <p>${t('clv.failed')}</p>
            <p class="muted">${coreText({ code: this.failed.code, params: this.failed.params as never }, locale) || this.failed.message}</p>
          </div>`
        : !this.summary
          ? html`<section class="card" aria-busy="true" aria-label=${t('clv.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`
          : this.#renderResult(this.summary, locale)}`;
  }

  #renderControls() {
    const [hMin, hMax] = DEFAULTS.limits.clv.horizon_days;
    return html`<form class="controls" @submit=${(e: Event) => (e.preventDefault(), void this.#fit())}>
      <div class="field">
        <label for="clv-model">${t('clv.model')}</label>
        <select id="clv-model" data-testid="model" @change=${(e: Event) => (this.model = (e.target as HTMLSelectElement).value as Model)}>
          ${(['bgnbd', 'pareto'] as const).map((m) => html`<option value=${m} ?selected=${this.model === m}>${t(`clv.model.${m}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="clv-unit">${t('clv.unit')}</label>
        <select id="clv-unit" @change=${(e: Event) => (this.unit = (e.target as HTMLSelectElement).value as Unit)}>
          ${(['day', 'week'] as const).map((u) => html`<option value=${u} ?selected=${this.unit === u}>${t(`clv.unit.${u}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="clv-horizon">${t('clv.horizon')}</label>
        <input id="clv-horizon" data-testid="horizon" type="number" min=${hMin} max=${hMax} .value=${String(this.horizon)}
          @change=${(e: Event) => (this.horizon = Math.min(hMax, Math.max(hMin, Math.round(Number((e.target as HTMLInputElement).value) || hMin))))} />
      </div>
      <div class="field">
        <label for="clv-discount">${t('clv.discount')}</label>
        <input id="clv-discount" type="number" min="0" max="50" step="0.1" .value=${String(Math.round(this.discount * 1000) / 10)}
          @change=${(e: Event) => (this.discount = Math.min(0.5, Math.max(0, (Number((e.target as HTMLInputElement).value) || 0) / 100)))} />
      </div>
      <div class="field">
        <label for="clv-calibration">${t('clv.calibration')}</label>
        <input id="clv-calibration" data-testid="calibration" type="date" .value=${this.calibration}
          @change=${(e: Event) => (this.calibration = (e.target as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="btn btn--primary" data-testid="run" ?disabled=${this.busy}>${t('clv.run')}</button>
      ${this.busy ? html`<span class="muted" role="status">${t('clv.loading')}</span>` : nothing}
    </form>`;
  }

  #renderResult(s: ClvSummary, locale: Locale) {
    const money = (units: number) => formatMoney(Math.round(units * 100), this.context?.currency ?? '', locale);
    const count = (x: number) => formatDecimal(x, locale, 0);
    const purchases = withInterval(s.expected_purchases, count);
    const value = s.lifetime_value ? withInterval(s.lifetime_value, money) : null;
    const v = s.validation;
    return html`<section class="card" data-testid="clv-summary">
        <div class="kpis">
          <div class="kpi"><span class="kpi__label">${t('clv.kpi.customers')}</span><span class="kpi__value" data-testid="customers">${formatCount(s.customers, locale)}</span></div>
          <div class="kpi"><span class="kpi__label">${t('clv.kpi.repeat')}</span><span class="kpi__value">${formatCount(s.repeat_buyers, locale)}</span></div>
          <div class="kpi">
            <span class="kpi__label">${t('clv.kpi.alive')}</span>
            <span class="kpi__value" data-testid="alive">${formatCount(s.likely_alive, locale)}</span>
            <span class="kpi__note">${formatPercent(s.likely_alive / Math.max(1, s.customers), locale)}</span>
          </div>
          <div class="kpi">
            <span class="kpi__label">${t('clv.kpi.purchases', { days: s.horizon_days })}</span>
            <span class="kpi__value" data-testid="purchases">${purchases.value}</span>
            ${purchases.interval ? html`<span class="kpi__note">${purchases.interval}</span>` : nothing}
          </div>
          <div class="kpi">
            <span class="kpi__label">${t('clv.kpi.value', { days: s.horizon_days })}</span>
            <span class="kpi__value" data-testid="value">${value ? value.value : t('clv.kpi.noValue')}</span>
            ${value?.interval ? html`<span class="kpi__note">${value.interval}</span>` : nothing}
          </div>
        </div>
        ${[s.value_problem, s.validation_problem, ...s.notes]
          .filter((m) => m !== null)
          .map((m) => html`<p class="note" data-testid="note">${coreText(m!, locale)}</p>`)}
        <p class="muted">${t('clv.floor', { need: s.min_repeat_buyers })}</p>
        <div class="actions">
          ${(Object.keys(AUDIENCES) as (keyof typeof AUDIENCES)[]).map(
            (k) => html`<a class="btn btn--small" data-testid=${`audience-${k}`} title=${t('clv.audience.hint')}
              href=${`#/segments/audience?rule=${encodeURIComponent(AUDIENCES[k])}`}>${t(`clv.audience.${k}`)}</a>`,
          )}
        </div>
      </section>
      ${v
        ? html`<section class="card" data-testid="validation">
            <div class="card__head"><h3>${t('clv.validation')}</h3></div>
            <p>${t('clv.validation.summary', {
              end: formatDate(v.calibration_end, locale),
              days: v.holdout_days,
              predicted: formatDecimal(v.predicted, locale, 0),
              actual: formatDecimal(v.actual, locale, 0),
              mae: formatDecimal(v.mean_absolute_error, locale, 2),
            })}</p>
            <div class="charts">
              <div>
                <h4>${t('clv.byFrequency')}</h4>
                <div class="by-frequency chart" data-testid="by-frequency" role="img" aria-label=${t('clv.byFrequency')}></div>
              </div>
              <div>
                <h4>${t('clv.cumulative')}</h4>
                <div class="cumulative chart" data-testid="cumulative" role="img" aria-label=${t('clv.cumulative')}></div>
              </div>
            </div>
          </section>`
        : nothing}
      <div class="charts">
        <section class="card">
          <div class="card__head"><h3>${t('clv.alive')}</h3></div>
          <div class="alive chart" role="img" aria-label=${t('clv.alive')}></div>
        </section>
        <section class="card" data-testid="models">
          <div class="card__head"><h3>${t('clv.models')}</h3></div>
          <p class="muted">${t('clv.models.hint', { unit: t(`clv.per.${s.unit}`) })}</p>
          ${this.#modelsTable(s, locale)}
          ${s.frequency_value_correlation !== null
            ? html`<p class="muted">${t('clv.correlation', { r: formatDecimal(s.frequency_value_correlation, locale, 2) })}</p>`
            : nothing}
        </section>
      </div>`;
  }

  #modelsTable(s: ClvSummary, locale: Locale) {
    const fits: [FittedModel, string][] = [
      [s.purchases, t('clv.models.full')],
      ...(s.value ? ([[s.value, t('clv.models.full')]] as [FittedModel, string][]) : []),
      ...(s.validation ? ([[s.validation.fit, t('clv.models.calibration')]] as [FittedModel, string][]) : []),
    ];
    const name = (m: string) => (m === 'gamma_gamma' ? 'Gamma-Gamma' : t(`clv.model.${m as Model}`));
    return html`<table class="numbers">
      <thead><tr><th>${t('clv.models.model')}</th><th>${t('clv.models.parameter')}</th><th class="num">${t('clv.models.value')}</th><th class="num">${t('clv.models.se')}</th></tr></thead>
      <tbody>
        ${fits.map(([f, period]) =>
          f.parameters.map(
            (p, i) => html`<tr>
              ${i === 0 ? html`<td rowspan=${f.parameters.length}>${name(f.model)}<br /><span class="muted">${period}</span><br /><span class="muted">${t('clv.models.ll', { ll: formatDecimal(f.log_likelihood, locale, 2), customers: formatCount(f.customers, locale) })}</span></td>` : nothing}
              <td>${symbol(p.name)}</td>
              <td class="num">${estimate(p.value, locale)}</td>
              <td class="num">${p.standard_error === null ? '—' : estimate(p.standard_error, locale)}</td>
            </tr>`,
          ),
        )}
      </tbody>
    </table>`;
  }

  #frame(): ChartOption {
    const theme = chartTheme(this);
    return {
      textStyle: { fontFamily: theme.font },
      grid: { left: 8, right: 8, top: 32, bottom: 28, containLabel: true },
      legend: { top: 0, right: 0, textStyle: { color: theme.muted } },
      tooltip: { trigger: 'axis' },
    };
  }

  #byFrequencyOption(s: ClvSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const b = s.validation!.by_frequency;
    return {
      ...this.#frame(),
      xAxis: { type: 'category', data: b.map((x) => `${x.frequency}${x.or_more ? '+' : ''}`), name: t('clv.byFrequency.axis'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'value', axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: [
        { name: t('clv.actual'), type: 'bar', data: b.map((x) => x.actual), color: theme.accent },
        { name: t('clv.predicted'), type: 'line', data: b.map((x) => Number(x.predicted.toFixed(4))), color: theme.second },
      ],
      tooltip: { trigger: 'axis', valueFormatter: (x: unknown) => formatDecimal(Number(x), locale, 3) },
    };
  }

  #cumulativeOption(s: ClvSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const v = s.validation!;
    return {
      ...this.#frame(),
      xAxis: { type: 'category', data: v.cumulative.map((p) => p.date), axisLabel: { color: theme.muted } },
      yAxis: { type: 'value', axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: [
        {
          name: t('clv.actual'),
          type: 'line',
          showSymbol: false,
          data: v.cumulative.map((p) => p.actual),
          color: theme.accent,
          markLine: { symbol: 'none', data: [{ xAxis: nearest(v.cumulative.map((p) => p.date), v.calibration_end) }], label: { formatter: t('clv.calibrationEnd'), position: 'insideEndTop' } },
        },
        { name: t('clv.predicted'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: v.cumulative.map((p) => Math.round(p.predicted)), color: theme.second },
      ],
      tooltip: { trigger: 'axis', valueFormatter: (x: unknown) => formatDecimal(Number(x), locale, 0) },
    };
  }

  #aliveOption(s: ClvSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    return {
      ...this.#frame(),
      legend: { show: false },
      xAxis: { type: 'category', data: s.p_alive_bars.map((b) => `${formatDecimal(b.from, locale, 1)}–${formatDecimal(b.to, locale, 1)}`), axisLabel: { color: theme.muted } },
      yAxis: { type: 'value', name: t('clv.alive.axis'), axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: [{ type: 'bar', data: s.p_alive_bars.map((b) => b.customers), color: theme.accent }],
    };
  }
}

/** A fitted number: four decimals, or three significant digits in scientific form when small. */
export function estimate(x: number, locale: Locale): string {
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2) : formatDecimal(x, locale, 4);
}

/** The point of `dates` (ascending ISO days) at or just after `day`: the chart's category. */
export function nearest(dates: string[], day: string): string {
  return dates.find((d) => d >= day) ?? dates[dates.length - 1] ?? day;
}

if (!customElements.get('portrait-clv')) customElements.define('portrait-clv', PortraitClv);
