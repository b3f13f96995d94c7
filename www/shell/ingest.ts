/**
 * The ingest flow of the app shell, as a Lit reactive controller: opening the engine, the
 * sample shop, dropped files (with the mapping question and the day/month question), the
 * global filter, cancel, clear and restart. It holds what is loaded — never an analysis's
 * results: views fetch those themselves.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Portrait, PortraitError } from '../api/portrait.js';
import { ErrorCode } from '../api/protocol.js';
import { ANALYSES, type AnalysisKind, type DataFacts, type DataFilter, type FileInspection, type IngestOptions, type IngestSummary, type Progress, type SampleParams, type WireError, type Input, type TableKind } from '../api/types.js';
import { withPlatform, withSheet, withTable } from '../elements/mapping/mapping-model.js';
import type { DateQuestion } from '../elements/mapping/mapping.js';
import { t } from '../i18n/index.js';

/** Engine lifecycle. */
export type EngineState = 'loading' | 'ready' | 'failed' | 'crashed';

/** What the loaded data came from. */
export type Source = { kind: 'sample' } | { kind: 'files'; files: File[]; options: Input<IngestOptions> };

/** The mapping panel's state. */
export interface MappingState {
  mode: 'missing' | 'review';
  files: File[];
  options: Input<IngestOptions>;
  inspections: FileInspection[];
  dateQuestion: DateQuestion | null;
  busy: boolean;
}

/** A filter that keeps every line. */
const NO_FILTER: Input<DataFilter> = {};

export class IngestController implements ReactiveController {
  engine: EngineState = 'loading';
  portrait: Portrait | null = null;
  busy = false;
  busyLabel = '';
  progress: Progress | null = null;
  summary: IngestSummary | null = null;
  source: Source | null = null;
  error: WireError | null = null;
  notice = '';
  mapping: MappingState | null = null;
  /** The global filter and the facts of what it keeps. */
  filter: Input<DataFilter> = NO_FILTER;
  facts: DataFacts | null = null;
  /** Filter changes sent to the worker and not answered yet. */
  filtering = 0;
  /** Changes with every new dataset and every filter change (views fetch again). */
  generation = 0;

  #host: ReactiveControllerHost;
  #warmed = -1;
  #abort: AbortController | null = null;
  #job = 0;
  /** Counts filter requests: an answer to an older one is not shown. */
  #filterAsked = 0;
  /** The filter whose facts are shown (restored when a newer request fails). */
  #filterApplied: Input<DataFilter> = NO_FILTER;
  #ready: () => void;
  #opening: () => string;

  /** `ready`: called once the engine is loaded; `opening`: the id of the view data opens on. */
  constructor(host: ReactiveControllerHost, ready: () => void, opening: () => string) {
    this.#host = host;
    this.#ready = ready;
    this.#opening = opening;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.portrait && this.engine === 'loading') void this.open();
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  async open(): Promise<void> {
    try {
      const portrait = await Portrait.open();
      portrait.addEventListener('crashed', () => {
        this.engine = 'crashed';
        this.busy = false;
        this.#update();
      });
      this.portrait = portrait;
      this.engine = 'ready';
      this.#update();
      this.#ready();
    } catch (e) {
      this.engine = 'failed';
      this.error = PortraitError.from(e).toWire();
      this.#update();
    }
  }

  /** Generates and shows the built-in sample shop. */
  async loadSample(params?: Input<SampleParams>): Promise<void> {
    const p = this.portrait;
    if (!p) return;
    const { signal, job } = this.#begin(t('drop.stage.sample'));
    try {
      const summary = await p.sample({ params, signal, onProgress: (pr) => this.#progress(job, pr) });
      if (job === this.#job) this.#show(summary, { kind: 'sample' });
    } catch (e) {
      this.#failed(e, job);
    }
  }

  /** Ingests files (with optional overrides) and shows the result. */
  async analyse(files: File[], options: Input<IngestOptions> = {}): Promise<void> {
    const p = this.portrait;
    if (!p || files.length === 0) return;
    const { signal, job } = this.#begin('');
    try {
      const summary = await p.ingest(files, { signal, options, onProgress: (pr) => this.#progress(job, pr) });
      if (job === this.#job) this.#show(summary, { kind: 'files', files, options });
    } catch (e) {
      const err = PortraitError.from(e);
      if (job !== this.#job) return;
      if (err.code === 'ingest.missing_columns' || err.code === 'ingest.ambiguous_date_order') {
        this.busy = false;
        this.progress = null;
        void this.#askMapping(err, files, options);
        return;
      }
      this.#failed(err, job);
    }
  }

  #progress(job: number, p: Progress): void {
    if (job !== this.#job) return;
    this.progress = p;
    this.#update();
  }

  /** Starts a job: cancels the previous one, resets transient state. */
  #begin(label: string): { signal: AbortSignal; job: number } {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const job = ++this.#job;
    this.busy = true;
    this.busyLabel = label;
    this.progress = null;
    this.error = null;
    this.notice = '';
    this.mapping = null;
    this.#update();
    return { signal: abort.signal, job };
  }

  #failed(e: unknown, job: number): void {
    if (job !== this.#job) return;
    const err = PortraitError.from(e);
    this.busy = false;
    this.progress = null;
    if (err.cancelled) this.notice = t('app.cancelled');
    else {
      if (err.code === ErrorCode.Crashed || err.code === ErrorCode.WorkerFailed) this.engine = 'crashed';
      this.error = err.toWire();
    }
    this.#update();
  }

  #show(summary: IngestSummary, source: Source): void {
    // `make bench` splits "files chosen → KPI cards" at this mark: the data is loaded
    performance.mark('portrait:loaded');
    this.busy = false;
    this.progress = null;
    this.summary = summary;
    this.source = source;
    this.filter = this.#filterApplied = NO_FILTER;
    this.#filterAsked++;
    this.facts = summary.facts;
    this.generation++;
    this.error = null;
    this.mapping = null;
    this.#warmFirst();
    this.#update();
  }

  /**
   * A view shows its results for data `generation`: fit the other views' analyses in the
   * worker now (once per generation), so opening them next answers from its cache.
   */
  warm(generation: number): void {
    const p = this.portrait;
    if (!p || generation !== this.generation || this.#warmed === generation) return;
    this.#warmed = generation;
    // warming only saves time later: a failure (the data was cleared meanwhile) is harmless
    p.warm().catch(() => {});
  }

  /** Data is shown: the worker fits the open view's analysis while the page draws it. */
  #warmFirst(): void {
    const kind = this.#opening();
    if (this.portrait && kind in ANALYSES) this.portrait.warm([kind as AnalysisKind]).catch(() => {});
  }

  /**
   * Applies the global filter to every analysis. The filter asked for is the filter at once:
   * the bar builds its next change on it, so a second change made before the worker answers
   * the first keeps both. Only the answer to the latest request is shown.
   */
  async setFilter(filter: Input<DataFilter>): Promise<void> {
    const p = this.portrait;
    if (!p || !this.summary) return;
    const asked = ++this.#filterAsked;
    const before = this.#filterApplied;
    this.filter = filter;
    this.filtering++;
    this.#update();
    try {
      const facts = await p.filter(filter);
      if (asked === this.#filterAsked) {
        this.facts = facts;
        this.#filterApplied = filter;
        this.generation++;
        this.error = null;
      }
    } catch (e) {
      if (asked === this.#filterAsked) {
        this.filter = before;
        this.error = PortraitError.from(e).toWire();
      }
    } finally {
      this.filtering--;
    }
    this.#update();
  }

  async #askMapping(err: PortraitError, files: File[], options: Input<IngestOptions>): Promise<void> {
    const examples = err.params['examples'];
    const dateQuestion: DateQuestion | null =
      err.code === 'ingest.ambiguous_date_order'
        ? { file: err.file ?? '', column: err.column ?? '', examples: Array.isArray(examples) ? [...examples] : [] }
        : null;
    const state: MappingState = { mode: 'missing', files, options, inspections: [], dateQuestion, busy: !dateQuestion };
    this.mapping = state;
    this.#update();
    if (dateQuestion) return;
    const job = this.#job;
    try {
      const targets = files.filter((f) => f.name === err.file);
      const inspections: FileInspection[] = [];
      for (const file of targets.length ? targets : files) {
        const fo = options.files?.find((o) => o.file === file.name);
        inspections.push(await this.portrait!.inspect(file, fo ? { ...fo, mapping: null } : undefined));
      }
      if (job !== this.#job) return;
      this.mapping = { ...state, inspections, busy: false };
    } catch (e) {
      if (job !== this.#job) return;
      this.mapping = null;
      this.error = PortraitError.from(e).toWire();
    }
    this.#update();
  }

  /** Opens the mapping panel on the loaded files. */
  reviewMapping(): void {
    if (!this.summary || this.source?.kind !== 'files') return;
    this.mapping = {
      mode: 'review',
      files: this.source.files,
      options: this.source.options,
      inspections: this.summary.files,
      dateQuestion: null,
      busy: false,
    };
    this.#update();
  }

  /** Another sheet of a workbook was chosen: inspect that sheet and show its columns. */
  chooseSheet(fileName: string, sheet: string): Promise<void> {
    return this.#reinspect(fileName, (options) => withSheet(options, fileName, sheet));
  }

  /** Another platform export was chosen for a file: inspect it as that export. */
  choosePlatform(fileName: string, platform: string | null): Promise<void> {
    return this.#reinspect(fileName, (options) => withPlatform(options, fileName, platform));
  }

  /** Another table was chosen for a file: inspect it as that table. */
  chooseTable(fileName: string, table: TableKind | null): Promise<void> {
    return this.#reinspect(fileName, (options) => withTable(options, fileName, table));
  }

  /** Inspects `fileName` again under the options `change` makes, and shows its columns. */
  async #reinspect(
    fileName: string,
    change: (options: Input<IngestOptions>) => Input<IngestOptions>,
  ): Promise<void> {
    const m = this.mapping;
    const file = m?.files.find((f) => f.name === fileName);
    if (!m || !file || !this.portrait) return;
    const options = change(m.options);
    this.mapping = { ...m, options, busy: true };
    this.#update();
    try {
      const fileOptions = options.files?.find((f) => f.file === fileName) ?? { file: fileName };
      const inspection = await this.portrait.inspect(file, fileOptions);
      const now = this.mapping;
      if (!now || now.files !== m.files) return;
      const inspections = now.inspections.map((i) => (i.file === fileName ? inspection : i));
      this.mapping = { ...now, options, inspections, busy: false };
    } catch (err) {
      if (this.mapping) this.mapping = { ...this.mapping, busy: false };
      this.error = PortraitError.from(err).toWire();
    }
    this.#update();
  }

  dismissMapping(): void {
    this.mapping = null;
    this.#update();
  }

  dismissError(): void {
    this.error = null;
    this.#update();
  }

  dismissNotice(): void {
    this.notice = '';
    this.#update();
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Forgets everything in the worker and on the page. */
  async clear(): Promise<void> {
    this.#abort?.abort();
    this.#job++;
    try {
      await this.portrait?.clear();
    } catch {
      // a crashed engine has nothing to clear
    }
    this.busy = false;
    this.summary = null;
    this.source = null;
    this.mapping = null;
    this.error = null;
    this.facts = null;
    this.filter = this.#filterApplied = NO_FILTER;
    this.#filterAsked++;
    this.generation++;
    this.notice = t('app.cleared');
    this.#update();
  }

  /** Starts a fresh engine (all data is gone). */
  async restart(): Promise<void> {
    const p = this.portrait;
    this.engine = 'loading';
    this.#job++;
    this.#update();
    if (!p) {
      this.error = null;
      await this.open();
      return;
    }
    try {
      await p.restart();
      this.engine = 'ready';
      this.summary = null;
      this.source = null;
      this.facts = null;
      this.filter = this.#filterApplied = NO_FILTER;
      this.#filterAsked++;
      this.generation++;
      this.error = null;
      this.busy = false;
    } catch (e) {
      this.engine = 'failed';
      this.error = PortraitError.from(e).toWire();
    }
    this.#update();
  }
}
