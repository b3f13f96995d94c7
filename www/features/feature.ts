/**
 * The contract between the app shell and a feature folder (`www/features/<id>/`).
 *
 * A feature folder holds one view: its element, styles, messages (en, zh-CN), tests and a
 * `meta.ts` record (`FeatureMeta`): id, navigation group, label, the tables it needs and a
 * lazy `import()` of its element. `www/features/index.ts` is the one list of them; the shell
 * builds the navigation and the routes (`#/<group>/<id>?…`) from it and knows no view.
 *
 * A view element extends `FeatureView`: the shell sets `portrait` (the worker façade),
 * `context` (what is loaded: summary, currency, and a `generation` that changes whenever
 * the data or the global filter changes) and `params` (the route's query). The view asks
 * for its own results (`portrait.run(kind, params)`, `portrait.table(query)`) and tells the
 * shell when its state should be in the address bar (`PortraitRouteEvent`).
 */

import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Portrait } from '../api/portrait.js';
import type { DataFacts, ExportRequest, IngestSummary, TableKind } from '../api/types.js';

/** The navigation groups, in side-bar order; a group is shown only when a view is in it. */
export const GROUPS = ['data', 'shop', 'customers', 'segments', 'predictions', 'recommendations', 'marketing', 'privacy'] as const;

/** A navigation group. */
export type Group = (typeof GROUPS)[number];

/** A feature's record (its `meta.ts`). */
export interface FeatureMeta {
  /** Route id, unique: `#/<group>/<id>`. */
  readonly id: string;
  /** Where the side bar lists it. */
  readonly group: Group;
  /** Its name in the current language. */
  label(): string;
  /** The tables of the data contract it reads (a view lacking one says which file to add). */
  readonly needs: readonly TableKind[];
  /** The tag of its element (defined by `load`). */
  readonly tag: string;
  /** Imports and defines its element (once; the shell calls it when the view is first opened). */
  load(): Promise<unknown>;
  /**
   * The route parameter of one item, when the view gives each its own address
   * `#/<group>/<value>` (the profiles view: `item: 'id'`, `#/customers/12345`).
   */
  readonly item?: string;
  /**
   * Whether this view, rather than the home view, opens first for `summary`'s data (the market
   * basket view for a basket list, which has no customers, dates or prices to overview).
   */
  opensFirst?(summary: IngestSummary): boolean;
  /** A short count to show beside its name in the side bar (e.g. rejected rows), if any. */
  badge?(summary: IngestSummary): string | null;
}

/** What is loaded, as every view sees it. */
export interface ViewContext {
  /** The ingest summary (files, rows, currency, facts of all lines). */
  summary: IngestSummary;
  /** Facts of the lines the global filter keeps. */
  facts: DataFacts;
  /** ISO 4217 code to format money with. */
  currency: string;
  /** Changes whenever the data or the global filter changes: views fetch again. */
  generation: number;
}

/** A view asks the shell to put `params` into its route (replacing the history entry). */
export class PortraitRouteEvent extends Event {
  static readonly type = 'portrait-route';
  constructor(public readonly params: Record<string, string>) {
    super(PortraitRouteEvent.type, { bubbles: true, composed: true });
  }
}

/** A view shows its results for the current data (the shell then warms the other views). */
export class PortraitViewReadyEvent extends Event {
  static readonly type = 'portrait-view-ready';
  constructor(public readonly generation: number) {
    super(PortraitViewReadyEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'portrait-route': PortraitRouteEvent;
    'portrait-view-ready': PortraitViewReadyEvent;
  }
}

/**
 * Base of every view element. `refresh()` is called when the view is connected with a
 * context, and again whenever the context's generation changes; `paramsChanged()` when the
 * route's query changes (back button, a pasted link).
 */
export abstract class FeatureView extends LitElement {
  /** The worker façade. */
  @property({ attribute: false }) portrait: Portrait | null = null;

  /** What is loaded. */
  @property({ attribute: false }) context: ViewContext | null = null;

  /** The route's query (`#/segments/rfm?segment=champions` → `{segment: 'champions'}`). */
  @property({ attribute: false }) params: Record<string, string> = {};

  /** Its results for the current context are shown (reflected, for tests and embedders). */
  @property({ type: Boolean, reflect: true }) ready = false;

  #generation = -1;

  /** Fetch the view's results for the current context. */
  protected abstract refresh(): void | Promise<void>;

  /** The route's query changed; the default does nothing. */
  protected paramsChanged(): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') && changed.get('params') !== undefined) this.paramsChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const c = this.context;
    if ((changed.has('context') || changed.has('portrait')) && c && this.portrait && c.generation !== this.#generation) {
      this.#generation = c.generation;
      const generation = c.generation;
      this.ready = false;
      void Promise.resolve(this.refresh()).finally(() => {
        if (this.#generation !== generation) return;
        this.ready = true;
        this.dispatchEvent(new PortraitViewReadyEvent(generation));
      });
    }
  }

  /**
   * What the view's "Export JSON" downloads (the same bytes as `portrait KIND --json` with
   * the view's parameters), or `null` when it has nothing to export yet.
   */
  exportRequest(): Partial<ExportRequest> | null {
    return null;
  }

  /** Puts `params` into the address bar (so the view can be linked and reloaded). */
  protected route(params: Record<string, string>): void {
    this.dispatchEvent(new PortraitRouteEvent(params));
  }
}
