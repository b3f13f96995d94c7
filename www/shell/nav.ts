import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { IngestSummary } from '../api/types.js';
import { base } from '../elements/shared.styles.js';
import { GROUPS, type FeatureMeta } from '../features/index.js';
import { LocaleController, t, type MessageKey } from '../i18n/index.js';
import { formatHash } from './router.js';

/**
 * @summary The side bar: views grouped (Data · Shop · Customers · Segments · Predictions ·
 * Recommendations · Marketing · Privacy), only the groups that hold a view. One Tab stop:
 * the arrow keys, Home and End move between views, Enter opens one.
 *
 * @csspart base - The navigation landmark.
 */
export class PortraitNav extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      nav {
        display: flex;
        flex-direction: column;
        gap: var(--portrait-space-4);
      }
      h2 {
        margin: 0 0 var(--portrait-space-1);
        padding: 0 var(--portrait-space-3);
        color: var(--portrait-color-text-subtle);
        font-size: var(--portrait-font-size-xs);
        font-weight: var(--portrait-font-weight-bold);
        letter-spacing: 0.04em;
        text-transform: uppercase;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: flex;
        align-items: center;
        gap: var(--portrait-space-2);
        min-height: 2.25rem;
        padding: 0 var(--portrait-space-3);
        border-radius: var(--portrait-radius-md);
        color: var(--portrait-color-text);
        text-decoration: none;
        font-size: var(--portrait-font-size-sm);
      }
      a:hover {
        background: var(--portrait-color-surface-muted);
      }
      a[aria-current='page'] {
        background: var(--portrait-color-accent-soft);
        color: var(--portrait-color-accent);
        font-weight: var(--portrait-font-weight-bold);
      }
      a:focus-visible {
        outline: var(--portrait-focus-outline);
        outline-offset: 1px;
      }
      .badge {
        margin-left: auto;
        padding: 0 var(--portrait-space-2);
        border-radius: var(--portrait-radius-pill);
        background: var(--portrait-color-danger-soft);
        color: var(--portrait-color-danger);
        font-size: var(--portrait-font-size-xs);
        font-weight: var(--portrait-font-weight-bold);
        white-space: nowrap;
      }
    `,
  ];

  /** The views (`FEATURES`). */
  @property({ attribute: false }) features: readonly FeatureMeta[] = [];

  /** The open view's id. */
  @property() active = '';

  /** What is loaded (for the views' badges). */
  @property({ attribute: false }) summary: IngestSummary | null = null;

  #locale = new LocaleController(this);

  #links(): HTMLAnchorElement[] {
    return Array.from(this.renderRoot.querySelectorAll('a'));
  }

  #onKey = (e: KeyboardEvent) => {
    const links = this.#links();
    const i = links.indexOf(e.target as HTMLAnchorElement);
    if (i < 0) return;
    let next = i;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = (i + 1) % links.length;
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = (i - 1 + links.length) % links.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = links.length - 1;
    else return;
    e.preventDefault();
    links[i]!.tabIndex = -1;
    links[next]!.tabIndex = 0;
    links[next]!.focus();
  };

  /** Focuses the open view's link. */
  override focus(): void {
    (this.#links().find((a) => a.tabIndex === 0) ?? this.#links()[0])?.focus();
  }

  override render() {
    void this.#locale.locale;
    const groups = GROUPS.map((g) => ({ g, views: this.features.filter((f) => f.group === g) })).filter((x) => x.views.length > 0);
    const current = this.features.some((f) => f.id === this.active) ? this.active : (this.features[0]?.id ?? '');
    return html`<nav part="base" aria-label=${t('app.nav')} @keydown=${this.#onKey}>
      ${groups.map(
        ({ g, views }) => html`<div role="group" aria-labelledby="group-${g}">
          <h2 id="group-${g}">${t(`group.${g}` as MessageKey)}</h2>
          <ul>
            ${views.map((f) => {
              const badge = this.summary ? f.badge?.(this.summary) : null;
              return html`<li>
                <a
                  href=${formatHash({ group: f.group, view: f.id, params: {} })}
                  data-view=${f.id}
                  tabindex=${f.id === current ? 0 : -1}
                  aria-current=${f.id === this.active ? 'page' : nothing}
                  >${f.label()}${badge ? html`<span class="badge">${badge}</span>` : nothing}</a
                >
              </li>`;
            })}
          </ul>
        </div>`,
      )}
    </nav>`;
  }
}

if (!customElements.get('portrait-nav')) customElements.define('portrait-nav', PortraitNav);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-nav': PortraitNav;
  }
}
