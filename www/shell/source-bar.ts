import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { IngestSummary, Progress } from '../api/types.js';
import '../elements/dropzone/define.js';
import { base } from '../elements/shared.styles.js';
import { formatCount } from '../format/format.js';
import { LocaleController, t } from '../i18n/index.js';
import { fileIcon, sparkIcon } from './icons.js';

/** The user wants to review the column mapping of the loaded files. */
export class PortraitReviewEvent extends Event {
  static readonly type = 'portrait-review';
  constructor() {
    super(PortraitReviewEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'portrait-review': PortraitReviewEvent;
  }
}

/**
 * @summary What is loaded: the sample shop, or the files with their row count; the button
 * to review their column mapping, and a compact drop zone for the next files (with the
 * progress of a running ingest).
 *
 * @event portrait-review - `PortraitReviewEvent`: review the column mapping.
 * @event portrait-files - from the drop zone: the user chose files.
 * @event portrait-cancel - from the drop zone: cancel the running ingest.
 */
export class PortraitSource extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
  .source {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3) var(--portrait-space-4);
    flex-wrap: wrap;
    padding: var(--portrait-space-3) var(--portrait-space-4);
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-sm);
  }
  .source--sample {
    border-color: #b9c9f3;
    background: linear-gradient(90deg, var(--portrait-color-accent-soft), var(--portrait-color-surface) 70%);
  }
  .source__what {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    min-width: 0;
    flex: 1 1 20rem;
  }
  .source__icon {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-accent);
    flex: none;
  }
  .source__icon svg {
    width: 1.125rem;
    height: 1.125rem;
  }
  .source__title {
    font-weight: var(--portrait-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .source__meta {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .source portrait-dropzone {
    --dropzone-border: var(--portrait-color-border);
  }
  .busybar {
    flex: 1 1 100%;
  }

    `,
  ];

  /** What is loaded. */
  @property({ attribute: false }) summary: IngestSummary | null = null;
  /** It is the sample shop. */
  @property({ type: Boolean }) sample = false;
  /** An ingest is running. */
  @property({ type: Boolean }) busy = false;
  /** Its progress. */
  @property({ attribute: false }) progress: Progress | null = null;
  /** Label of a job with no file (the sample shop). */
  @property({ attribute: 'busy-label' }) busyLabel = '';
  /** The engine is not ready. */
  @property({ type: Boolean }) disabled = false;

  #locale = new LocaleController(this);

  override render() {
    const locale = this.#locale.locale;
    const s = this.summary;
    if (!s) return nothing;
    const names = s.files.map((f) => f.file).join(', ');
    return html`<div class="source ${this.sample ? 'source--sample' : ''}" data-testid="source">
      <div class="source__what">
        <span class="source__icon">${this.sample ? sparkIcon : fileIcon}</span>
        <div>
          <div class="source__title" data-testid="source-title">${this.sample ? t('app.sampleBanner') : names}</div>
          <div class="source__meta">
            ${this.sample
              ? t('app.sampleBanner.detail', { rows: formatCount(s.rows.read, locale) })
              : html`${s.files.length === 1 ? t('app.source.file') : t('app.source.files', { count: s.files.length })} ·
                ${t('app.source.rows', { rows: formatCount(s.rows.used, locale) })}`}
          </div>
        </div>
      </div>
      ${!this.sample && !this.busy
        ? html`<button type="button" class="btn btn--small" data-action="review-mapping" @click=${() => this.dispatchEvent(new PortraitReviewEvent())}>
            ${t('app.reviewMapping')}
          </button>`
        : nothing}
      <portrait-dropzone
        class=${this.busy ? 'busybar' : ''}
        variant="compact"
        ?busy=${this.busy}
        .progress=${this.progress}
        busy-label=${this.busyLabel}
        ?disabled=${this.disabled}
      ></portrait-dropzone>
    </div>`;
  }
}

if (!customElements.get('portrait-source')) customElements.define('portrait-source', PortraitSource);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-source': PortraitSource;
  }
}
