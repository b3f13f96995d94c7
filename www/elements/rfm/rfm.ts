import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SEGMENTS, type GridCell, type RfmColumn, type RfmPage, type RfmQuery, type RfmSummary, type Segment } from '../../api/types.js';
import { chartFrame, ChartSlot, chartTheme, escapeHtml, type ChartOption } from '../../charts/chart.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { PortraitSegmentEvent } from '../events.js';
import { base } from '../shared.styles.js';
import { styles } from './rfm.styles.js';

/** Where customer pages come from (the `Portrait` façade satisfies it). */
export interface RfmPageSource {
  rfmPage(query: RfmQuery): Promise<RfmPage>;
}

/** Segments whose colour is light: dark text on their grid cells keeps the contrast. */
const LIGHT_SEGMENTS: ReadonlySet<Segment> = new Set(['promising', 'need_attention', 'about_to_sleep', 'hibernating', 'lost']);

/** Rows per page of the customer table: the DOM never holds more. */
export const PAGE_SIZE = 25;
/** Search box debounce. */
export const SEARCH_DEBOUNCE_MS = 250;

const COLUMNS: Array<{ id: RfmColumn; label: MessageKey; num: boolean }> = [
  { id: 'customer_id', label: 'rfm.col.customerId', num: false },
  { id: 'segment', label: 'rfm.col.segment', num: false },
  { id: 'recency', label: 'rfm.col.recency', num: true },
  { id: 'frequency', label: 'rfm.col.frequency', num: true },
  { id: 'monetary', label: 'rfm.col.monetary', num: true },
];

/**
 * @summary RFM segments: customer and revenue share per segment (bars), the R × F grid,
 * the segment table and a paged, sortable, searchable customer table.
 *
 * The customer table asks its `source` for one page at a time (the worker sorts and
 * filters), so it stays fast with 100k+ customers.
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
export class PortraitRfm extends LitElement {
  static override styles = [base, styles];

  /** Segment totals and grid. */
  @property({ attribute: false }) summary: RfmSummary | null = null;

  /** Page source for the customer table. */
  @property({ attribute: false }) source: RfmPageSource | null = null;

  /** ISO 4217 currency code of the amounts. */
  @property() currency = 'CNY';

  /** Show skeletons. */
  @property({ type: Boolean, reflect: true }) loading = false;

  @state() private search = '';
  @state() private segment: Segment | null = null;
  @state() private sort: RfmColumn = 'monetary';
  @state() private descending = true;
  @state() private offset = 0;
  @state() private page: RfmPage | null = null;
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
  #debounce: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart.dispose();
    clearTimeout(this.#debounce);
  }

  /** Filters the customer table to one segment (null: all). */
  showSegment(segment: Segment | null): void {
    this.segment = segment;
    this.offset = 0;
    this.dispatchEvent(new PortraitSegmentEvent(segment));
    void this.#fetch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary')) {
      // a new dataset: start from the top
      this.search = '';
      this.segment = null;
      this.offset = 0;
      this.page = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('summary') || changed.has('source')) && this.summary && this.source) void this.#fetch();
    const summary = this.summary;
    this.#chart.draw(this.chartEl ?? null, summary ? () => this.#chartOption(summary, this.#locale.locale) : null);
  }

  async #fetch(): Promise<void> {
    if (!this.source) return;
    const seq = ++this.#seq;
    const q: RfmQuery = {
      search: this.search,
      segment: this.segment,
      sort: this.sort,
      descending: this.descending,
      offset: this.offset,
      limit: PAGE_SIZE,
    };
    this.pageBusy = true;
    try {
      const page = await this.source.rfmPage(q);
      if (seq !== this.#seq) return;
      this.page = page;
      this.pageError = '';
    } catch (e) {
      if (seq !== this.#seq) return;
      this.pageError = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) this.pageBusy = false;
    }
  }

  #onSearch = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.search = value;
      this.offset = 0;
      void this.#fetch();
    }, SEARCH_DEBOUNCE_MS);
  };

  #onFilter = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    this.showSegment(v ? (v as Segment) : null);
  };

  #sortBy(column: RfmColumn) {
    if (this.sort === column) this.descending = !this.descending;
    else {
      this.sort = column;
      // numbers read best from the top; ids and segments from A / best
      this.descending = column === 'recency' ? false : column !== 'customer_id' && column !== 'segment';
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
    const s = this.summary;
    if (!s || this.loading) {
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
            <p>${t('rfm.intro')}</p>
          </div>
          <div class="meta">
            <span data-testid="rfm-customers">${t('rfm.customersScored', { count: formatCount(s.customers, locale) })}</span>
            ${s.snapshot_date ? html`<span>${t('rfm.snapshot', { date: formatDate(s.snapshot_date, locale) })}</span>` : nothing}
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
    return html`<div class="rf">
      <div class="rf__ylabel" aria-hidden="true">${t('rfm.grid.r')} ↑ (${t('rfm.grid.rHint')})</div>
      <table>
        <caption class="visually-hidden">${t('rfm.grid')}</caption>
        <thead>
          <tr>
            <td></td>
            ${[1, 2, 3, 4, 5].map((f) => html`<th scope="col" aria-label="${t('rfm.grid.f')} ${f}">F${f}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${[5, 4, 3, 2, 1].map(
            (r) => html`<tr>
              <th scope="row" aria-label="${t('rfm.grid.r')} ${r}">R${r}</th>
              ${[1, 2, 3, 4, 5].map((f) => {
                const c = cell(r, f);
                if (!c) return html`<td></td>`;
                const strength = c.customers === 0 ? 8 : Math.round(25 + 75 * Math.sqrt(c.customers / max));
                const style = {
                  background: `color-mix(in srgb, var(--portrait-segment-${c.segment}) ${strength}%, white)`,
                  color: strength >= 60 && !LIGHT_SEGMENTS.has(c.segment) ? '#fff' : 'var(--portrait-color-text)',
                };
                const name = t(`segment.${c.segment}` as MessageKey);
                return html`<td>
                  <button
                    type="button"
                    style=${styleMap(style)}
                    aria-pressed=${this.segment === c.segment ? 'true' : 'false'}
                    aria-label=${t('rfm.grid.cell', { r, f, count: formatCount(c.customers, locale), segment: name })}
                    title=${t('rfm.grid.cell', { r, f, count: formatCount(c.customers, locale), segment: name })}
                    @click=${() => this.showSegment(this.segment === c.segment ? null : c.segment)}
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
            `segment.${seg}` as MessageKey,
          )}</span
        >`,
      )}
    </div>`;
  }

  #renderSegments(s: RfmSummary, locale: Locale) {
    const money = (c: number) => formatMoney(Math.round(c), this.currency, locale);
    const maxShare = Math.max(0.0001, ...s.segments.map((x) => x.customer_share));
    return html`<div class="card">
      <div class="card__head"><h3>${t('rfm.segments')}</h3></div>
      <div class="table-wrap">
        <table data-testid="segment-table" aria-label=${t('rfm.segments')}>
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
                        title=${t('rfm.showCustomers')}
                        aria-pressed=${this.segment === x.segment ? 'true' : 'false'}
                        @click=${() => this.showSegment(this.segment === x.segment ? null : x.segment)}
                      >
                        ${t(`segment.${x.segment}` as MessageKey)}
                      </button>
                      <span class="seg-desc">${t(`segment.${x.segment}.desc` as MessageKey)}</span>
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
    const money = (c: number) => formatMoney(c, this.currency, locale);
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
              (seg) => html`<option value=${seg} ?selected=${this.segment === seg}>${t(`segment.${seg}` as MessageKey)}</option>`,
            )}
          </select>
        </div>
        <div class="pager">
          <span data-testid="pager" aria-live="polite">${t('rfm.page', { from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(total, locale) })}</span>
          <button type="button" class="btn btn--small" aria-label=${t('rfm.prev')} title=${t('rfm.prev')} ?disabled=${this.offset === 0} @click=${() => this.#go(-1)}>
            ${chevron(true)}
          </button>
          <button type="button" class="btn btn--small" aria-label=${t('rfm.next')} title=${t('rfm.next')} ?disabled=${to >= total} @click=${() => this.#go(1)}>
            ${chevron(false)}
          </button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="customers" aria-labelledby="customers-title" aria-busy=${this.pageBusy ? 'true' : 'false'} data-testid="customer-table">
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
                            `segment.${row.segment}` as MessageKey,
                          )}</span
                        >
                      </td>
                      <td class="num">${formatCount(row.recency, locale)}</td>
                      <td class="num">${formatCount(row.frequency, locale)}</td>
                      <td class="num">${money(row.monetary_cents)}</td>
                      <td class="num scores">${row.r_score} · ${row.f_score} · ${row.m_score}</td>
                    </tr>`,
                  )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  #chartOption(s: RfmSummary, locale: Locale): ChartOption {
    const theme = chartTheme(this);
    const { muted, grid, accent: c1, second: c2 } = theme;
    const names = s.segments.map((x) => t(`segment.${x.segment}` as MessageKey));
    const customersName = t('rfm.series.customers');
    const revenueName = t('rfm.series.revenue');
    const tooltip = (i: number) => {
      const x = s.segments[i]!;
      return (
        `<strong>${escapeHtml(names[i]!)}</strong><br/>` +
        `${escapeHtml(t('rfm.col.customers'))}: <b>${escapeHtml(formatCount(x.customers, locale))}</b> (${escapeHtml(formatPercent(x.customer_share, locale))})<br/>` +
        `${escapeHtml(t('rfm.col.revenue'))}: <b>${escapeHtml(formatMoney(x.revenue_cents, this.currency, locale))}</b> (${escapeHtml(formatPercent(x.revenue_share, locale))})`
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

const sortIcon = svg`<svg viewBox="0 0 12 12" fill="currentColor" aria-hidden="true"><path d="M6 9 2.5 4.5h7z"/></svg>`;
const chevron = (left: boolean) =>
  svg`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d=${left ? 'M10 3.5 5.5 8l4.5 4.5' : 'M6 3.5 10.5 8 6 12.5'}/></svg>`;
