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
 * and a category. Every view reads the filtered data (the worker builds it once). A
 * disclosure: its summary says what is shown; its controls open on demand.
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
      details {
        background: var(--portrait-color-surface);
        border: 1px solid var(--portrait-color-border);
        border-radius: var(--portrait-radius-lg);
      }
      summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--portrait-space-1) var(--portrait-space-3);
        padding: var(--portrait-space-3) var(--portrait-space-4);
        cursor: pointer;
        font-size: var(--portrait-font-size-sm);
        font-weight: var(--portrait-font-weight-bold);
      }
      summary:focus-visible {
        outline: var(--portrait-focus-outline);
        outline-offset: -2px;
        border-radius: var(--portrait-radius-lg);
      }
      .active {
        padding: 0 var(--portrait-space-2);
        border-radius: var(--portrait-radius-pill);
        background: var(--portrait-color-accent-soft);
        color: var(--portrait-color-accent);
        font-size: var(--portrait-font-size-xs);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--portrait-space-2) var(--portrait-space-4);
        padding: 0 var(--portrait-space-4) var(--portrait-space-3);
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
        font-weight: var(--portrait-font-weight-regular, 400);
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

  /** The controls are shown (the bar is a disclosure: one Tab stop when closed). */
  @property({ type: Boolean, reflect: true }) open = false;

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
    const summary = active
      ? t('filter.showing', { lines: n(shown.lines), total: n(all.lines), customers: n(shown.customers) })
      : t('filter.everything', { lines: n(all.lines), customers: n(all.customers) });
    return html`<details part="base" ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>
        <span id="filter-title">${t('filter.title')}</span>
        ${active ? html`<span class="active">${t('filter.on')}</span>` : nothing}
        <span class="shown" data-testid="filter-shown" aria-live="polite">${summary}</span>
      </summary>
      <form class="bar" role="search" aria-labelledby="filter-title" @submit=${(e: Event) => e.preventDefault()}>
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
      </form>
    </details>`;
  }
}

if (!customElements.get('portrait-filter')) customElements.define('portrait-filter', PortraitFilterBar);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-filter': PortraitFilterBar;
  }
}
