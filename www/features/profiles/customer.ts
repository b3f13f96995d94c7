import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Portrait } from '../../api/portrait.js';
import { DEFAULTS, type Cell, type ColumnId, type CustomerCard, type FeatureMedian, type RecommendSummary } from '../../api/types.js';
import { PortraitError } from '../../api/errors.js';
import { base } from '../../elements/shared.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { coreText, hasCoreText, LocaleController } from '../../i18n/index.js';
import { customerStyles } from './customer.styles.js';
import { t } from './messages.js';
import { definition, formatCell, GROUPS, label, type GroupId } from './columns.js';
import { cardText, label as productLabel, reason } from '../recommendations/reasons.js';

type Key = Parameters<typeof t>[0];

/** A tag as the card names it: a built-in tag by its name (a core code), a rule tag as written. */
export function tagLabel(tag: string): string {
  const code = `tags.tag.${tag}`;
  return hasCoreText(code) ? coreText({ code }) : tag;
}

/** The customer's row: every portrait feature, the stage, the RFM scores and the tags. */
const CARD_COLUMNS = [
  ...Object.values(GROUPS).flat(),
  'lifecycle.stage',
  'rfm.segment',
  'rfm.r_score',
  'rfm.f_score',
  'rfm.m_score',
  'tags.tags',
] as ColumnId[];

/** The customer's predictions (the lifetime-value analysis's columns), fetched on their own: a
 * shop too small to predict still gets the rest of the card. */
const PREDICTION_COLUMNS = [
  'clv.p_alive',
  'clv.purchase_probability',
  'clv.expected_purchases',
  'clv.expected_order_value_cents',
  'clv.lifetime_value_cents',
  'clv.next_purchase',
  'clv.next_purchase_early',
  'clv.next_purchase_late',
] as ColumnId[];

/** The customer's propensity score (churn risk, or purchase chance when the last fit's target
 * was a purchase) and its tenth, fetched on their own like the predictions. */
const PROPENSITY_COLUMNS = ['propensity.churn_risk', 'propensity.purchase_chance', 'propensity.decile'] as ColumnId[];

/** The user asked to leave the card (back to the table). */
export class PortraitCardCloseEvent extends Event {
  static readonly type = 'portrait-card-close';
  constructor() {
    super(PortraitCardCloseEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * @summary One customer's portrait: stage, RFM segment and scores, tags, every profile
 * feature beside the shop's median, spend by category and channel, and every order, newest
 * first. The row comes from the customer table, the orders from `run('customer_card', {id})`.
 *
 * @event portrait-card-close - `PortraitCardCloseEvent`: the user went back to the table.
 */
export class PortraitCustomer extends LitElement {
  static override styles = [base, viewStyles, customerStyles];

  /** The worker façade. */
  @property({ attribute: false }) portrait: Portrait | null = null;
  /** The customer id. */
  @property({ attribute: 'customer-id' }) customerId = '';
  /** ISO 4217 code to format money with. */
  @property() currency = '';
  /** The shop's medians (the profile's summary). */
  @property({ attribute: false }) medians: FeatureMedian[] = [];
  /** Changes whenever the data or the filter changes. */
  @property({ type: Number }) generation = 0;

  @state() private card: CustomerCard | null = null;
  @state() private row: Record<string, Cell> | null = null;
  @state() private failed = '';
  @state() private predicted: Record<string, Cell> | null = null;
  /** Why there are no predictions (the analysis's message), when there are none. */
  @state() private unpredicted: { code: string; params: Record<string, unknown> } | null = null;
  /** The propensity columns' row; null when the shop cannot support the models. */
  @state() private propensity: Record<string, Cell> | null = null;
  /** The customer's recommendations (the default method's list); null when there are none. */
  @state() private recs: RecommendSummary | null = null;

  #locale = new LocaleController(this);
  #seq = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') || changed.has('portrait') || changed.has('generation')) void this.#load();
  }

  async #load(): Promise<void> {
    const p = this.portrait;
    const id = this.customerId;
    if (!p || !id) return;
    const seq = ++this.#seq;
    this.card = null;
    this.recs = null;
    this.failed = '';
    try {
      const [card, page] = await Promise.all([
        p.run('customer_card', { id }),
        p.table({ columns: CARD_COLUMNS, search: id, limit: 1000 }),
      ]);
      if (seq !== this.#seq) return;
      this.card = card;
      this.row = page.rows.find((r) => r.customer_id === id) ?? null;
    } catch (e) {
      if (seq === this.#seq) this.failed = e instanceof Error ? e.message : String(e);
    }
    try {
      const page = await p.table({ columns: PREDICTION_COLUMNS, search: id, limit: 1000 });
      if (seq !== this.#seq) return;
      this.predicted = page.rows.find((r) => r.customer_id === id) ?? null;
      this.unpredicted = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      const err = PortraitError.from(e);
      this.predicted = null;
      this.unpredicted = { code: err.code, params: { ...err.params } };
    }
    try {
      const page = await p.table({ columns: PROPENSITY_COLUMNS, search: id, limit: 1000 });
      if (seq !== this.#seq) return;
      this.propensity = page.rows.find((r) => r.customer_id === id) ?? null;
    } catch {
      // a shop too small for the propensity models: the card says nothing of them
      if (seq === this.#seq) this.propensity = null;
    }
    try {
      const recs = await p.run('recommend', { customer: id });
      if (seq === this.#seq) this.recs = recs;
    } catch {
      // no purchases with products in the data: the card has no recommendations
      if (seq === this.#seq) this.recs = null;
    }
  }

  /** The customer's next products by the default method, each with its reason. */
  #renderRecommendations() {
    const s = this.recs;
    const list = s?.customer;
    if (!s || !list) return nothing;
    return html`<div class="card" data-testid="card-recommendations">
      <h3>${cardText.title()} <span class="muted">${cardText.method(s.method)}</span></h3>
      ${list.items.length
        ? html`<ol class="recs">
            ${list.items.map((r) => html`<li><span>${productLabel(r.product, s.names)}</span> <span class="muted">${reason(r, s.names)}</span></li>`)}
          </ol>`
        : html`<p class="muted">${cardText.none()}</p>`}
    </div>`;
  }

  /** The propensity score's row of the predictions, if the customer has a score. */
  #renderRisk(locale: Locale) {
    const p = this.propensity;
    if (!p) return nothing;
    const churn = p['propensity.churn_risk'];
    const buy = p['propensity.purchase_chance'];
    const score = typeof churn === 'number' ? churn : typeof buy === 'number' ? buy : null;
    if (score === null) return nothing;
    const decile = p['propensity.decile'];
    const days = DEFAULTS.analyses.propensity.horizon_days;
    return html`<div>
      <dt>${t(typeof churn === 'number' ? 'profiles.card.churnRisk' : 'profiles.card.purchaseChance', { days })}</dt>
      <dd data-testid="card-churn">${formatPercent(score, locale)}${typeof decile === 'number' ? html` <span class="muted">· ${t('profiles.card.decile', { decile })}</span>` : nothing}</dd>
    </div>`;
  }

  #value(id: string): Cell | undefined {
    return this.row?.[id];
  }

  /** The features shown: the profile's always, the joined groups when the customer has a value in them. */
  #features(): string[] {
    return (Object.entries(GROUPS) as [GroupId, readonly string[]][]).flatMap(([group, ids]) => {
      const joined = group === 'basic' || group === 'behaviour';
      return joined && !ids.some((id) => this.#value(id) !== null && this.#value(id) !== undefined) ? [] : [...ids];
    });
  }

  override render() {
    const locale = this.#locale.locale;
    const back = html`<button type="button" class="btn btn--small btn--ghost" data-action="close-card" @click=${() => this.dispatchEvent(new PortraitCardCloseEvent())}>
      ${t('profiles.card.back')}
    </button>`;
    if (this.failed) return html`<div class="card" role="alert">${back}<p>${this.failed}</p></div>`;
    const c = this.card;
    if (!c) return html`<div class="card" aria-busy="true" aria-label=${t('profiles.card.loading')}><span class="skeleton" style="display:block;height:240px"></span></div>`;
    const r = this.row ?? {};
    const stage = r['lifecycle.stage'];
    const segment = r['rfm.segment'];
    const tags = typeof r['tags.tags'] === 'string' ? (r['tags.tags'] as string).split(', ') : [];
    const money = (cents: number) => formatMoney(cents, this.currency, locale);
    return html`
      <div class="card head" data-testid="customer-card">
        <div>
          ${back}
          <h2>${t('profiles.card.title', { id: c.customer_id })}</h2>
          <div class="pills">
            ${typeof stage === 'string' ? html`<span class="pill" data-testid="card-stage">${t(`profiles.stage.${stage}` as Key)}</span>` : nothing}
            ${typeof segment === 'string'
              ? html`<span class="pill" data-testid="card-segment">${t(`profiles.segment.${segment}` as Key)} · R${r['rfm.r_score']} F${r['rfm.f_score']} M${r['rfm.m_score']}</span>`
              : nothing}
            ${(['demographics.name', 'demographics.phone', 'demographics.email'] as const).map((id) =>
              typeof r[id] === 'string' ? html`<span class="pill pill--quiet" data-testid=${`card-${id.split('.')[1]}`} title=${definition(id)}>${r[id]}</span>` : nothing,
            )}
          </div>
        </div>
        <p class="muted">${t('profiles.card.orders', { count: formatCount(c.orders.length, locale) })}</p>
      </div>
      ${tags.length
        ? html`<div class="card">
            <h3>${t('profiles.card.tags')}</h3>
            <ul class="tags" data-testid="card-tags">
              ${tags.map((x) => html`<li data-tag=${x}>${tagLabel(x)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.#renderPredictions(locale)}
      ${this.#renderRecommendations()}
      <div class="card">
        <h3>${t('profiles.card.features')}</h3>
        <div class="table-wrap">
          <table data-testid="card-features">
            <thead>
              <tr>
                <th scope="col">${t('profiles.card.feature')}</th>
                <th scope="col" class="num">${t('profiles.card.value')}</th>
                <th scope="col" class="num">${t('profiles.card.median')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.#features().map((f) => {
                  const median = this.medians.find((m) => `profile.${m.feature}` === f);
                  return html`<tr data-feature=${f} title=${definition(f)}>
                    <th scope="row">${label(f)}</th>
                    <td class="num">${formatCell(f, this.#value(f), this.currency, locale)}</td>
                    <td class="num muted">${median ? formatCell(f, median.median, this.currency, locale) : ''}</td>
                  </tr>`;
                })}
            </tbody>
          </table>
        </div>
      </div>
      ${this.#renderSpend(t('profiles.card.categories'), c.categories, locale)} ${this.#renderSpend(t('profiles.card.brands'), c.brands, locale)}
      ${this.#renderSpend(t('profiles.card.channels'), c.channels, locale)}
      <div class="card">
        <h3>${t('profiles.card.timeline')}</h3>
        <ol class="timeline" data-testid="card-orders">
          ${c.orders.map(
            (o) => html`<li class=${o.is_return ? 'return' : ''}>
              <span class="when">${o.time.replace('T', ' ').slice(0, 16)}</span>
              <span class="what"
                ><strong>${o.order_id}</strong> · ${t('profiles.card.lines', { count: o.lines })}${o.is_return ? html` · ${t('profiles.card.return')}` : nothing}<br /><span class="muted"
                  >${o.products.join(' · ')}</span
                ></span
              >
              <span class="num">${money(o.value_cents)}</span>
            </li>`,
          )}
        </ol>
      </div>
    `;
  }

  #renderPredictions(locale: Locale) {
    if (this.unpredicted) {
      return html`<div class="card" data-testid="card-predictions">
        <h3>${t('profiles.card.predictions')}</h3>
        <p class="muted">${coreText(this.unpredicted as never, locale)}</p>
        ${this.propensity ? html`<dl class="predictions">${this.#renderRisk(locale)}</dl>` : nothing}
      </div>`;
    }
    const p = this.predicted;
    if (!p || typeof p['clv.p_alive'] !== 'number') return nothing;
    const share = (id: string) => (typeof p[id] === 'number' ? formatPercent(p[id] as number, locale) : '—');
    const money = (id: string) => (typeof p[id] === 'number' ? formatMoney(p[id] as number, this.currency, locale) : '—');
    const day = (id: string) => (typeof p[id] === 'string' ? formatDate(p[id] as string, locale) : null);
    const next = day('clv.next_purchase');
    const early = day('clv.next_purchase_early');
    const late = day('clv.next_purchase_late');
    const horizon = DEFAULTS.analyses.clv.horizon_days;
    return html`<div class="card" data-testid="card-predictions">
      <h3>${t('profiles.card.predictions')}</h3>
      <dl class="predictions">
        <div><dt>${t('profiles.card.alive')}</dt><dd data-testid="card-alive">${share('clv.p_alive')}</dd></div>
        <div><dt>${t('profiles.card.buySoon', { days: horizon })}</dt><dd>${share('clv.purchase_probability')}</dd></div>
        <div><dt>${t('profiles.card.expected', { days: horizon })}</dt><dd>${formatDecimal(p['clv.expected_purchases'] as number, locale, 2)}</dd></div>
        <div><dt>${t('profiles.card.orderValue')}</dt><dd>${money('clv.expected_order_value_cents')}</dd></div>
        <div><dt>${t('profiles.card.clv', { days: horizon })}</dt><dd data-testid="card-clv">${money('clv.lifetime_value_cents')}</dd></div>
        <div>
          <dt>${t('profiles.card.next')}</dt>
          <dd data-testid="card-next">${next
            ? t('profiles.card.nextAround', { date: next, early: early ?? '—', late: late ?? t('profiles.card.nextLater') })
            : t('profiles.card.nextNone')}</dd>
        </div>
        ${this.#renderRisk(locale)}
      </dl>
      <p class="muted">${t('profiles.card.predictionsHint')}</p>
    </div>`;
  }

  #renderSpend(title: string, spend: CustomerCard['categories'], locale: Locale) {
    if (spend.length === 0) return nothing;
    return html`<div class="card">
      <h3>${title}</h3>
      <ul class="spend">
        ${spend.slice(0, 8).map(
          (s) => html`<li>
            <span class="name" title=${s.name}>${s.name}</span>
            <span class="bar"><i style=${`width:${Math.max(2, Math.round(s.share * 100))}%`}></i></span>
            <span class="num">${formatMoney(s.value_cents, this.currency, locale)} · ${formatPercent(s.share, locale)}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }
}

if (!customElements.get('portrait-customer')) customElements.define('portrait-customer', PortraitCustomer);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-customer': PortraitCustomer;
  }
  interface HTMLElementEventMap {
    'portrait-card-close': PortraitCardCloseEvent;
  }
}
