import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { DataFacts, DataFilter, Dimension, Input } from '../api/types.js';
import { base } from '../elements/shared.styles.js';
import { formatCount } from '../format/format.js';
import { LocaleController, t, type MessageKey } from '../i18n/index.js';

/** The dimensions the filter offers, when the data has them (`DataFilter`'s fields). */
const DIMENSIONS = ['channel', 'region', 'category'] as const satisfies readonly Dimension[];

/** The user changed the global filter. */
export class PortraitFilterEvent extends Event {
  static readonly type = 'portrait-filter';
  constructor(public readonly filter: Input<DataFilter>) {
    super(PortraitFilterEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'portrait-filter': PortraitFilterEvent;
  }
}

/**
 * @summary The global filter: a date range and, when the data has them, a channel, a region
 * and a category. Every view reads the filtered data (the worker builds it once).
 *
 * @event portrait-filter - `PortraitFilterEvent`: the filter changed.
 *
 * @csspart base - The bar.
 */
export class PortraitFilterBar extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--portrait-space-2) var(--portrait-space-4);
        padding: var(--portrait-space-3) var(--portrait-space-4);
        background: var(--portrait-color-surface);
        border: 1px solid var(--portrait-color-border);
        border-radius: var(--portrait-radius-lg);
      }
      .bar h2 {
        flex: 1 1 100%;
        margin: 0;
        font-size: var(--portrait-font-size-sm);
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 2px;
        min-width: 0;
        color: var(--portrait-color-text-muted);
        font-size: var(--portrait-font-size-xs);
      }
      input,
      select {
        min-height: 2rem;
        max-width: 14rem;
        padding: 0 var(--portrait-space-2);
        border: 1px solid var(--portrait-color-border-strong);
        border-radius: var(--portrait-radius-md);
        background: var(--portrait-color-surface);
        color: var(--portrait-color-text);
        font: inherit;
        font-size: var(--portrait-font-size-sm);
      }
      .shown {
        margin-left: auto;
        color: var(--portrait-color-text-muted);
        font-size: var(--portrait-font-size-sm);
      }
      @media (max-width: 600px) {
        label {
          flex: 1 1 40%;
        }
        input,
        select {
          max-width: none;
          width: 100%;
        }
        .shown {
          margin-left: 0;
        }
      }
    `,
  ];

  /** Facts of all loaded lines: the days and values to choose from. */
  @property({ attribute: false }) all: DataFacts | null = null;

  /** Facts of the lines the filter keeps. */
  @property({ attribute: false }) shown: DataFacts | null = null;

  /** The current filter. */
  @property({ attribute: false }) filter: Input<DataFilter> = {};

  #locale = new LocaleController(this);

  #emit(change: Input<DataFilter>) {
    const next: Input<DataFilter> = { ...this.filter, ...change };
    for (const k of Object.keys(next) as Array<keyof DataFilter>) {
      const v = next[k];
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    this.dispatchEvent(new PortraitFilterEvent(next));
  }

  override render() {
    const locale = this.#locale.locale;
    const all = this.all;
    if (!all) return nothing;
    const first = all.first_day ?? '';
    const last = all.last_day ?? '';
    const active = Object.keys(this.filter).length > 0;
    const shown = this.shown ?? all;
    const n = (v: number) => formatCount(v, locale);
    return html`<form class="bar" part="base" role="search" aria-labelledby="filter-title" @submit=${(e: Event) => e.preventDefault()}>
      <h2 id="filter-title">${t('filter.title')}</h2>
      <label
        >${t('filter.from')}
        <input
          type="date"
          data-testid="filter-from"
          min=${first}
          max=${this.filter.to ?? last}
          .value=${live(this.filter.from ?? '')}
          @change=${(e: Event) => this.#emit({ from: (e.target as HTMLInputElement).value || null })}
      /></label>
      <label
        >${t('filter.to')}
        <input
          type="date"
          data-testid="filter-to"
          min=${this.filter.from ?? first}
          max=${last}
          .value=${live(this.filter.to ?? '')}
          @change=${(e: Event) => this.#emit({ to: (e.target as HTMLInputElement).value || null })}
      /></label>
      ${DIMENSIONS.map((dim) => {
        const facts = all.dimensions.find((d) => d.dimension === dim);
        if (!facts) return nothing;
        const chosen = this.filter[dim]?.[0] ?? '';
        return html`<label
          >${t(`filter.dimension.${dim}` as MessageKey)}
          <select data-testid="filter-${dim}" .value=${live(chosen)} @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.#emit({ [dim]: v ? [v] : [] });
          }}>
            <option value="">${t('filter.all')}</option>
            ${facts.values.map((v) => html`<option value=${v.value} ?selected=${v.value === chosen}>${v.value} (${n(v.lines)})</option>`)}
          </select></label
        >`;
      })}
      ${active ? html`<button type="button" class="btn btn--small btn--ghost" data-action="reset-filter" @click=${() => this.dispatchEvent(new PortraitFilterEvent({}))}>${t('filter.reset')}</button>` : nothing}
      <span class="shown" data-testid="filter-shown" aria-live="polite"
        >${active
          ? t('filter.showing', { lines: n(shown.lines), total: n(all.lines), customers: n(shown.customers) })
          : t('filter.everything', { lines: n(all.lines), customers: n(all.customers) })}</span
      >
    </form>`;
  }
}

if (!customElements.get('portrait-filter')) customElements.define('portrait-filter', PortraitFilterBar);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-filter': PortraitFilterBar;
  }
}
