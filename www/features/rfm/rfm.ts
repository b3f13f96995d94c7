import { saveFile } from '../../elements/save.js';
import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ANALYSES, DEFAULTS, type ColumnId, type GridCell, type RfmSummary, type Segment, type TablePage, type TableQuery } from '../../api/types.js';
import { chartFrame, ChartSlot, chartTheme, escapeHtml, type ChartOption } from '../../charts/chart.js';
import { Debounce } from '../../elements/debounce.js';
import { PortraitSegmentEvent } from '../../elements/events.js';
import { rove } from '../../elements/roving.js';
import { base } from '../../elements/shared.styles.js';
import { chevron, sortIcon } from '../../elements/table-icons.js';
import { tableStyles } from '../../elements/table.styles.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { t } from './messages.js';
import { styles } from './rfm.styles.js';

type Key = Parameters<typeof t>[0];

/** The segment codes, best first (the `rfm.segment` column's names, from Rust). */
export const SEGMENTS: readonly Segment[] = (() => {
  const kind = ANALYSES.rfm.columns.find((c) => c.name === 'segment')!.kind;
  return (kind.kind === 'code' ? kind.names : []) as Segment[];
})();

/** The score bins the view offers (the analysis accepts 2 to 10). */
export const BIN_CHOICES = [3, 4, 5, 10] as const;

/** The table's sortable columns: customer id (no column) and four RFM columns. */
type Sort = 'customer_id' | Extract<ColumnId, `rfm.${string}`>;

/** Segments whose colour is light: dark text on their grid cells keeps the contrast. */
const LIGHT_SEGMENTS: ReadonlySet<Segment> = new Set(['promising', 'need_attention', 'about_to_sleep', 'hibernating', 'lost']);

/** Rows per page of the customer table: the DOM never holds more. */
export const PAGE_SIZE = DEFAULTS.table_page_rows;

const COLUMNS: Array<{ id: Sort; label: Key; num: boolean }> = [
  { id: 'customer_id', label: 'rfm.col.customerId', num: false },
  { id: 'rfm.segment', label: 'rfm.col.segment', num: false },
  { id: 'rfm.recency', label: 'rfm.col.recency', num: true },
  { id: 'rfm.frequency', label: 'rfm.col.frequency', num: true },
  { id: 'rfm.monetary_cents', label: 'rfm.col.monetary', num: true },
];

/** The columns each page row carries. */
const ROW_COLUMNS: ColumnId[] = ['rfm.segment', 'rfm.recency', 'rfm.frequency', 'rfm.monetary_cents', 'rfm.r_score', 'rfm.f_score', 'rfm.m_score'];

interface Row {
  customer_id: string;
  segment: Segment;
  recency: number;
  frequency: number;
  monetary_cents: number;
  scores: string;
}

function rowOf(r: TablePage['rows'][number]): Row {
  return {
    customer_id: r.customer_id,
    segment: r['rfm.segment'] as Segment,
    recency: r['rfm.recency'] as number,
    frequency: r['rfm.frequency'] as number,
    monetary_cents: r['rfm.monetary_cents'] as number,
    scores: `${r['rfm.r_score']} · ${r['rfm.f_score']} · ${r['rfm.m_score']}`,
  };
}

/** The route's segment, when it names one. */
function segmentParam(params: Record<string, string>): Segment | null {
  const s = params['segment'];
  return s && (SEGMENTS as readonly string[]).includes(s) ? (s as Segment) : null;
}

/** The route's bins, when valid. */
function binsParam(params: Record<string, string>): number {
  const b = Number(params['bins']);
  const [min, max] = DEFAULTS.limits.rfm.bins;
  return Number.isInteger(b) && b >= min && b <= max ? b : DEFAULTS.analyses.rfm.bins;
}

/**
 * @summary RFM segments: customer and revenue share per segment (bars), the R × F grid,
 * the segment table and a paged, sortable, searchable customer table.
 *
 * The summary is `run('rfm', {bins})`; the customer table asks the one customer table for
 * one page at a time (the worker sorts and filters), so it stays fast with 100k+ customers.
 * The chosen segment and bins are in the route (`#/segments/rfm?segment=champions&bins=4`).
 *
 * @event portrait-segment - `PortraitSegmentEvent`: the segment filter changed.
 *
 * @cssproperty --grid-cell-size - Height of an R × F cell.
 * @cssproperty --portrait-segment-<code> - Colour of each segment (from the tokens).
 *
 * @csspart chart - The segment share chart.
 * @csspart grid - The R × F grid.
 * @csspart customers - The customer table.
 */
export class PortraitRfm extends FeatureView {
  static override styles = [base, tableStyles, styles];

  @state() private summary: RfmSummary | null = null;
  @state() private failed = '';
  @state() private bins: number = DEFAULTS.analyses.rfm.bins;
  @state() private search = '';
  @state() private segment: Segment | null = null;
  /** A chosen R × F cell: its customers alone (null: the segment filter, or all). */
  @state() private cell: { r: number; f: number } | null = null;
  @state() private sort: Sort = 'rfm.monetary_cents';
  @state() private descending = true;
  @state() private offset = 0;
  @state() private page: { total: number; rows: Row[] } | null = null;
  @state() private pageBusy = false;
  @state() private pageError = '';

  @query('.chart') private chartEl?: HTMLElement;

  #locale = new LocaleController(this);
  #chart = new ChartSlot((chart) =>
    chart.on('click', (p) => {
      const i = (p as { dataIndex?: number }).dataIndex;
      if (i !== undefined && this.summary) this.showSegment(this.summary.segments[i]!.segment);
    }),
  );
  #seq = 0;
  #summarySeq = 0;
  #search = new Debounce();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart.dispose();
    this.#search.cancel();
  }

  override exportRequest() {
    return { analysis: 'rfm', params: { bins: this.bins } };
  }

  /** Filters the customer table to one segment (null: all). */
  showSegment(segment: Segment | null): void {
    this.segment = segment;
    this.cell = null;
    this.offset = 0;
    this.dispatchEvent(new PortraitSegmentEvent(segment));
    this.#route();
    void this.#fetch();
  }

  /** Selects the customers of one R × F cell (again: all) and brings their list into view. */
  showCell(r: number, f: number): void {
    const same = this.cell?.r === r && this.cell?.f === f;
    this.cell = same ? null : { r, f };
    this.segment = null;
    this.offset = 0;
    this.dispatchEvent(new PortraitSegmentEvent(null));
    this.#route();
    void this.#fetch().then(() => {
      if (!same) this.renderRoot.querySelector('[part="customers"]')?.scrollIntoView({ block: 'start' });
    });
  }

  /** The rule of the customers shown: the cell's, the segment's, or none (every customer). */
  #selectionRule(): string {
    if (this.cell) return `rfm.r_score == ${this.cell.r} and rfm.f_score == ${this.cell.f}`;
    if (this.segment) return `rfm.segment == "${this.segment}"`;
    return '';
  }

  /** Downloads the customers shown (cell, segment or all) with their RFM columns. */
  #downloadSelection = async (format: 'csv' | 'xlsx') => {
    if (!this.portrait) return;
    const request = { analysis: 'audience', params: { where: this.#selectionRule(), columns: ROW_COLUMNS }, format } as const;
    const name = this.cell ? `rfm-R${this.cell.r}F${this.cell.f}` : this.segment ? `rfm-${this.segment}` : 'rfm-customers';
    if (format === 'csv') {
      const text = await this.portrait.export(request);
      saveFile(`\uFEFF${text}`, `${name}.csv`, 'text/csv;charset=utf-8');
    } else {
      const bytes = await this.portrait.exportFile(request);
      saveFile(bytes as Uint8Array<ArrayBuffer>, `${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  /** Jumps to page `n` (1-based), clamped. */
  #toPage = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const pages = Math.max(1, Math.ceil((this.page?.total ?? 0) / PAGE_SIZE));
    const n = Math.min(pages, Math.max(1, Math.round(Number(input.value) || 1)));
    input.value = String(n);
    this.offset = (n - 1) * PAGE_SIZE;
    void this.#fetch();
  };

  #route(): void {
    const params: Record<string, string> = {};
    if (this.segment) params['segment'] = this.segment;
    if (this.bins !== DEFAULTS.analyses.rfm.bins) params['bins'] = String(this.bins);
    this.route(params);
  }

  /** New data or a new filter: score again, the route's segment and bins kept. */
  protected async refresh(): Promise<void> {
    this.segment = segmentParam(this.params);
    this.bins = binsParam(this.params);
    this.search = '';
    this.offset = 0;
    this.page = null;
    await this.#score();
  }

  protected override paramsChanged(): void {
    const segment = segmentParam(this.params);
    const bins = binsParam(this.params);
    if (bins !== this.bins) {
      this.bins = bins;
      this.segment = segment;
      void this.#score();
    } else if (segment !== this.segment) {
      this.segment = segment;
      this.offset = 0;
      void this.#fetch();
    }
  }

  async #score(): Promise<void> {
    const seq = ++this.#summarySeq;
    this.summary = null;
    this.failed = '';
    try {
      const summary = await this.portrait!.run('rfm', { bins: this.bins });
      if (seq !== this.#summarySeq) return;
      this.summary = summary;
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark('portrait:rfm')));
      await this.#fetch();
    } catch (e) {
      if (seq === this.#summarySeq) this.failed = e instanceof Error ? e.message : String(e);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const summary = this.summary;
    this.#chart.draw(this.chartEl ?? null, summary ? () => this.#chartOption(summary, this.#locale.locale) : null);
  }

  async #fetch(): Promise<void> {
    if (!this.portrait || !this.summary) return;
    const seq = ++this.#seq;
    const q: Partial<TableQuery> = {
      columns: ROW_COLUMNS,
      filter: this.cell
        ? [
            { column: 'rfm.r_score', op: 'eq', value: this.cell.r },
            { column: 'rfm.f_score', op: 'eq', value: this.cell.f },
          ]
        : this.segment
          ? [{ column: 'rfm.segment', op: 'eq', value: this.segment }]
          : [],
      search: this.search,
      sort: this.sort === 'customer_id' ? null : this.sort,
      descending: this.descending,
      offset: this.offset,
      limit: PAGE_SIZE,
    };
    this.pageBusy = true;
    try {
      const page = await this.portrait.table(q);
      if (seq !== this.#seq) return;
      this.page = { total: page.total, rows: page.rows.map(rowOf) };
      this.pageError = '';
    } catch (e) {
      if (seq !== this.#seq) return;
      this.pageError = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) this.pageBusy = false;
    }
  }

  #onBins = (e: Event) => {
    this.bins = Number((e.target as HTMLSelectElement).value);
    this.#route();
    void this.#score();
  };

  #onSearch = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    this.#search.run(() => {
      this.search = value;
      this.offset = 0;
      void this.#fetch();
    });
  };

  #onFilter = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    this.showSegment(v ? (v as Segment) : null);
  };

  #sortBy(column: Sort) {
    if (this.sort === column) this.descending = !this.descending;
    else {
      this.sort = column;
      // numbers read best from the top; ids and segments from A / best
      this.descending = column === 'rfm.recency' ? false : column !== 'customer_id' && column !== 'rfm.segment';
    }
    this.offset = 0;
    void this.#fetch();
  }

  #go(delta: number) {
    const total = this.page?.total ?? 0;
    const next = Math.min(Math.max(0, this.offset + delta * PAGE_SIZE), Math.max(0, total - 1));
    this.offset = next - (next % PAGE_SIZE);
    void this.#fetch();
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('rfm.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const s = this.summary;
    if (!s) {
      return html`<section aria-busy="true" aria-label=${t('rfm.loading')}>
        <div class="row">
          <div class="card"><span class="skeleton skeleton--chart"></span></div>
          <div class="card"><span class="skeleton skeleton--chart"></span></div>
        </div>
      </section>`;
    }
    if (s.customers === 0) {
      return html`<div class="card"><p class="muted">${t('rfm.noCustomers')}</p></div>`;
    }
    return html`
      <section aria-labelledby="rfm-title">
        <div class="card intro">
          <div>
            <h2 id="rfm-title">${t('rfm.title')}</h2>
            <p>${t('rfm.intro', { bins: this.bins })}</p>
          </div>
          <div class="meta">
            <span data-testid="rfm-customers">${t('rfm.customersScored', { count: formatCount(s.customers, locale) })}</span>
            ${s.snapshot_date ? html`<span>${t('rfm.snapshot', { date: formatDate(s.snapshot_date, locale) })}</span>` : nothing}
            <label class="bins"
              >${t('rfm.bins')}
              <select data-testid="rfm-bins" @change=${this.#onBins} .value=${live(String(this.bins))}>
                ${BIN_CHOICES.map((b) => html`<option value=${b} ?selected=${b === this.bins}>${t('rfm.bins.option', { bins: b })}</option>`)}
              </select>
            </label>
          </div>
        </div>
        <div class="row">
          <div class="card card--fill" part="chart">
            <div class="card__head">
              <div>
                <h3>${t('rfm.shares')}</h3>
                <p class="card__desc">${t('rfm.shares.desc')}</p>
              </div>
            </div>
            <div class="chart" role="img" aria-label=${t('rfm.shares.desc')}></div>
          </div>
          <div class="card" part="grid">
            <div class="card__head">
              <div>
                <h3>${t('rfm.grid')}</h3>
                <p class="card__desc">${t('rfm.grid.desc')}</p>
              </div>
            </div>
            ${this.#renderGrid(s, locale)}
          </div>
        </div>
        ${this.#renderSegments(s, locale)} ${this.#renderCustomers(locale)}
      </section>
    `;
  }

  #renderGrid(s: RfmSummary, locale: Locale) {
    const max = Math.max(1, ...s.grid.map((c) => c.customers));
    const cell = (r: number, f: number): GridCell | undefined => s.grid.find((c) => c.r === r && c.f === f);
    const used = SEGMENTS.filter((seg) => s.grid.some((c) => c.segment === seg));
    const scores = Array.from({ length: s.bins }, (_, i) => i + 1);
    // one Tab stop: the chosen segment's first cell, else the top-left one; arrows move
    const order = [...scores].reverse().flatMap((r) => scores.map((f) => cell(r, f)));
    const stop = Math.max(0, order.findIndex((c) => c?.segment && c.segment === this.segment));
    return html`<div class="rf">
      <div class="rf__ylabel" aria-hidden="true">${t('rfm.grid.r')} ↑ (${t('rfm.grid.rHint')})</div>
      <table @keydown=${(e: KeyboardEvent) => rove(e, this.renderRoot.querySelector('.rf table')!, 'tbody button', s.bins)}>
        <caption class="visually-hidden">${t('rfm.grid')}</caption>
        <thead>
          <tr>
            <td></td>
            ${scores.map((f) => html`<th scope="col" aria-label="${t('rfm.grid.f')} ${f}">F${f}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${[...scores].reverse().map(
            (r) => html`<tr>
              <th scope="row" aria-label="${t('rfm.grid.r')} ${r}">R${r}</th>
              ${scores.map((f) => {
                const c = cell(r, f);
                if (!c) return html`<td></td>`;
                const seg = c.segment;
                const strength = c.customers === 0 ? 8 : Math.round(25 + 75 * Math.sqrt(c.customers / max));
                const colour = seg ? `var(--portrait-segment-${seg})` : 'var(--portrait-color-text-subtle)';
                const style = {
                  background: `color-mix(in srgb, ${colour} ${strength}%, white)`,
                  color: strength >= 60 && seg && !LIGHT_SEGMENTS.has(seg) ? '#fff' : 'var(--portrait-color-text)',
                };
                const name = seg ? t(`segment.${seg}` as Key) : t('rfm.grid.mixed');
                const label = t('rfm.grid.cell', { r, f, count: formatCount(c.customers, locale), segment: name });
                const index = (s.bins - r) * s.bins + (f - 1);
                return html`<td>
                  <button
                    type="button"
                    tabindex=${index === stop ? 0 : -1}
                    style=${styleMap(style)}
                    aria-disabled=${c.customers ? 'false' : 'true'}
                    aria-pressed=${(this.cell?.r === r && this.cell?.f === f) || (seg !== null && this.segment === seg) ? 'true' : 'false'}
                    aria-label=${label}
                    title=${label}
                    @click=${() => c.customers && this.showCell(r, f)}
                  >
                    ${formatCount(c.customers, locale)}
                  </button>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="rf__xlabel" aria-hidden="true">${t('rfm.grid.f')} → (${t('rfm.grid.fHint')})</div>
    </div>
    <div class="legend" aria-hidden="true">
      ${used.map(
        (seg) => html`<span
          ><i class="swatch" style=${styleMap({ background: `var(--portrait-segment-${seg})` })}></i>${t(
            `segment.${seg}` as Key,
          )}</span
        >`,
      )}
    </div>`;
  }

  #renderSegments(s: RfmSummary, locale: Locale) {
    const money = (c: number) => formatMoney(Math.round(c), this.#currency, locale);
    const maxShare = Math.max(0.0001, ...s.segments.map((x) => x.customer_share));
    return html`<div class="card">
      <div class="card__head"><h3>${t('rfm.segments')}</h3></div>
      <div class="table-wrap">
        <table
          data-testid="segment-table"
          aria-label=${t('rfm.segments')}
          @keydown=${(e: KeyboardEvent) => rove(e, this.renderRoot.querySelector('[data-testid="segment-table"]')!, 'tbody button')}
        >
          <thead>
            <tr>
              <th scope="col">${t('rfm.col.segment')}</th>
              <th scope="col" class="num">${t('rfm.col.customers')}</th>
              <th scope="col" class="num">${t('rfm.col.share')}</th>
              <th scope="col" class="num">${t('rfm.col.revenue')}</th>
              <th scope="col" class="num">${t('rfm.col.revenueShare')}</th>
              <th scope="col" class="num">${t('rfm.col.meanRecency')}</th>
              <th scope="col" class="num">${t('rfm.col.meanFrequency')}</th>
              <th scope="col" class="num">${t('rfm.col.meanMonetary')}</th>
            </tr>
          </thead>
          <tbody>
            ${s.segments.map(
              (x) => html`<tr data-segment=${x.segment} class=${this.segment === x.segment ? 'selected' : ''}>
                <td>
                  <div class="seg-name">
                    <i class="swatch" style=${styleMap({ background: `var(--portrait-segment-${x.segment})` })}></i>
                    <div>
                      <button
                        type="button"
                        tabindex=${(this.segment ? x.segment === this.segment : x.segment === s.segments[0]?.segment) ? 0 : -1}
                        title=${t('rfm.showCustomers')}
                        aria-pressed=${this.segment === x.segment ? 'true' : 'false'}
                        @click=${() => this.showSegment(this.segment === x.segment ? null : x.segment)}
                      >
                        ${t(`segment.${x.segment}` as Key)}
                      </button>
                      <span class="seg-desc">${t(`segment.${x.segment}.desc` as Key)}</span>
                    </div>
                  </div>
                </td>
                <td class="num" data-testid="segment-count">${formatCount(x.customers, locale)}</td>
                <td class="num nowrap">
                  ${formatPercent(x.customer_share, locale)}<span
                    class="bar"
                    style=${styleMap({ width: `${Math.round((x.customer_share / maxShare) * 48)}px` })}
                  ></span>
                </td>
                <td class="num">${money(x.revenue_cents)}</td>
                <td class="num">${formatPercent(x.revenue_share, locale)}</td>
                <td class="num">${x.customers ? formatDecimal(x.mean_recency_days, locale, 0) : '—'}</td>
                <td class="num">${x.customers ? formatDecimal(x.mean_frequency, locale, 1) : '—'}</td>
                <td class="num">${x.customers ? money(x.mean_monetary_cents) : '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  #renderCustomers(locale: Locale) {
    const page = this.page;
    const total = page?.total ?? 0;
    const from = total === 0 ? 0 : this.offset + 1;
    const to = Math.min(total, this.offset + PAGE_SIZE);
    const money = (c: number) => formatMoney(c, this.#currency, locale);
    return html`<div class="card" part="customers">
      <div class="card__head"><h3 id="customers-title">${t('rfm.table')}</h3></div>
      <div class="toolbar">
        <div class="field">
          <label for="rfm-search">${t('rfm.search')}</label>
          <input
            id="rfm-search"
            type="search"
            .value=${this.search}
            placeholder=${t('rfm.search')}
            @input=${this.#onSearch}
            autocomplete="off"
            spellcheck="false"
          />
        </div>
        <div class="field">
          <label for="rfm-segment">${t('rfm.filter')}</label>
          <select id="rfm-segment" @change=${this.#onFilter} .value=${live(this.segment ?? '')}>
            <option value="" ?selected=${this.segment === null}>${t('rfm.allSegments')}</option>
            ${SEGMENTS.map(
              (seg) => html`<option value=${seg} ?selected=${this.segment === seg}>${t(`segment.${seg}` as Key)}</option>`,
            )}
          </select>
        </div>
        ${this.cell
          ? html`<button type="button" class="btn btn--small" data-testid="cell-chip" @click=${() => this.showCell(this.cell!.r, this.cell!.f)}>
              ${t('rfm.cellChosen', { r: this.cell.r, f: this.cell.f })} ✕
            </button>`
          : ''}
        <div class="downloads">
          <button type="button" class="btn btn--small" data-testid="download-selection-csv" @click=${() => this.#downloadSelection('csv')}>${t('rfm.downloadCsv')}</button>
          <button type="button" class="btn btn--small" data-testid="download-selection-xlsx" @click=${() => this.#downloadSelection('xlsx')}>${t('rfm.downloadXlsx')}</button>
        </div>
        <div class="pager">
          <span data-testid="pager" aria-live="polite">${total === 0 ? t('rfm.noMatch') : t('rfm.page', { from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(total, locale) })}</span>
          ${total > PAGE_SIZE
            ? html`<label class="jump"
                >${t('rfm.jump')}
                <input type="number" min="1" max=${Math.ceil(total / PAGE_SIZE)} .value=${live(String(Math.floor(this.offset / PAGE_SIZE) + 1))} @change=${this.#toPage} data-testid="page-jump"
              /></label>`
            : ''}
          <button type="button" class="btn btn--small" aria-label=${t('rfm.prev')} title=${t('rfm.prev')} ?disabled=${this.offset === 0} @click=${() => this.#go(-1)}>
            ${chevron(true)}
          </button>
          <button type="button" class="btn btn--small" aria-label=${t('rfm.next')} title=${t('rfm.next')} ?disabled=${to >= total} @click=${() => this.#go(1)}>
            ${chevron(false)}
          </button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="customers paged" aria-labelledby="customers-title" aria-busy=${this.pageBusy ? 'true' : 'false'} data-testid="customer-table">
          <thead>
            <tr>
              ${COLUMNS.map((c) => {
                const sorted = this.sort === c.id;
                const ariaSort = sorted ? (this.descending ? 'descending' : 'ascending') : 'none';
                return html`<th scope="col" class=${c.num ? 'num' : ''} aria-sort=${ariaSort}>
                  <button type="button" class="sort" @click=${() => this.#sortBy(c.id)}>${t(c.label)} ${sortIcon}</button>
                </th>`;
              })}
              <th scope="col" class="num">${t('rfm.col.scores')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.pageError
              ? html`<tr class="empty-row"><td colspan="6" role="alert">${this.pageError}</td></tr>`
              : page && page.rows.length === 0
                ? html`<tr class="empty-row"><td colspan="6">${t('rfm.noMatch')}</td></tr>`
                : (page?.rows ?? []).map(
                    (row) => html`<tr>
                      <td><div class="id" title=${row.customer_id}>${row.customer_id}</div></td>
                      <td>
                        <span class="pill"
                          ><i class="swatch" style=${styleMap({ background: `var(--portrait-segment-${row.segment})` })}></i>${t(
                            `segment.${row.segment}` as Key,
                          )}</span
                        >
                      </td>
                      <td class="num">${formatCount(row.recency, locale)}</td>
                      <td class="num">${formatCount(row.frequency, locale)}</td>
                      <td class="num">${money(row.monetary_cents)}</td>
                      <td class="num scores">${row.scores}</td>
                    </tr>`,
                  )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  get #currency(): string {
    return this.context?.currency ?? '';
  }

  #chartOption(s: RfmSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const { muted, grid, accent: c1, second: c2 } = theme;
    const names = s.segments.map((x) => t(`segment.${x.segment}` as Key));
    const customersName = t('rfm.series.customers');
    const revenueName = t('rfm.series.revenue');
    const tooltip = (i: number) => {
      const x = s.segments[i]!;
      return (
        `<strong>${escapeHtml(names[i]!)}</strong><br/>` +
        `${escapeHtml(t('rfm.col.customers'))}: <b>${escapeHtml(formatCount(x.customers, locale))}</b> (${escapeHtml(formatPercent(x.customer_share, locale))})<br/>` +
        `${escapeHtml(t('rfm.col.revenue'))}: <b>${escapeHtml(formatMoney(x.revenue_cents, this.#currency, locale))}</b> (${escapeHtml(formatPercent(x.revenue_share, locale))})`
      );
    };
    return {
      ...chartFrame(theme, { left: 4, right: 16, top: 32, bottom: 4 }, tooltip),
      xAxis: {
        type: 'value',
        max: (v: { max: number }) => Math.min(1, Math.ceil(v.max * 10) / 10),
        splitLine: { lineStyle: { color: grid } },
        axisLabel: { color: muted, formatter: (v: number) => formatPercent(v, locale, 0) },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: grid } },
        axisLabel: { color: muted },
      },
      series: [
        {
          name: customersName,
          type: 'bar',
          data: s.segments.map((x) => x.customer_share),
          itemStyle: { color: c1, borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 10,
          barGap: '20%',
          cursor: 'pointer',
        },
        {
          name: revenueName,
          type: 'bar',
          data: s.segments.map((x) => Math.max(0, x.revenue_share)),
          itemStyle: { color: c2, borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 10,
          cursor: 'pointer',
        },
      ],
    };
  }
}

if (!customElements.get('portrait-rfm')) customElements.define('portrait-rfm', PortraitRfm);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-rfm': PortraitRfm;
  }
}
