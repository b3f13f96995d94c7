import { html, LitElement, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import type { WireError } from '../../api/types.js';
import { formatCount } from '../../format/format.js';
import { coreText, hasCoreText, LocaleController, MESSAGES, t, type MessageKey } from '../../i18n/index.js';
import { PortraitDismissEvent, PortraitRetryEvent } from '../events.js';
import { base } from '../shared.styles.js';
import { styles } from './error.styles.js';

/**
 * @summary An error state that names the file, line and column, with "Try another file".
 *
 * The summary is the shell's wording of the error's `code`; the details are the code's full
 * sentence with its parameters, worded in the UI language (`coreText`). An error the page
 * itself made keeps its own message as collapsed technical details. All of it is text (file
 * names and values never become markup).
 *
 * @event portrait-retry - `PortraitRetryEvent`: the user wants to pick another file.
 * @event portrait-dismiss - `PortraitDismissEvent`: the user closed the message.
 *
 * @cssproperty --error-accent - Accent colour (border, icon).
 * @cssproperty --error-background - Icon background.
 *
 * @csspart base - The message box.
 */
export class PortraitErrorView extends LitElement {
  static override styles = [base, styles];

  /** The error to show (a `PortraitError` or a plain `WireError`); nothing when null. */
  @property({ attribute: false }) error: WireError | null = null;

  /** Show the "Try another file" button. */
  @property({ type: Boolean }) retryable = true;

  /** Title above the message (default: "This file could not be analysed"). */
  @property() heading = '';

  #locale = new LocaleController(this);

  override render() {
    void this.#locale.locale;
    const e = this.error;
    if (!e) return nothing;
    const key = `error.${e.code}` as MessageKey;
    const known = key in MESSAGES.en;
    const worded = hasCoreText(e.code) ? coreText({ code: e.code, params: e.params ?? {} }) : '';
    const summary = known ? t(key) : worded || e.message;
    const locale = this.#locale.locale;
    return html`
      <div part="base" class="base" role="alert">
        <div class="icon">${alertIcon}</div>
        <div>
          <h2>${this.heading || t('error.title')}</h2>
          <p class="summary">${summary}</p>
          ${e.file || e.line || e.column
            ? html`<dl aria-label=${t('error.where')}>
                ${e.file ? html`<div><dt>${t('error.file')}</dt><dd data-testid="error-file">${e.file}</dd></div>` : nothing}
                ${e.line
                  ? html`<div><dt>${t('error.line')}</dt><dd data-testid="error-line">${formatCount(e.line, locale)}</dd></div>`
                  : nothing}
                ${e.column
                  ? html`<div><dt>${t('error.column')}</dt><dd data-testid="error-column">${e.column}</dd></div>`
                  : nothing}
              </dl>`
            : nothing}
          ${worded && worded !== summary
            ? html`<p class="message" data-testid="error-details" aria-label=${t('error.details')}>${worded}</p>`
            : nothing}
          ${!worded && e.message && e.message !== summary
            ? html`<details class="message"><summary>${t('error.details')}</summary>${e.message}</details>`
            : nothing}
          <div class="actions">
            ${this.retryable
              ? html`<button type="button" class="btn btn--primary" @click=${() => this.dispatchEvent(new PortraitRetryEvent())}>
                  ${t('error.retry')}
                </button>`
              : nothing}
            <button type="button" class="btn" @click=${() => this.dispatchEvent(new PortraitDismissEvent())}>
              ${t('error.dismiss')}
            </button>
          </div>
        </div>
      </div>
    `;
  }
}

const alertIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" aria-hidden="true"><path d="M10 6v5"/><circle cx="10" cy="14.2" r="0.4" fill="currentColor"/><path d="M8.6 2.9 1.9 14.6A1.6 1.6 0 0 0 3.3 17h13.4a1.6 1.6 0 0 0 1.4-2.4L11.4 2.9a1.6 1.6 0 0 0-2.8 0Z"/></svg>`;
