import { html, LitElement, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Progress } from '../../api/types.js';
import { formatBytes, formatCount } from '../../format/format.js';
import { LocaleController, t } from '../../i18n/index.js';
import { PortraitCancelEvent, PortraitFilesEvent } from '../events.js';
import { base } from '../shared.styles.js';
import { styles } from './dropzone.styles.js';

/** File types the picker offers (everything ingest can read). */
export const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json,.jsonl,.ndjson,.gz,text/csv,text/tab-separated-values,application/json';

/**
 * @summary Drop zone and keyboard-accessible file picker, with the ingest progress bar.
 *
 * @event portrait-files - `PortraitFilesEvent`: the user dropped or chose files (`files`).
 * @event portrait-cancel - `PortraitCancelEvent`: the user pressed Cancel during an analysis.
 *
 * @cssproperty --dropzone-border - Dashed border colour.
 * @cssproperty --dropzone-active - Border colour while files are dragged over.
 * @cssproperty --track-color - Progress track colour.
 * @cssproperty --indicator-color - Progress indicator colour.
 *
 * @csspart base - The drop area.
 * @csspart indicator - The progress bar's indicator.
 * @csspart button - The "Choose files" button.
 */
export class PortraitDropzone extends LitElement {
  static override styles = [base, styles];

  /** `hero`: the designed empty state; `compact`: one line for the source bar. */
  @property({ reflect: true }) variant: 'hero' | 'compact' = 'hero';

  /** An analysis is running: show progress and Cancel instead of the picker. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** Latest progress notice (null: indeterminate). */
  @property({ attribute: false }) progress: Progress | null = null;

  /** Label for a job with no file (e.g. the sample shop). */
  @property({ attribute: 'busy-label' }) busyLabel = '';

  /** Disables the picker (e.g. while the engine loads). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private over = false;
  /** Cancel was pressed: said at once, before the worker's answer ends the job. */
  @state() private cancelling = false;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('busy') && !this.busy) this.cancelling = false;
  }

  #cancel(): void {
    this.cancelling = true;
    this.dispatchEvent(new PortraitCancelEvent());
  }
  @query('input[type=file]') private input!: HTMLInputElement;

  #locale = new LocaleController(this);
  #depth = 0;

  /** Opens the system file picker. */
  open(): void {
    if (!this.disabled && !this.busy) this.input.click();
  }

  #emit(files: File[]) {
    if (files.length > 0) this.dispatchEvent(new PortraitFilesEvent(files));
  }

  #onChange = () => {
    const files = Array.from(this.input.files ?? []);
    // reset so choosing the same file again still fires `change`
    this.input.value = '';
    this.#emit(files);
  };

  #onDragEnter = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || this.busy || this.disabled) return;
    e.preventDefault();
    this.#depth++;
    this.over = true;
  };

  #onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || this.busy || this.disabled) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  #onDragLeave = () => {
    this.#depth = Math.max(0, this.#depth - 1);
    if (this.#depth === 0) this.over = false;
  };

  #onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    this.#depth = 0;
    this.over = false;
    if (this.busy || this.disabled) return;
    this.#emit(Array.from(e.dataTransfer?.files ?? []));
  };

  override render() {
    void this.#locale.locale;
    return html`
      <div
        part="base"
        class="zone ${this.over ? 'zone--over' : ''}"
        @dragenter=${this.#onDragEnter}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <input
          class="visually-hidden"
          type="file"
          multiple
          accept=${ACCEPT}
          tabindex="-1"
          aria-label=${t('drop.inputLabel')}
          @change=${this.#onChange}
        />
        ${this.busy ? this.#renderProgress() : this.variant === 'hero' ? this.#renderHero() : this.#renderCompact()}
        ${this.over ? html`<div class="overlay" aria-hidden="true">${t('drop.release')}</div>` : nothing}
      </div>
    `;
  }

  #chooseButton(primary: boolean) {
    return html`<button
      part="button"
      type="button"
      class="btn ${primary ? 'btn--primary' : 'btn--small'}"
      ?disabled=${this.disabled}
      @click=${() => this.open()}
    >
      ${uploadIcon} ${t('drop.choose')}
    </button>`;
  }

  #renderHero() {
    return html`
      <div class="hero">
        <div>
          <h2>${t('drop.title')}</h2>
          <p class="hero__sub">${t('drop.subtitle')}</p>
          <div class="hero__actions">${this.#chooseButton(true)}<slot name="actions"></slot></div>
          <ul class="facts">
            <li>${checkIcon}<span>${t('drop.formats')}</span></li>
            <li>${checkIcon}<span>${t('drop.encodings')}</span></li>
            <li>${checkIcon}<span>${t('drop.columns')}</span></li>
          </ul>
          <div class="privacy">
            ${lockIcon}
            <div><strong>${t('drop.privacy')}</strong><span>${t('drop.privacyDetail')}</span></div>
          </div>
        </div>
        ${illustration}
      </div>
    `;
  }

  #renderCompact() {
    return html`<div class="compact">${uploadIcon}<span>${t('drop.compact')}</span>${this.#chooseButton(false)}</div>`;
  }

  #renderProgress() {
    const p = this.progress;
    const locale = this.#locale.locale;
    let label: string;
    if (this.cancelling) label = t('drop.cancelling');
    else if (!p) label = this.busyLabel || t('drop.stage.reading');
    else if (p.stage === 'decoding' || p.stage === 'parsing') label = t(`drop.stage.${p.stage}`, { file: p.file });
    else label = t(`drop.stage.${p.stage}`);
    const fraction = p && p.bytes_total > 0 ? Math.min(1, p.bytes_done / p.bytes_total) : null;
    const pct = fraction === null ? null : Math.round(fraction * 100);
    const meta: string[] = [];
    if (p) {
      meta.push(t('drop.rows', { rows: formatCount(p.rows, locale) }));
      if (p.bytes_total > 0) {
        meta.push(t('drop.bytes', { done: formatBytes(p.bytes_done, locale), total: formatBytes(p.bytes_total, locale) }));
      }
      if (p.files > 1) meta.push(t('drop.fileOf', { index: p.file_index + 1, files: p.files }));
    }
    return html`
      <div class="progress" aria-live="polite">
        <div class="progress__row">
          <span class="progress__label">${label}</span>
          <button type="button" class="btn btn--small" data-testid="cancel" ?disabled=${this.cancelling} @click=${() => this.#cancel()}>
            ${t('drop.cancel')}
          </button>
        </div>
        <div
          class="track"
          role="progressbar"
          aria-label=${t('drop.progressLabel')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${pct ?? nothing}
          aria-valuetext=${meta.length ? meta.join(' · ') : label}
        >
          <div
            part="indicator"
            class="indicator ${pct === null ? 'indicator--indeterminate' : ''}"
            style=${styleMap({ width: `${pct ?? 0}%` })}
          ></div>
        </div>
        <div class="progress__meta" data-testid="progress-rows">${meta.join(' · ')}</div>
      </div>
    `;
  }
}

const uploadIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 13V3M6 7l4-4 4 4"/><path d="M3 13v2.5A1.5 1.5 0 0 0 4.5 17h11a1.5 1.5 0 0 0 1.5-1.5V13"/></svg>`;
const checkIcon = svg`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3 8.5l3.2 3L13 4.5"/></svg>`;
const lockIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="9" width="12" height="8" rx="1.5"/><path d="M7 9V6.5a3 3 0 0 1 6 0V9"/></svg>`;

/** A file turning into a chart and customer cards: the empty state's picture (decorative). */
const illustration = html`<svg class="art" viewBox="0 0 360 260" role="presentation" aria-hidden="true">
  <defs>
    <linearGradient id="pg" x1="0" x2="0" y1="0" y2="1">
      <stop offset="0" stop-color="#e8eefc" />
      <stop offset="1" stop-color="#f5f6f8" />
    </linearGradient>
  </defs>
  <rect x="8" y="12" width="344" height="236" rx="18" fill="url(#pg)" />
  <g transform="translate(36 44)">
    <rect width="112" height="144" rx="10" fill="#fff" stroke="#c2c8d0" />
    <path d="M84 0v22a6 6 0 0 0 6 6h22" fill="#f0f2f5" stroke="#c2c8d0" />
    <g fill="#dde1e7">
      <rect x="16" y="44" width="80" height="7" rx="3.5" />
      <rect x="16" y="62" width="64" height="7" rx="3.5" />
      <rect x="16" y="80" width="72" height="7" rx="3.5" />
      <rect x="16" y="98" width="56" height="7" rx="3.5" />
      <rect x="16" y="116" width="76" height="7" rx="3.5" />
    </g>
    <text x="16" y="30" font-family="ui-monospace, monospace" font-size="13" font-weight="700" fill="#2852c8">CSV</text>
  </g>
  <path d="M160 118h28" stroke="#2852c8" stroke-width="3" stroke-linecap="round" stroke-dasharray="2 7" />
  <path d="M186 110l10 8-10 8" fill="none" stroke="#2852c8" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
  <g transform="translate(208 40)">
    <rect width="120" height="86" rx="10" fill="#fff" stroke="#dde1e7" />
    <g>
      <rect x="16" y="52" width="12" height="20" rx="2" fill="#6a8fe0" />
      <rect x="34" y="40" width="12" height="32" rx="2" fill="#2852c8" />
      <rect x="52" y="46" width="12" height="26" rx="2" fill="#6a8fe0" />
      <rect x="70" y="28" width="12" height="44" rx="2" fill="#2852c8" />
      <rect x="88" y="20" width="12" height="52" rx="2" fill="#2852c8" />
    </g>
    <rect x="16" y="12" width="48" height="6" rx="3" fill="#dde1e7" />
  </g>
  <g transform="translate(208 138)">
    <rect width="120" height="84" rx="10" fill="#fff" stroke="#dde1e7" />
    <g>
      <rect x="12" y="12" width="30" height="18" rx="3" fill="#1a7f4b" />
      <rect x="45" y="12" width="30" height="18" rx="3" fill="#2e9d62" />
      <rect x="78" y="12" width="30" height="18" rx="3" fill="#17899b" />
      <rect x="12" y="33" width="30" height="18" rx="3" fill="#2d6fd6" />
      <rect x="45" y="33" width="30" height="18" rx="3" fill="#c99a06" />
      <rect x="78" y="33" width="30" height="18" rx="3" fill="#e0883a" />
      <rect x="12" y="54" width="30" height="18" rx="3" fill="#d85a45" />
      <rect x="45" y="54" width="30" height="18" rx="3" fill="#7d8794" />
      <rect x="78" y="54" width="30" height="18" rx="3" fill="#a9b0b9" />
    </g>
  </g>
  <g transform="translate(44 204)">
    <circle cx="12" cy="12" r="12" fill="#e6f4ec" />
    <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="#1a7f4b" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
    <rect x="32" y="6" width="74" height="6" rx="3" fill="#c2c8d0" />
    <rect x="32" y="15" width="50" height="5" rx="2.5" fill="#dde1e7" />
  </g>
</svg>`;
