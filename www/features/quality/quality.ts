import { html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import type { DateFormat, FileReport, LeftOutGroup, QualityReport, RejectionGroup } from '../../api/types.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { currencyCode, formatCount, formatDateRange, formatMoney, type Locale } from '../../format/format.js';
import { coreText, LocaleController, t as shellT } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { t } from './messages.js';
import { styles } from './quality.styles.js';
import { renderTables } from './tables.js';

type Key = Parameters<typeof t>[0];

/** How a date column was written, in the UI language: the pattern, or the named form. */
export function dateFormatText(f: DateFormat | null): string {
  if (!f) return '—';
  const written = f.written.startsWith('date.') ? coreText({ code: f.written }) : f.written;
  const notes = [f.order ? coreText({ code: `date.${f.order}` }) : '', f.zone_dropped ? coreText({ code: 'date.zone_dropped' }) : ''];
  const extra = notes.filter(Boolean);
  return extra.length ? `${written} (${extra.join('; ')})` : written;
}

/**
 * @summary The data-quality report: rows read / used / rejected, rejections per reason with
 * the first five examples (file, line, column, value), duplicates, returns, missing customer
 * ids, date range, currency guess, per-file format, encoding and notes.
 *
 * Every sentence the core sends is a code, worded here in the UI language. Values from the
 * files are rendered as text, never as markup.
 *
 * @csspart stats - The row of counts.
 * @csspart rejected - The rejected-rows section.
 */
export class PortraitQuality extends FeatureView {
  static override styles = [base, styles];

  @state() private quality: QualityReport | null = null;
  @state() private failed = '';

  #locale = new LocaleController(this);
  #seq = 0;

  override exportRequest() {
    return { analysis: 'quality' };
  }

  protected async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.quality = null;
    try {
      const q = await this.portrait!.run('quality');
      if (seq === this.#seq) this.quality = q;
    } catch (e) {
      if (seq === this.#seq) this.failed = e instanceof Error ? e.message : String(e);
    }
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('quality.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const q = this.quality;
    if (!q) {
      return html`<div aria-busy="true" aria-label=${shellT('misc.loading')}>
        <div class="stats">${Array.from({ length: 6 }, () => html`<div class="stat"><span class="skeleton skeleton--block"></span></div>`)}</div>
      </div>`;
    }
    const n = (v: number) => formatCount(v, locale);
    return html`
      <section aria-labelledby="quality-title">
        <h2 id="quality-title" class="visually-hidden">${t('quality.title')}</h2>
        <div class="stats" part="stats">
          ${this.#stat('rows-read', 'quality.rowsRead', n(q.rows_read))}
          ${this.#stat('rows-used', 'quality.rowsUsed', n(q.rows_used), undefined, 'good')}
          ${this.#stat('rows-rejected', 'quality.rowsRejected', n(q.rows_rejected), undefined, q.rows_rejected > 0 ? 'bad' : '')}
          ${q.rows_left_out > 0 ? this.#stat('rows-left-out', 'quality.rowsLeftOut', n(q.rows_left_out), 'quality.rowsLeftOut.def', 'warn') : nothing}
          ${this.#stat('duplicates', 'quality.duplicates', n(q.duplicates_removed), 'quality.duplicates.def')}
          ${this.#stat('returns', 'quality.returns', n(q.return_lines), 'quality.returns.def')}
          ${this.#stat('missing-customers', 'quality.missingCustomers', n(q.missing_customer_lines), 'quality.missingCustomers.def')}
        </div>
        <div class="row">
          <div class="card">
            <div class="card__head"><h3>${t('quality.files')}</h3></div>
            <div class="table-wrap">
              <table aria-label=${t('quality.files')}>
                <thead>
                  <tr>
                    <th scope="col">${t('quality.col.file')}</th>
                    <th scope="col">${t('quality.col.format')}</th>
                    <th scope="col">${t('quality.col.encoding')}</th>
                    <th scope="col" class="num">${t('quality.col.rowsRead')}</th>
                    <th scope="col" class="num">${t('quality.col.rowsUsed')}</th>
                    <th scope="col">${t('quality.col.dateFormat')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${q.files.map(
                    (f) => html`<tr>
                      <td><span class="cell-text" title=${f.file}>${f.file}</span></td>
                      <td>${f.format.toUpperCase()}</td>
                      <td>${f.encoding}</td>
                      <td class="num">${n(f.rows_read)}</td>
                      <td class="num">${n(f.rows_used)}</td>
                      <td class="mono">${dateFormatText(f.date_format)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${q.files.map((f) => this.#platform(f))}
            ${q.files.some((f) => f.notes.length > 0)
              ? html`<div class="notes" data-testid="quality-notes">
                  <h4>${t('quality.notes')}</h4>
                  <ul>
                    ${q.files.flatMap((f) => f.notes.map((m) => html`<li><span class="cell-text">${f.file}</span>: ${coreText(m)}</li>`))}
                  </ul>
                </div>`
              : nothing}
          </div>
          <div class="card">
            <dl class="facts">
              <div>
                <dt>${t('quality.dateRange')}</dt>
                <dd data-testid="quality-date-range">${formatDateRange(q.date_min, q.date_max, locale)}</dd>
              </div>
              <div>
                <dt>${t('quality.currency')}</dt>
                <dd>
                  ${q.currency.code
                    ? html`${q.currency.symbol ? `${q.currency.symbol} ` : ''}${q.currency.code}
                        <span class="basis" data-testid="currency-basis">${coreText(q.currency.basis)}</span>`
                    : html`${t('quality.currencyUnknown')} <span class="basis">${coreText(q.currency.basis)}</span>`}
                </dd>
              </div>
              ${q.refunds.lines > 0
                ? html`<div data-testid="quality-refunds">
                    <dt>${t('quality.refunds')}</dt>
                    <dd>
                      ${t('quality.refunds.value', {
                        lines: n(q.refunds.lines),
                        value: formatMoney(q.refunds.value_cents, currencyCode(q.currency.code), locale),
                      })}
                    </dd>
                  </div>`
                : nothing}
              ${q.currencies.length > 1
                ? html`<div data-testid="quality-currencies">
                    <dt>${t('quality.currencies')}</dt>
                    <dd>
                      <ul class="plain">
                        ${q.currencies.map(
                          (c) => html`<li data-currency=${c.code}>
                            ${c.code}: ${formatMoney(c.value_cents, currencyCode(c.code), locale)} ·
                            ${t('quality.currency.lines', { lines: n(c.lines) })} ·
                            ${c.main
                              ? t('quality.currency.main')
                              : c.rate !== null
                                ? t('quality.currency.converted', { rate: String(c.rate) })
                                : t('quality.currency.apart')}
                          </li>`,
                        )}
                      </ul>
                    </dd>
                  </div>`
                : nothing}
              <div data-testid="quality-as-read" title=${t('quality.asRead.def')}>
                <dt>${t('quality.asRead')}</dt>
                <dd>
                  ${t('quality.asRead.value', {
                    lines: n(q.read.lines),
                    orders: n(q.read.orders),
                    customers: n(q.read.customers),
                    cancelled: n(q.read.cancelled_order_lines),
                    value: formatMoney(q.read.value_cents, currencyCode(q.currency.code), locale),
                  })}
                </dd>
              </div>
            </dl>
          </div>
        </div>
        ${renderTables(q, locale)}
        ${q.left_out.length
          ? html`<div class="card" data-testid="quality-left-out">
              <div class="card__head">
                <h3>${t('quality.leftOut')}</h3>
                <span class="badge">${t('quality.group.count', { count: n(q.rows_left_out) })}</span>
              </div>
              <p class="card__desc">${t('quality.leftOut.intro')}</p>
              <div class="groups">${q.left_out.map((g) => this.#leftOut(g, q, locale))}</div>
            </div>`
          : nothing}
        <div class="card" part="rejected">
          <div class="card__head">
            <h3>${t('quality.rejected')}</h3>
            ${q.rows_rejected > 0
              ? html`<span class="badge">${t('quality.group.count', { count: n(q.rows_rejected) })}</span>
                  <button type="button" class="btn btn--small" data-action="download-rejected" @click=${this.#downloadRejected}>
                    ${t('quality.downloadRejected')}
                  </button>`
              : nothing}
          </div>
          ${q.rejected.length === 0
            ? html`<p class="ok">${checkIcon}${t('quality.noneRejected')}</p>`
            : html`<div class="groups">${q.rejected.map((g) => this.#group(g, locale))}</div>`}
        </div>
      </section>
    `;
  }

  /** Every rejected row with its reason, as a CSV the merchant can fix the export with. */
  #downloadRejected = async () => {
    if (!this.portrait) return;
    const text = await this.portrait.export({ analysis: 'quality', format: 'csv' });
    // a byte-order mark, so Excel reads the Chinese in it as UTF-8
    saveFile(`\uFEFF${text}`, 'portrait-rejected-rows.csv', 'text/csv;charset=utf-8');
  };

  #stat(id: string, label: Key, value: string, def?: Key, tone = '') {
    return html`<div class="stat ${tone ? `stat--${tone}` : ''}" data-stat=${id} title=${def ? t(def) : nothing}>
      <span class="stat__label">${t(label)}</span>
      <span class="stat__value">${value}</span>
    </div>`;
  }

  /** The platform export a file was read as, and the rules that follow from it. */
  #platform(f: FileReport) {
    const p = f.platform;
    if (!p) return nothing;
    return html`<div class="platform" data-testid="quality-platform" data-platform=${p.id}>
      <h4>
        <span class="cell-text">${f.file}</span>:
        ${t(p.recognised ? 'quality.platform.recognised' : 'quality.platform.chosen', { platform: p.platform, export: p.export })}
      </h4>
      <ul>
        ${p.rules.map((r) => html`<li>${coreText({ code: r })}</li>`)}
      </ul>
      ${p.buyer_alternatives.length
        ? html`<p class="muted">${t('quality.platform.alternatives', { columns: p.buyer_alternatives.join(', ') })}</p>`
        : nothing}
    </div>`;
  }

  /** Lines left out on purpose for one reason: how many, their value, what said so. */
  #leftOut(g: LeftOutGroup, q: QualityReport, locale: Locale) {
    const n = (v: number) => formatCount(v, locale);
    const money = (cents: number, code: string) => formatMoney(cents, currencyCode(code), locale);
    const other = g.reason === 'other_currency';
    return html`<div class="group" data-left-out=${g.reason}>
      <div class="group__head">
        <h4>${coreText({ code: `left_out.${g.reason}` })}</h4>
        <span class="badge">${t('quality.leftOut.count', { lines: n(g.lines), orders: n(g.orders) })}</span>
      </div>
      <p class="card__desc">
        ${other
          ? g.values.map((v) => t('quality.leftOut.currency', { code: v.value, lines: n(v.lines), value: money(v.value_cents, v.value) })).join(' · ')
          : html`${t('quality.leftOut.value', { value: money(g.value_cents, q.currency.code) })} ·
              ${g.values.map((v, i) => html`${i ? ' · ' : ''}<span class="value">${v.value}</span> × ${n(v.lines)}`)}`}
      </p>
      ${g.examples.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('quality.col.file')}</th>
                  <th scope="col" class="num">${t('quality.col.line')}</th>
                  <th scope="col">${t('quality.col.column')}</th>
                  <th scope="col">${t('quality.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                ${g.examples.map(
                  (e) => html`<tr>
                    <td><span class="cell-text" title=${e.file}>${e.file}</span></td>
                    <td class="num">${n(e.line)}</td>
                    <td>${e.column}</td>
                    <td><span class="value">${e.value}</span></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </div>`;
  }

  #group(g: RejectionGroup, locale: Locale) {
    const n = (v: number) => formatCount(v, locale);
    const hasDetail = g.examples.some((e) => e.detail);
    return html`<div class="group" data-reason=${g.reason}>
      <div class="group__head">
        <h4 title=${coreText({ code: `reason.${g.reason}` })}>${t(`reason.${g.reason}` as Key)}</h4>
        <span class="badge">${t('quality.group.count', { count: n(g.count) })}</span>
      </div>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${t('quality.group.examples', { shown: n(g.examples.length), count: n(g.count) })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('quality.col.file')}</th>
              <th scope="col" class="num">${t('quality.col.line')}</th>
              <th scope="col">${t('quality.col.column')}</th>
              <th scope="col">${t('quality.col.value')}</th>
              ${hasDetail ? html`<th scope="col">${t('quality.col.detail')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${g.examples.map(
              (e) => html`<tr>
                <td><span class="cell-text" title=${e.file}>${e.file}</span></td>
                <td class="num">${n(e.line)}</td>
                <td>${e.column || html`<span class="muted">${t('quality.wholeRow')}</span>`}</td>
                <td>${e.value ? html`<span class="value">${e.value}</span>` : html`<span class="muted">${shellT('mapping.empty')}</span>`}</td>
                ${hasDetail ? html`<td>${e.detail ? coreText({ code: 'detail.field_count', params: e.detail }) : ''}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${g.count > g.examples.length
        ? html`<p class="card__desc">${t('quality.group.examples', { shown: n(g.examples.length), count: n(g.count) })}</p>`
        : nothing}
    </div>`;
  }
}

const checkIcon = svg`<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="10" cy="10" r="8"/><path d="M6.5 10.3l2.3 2.2 4.7-5"/></svg>`;

if (!customElements.get('portrait-quality')) customElements.define('portrait-quality', PortraitQuality);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-quality': PortraitQuality;
  }
}
