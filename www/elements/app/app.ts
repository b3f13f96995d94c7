import { html, LitElement, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Portrait, PortraitError } from '../../api/portrait.js';
import { ErrorCode } from '../../api/protocol.js';
import type { FileInspection, IngestOptions, IngestProgress, IngestSummary, RfmSummary, WireError } from '../../api/types.js';
import { currencyCode, formatCount } from '../../format/format.js';
import { LocaleController, LOCALES, setLocale, t, type Locale, type MessageKey } from '../../i18n/index.js';
import '../dropzone/define.js';
import type { PortraitDropzone } from '../dropzone/dropzone.js';
import '../error/define.js';
import type { PortraitFilesEvent, PortraitMappingEvent, PortraitSheetEvent } from '../events.js';
import '../mapping/define.js';
import type { DateQuestion } from '../mapping/mapping.js';
import { quotedExamples, withSheet } from '../mapping/mapping-model.js';
import '../overview/define.js';
import '../quality/define.js';
import '../rfm/define.js';
import { warmUpCharts } from '../../charts/chart.js';
import { base } from '../shared.styles.js';
import { styles } from './app.styles.js';

type Tab = 'overview' | 'quality' | 'rfm';
const TABS: Array<{ id: Tab; label: MessageKey }> = [
  { id: 'overview', label: 'app.tab.overview' },
  { id: 'quality', label: 'app.tab.quality' },
  { id: 'rfm', label: 'app.tab.rfm' },
];

/** What the loaded data came from. */
type Source = { kind: 'sample' } | { kind: 'files'; files: File[]; options: IngestOptions };

/** The mapping panel's state. */
interface MappingState {
  mode: 'missing' | 'review';
  files: File[];
  options: IngestOptions;
  inspections: FileInspection[];
  dateQuestion: DateQuestion | null;
  busy: boolean;
}

/** Engine lifecycle. */
type Engine = 'loading' | 'ready' | 'failed' | 'crashed';

/** Label names of the language switch, each in its own language. */
const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * @summary The Portrait application shell: header (language switch, "Try a sample shop",
 * "Export JSON", "Clear data"), the drop zone, the mapping review, and the Overview /
 * Data quality / Customer segments tabs.
 *
 * It owns one `Portrait` (the worker façade). With `autoload-sample` it loads the built-in
 * sample shop on first open (unless the page URL has `?sample=0`). It reflects `ready`
 * once the engine has loaded and `data-state` (`empty`, `busy`, `results`, `mapping`,
 * `error`) for tests and embedders.
 *
 * @cssproperty --app-header-height - Height of the sticky header.
 *
 * @csspart header - The top bar.
 * @csspart main - The content area.
 */
export class PortraitApp extends LitElement {
  static override styles = [base, styles];

  /** Load the sample shop when the engine is ready and nothing is loaded. */
  @property({ type: Boolean, attribute: 'autoload-sample' }) autoloadSample = false;

  /** Rows of the sample shop. */
  @property({ type: Number, attribute: 'sample-rows' }) sampleRows = 100_000;

  /** Seed of the sample shop. */
  @property({ type: Number, attribute: 'sample-seed' }) sampleSeed = 42;

  /** The engine is loaded (reflected for tests). */
  @property({ type: Boolean, reflect: true }) ready = false;

  @state() private engine: Engine = 'loading';
  @state() private busy = false;
  @state() private busyLabel = '';
  @state() private progress: IngestProgress | null = null;
  @state() private summary: IngestSummary | null = null;
  @state() private rfm: RfmSummary | null = null;
  @state() private source: Source | null = null;
  @state() private error: WireError | null = null;
  @state() private notice = '';
  @state() private mapping: MappingState | null = null;
  @state() private tab: Tab = 'overview';

  #locale = new LocaleController(this);
  #portrait: Portrait | null = null;
  #abort: AbortController | null = null;
  #generation = 0;

  /** The worker façade (null until the engine has loaded). */
  get portrait(): Portrait | null {
    return this.#portrait;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setLocale(this.#locale.locale, false);
    window.addEventListener('dragover', this.#onWindowDragOver);
    window.addEventListener('drop', this.#onWindowDrop);
    if (!this.#portrait && this.engine === 'loading') void this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragover', this.#onWindowDragOver);
    window.removeEventListener('drop', this.#onWindowDrop);
  }

  async #open(): Promise<void> {
    try {
      const portrait = await Portrait.open();
      portrait.addEventListener('crashed', () => {
        this.engine = 'crashed';
        this.busy = false;
      });
      this.#portrait = portrait;
      this.engine = 'ready';
      this.ready = true;
      if (this.autoloadSample && !this.summary && new URLSearchParams(location.search).get('sample') !== '0') {
        void this.loadSample();
      } else {
        // no sample to draw: prepare the charts while the page waits for a file
        const whenIdle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
        whenIdle(() => warmUpCharts());
      }
    } catch (e) {
      this.engine = 'failed';
      this.error = PortraitError.from(e).toWire();
    }
  }

  // ---------------------------------------------------------------- actions

  /** Generates and shows the built-in sample shop. */
  async loadSample(): Promise<void> {
    const p = this.#portrait;
    if (!p) return;
    const { signal, generation } = this.#begin(t('drop.stage.sample'));
    try {
      const summary = await p.sample({
        rows: this.sampleRows,
        seed: this.sampleSeed,
        signal,
        onProgress: (pr) => generation === this.#generation && (this.progress = pr),
      });
      if (generation !== this.#generation) return;
      this.#show(summary, { kind: 'sample' });
    } catch (e) {
      this.#failed(e, generation);
    }
  }

  /** Ingests files (with optional overrides) and shows the result. */
  async analyse(files: File[], options: IngestOptions = {}): Promise<void> {
    const p = this.#portrait;
    if (!p || files.length === 0) return;
    const { signal, generation } = this.#begin('');
    try {
      const summary = await p.ingest(files, {
        signal,
        options,
        onProgress: (pr) => generation === this.#generation && (this.progress = pr),
      });
      if (generation !== this.#generation) return;
      this.#show(summary, { kind: 'files', files, options });
    } catch (e) {
      const err = PortraitError.from(e);
      if (generation !== this.#generation) return;
      if (err.code === 'ingest.missing_columns' || err.code === 'ingest.ambiguous_date_order') {
        this.busy = false;
        this.progress = null;
        void this.#askMapping(err, files, options);
        return;
      }
      this.#failed(err, generation);
    }
  }

  /** Starts a job: cancels the previous one, resets transient state. */
  #begin(label: string): { signal: AbortSignal; generation: number } {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    this.busy = true;
    this.busyLabel = label;
    this.progress = null;
    this.error = null;
    this.notice = '';
    this.mapping = null;
    return { signal: abort.signal, generation };
  }

  #failed(e: unknown, generation: number): void {
    if (generation !== this.#generation) return;
    const err = PortraitError.from(e);
    this.busy = false;
    this.progress = null;
    if (err.cancelled) {
      this.notice = t('app.cancelled');
      return;
    }
    if (err.code === ErrorCode.Crashed || err.code === ErrorCode.WorkerFailed) this.engine = 'crashed';
    this.error = err.toWire();
  }

  #show(summary: IngestSummary, source: Source): void {
    this.busy = false;
    this.progress = null;
    this.summary = summary;
    this.source = source;
    this.rfm = null;
    void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:kpis')));
    this.error = null;
    this.mapping = null;
    const generation = this.#generation;
    // The overview renders now from the summary; RFM follows from the worker.
    void this.#portrait
      ?.rfmSummary()
      .then((rfm) => {
        if (generation === this.#generation) {
          this.rfm = rfm;
          void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:rfm')));
        }
      })
      .catch((e) => this.#failed(e, generation));
  }

  async #askMapping(err: PortraitError, files: File[], options: IngestOptions): Promise<void> {
    const dateQuestion: DateQuestion | null =
      err.code === 'ingest.ambiguous_date_order'
        ? { file: err.file ?? '', column: err.column ?? '', examples: quotedExamples(err.message) }
        : null;
    const state: MappingState = { mode: 'missing', files, options, inspections: [], dateQuestion, busy: !dateQuestion };
    this.mapping = state;
    if (dateQuestion) return;
    const generation = this.#generation;
    try {
      const targets = files.filter((f) => f.name === err.file);
      const inspections: FileInspection[] = [];
      for (const file of targets.length ? targets : files) {
        const fo = options.files?.find((o) => o.file === file.name);
        inspections.push(await this.#portrait!.inspect(file, fo ? { ...fo, mapping: null } : undefined));
      }
      if (generation !== this.#generation) return;
      this.mapping = { ...state, inspections, busy: false };
    } catch (e) {
      if (generation !== this.#generation) return;
      this.mapping = null;
      this.error = PortraitError.from(e).toWire();
    }
  }

  #reviewMapping = () => {
    if (!this.summary || this.source?.kind !== 'files') return;
    this.mapping = {
      mode: 'review',
      files: this.source.files,
      options: this.source.options,
      inspections: this.summary.files,
      dateQuestion: null,
      busy: false,
    };
  };

  #cancel = () => {
    this.#abort?.abort();
  };

  #clear = async () => {
    this.#abort?.abort();
    this.#generation++;
    try {
      await this.#portrait?.clear();
    } catch {
      // a crashed engine has nothing to clear
    }
    this.busy = false;
    this.summary = null;
    this.rfm = null;
    this.source = null;
    this.mapping = null;
    this.error = null;
    this.tab = 'overview';
    this.notice = t('app.cleared');
  };

  #export = async () => {
    const p = this.#portrait;
    if (!p || !this.summary) return;
    try {
      const json = await p.reportJson();
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = exportName(this.source);
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (e) {
      this.error = PortraitError.from(e).toWire();
    }
  };

  #restart = async () => {
    const p = this.#portrait;
    if (!p) {
      this.engine = 'loading';
      this.error = null;
      await this.#open();
      return;
    }
    this.engine = 'loading';
    this.#generation++;
    try {
      await p.restart();
      this.engine = 'ready';
      this.summary = null;
      this.rfm = null;
      this.source = null;
      this.error = null;
      this.busy = false;
    } catch (e) {
      this.engine = 'failed';
      this.error = PortraitError.from(e).toWire();
    }
  };

  #onFiles = (e: PortraitFilesEvent) => {
    // User Timing marks: `make bench` measures "files chosen → KPI cards painted" from them.
    performance.mark('portrait:files');
    void this.analyse(e.files);
  };

  /** Another sheet of a workbook was chosen: inspect that sheet and show its columns. */
  #onSheet = async (e: PortraitSheetEvent) => {
    const m = this.mapping;
    const file = m?.files.find((f) => f.name === e.file);
    if (!m || !file || !this.#portrait) return;
    const options = withSheet(m.options, e.file, e.sheet);
    this.mapping = { ...m, options, busy: true };
    try {
      const inspection = await this.#portrait.inspect(file, { file: e.file, sheet: e.sheet });
      const now = this.mapping;
      if (!now || now.files !== m.files) return;
      const inspections = now.inspections.map((i) => (i.file === e.file ? inspection : i));
      this.mapping = { ...now, options, inspections, busy: false };
    } catch (err) {
      if (this.mapping) this.mapping = { ...this.mapping, busy: false };
      this.error = PortraitError.from(err).toWire();
    }
  };

  #onMapping = (e: PortraitMappingEvent) => {
    const m = this.mapping;
    if (m) void this.analyse(m.files, e.options);
  };

  #onWindowDragOver = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };

  #onWindowDrop = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    // A drop outside the drop zone would make the browser open the file: analyse it instead.
    e.preventDefault();
    if (this.busy || this.engine !== 'ready') return;
    void this.analyse(Array.from(e.dataTransfer.files));
  };

  #pickFiles = () => {
    this.error = null;
    this.renderRoot.querySelector<PortraitDropzone>('portrait-dropzone')?.open();
  };

  #onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === this.tab);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    this.tab = TABS[next]!.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  };

  // ---------------------------------------------------------------- render

  #state(): string {
    if (this.mapping) return 'mapping';
    if (this.busy) return 'busy';
    if (this.summary) return 'results';
    if (this.error) return 'error';
    return 'empty';
  }

  protected override updated(): void {
    this.dataset['state'] = this.#state();
    this.dataset['rfm'] = this.rfm ? 'ready' : 'pending';
    this.dataset['engine'] = this.engine;
  }

  override render() {
    const locale = this.#locale.locale;
    const canAct = this.engine === 'ready';
    return html`
      <header class="top" part="header">
        <div class="top__inner">
          <div class="brand">
            ${logo}
            <div>
              <div class="brand__name">${t('app.name')}</div>
              <div class="brand__tagline">${t('app.tagline')}</div>
            </div>
          </div>
          <span class="private" title=${t('drop.privacyDetail')}>${lockIcon}${t('app.private')}</span>
          <div class="actions">
            <button type="button" class="btn btn--small" data-action="sample" ?disabled=${!canAct} @click=${() => this.loadSample()}>
              ${sparkIcon}${t('app.sample')}
            </button>
            <button
              type="button"
              class="btn btn--small"
              data-action="export"
              title=${t('app.export.title')}
              ?disabled=${!canAct || !this.summary || this.busy}
              @click=${this.#export}
            >
              ${downloadIcon}${t('app.export')}
            </button>
            <button
              type="button"
              class="btn btn--small btn--ghost"
              data-action="clear"
              title=${t('app.clear.title')}
              ?disabled=${!this.summary && !this.busy && !this.error}
              @click=${this.#clear}
            >
              ${trashIcon}${t('app.clear')}
            </button>
            <div class="lang" role="group" aria-label=${t('app.language')}>
              ${LOCALES.map(
                (l) => html`<button
                  type="button"
                  lang=${l}
                  aria-pressed=${l === locale ? 'true' : 'false'}
                  @click=${() => setLocale(l)}
                >
                  ${LANGUAGE_NAMES[l]}
                </button>`,
              )}
            </div>
          </div>
        </div>
      </header>
      <main part="main">${this.#renderMain(locale)}</main>
      <footer>${t('app.footer')}</footer>
    `;
  }

  #renderMain(locale: Locale) {
    const banner = this.#renderBanner();
    if (this.engine === 'loading' && !this.summary) {
      return html`${banner}
        <portrait-dropzone variant="hero" busy busy-label=${t('app.loadingEngine')} disabled></portrait-dropzone>`;
    }
    if (this.mapping) {
      const m = this.mapping;
      return html`${banner}
        <portrait-mapping
          .inspections=${m.inspections}
          .options=${m.options}
          .dateQuestion=${m.dateQuestion}
          .mode=${m.mode}
          ?busy=${m.busy}
          @portrait-mapping=${this.#onMapping}
          @portrait-sheet=${this.#onSheet}
          @portrait-dismiss=${() => (this.mapping = null)}
        ></portrait-mapping>`;
    }
    if (!this.summary) {
      return html`${banner}
        ${this.#renderError()}
        <portrait-dropzone
          variant="hero"
          ?busy=${this.busy}
          .progress=${this.progress}
          busy-label=${this.busyLabel}
          ?disabled=${this.engine !== 'ready'}
          @portrait-files=${this.#onFiles}
          @portrait-cancel=${this.#cancel}
        >
          <button slot="actions" type="button" class="btn" ?disabled=${this.engine !== 'ready'} @click=${() => this.loadSample()}>
            ${sparkIcon}${t('app.sample')}
          </button>
        </portrait-dropzone>
        ${this.busy ? html`<portrait-overview loading></portrait-overview>` : nothing}`;
    }
    return html`${banner} ${this.#renderSource(locale)}
      ${this.#renderError()} ${this.#renderTabs(locale)}`;
  }

  /** The error view with "try another file", when the last action failed. */
  #renderError() {
    if (!this.error) return nothing;
    return html`<portrait-error
      .error=${this.error}
      ?retryable=${this.engine === 'ready'}
      @portrait-retry=${this.#pickFiles}
      @portrait-dismiss=${() => (this.error = null)}
    ></portrait-error>`;
  }

  #renderBanner() {
    if (this.engine === 'crashed' || this.engine === 'failed') {
      return html`<div class="notice notice--danger" role="alert">
        <span>${this.engine === 'crashed' ? t('app.crashed') : t('app.engineFailed')}</span>
        <button type="button" class="btn btn--small" @click=${this.#restart}>${t('app.restart')}</button>
      </div>`;
    }
    if (this.notice) {
      return html`<div class="notice" role="status">
        <span>${this.notice}</span>
        <button type="button" class="btn btn--small btn--ghost" @click=${() => (this.notice = '')}>${t('error.dismiss')}</button>
      </div>`;
    }
    return nothing;
  }

  #renderSource(locale: Locale) {
    const s = this.summary!;
    const sample = this.source?.kind === 'sample';
    const names = s.files.map((f) => f.file).join(', ');
    return html`<div class="source ${sample ? 'source--sample' : ''}" data-testid="source">
      <div class="source__what">
        <span class="source__icon">${sample ? sparkIcon : fileIcon}</span>
        <div>
          <div class="source__title" data-testid="source-title">${sample ? t('app.sampleBanner') : names}</div>
          <div class="source__meta">
            ${sample
              ? t('app.sampleBanner.detail', { rows: formatCount(s.quality.rows_read, locale) })
              : html`${s.files.length === 1 ? t('app.source.file') : t('app.source.files', { count: s.files.length })} ·
                ${t('app.source.rows', { rows: formatCount(s.quality.rows_used, locale) })}`}
          </div>
        </div>
      </div>
      ${!sample && !this.busy
        ? html`<button type="button" class="btn btn--small" data-action="review-mapping" @click=${this.#reviewMapping}>
            ${t('app.reviewMapping')}
          </button>`
        : nothing}
      <portrait-dropzone
        class=${this.busy ? 'busybar' : ''}
        variant="compact"
        ?busy=${this.busy}
        .progress=${this.progress}
        busy-label=${this.busyLabel}
        ?disabled=${this.engine !== 'ready'}
        @portrait-files=${this.#onFiles}
        @portrait-cancel=${this.#cancel}
      ></portrait-dropzone>
    </div>`;
  }

  #renderTabs(locale: Locale) {
    const s = this.summary!;
    const currency = currencyCode(s.quality.currency.code);
    return html`
      <div class="tabs" role="tablist" aria-label=${t('app.tabs')} @keydown=${this.#onTabKey}>
        ${TABS.map(
          (x) => html`<button
            type="button"
            role="tab"
            class="tab"
            id="tab-${x.id}"
            aria-selected=${this.tab === x.id ? 'true' : 'false'}
            aria-controls="panel-${x.id}"
            tabindex=${this.tab === x.id ? 0 : -1}
            @click=${() => (this.tab = x.id)}
          >
            ${t(x.label)}
            ${x.id === 'quality' && s.quality.rows_rejected > 0
              ? html`<span class="badge">${t('app.qualityBadge', { count: formatCount(s.quality.rows_rejected, locale) })}</span>`
              : nothing}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" tabindex="0" ?hidden=${this.tab !== 'overview'}>
        <portrait-overview .overview=${s.overview} currency=${currency}></portrait-overview>
      </div>
      <div role="tabpanel" id="panel-quality" aria-labelledby="tab-quality" tabindex="0" ?hidden=${this.tab !== 'quality'}>
        <portrait-quality .quality=${s.quality}></portrait-quality>
      </div>
      <div role="tabpanel" id="panel-rfm" aria-labelledby="tab-rfm" tabindex="0" ?hidden=${this.tab !== 'rfm'}>
        ${this.tab === 'rfm' || this.rfm
          ? html`<portrait-rfm .summary=${this.rfm} .source=${this.#portrait} currency=${currency} ?loading=${!this.rfm}></portrait-rfm>`
          : nothing}
      </div>
    `;
  }
}

function exportName(source: Source | null): string {
  if (source?.kind === 'files' && source.files.length === 1) {
    const stem = source.files[0]!.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
    return `portrait-${stem || 'report'}.json`;
  }
  return source?.kind === 'sample' ? 'portrait-sample-shop.json' : 'portrait-report.json';
}

const logo = svg`<svg viewBox="0 0 28 28" aria-hidden="true"><rect width="28" height="28" rx="7" fill="#2852c8"/><circle cx="14" cy="10.5" r="4.2" fill="#fff"/><path d="M6.5 22.5c.9-4 3.9-6.2 7.5-6.2s6.6 2.2 7.5 6.2" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="21.5" cy="7" r="2.2" fill="#7fd1ae"/></svg>`;
const lockIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="9" width="12" height="8" rx="1.5"/><path d="M7 9V6.5a3 3 0 0 1 6 0V9"/></svg>`;
const sparkIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 2.5l1.7 4.6 4.8 1.4-4.8 1.5L10 14.6 8.3 10 3.5 8.5l4.8-1.4z"/><path d="M15.5 13.5l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z"/></svg>`;
const downloadIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 3v10M6 9l4 4 4-4"/><path d="M3.5 14v1.5A1.5 1.5 0 0 0 5 17h10a1.5 1.5 0 0 0 1.5-1.5V14"/></svg>`;
const trashIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3.5 5.5h13M8 5.5V3.8h4v1.7M5.2 5.5l.8 11h8l.8-11"/></svg>`;
const fileIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round" aria-hidden="true"><path d="M5 2.5h6.5L15 6v11.5H5z"/><path d="M11.5 2.5V6H15"/><path d="M7.5 10h5M7.5 13h5" stroke-linecap="round"/></svg>`;
