import { html, LitElement, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { DEFAULTS } from '../api/types.js';
import { warmUpCharts } from '../charts/chart.js';
import '../elements/dropzone/define.js';
import type { PortraitDropzone } from '../elements/dropzone/dropzone.js';
import '../elements/error/define.js';
import type { PortraitFilesEvent, PortraitMappingEvent, PortraitSheetEvent } from '../elements/events.js';
import '../elements/mapping/define.js';
import { base } from '../elements/shared.styles.js';
import type { FeatureView, ViewContext } from '../features/feature.js';
import { FEATURES, HOME, type FeatureMeta } from '../features/index.js';
import { formatCount } from '../format/format.js';
import { LocaleController, LOCALES, setLocale, t, type Locale, type MessageKey } from '../i18n/index.js';
import { styles } from './app.styles.js';
import './filter-bar.js';
import type { PortraitFilterEvent } from './filter-bar.js';
import { IngestController } from './ingest.js';
import './nav.js';
import { Router, type Route } from './router.js';

/** Label names of the language switch, each in its own language. */
const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * @summary The Portrait application shell: header (language switch, "Try a sample shop",
 * "Export JSON", "Clear data"), the drop zone and the mapping review, the grouped side bar
 * of views with hash routes (`#/segments/rfm?segment=champions`), the global filter, and
 * the open view.
 *
 * The shell knows no view: its navigation, routes and lazy loading come from `FEATURES`,
 * the ingest flow is `IngestController`, and each view fetches its own results.
 *
 * With `autoload-sample` it loads the built-in sample shop on first open (unless the page
 * URL has `?sample=0`). It reflects `ready` once the engine has loaded, `data-state`
 * (`empty`, `busy`, `results`, `mapping`, `error`) and `data-view` (the open view) for tests
 * and embedders.
 *
 * @cssproperty --app-header-height - Height of the sticky header.
 *
 * @csspart header - The top bar.
 * @csspart nav - The side bar.
 * @csspart main - The content area.
 */
export class PortraitApp extends LitElement {
  static override styles = [base, styles];

  /** Load the sample shop when the engine is ready and nothing is loaded. */
  @property({ type: Boolean, attribute: 'autoload-sample' }) autoloadSample = false;

  /** Rows of the sample shop (default from Rust). */
  @property({ type: Number, attribute: 'sample-rows' }) sampleRows: number = DEFAULTS.sample.rows;

  /** Seed of the sample shop (default from Rust). */
  @property({ type: Number, attribute: 'sample-seed' }) sampleSeed: number = DEFAULTS.sample.seed;

  /** The engine is loaded (reflected for tests). */
  @property({ type: Boolean, reflect: true }) ready = false;

  /** The side bar is open as a drawer (narrow screens). */
  @state() private navOpen = false;

  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('main') private mainEl?: HTMLElement;

  #locale = new LocaleController(this);
  #router = new Router(this);
  #ingest = new IngestController(this, () => this.#onEngineReady());
  /** Views whose element is defined, and those opened once (kept, so going back is instant). */
  #loaded = new Set<string>();
  #opened: string[] = [];
  #context: ViewContext | null = null;

  /** The worker façade (null until the engine has loaded). */
  get portrait() {
    return this.#ingest.portrait;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setLocale(this.#locale.locale, false);
    window.addEventListener('dragover', this.#onWindowDragOver);
    window.addEventListener('drop', this.#onWindowDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragover', this.#onWindowDragOver);
    window.removeEventListener('drop', this.#onWindowDrop);
  }

  #onEngineReady(): void {
    this.ready = true;
    // the first view's code and the charts load while the page waits for a file
    void this.#load(this.#feature()?.meta ?? HOME);
    if (this.autoloadSample && !this.#ingest.summary && new URLSearchParams(location.search).get('sample') !== '0') {
      void this.loadSample(true);
    } else {
      const whenIdle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
      whenIdle(() => warmUpCharts());
    }
  }

  // ---------------------------------------------------------------- actions

  /** Generates and shows the sample shop; asks first when it would replace loaded data. */
  async loadSample(confirmed = false): Promise<void> {
    if (!confirmed && this.#ingest.summary) {
      this.confirmDialog?.showModal();
      return;
    }
    await this.#ingest.loadSample({ rows: this.sampleRows, seed: this.sampleSeed });
  }

  /** Ingests files (with optional overrides) and shows the result. */
  analyse(files: File[], options = {}): Promise<void> {
    return this.#ingest.analyse(files, options);
  }

  #clear = async () => {
    await this.#ingest.clear();
    this.#router.clear();
  };

  #onConfirm = (e: Event) => {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (dialog.returnValue === 'replace') void this.loadSample(true);
  };

  #exportReport = () => this.#download({}, this.#exportName(''));

  #exportView = () => {
    const f = this.#feature();
    const el = f ? this.renderRoot.querySelector<FeatureView>(f.meta.tag) : null;
    const request = el?.exportRequest();
    if (f && request) void this.#download(request, this.#exportName(`-${f.meta.id}`));
  };

  async #download(request: Record<string, unknown>, name: string): Promise<void> {
    const p = this.portrait;
    if (!p || !this.#ingest.summary) return;
    try {
      const json = await p.export(request);
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (e) {
      this.#ingest.error = { code: 'worker.internal', message: e instanceof Error ? e.message : String(e) };
      this.requestUpdate();
    }
  }

  #exportName(suffix: string): string {
    const source = this.#ingest.source;
    if (source?.kind === 'files' && source.files.length === 1) {
      const stem = source.files[0]!.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
      return `portrait-${stem || 'report'}${suffix}.json`;
    }
    return source?.kind === 'sample' ? `portrait-sample-shop${suffix}.json` : `portrait-report${suffix}.json`;
  }

  #onFiles = (e: PortraitFilesEvent) => {
    // User Timing marks: `make bench` measures "files chosen → KPI cards painted" from them.
    performance.mark('portrait:files');
    void this.analyse(e.files);
  };

  #onMapping = (e: PortraitMappingEvent) => {
    const m = this.#ingest.mapping;
    if (m) void this.analyse(m.files, e.options);
  };

  #onWindowDragOver = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };

  #onWindowDrop = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    // A drop outside the drop zone would make the browser open the file: analyse it instead.
    e.preventDefault();
    if (this.#ingest.busy || this.#ingest.engine !== 'ready') return;
    performance.mark('portrait:files');
    void this.analyse(Array.from(e.dataTransfer.files));
  };

  #pickFiles = () => {
    this.#ingest.dismissError();
    this.renderRoot.querySelector<PortraitDropzone>('portrait-dropzone')?.open();
  };

  #skip = (e: Event) => {
    e.preventDefault();
    this.mainEl?.focus();
  };

  // ---------------------------------------------------------------- views

  /** The view the address names (or the home view), and whether the address named another. */
  #feature(): { meta: FeatureMeta; route: Route; unknown: boolean } | null {
    const route = this.#router.route;
    const meta = route ? FEATURES.find((f) => f.id === route.view && f.group === route.group) : undefined;
    if (meta && route) return { meta, route, unknown: false };
    return { meta: HOME, route: { group: HOME.group, view: HOME.id, params: {} }, unknown: route !== null };
  }

  async #load(meta: FeatureMeta): Promise<void> {
    if (this.#loaded.has(meta.id)) return;
    await meta.load();
    this.#loaded.add(meta.id);
    this.requestUpdate();
  }

  #viewContext(): ViewContext | null {
    const s = this.#ingest.summary;
    if (!s) return null;
    const ingest = this.#ingest;
    if (this.#context?.generation !== ingest.generation || this.#context.summary !== s) {
      this.#context = { summary: s, facts: ingest.facts ?? s.facts, currency: s.currency.code || 'CNY', generation: ingest.generation };
    }
    return this.#context;
  }

  #onRoute = (e: Event) => {
    const f = this.#feature();
    const params = (e as CustomEvent & { params: Record<string, string> }).params;
    if (f) this.#router.go({ group: f.meta.group, view: f.meta.id, params }, true);
  };

  #onFilter = (e: PortraitFilterEvent) => void this.#ingest.setFilter(e.filter);

  // ---------------------------------------------------------------- render

  #state(): string {
    const i = this.#ingest;
    if (i.mapping) return 'mapping';
    if (i.busy) return 'busy';
    if (i.summary) return 'results';
    if (i.error) return 'error';
    return 'empty';
  }

  protected override updated(): void {
    // with data and no view in the address, the address names the home view
    if (this.#ingest.summary && !this.#ingest.mapping && !this.#router.route) {
      this.#router.go({ group: HOME.group, view: HOME.id, params: {} }, true);
    }
    this.dataset['state'] = this.#state();
    this.dataset['engine'] = this.#ingest.engine;
    const f = this.#feature();
    if (this.#ingest.summary && f) this.dataset['view'] = f.meta.id;
    else delete this.dataset['view'];
  }

  override render() {
    const locale = this.#locale.locale;
    const i = this.#ingest;
    const canAct = i.engine === 'ready';
    const results = i.summary !== null && !i.mapping;
    return html`
      <a class="skip" href="#main" @click=${this.#skip}>${t('app.skip')}</a>
      <header class="top" part="header">
        <div class="top__inner">
          ${results
            ? html`<button
                type="button"
                class="btn btn--small btn--ghost menu"
                aria-expanded=${this.navOpen ? 'true' : 'false'}
                aria-controls="nav"
                title=${t('app.menu.open')}
                @click=${() => (this.navOpen = !this.navOpen)}
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
            <button type="button" class="btn btn--small" data-action="sample" title=${t('app.sample')} ?disabled=${!canAct} @click=${() => this.loadSample()}>
              ${sparkIcon}<span class="label">${t('app.sample')}</span>
            </button>
            <button type="button" class="btn btn--small" data-action="export" title=${t('app.export.title')} ?disabled=${!canAct || !i.summary || i.busy} @click=${this.#exportReport}>
              ${downloadIcon}<span class="label">${t('app.export')}</span>
            </button>
            <button
              type="button"
              class="btn btn--small btn--ghost"
              data-action="clear"
              title=${t('app.clear.title')}
              ?disabled=${!i.summary && !i.busy && !i.error}
              @click=${this.#clear}
            >
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
      </header>
      <div class="layout ${results ? 'layout--nav' : ''}">
        ${results ? this.#renderNav() : nothing}
        <main id="main" part="main" tabindex="-1">${this.#renderMain(locale)}</main>
      </div>
      <footer>${t('app.footer')}</footer>
      <dialog class="confirm" aria-labelledby="confirm-title" @close=${this.#onConfirm}>
        <form method="dialog">
          <h2 id="confirm-title">${t('app.confirm.title')}</h2>
          <p>${t('app.confirm.body', { name: this.#sourceName() })}</p>
          <div class="confirm__actions">
            <button class="btn" value="keep" autofocus>${t('app.confirm.keep')}</button>
            <button class="btn btn--primary" value="replace" data-action="confirm-sample">${t('app.confirm.replace')}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  #sourceName(): string {
    const s = this.#ingest.source;
    if (s?.kind === 'files') return s.files.map((f) => f.name).join(', ');
    return t('app.sampleBanner').split(' — ')[0] ?? '';
  }

  #renderNav() {
    const f = this.#feature();
    // choosing a view (a link inside the side bar's shadow root) or Escape closes the drawer
    const close = (e: Event) => {
      const link = e.composedPath().some((n) => n instanceof HTMLAnchorElement);
      if (link || (e instanceof KeyboardEvent && e.key === 'Escape')) this.navOpen = false;
    };
    return html`<div class="nav ${this.navOpen ? 'nav--open' : ''}" id="nav" part="nav" @click=${close} @keydown=${close}>
      <portrait-nav .features=${FEATURES} .summary=${this.#ingest.summary} active=${f?.meta.id ?? ''}></portrait-nav>
    </div>`;
  }

  #renderMain(locale: Locale) {
    const i = this.#ingest;
    const banner = this.#renderBanner();
    if (i.engine === 'loading' && !i.summary) {
      return html`${banner}
        <portrait-dropzone variant="hero" busy busy-label=${t('app.loadingEngine')} disabled></portrait-dropzone>`;
    }
    if (i.mapping) {
      const m = i.mapping;
      return html`${banner}
        <portrait-mapping
          .inspections=${m.inspections}
          .options=${m.options}
          .dateQuestion=${m.dateQuestion}
          .mode=${m.mode}
          ?busy=${m.busy}
          @portrait-mapping=${this.#onMapping}
          @portrait-sheet=${(e: PortraitSheetEvent) => i.chooseSheet(e.file, e.sheet)}
          @portrait-dismiss=${() => i.dismissMapping()}
        ></portrait-mapping>`;
    }
    if (!i.summary) {
      const asked = this.#router.route ? this.#feature() : null;
      return html`${banner}
        ${asked && !asked.unknown && !i.busy ? html`<p class="notice" role="status">${t('app.needsData', { view: asked.meta.label() })}</p>` : nothing}
        ${this.#renderError()}
        <portrait-dropzone
          variant="hero"
          ?busy=${i.busy}
          .progress=${i.progress}
          busy-label=${i.busyLabel}
          ?disabled=${i.engine !== 'ready'}
          @portrait-files=${this.#onFiles}
          @portrait-cancel=${() => i.cancel()}
        >
          <button slot="actions" type="button" class="btn" ?disabled=${i.engine !== 'ready'} @click=${() => this.loadSample()}>
            ${sparkIcon}${t('app.sample')}
          </button>
        </portrait-dropzone>`;
    }
    return html`${banner} ${this.#renderSource(locale)}
      <portrait-filter .all=${i.summary.facts} .shown=${i.facts} .filter=${i.filter} @portrait-filter=${this.#onFilter}></portrait-filter>
      ${this.#renderError()} ${this.#renderView()}`;
  }

  #renderView() {
    const f = this.#feature();
    if (!f) return nothing;
    const { meta, route, unknown } = f;
    if (!this.#opened.includes(meta.id)) this.#opened.push(meta.id);
    if (!this.#loaded.has(meta.id)) void this.#load(meta);
    const context = this.#viewContext();
    const group = t(`group.${meta.group}` as MessageKey);
    return html`${unknown ? html`<p class="notice" role="status">${t('app.unknownView')}</p>` : nothing}
      <div class="viewbar">
        <h1 class="viewbar__title"><span class="viewbar__group">${group} ›</span> ${meta.label()}</h1>
        <button type="button" class="btn btn--small" data-action="export-view" title=${t('app.viewExport.title')} @click=${this.#exportView}>
          ${downloadIcon}${t('app.viewExport')}
        </button>
      </div>
      ${this.#opened.map((id) => {
        const m = FEATURES.find((x) => x.id === id)!;
        if (!this.#loaded.has(id)) return id === meta.id ? html`<p class="muted" aria-busy="true">${t('app.loadingView')}</p>` : nothing;
        const tag = unsafeStatic(m.tag);
        const params = id === meta.id ? route.params : undefined;
        return staticHtml`<${tag}
          class="view"
          data-view=${id}
          ?hidden=${id !== meta.id}
          .portrait=${this.portrait}
          .context=${context}
          .params=${params ?? {}}
          @portrait-route=${this.#onRoute}
        ></${tag}>`;
      })}`;
  }

  /** The error view with "try another file", when the last action failed. */
  #renderError() {
    const i = this.#ingest;
    if (!i.error) return nothing;
    return html`<portrait-error
      .error=${i.error}
      ?retryable=${i.engine === 'ready'}
      @portrait-retry=${this.#pickFiles}
      @portrait-dismiss=${() => i.dismissError()}
    ></portrait-error>`;
  }

  #renderBanner() {
    const i = this.#ingest;
    if (i.engine === 'crashed' || i.engine === 'failed') {
      return html`<div class="notice notice--danger" role="alert">
        <span>${i.engine === 'crashed' ? t('app.crashed') : t('app.engineFailed')}</span>
        <button type="button" class="btn btn--small" @click=${() => i.restart()}>${t('app.restart')}</button>
      </div>`;
    }
    if (i.notice) {
      return html`<div class="notice" role="status">
        <span>${i.notice}</span>
        <button type="button" class="btn btn--small btn--ghost" @click=${() => i.dismissNotice()}>${t('error.dismiss')}</button>
      </div>`;
    }
    return nothing;
  }

  #renderSource(locale: Locale) {
    const i = this.#ingest;
    const s = i.summary!;
    const sample = i.source?.kind === 'sample';
    const names = s.files.map((f) => f.file).join(', ');
    return html`<div class="source ${sample ? 'source--sample' : ''}" data-testid="source">
      <div class="source__what">
        <span class="source__icon">${sample ? sparkIcon : fileIcon}</span>
        <div>
          <div class="source__title" data-testid="source-title">${sample ? t('app.sampleBanner') : names}</div>
          <div class="source__meta">
            ${sample
              ? t('app.sampleBanner.detail', { rows: formatCount(s.rows.read, locale) })
              : html`${s.files.length === 1 ? t('app.source.file') : t('app.source.files', { count: s.files.length })} ·
                ${t('app.source.rows', { rows: formatCount(s.rows.used, locale) })}`}
          </div>
        </div>
      </div>
      ${!sample && !i.busy
        ? html`<button type="button" class="btn btn--small" data-action="review-mapping" @click=${() => i.reviewMapping()}>
            ${t('app.reviewMapping')}
          </button>`
        : nothing}
      <portrait-dropzone
        class=${i.busy ? 'busybar' : ''}
        variant="compact"
        ?busy=${i.busy}
        .progress=${i.progress}
        busy-label=${i.busyLabel}
        ?disabled=${i.engine !== 'ready'}
        @portrait-files=${this.#onFiles}
        @portrait-cancel=${() => i.cancel()}
      ></portrait-dropzone>
    </div>`;
  }
}

const logo = svg`<svg viewBox="0 0 28 28" aria-hidden="true"><rect width="28" height="28" rx="7" fill="#2852c8"/><circle cx="14" cy="10.5" r="4.2" fill="#fff"/><path d="M6.5 22.5c.9-4 3.9-6.2 7.5-6.2s6.6 2.2 7.5 6.2" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="21.5" cy="7" r="2.2" fill="#7fd1ae"/></svg>`;
const lockIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="9" width="12" height="8" rx="1.5"/><path d="M7 9V6.5a3 3 0 0 1 6 0V9"/></svg>`;
const sparkIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 2.5l1.7 4.6 4.8 1.4-4.8 1.5L10 14.6 8.3 10 3.5 8.5l4.8-1.4z"/><path d="M15.5 13.5l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z"/></svg>`;
const downloadIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 3v10M6 9l4 4 4-4"/><path d="M3.5 14v1.5A1.5 1.5 0 0 0 5 17h10a1.5 1.5 0 0 0 1.5-1.5V14"/></svg>`;
const trashIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3.5 5.5h13M8 5.5V3.8h4v1.7M5.2 5.5l.8 11h8l.8-11"/></svg>`;
const fileIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round" aria-hidden="true"><path d="M5 2.5h6.5L15 6v11.5H5z"/><path d="M11.5 2.5V6H15"/><path d="M7.5 10h5M7.5 13h5" stroke-linecap="round"/></svg>`;
const menuIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" aria-hidden="true"><path d="M3.5 5.5h13M3.5 10h13M3.5 14.5h13"/></svg>`;

if (!customElements.get('portrait-app')) customElements.define('portrait-app', PortraitApp);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-app': PortraitApp;
  }
}
