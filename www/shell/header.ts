import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { base } from '../elements/shared.styles.js';
import { LocaleController, LOCALES, setLocale, t, type Locale } from '../i18n/index.js';
import { downloadIcon, lockIcon, logo, menuIcon, sparkIcon, trashIcon } from './icons.js';

/** Label names of the language switch, each in its own language. */
const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** What a header button asks the shell to do. */
export type Action = 'menu' | 'sample' | 'export' | 'clear';

/** The user pressed a header button. */
export class PortraitActionEvent extends Event {
  static readonly type = 'portrait-action';
  constructor(public readonly action: Action) {
    super(PortraitActionEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'portrait-action': PortraitActionEvent;
  }
}

/**
 * @summary The top bar: the menu button (narrow screens), the brand, the privacy badge,
 * "Try a sample shop", "Export JSON", "Clear data" and the language switch. It fits a 390 px
 * phone: labels give way to icons (with titles), the badge to its lock.
 *
 * @event portrait-action - `PortraitActionEvent`: a button was pressed.
 */
export class PortraitHeader extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        position: sticky;
        top: 0;
        z-index: 10;
        --app-header-height: 3.5rem;
      }
  .top {
    position: sticky;
    top: 0;
    z-index: 10;
    background: var(--portrait-color-surface);
    border-bottom: 1px solid var(--portrait-color-border);
  }
  .top__inner {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-4);
    max-width: var(--portrait-content-max);
    min-height: var(--app-header-height);
    margin: 0 auto;
    padding: 0 var(--portrait-space-6);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    min-width: 0;
    flex: 1 1 auto;
  }
  .brand__text {
    min-width: 0;
  }
  .brand svg {
    width: 1.75rem;
    height: 1.75rem;
    flex: none;
  }
  .brand__name {
    font-size: var(--portrait-font-size-lg);
    font-weight: var(--portrait-font-weight-bold);
    white-space: nowrap;
  }
  .brand__tagline {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    flex: none;
  }
  .private {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
    padding: 0 var(--portrait-space-3);
    min-height: 1.75rem;
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-success-soft);
    color: #115c36;
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
    flex: none;
  }
  .private svg {
    width: 0.875rem;
    height: 0.875rem;
  }
  .lang {
    display: inline-flex;
    padding: 2px;
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface-muted);
  }
  .lang button {
    min-height: 1.875rem;
    padding: 0 var(--portrait-space-3);
    border: 0;
    border-radius: calc(var(--portrait-radius-md) - 2px);
    background: transparent;
    color: var(--portrait-color-text-muted);
    font: inherit;
    font-size: var(--portrait-font-size-sm);
    cursor: pointer;
  }
  .lang button[aria-pressed='true'] {
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font-weight: var(--portrait-font-weight-bold);
    box-shadow: var(--portrait-shadow-sm);
  }

  .menu {
    display: none;
    flex: none;
  }
  .menu svg {
    width: 1.125rem;
    height: 1.125rem;
  }

      @media (max-width: 1180px) {
        .brand__tagline {
          display: none;
        }
      }
      @media (max-width: 1000px) {
        .private__text {
          display: none;
        }
        .private {
          padding: 0 var(--portrait-space-2);
        }
        .top__inner {
          padding: var(--portrait-space-2) var(--portrait-space-4);
        }
      }
      @media (max-width: 860px) {
        .menu {
          display: inline-flex;
        }
      }
      @media (max-width: 640px) {
        .top__inner {
          gap: var(--portrait-space-2);
          padding: var(--portrait-space-2) var(--portrait-space-3);
        }
        .actions .label,
        .menu__label,
        .private,
        .brand__text {
          display: none;
        }
        .actions .btn {
          padding: 0 var(--portrait-space-2);
        }
        .lang button {
          padding: 0 var(--portrait-space-2);
        }
      }
    `,
  ];

  /** Show the menu button (there is a side bar). */
  @property({ type: Boolean }) menu = false;
  /** The side bar is open as a drawer. */
  @property({ type: Boolean, attribute: 'nav-open' }) navOpen = false;
  /** The engine is ready. */
  @property({ type: Boolean, attribute: 'can-act' }) canAct = false;
  /** There is something to export. */
  @property({ type: Boolean, attribute: 'can-export' }) canExport = false;
  /** There is something to clear. */
  @property({ type: Boolean, attribute: 'can-clear' }) canClear = false;

  #locale = new LocaleController(this);

  #act(action: Action) {
    return () => this.dispatchEvent(new PortraitActionEvent(action));
  }

  override render() {
    const locale = this.#locale.locale;
    return html`<header class="top">
      <div class="top__inner">
        ${this.menu
          ? html`<button
              type="button"
              class="btn btn--small btn--ghost menu"
              aria-expanded=${this.navOpen ? 'true' : 'false'}
              aria-controls="nav"
              title=${t('app.menu.open')}
              @click=${this.#act('menu')}
            >
              ${menuIcon}<span class="menu__label">${t('app.menu')}</span>
            </button>`
          : nothing}
        <div class="brand" title=${t('app.name')}>
          ${logo}
          <div class="brand__text">
            <div class="brand__name">${t('app.name')}</div>
            <div class="brand__tagline">${t('app.tagline')}</div>
          </div>
        </div>
        <span class="private" title=${t('drop.privacyDetail')}>${lockIcon}<span class="private__text">${t('app.private')}</span></span>
        <div class="actions">
          <button type="button" class="btn btn--small" data-action="sample" title=${t('app.sample')} ?disabled=${!this.canAct} @click=${this.#act('sample')}>
            ${sparkIcon}<span class="label">${t('app.sample')}</span>
          </button>
          <button type="button" class="btn btn--small" data-action="export" title=${t('app.export.title')} ?disabled=${!this.canExport} @click=${this.#act('export')}>
            ${downloadIcon}<span class="label">${t('app.export')}</span>
          </button>
          <button type="button" class="btn btn--small btn--ghost" data-action="clear" title=${t('app.clear.title')} ?disabled=${!this.canClear} @click=${this.#act('clear')}>
            ${trashIcon}<span class="label">${t('app.clear')}</span>
          </button>
          <div class="lang" role="group" aria-label=${t('app.language')}>
            ${LOCALES.map(
              (l) => html`<button type="button" lang=${l} aria-pressed=${l === locale ? 'true' : 'false'} @click=${() => setLocale(l)}>
                ${LANGUAGE_NAMES[l]}
              </button>`,
            )}
          </div>
        </div>
      </div>
    </header>`;
  }
}

if (!customElements.get('portrait-header')) customElements.define('portrait-header', PortraitHeader);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-header': PortraitHeader;
  }
}
