import { clearSaved } from '../elements/saved.js';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { DEFAULTS } from '../api/types.js';
import '../elements/dropzone/define.js';
import type { PortraitDropzone } from '../elements/dropzone/dropzone.js';
import '../elements/error/define.js';
import type { PortraitFilesEvent, PortraitMappingEvent, PortraitPlatformEvent, PortraitSheetEvent, PortraitTableEvent } from '../elements/events.js';
import '../elements/mapping/define.js';
import { base } from '../elements/shared.styles.js';
import type { FeatureView, PortraitViewReadyEvent, ViewContext } from '../features/feature.js';
import { FEATURES, homeFor, type FeatureMeta } from '../features/index.js';
import { LocaleController, setLocale, t, type MessageKey } from '../i18n/index.js';
import { styles } from './app.styles.js';
import { downloadIcon, sparkIcon } from './icons.js';
import './header.js';
import type { PortraitActionEvent } from './header.js';
import { download, exportName } from './download.js';
import './source-bar.js';
import './filter-bar.js';
import type { PortraitFilterEvent } from './filter-bar.js';
import { IngestController } from './ingest.js';
import './nav.js';
import { addressOf, resolve, Router, type Route } from './router.js';

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
 * (`empty`, `busy`, `results`, `filtering`, `mapping`, `error`) and `data-view` (the open view) for tests
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
  #ingest = new IngestController(
    this,
    () => this.#onEngineReady(),
    () => (this.#feature()?.meta ?? this.#home).id,
  );
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
    if (this.autoloadSample && !this.#ingest.summary && new URLSearchParams(location.search).get('sample') !== '0') {
      void this.loadSample(true);
    }
  }

  /**
   * Loads the current view's code while data is being read: the empty page downloads no
   * view, yet the view is ready when the data is (its charts load when it first draws one).
   */
  #prepareView(): void {
    void this.#load(this.#feature()?.meta ?? this.#home);
  }

  // ---------------------------------------------------------------- actions

  /** Generates and shows the sample shop; asks first when it would replace loaded data. */
  async loadSample(confirmed = false): Promise<void> {
    if (!confirmed && this.#ingest.summary) {
      this.confirmDialog?.showModal();
      return;
    }
    this.#prepareView();
    await this.#ingest.loadSample({ rows: this.sampleRows, seed: this.sampleSeed });
  }

  /** Ingests files (with optional overrides) and shows the result. */
  analyse(files: File[], options = {}): Promise<void> {
    this.#prepareView();
    return this.#ingest.analyse(files, options);
  }

  #clear = async () => {
    await this.#ingest.clear();
    clearSaved(); // the views' saved definitions (audiences) too
    this.#router.clear();
  };

  #onAction = (e: PortraitActionEvent) => {
    if (e.action === 'menu') this.navOpen = !this.navOpen;
    else if (e.action === 'sample') void this.loadSample();
    else if (e.action === 'export') void this.#exportReport();
    else void this.#clear();
  };

  #onConfirm = (e: Event) => {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (dialog.returnValue === 'replace') void this.loadSample(true);
  };

  #exportReport = () => this.#download({}, exportName(this.#ingest.source, ''));

  #exportView = () => {
    const f = this.#feature();
    const el = f ? this.renderRoot.querySelector<FeatureView>(f.meta.tag) : null;
    const request = el?.exportRequest();
    if (f && request) void this.#download(request, exportName(this.#ingest.source, `-${f.meta.id}`));
  };

  async #download(request: Record<string, unknown>, name: string): Promise<void> {
    const p = this.portrait;
    if (!p || !this.#ingest.summary) return;
    try {
      download(await p.export(request), name);
    } catch (e) {
      this.#ingest.error = { code: 'worker.internal', message: e instanceof Error ? e.message : String(e) };
      this.requestUpdate();
    }
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
    const found = route ? resolve(route, FEATURES) : null;
    if (found) return { meta: found.view, route: { group: found.view.group, view: found.view.id, params: found.params }, unknown: false };
    const home = this.#home;
    return { meta: home, route: { group: home.group, view: home.id, params: {} }, unknown: route !== null };
  }

  /** The view opened first for the data loaded. */
  get #home(): FeatureMeta {
    return homeFor(this.#ingest?.summary);
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
      this.#context = { summary: s, facts: ingest.facts ?? s.facts, currency: s.currency.code, generation: ingest.generation };
    }
    return this.#context;
  }

  #onRoute = (e: Event) => {
    const f = this.#feature();
    const params = (e as CustomEvent & { params: Record<string, string> }).params;
    if (f) this.#router.go(addressOf(f.meta, params), true);
  };

  #onFilter = (e: PortraitFilterEvent) => void this.#ingest.setFilter(e.filter);

  #onViewReady = (e: PortraitViewReadyEvent) => this.#ingest.warm(e.generation);

  // ---------------------------------------------------------------- render

  #state(): string {
    const i = this.#ingest;
    if (i.mapping) return 'mapping';
    if (i.busy) return 'busy';
    if (i.summary) return i.filtering > 0 ? 'filtering' : 'results';
    if (i.error) return 'error';
    return 'empty';
  }

  protected override updated(): void {
    // with data and no view in the address, the address names the home view
    if (this.#ingest.summary && !this.#ingest.mapping && !this.#router.route) {
      this.#router.go({ group: this.#home.group, view: this.#home.id, params: {} }, true);
    }
    this.dataset['state'] = this.#state();
    this.dataset['engine'] = this.#ingest.engine;
    const f = this.#feature();
    if (this.#ingest.summary && f) this.dataset['view'] = f.meta.id;
    else delete this.dataset['view'];
  }

  override render() {
    void this.#locale.locale;
    const i = this.#ingest;
    const canAct = i.engine === 'ready';
    const results = i.summary !== null && !i.mapping;
    return html`
      <a class="skip" href="#main" @click=${this.#skip}>${t('app.skip')}</a>
      <portrait-header
        part="header"
        ?menu=${results}
        ?nav-open=${this.navOpen}
        ?can-act=${canAct}
        ?can-export=${canAct && i.summary !== null && !i.busy}
        ?can-clear=${i.summary !== null || i.busy || i.error !== null}
        @portrait-action=${this.#onAction}
      ></portrait-header>
      <div class="layout ${results ? 'layout--nav' : ''}">
        ${results ? this.#renderNav() : nothing}
        <main id="main" part="main" tabindex="-1">${this.#renderMain()}</main>
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

  #renderMain() {
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
          .currency=${i.summary?.currency ?? null}
          @portrait-sheet=${(e: PortraitSheetEvent) => i.chooseSheet(e.file, e.sheet)}
          @portrait-platform=${(e: PortraitPlatformEvent) => i.choosePlatform(e.file, e.platform)}
          @portrait-table=${(e: PortraitTableEvent) => i.chooseTable(e.file, e.table)}
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
    return html`${banner}
      <portrait-source
        .summary=${i.summary}
        ?sample=${i.source?.kind === 'sample'}
        ?busy=${i.busy}
        .progress=${i.progress}
        busy-label=${i.busyLabel}
        ?disabled=${i.engine !== 'ready'}
        @portrait-files=${this.#onFiles}
        @portrait-cancel=${() => i.cancel()}
        @portrait-review=${() => i.reviewMapping()}
      ></portrait-source>
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
          @portrait-view-ready=${this.#onViewReady}
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
}

if (!customElements.get('portrait-app')) customElements.define('portrait-app', PortraitApp);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-app': PortraitApp;
  }
}
