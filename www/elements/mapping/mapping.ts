import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PLATFORMS, type CurrencyGuess, type DateOrder, type Field, type FileInspection, type IngestOptions, type Input, type TableKind } from '../../api/types.js';

import { coreText, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { PortraitDismissEvent, PortraitMappingEvent, PortraitPlatformEvent, PortraitSheetEvent, PortraitTableEvent } from '../events.js';
import { base } from '../shared.styles.js';
import {
  assign,
  mappingFromSelections,
  fieldsOf,
  missingFields,
  requiredFields,
  TABLES,
  withoutStandIns,
  sampleValues,
  selectionsFromMapping,
  withCurrency,
  withProposals,
  withDateOrder,
  withMapping,
  type Selections,
} from './mapping-model.js';
import { styles } from './mapping.styles.js';

/** Currencies offered besides the guess (ISO codes). */
const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'SGD', 'MYR', 'PHP', 'THB', 'VND', 'IDR', 'AUD', 'CAD'];

/** The day/month question, from an `ingest.ambiguous_date_order` error. */
export interface DateQuestion {
  file: string;
  column: string;
  /** Example values from the error message. */
  examples: string[];
}

/**
 * @summary Review or override the column mapping of one or more files, and answer the
 * day-first / month-first question for ambiguous dates.
 *
 * Shows each file's headers with a `<select>` of data-contract fields and sample values
 * from the preview rows. A field feeds one column: choosing it elsewhere moves it. The
 * Analyse button is enabled once every required field has a column.
 *
 * @event portrait-mapping - `PortraitMappingEvent`: run the ingest again with `options`.
 * @event portrait-sheet - `PortraitSheetEvent`: the user picked another sheet of a workbook.
 * @event portrait-table - `PortraitTableEvent`: the user picked which table a file holds
 * @event portrait-platform - `PortraitPlatformEvent`: the user picked how a file is read
 *   (another platform's export, or none).
 * @event portrait-dismiss - `PortraitDismissEvent`: the user cancelled.
 *
 * @csspart base - The panel.
 */
export class PortraitMapping extends LitElement {
  static override styles = [base, styles];

  /** The files to map (from `inspect`). */
  @property({ attribute: false }) inspections: FileInspection[] = [];

  /** `missing`: the ingest refused the file; `review`: the user asked to check. */
  @property() mode: 'missing' | 'review' = 'review';

  /** The options of the last run (overrides are layered on them). */
  @property({ attribute: false }) options: Input<IngestOptions> = {};

  /** Ask for the date order instead of (or besides) the mapping. */
  @property({ attribute: false }) dateQuestion: DateQuestion | null = null;

  /** Waiting for inspections. */
  @property({ type: Boolean }) busy = false;

  /** The currency the last ingest guessed, with its evidence (`null` before one). */
  @property({ attribute: false }) currency: CurrencyGuess | null = null;

  @state() private selections = new Map<string, Selections>();
  /** The currency chosen here (`undefined`: not touched; `null`: guess it). */
  @state() private chosenCurrency: string | null | undefined = undefined;
  @state() private dateOrder: DateOrder | null = null;

  #locale = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('inspections')) {
      const next = new Map<string, Selections>();
      for (const f of this.inspections) next.set(f.file, withProposals(selectionsFromMapping(f.headers.length, f.mapping), f));
      this.selections = next;
    }
    if (changed.has('dateQuestion') || changed.has('options')) this.dateOrder = this.options.date_order ?? null;
  }

  /** The options the Analyse button would send. */
  buildOptions(): Input<IngestOptions> {
    let options: Input<IngestOptions> = { ...this.options };
    for (const f of this.inspections) {
      const sel = this.selections.get(f.file);
      if (!sel) continue;
      const mapping = mappingFromSelections(sel, f.table);
      const auto = mappingFromSelections(selectionsFromMapping(f.headers.length, f.mapping), f.table);
      if (JSON.stringify(mapping) !== JSON.stringify(auto) || f.missing.length > 0) {
        options = withMapping(options, f.file, mapping);
      }
    }
    if (this.dateOrder) options = withDateOrder(options, this.dateOrder);
    if (this.chosenCurrency !== undefined) options = withCurrency(options, this.chosenCurrency);
    return options;
  }

  #complete(): boolean {
    for (const f of this.inspections) {
      const sel = this.selections.get(f.file);
      if (!sel || withoutStandIns(missingFields(mappingFromSelections(sel, f.table), f.platform?.no_buyer, f.table), f.missing, f.table).length > 0) return false;
    }
    return !this.dateQuestion || this.dateOrder !== null;
  }

  #apply = () => {
    if (this.#complete()) this.dispatchEvent(new PortraitMappingEvent(this.buildOptions()));
  };

  override render() {
    void this.#locale.locale;
    return html`
      <div class="panel" part="base">
        <div class="card head">
          <h2>${this.dateQuestion && this.inspections.length === 0 ? t('mapping.dateOrder.title') : t('mapping.title')}</h2>
          ${this.inspections.length
            ? html`<p>${this.mode === 'missing' ? t('mapping.introMissing') : t('mapping.introReview')}</p>`
            : nothing}
        </div>
        ${this.busy ? html`<div class="card muted">${t('mapping.loading')}</div>` : nothing}
        ${this.dateQuestion
          ? this.#renderDate(this.dateQuestion)
          : this.mode === 'review' && this.options.date_order
            ? this.#renderDate({ file: '', column: '', examples: [] })
            : nothing}
        ${this.inspections.length && this.currency ? this.#renderCurrency(this.currency) : nothing}
        ${this.inspections.map((f) => this.#renderFile(f))}
        <div class="actions">
          <button type="button" class="btn" @click=${() => this.dispatchEvent(new PortraitDismissEvent())}>
            ${t('mapping.cancel')}
          </button>
          <button type="button" class="btn btn--primary" ?disabled=${this.busy || !this.#complete()} @click=${this.#apply}>
            ${t('mapping.apply')}
          </button>
        </div>
      </div>
    `;
  }

  #renderDate(q: DateQuestion) {
    const examples = q.examples.length ? q.examples.map((e) => `“${e}”`).join(', ') : '03/04/2024';
    const choice = (order: DateOrder, label: MessageKey) =>
      html`<label class="choice">
        <input
          type="radio"
          name="date-order"
          value=${order}
          .checked=${this.dateOrder === order}
          @change=${() => (this.dateOrder = order)}
        />
        ${t(label)}
      </label>`;
    return html`<div class="card">
      <fieldset>
        <legend>${t('mapping.dateOrder.title')}</legend>
        <p class="muted">
          ${q.file ? t('mapping.dateOrder.intro', { examples, column: q.column, file: q.file }) : t('mapping.dateOrder.answered')}
        </p>
        ${choice('day_first', 'mapping.dateOrder.dayFirst')} ${choice('month_first', 'mapping.dateOrder.monthFirst')}
      </fieldset>
    </div>`;
  }

  /** The currency guess with its evidence, and a choice of another. */
  #renderCurrency(guess: CurrencyGuess) {
    const chosen = this.chosenCurrency === undefined ? (this.options.currency ?? '') : (this.chosenCurrency ?? '');
    const codes = CURRENCIES.includes(guess.code) || !guess.code ? CURRENCIES : [guess.code, ...CURRENCIES];
    return html`<div class="card currency">
      <label class="currency__choice">
        <span>${t('mapping.currency')}</span>
        <select
          data-testid="currency-select"
          .value=${live(chosen)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.chosenCurrency = v === '' ? null : v;
          }}
        >
          <option value="" ?selected=${chosen === ''}>
            ${guess.code ? t('mapping.currencyGuess', { code: guess.code }) : t('mapping.currencyUnknown')}
          </option>
          ${codes.map((c) => html`<option value=${c} ?selected=${chosen === c}>${c}</option>`)}
        </select>
      </label>
      <p class="muted" data-testid="currency-basis">${t('mapping.currencyBasis', { basis: coreText(guess.basis) })}</p>
    </div>`;
  }

  /** Which table the file holds (recognised from its header), and a choice of another. */
  #renderTable(f: FileInspection) {
    const chosen = this.options.files?.find((o) => o.file === f.file)?.table ?? '';
    return html`<label class="platform__choice table-choice">
      <span>${t('mapping.table', { table: t(`table.${f.table}` as MessageKey) })}</span>
      <select
        data-testid="table-select"
        ?disabled=${this.busy}
        .value=${live(chosen)}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.dispatchEvent(new PortraitTableEvent(f.file, v === '' ? null : (v as TableKind)));
        }}
      >
        <option value="" ?selected=${chosen === ''}>${t('mapping.tableAuto')}</option>
        ${TABLES.map((k) => html`<option value=${k} ?selected=${chosen === k}>${t(`table.${k}` as MessageKey)}</option>`)}
      </select>
    </label>`;
  }

  /** Which platform export the file is read as, and a choice of another (or none). */
  #renderPlatform(f: FileInspection) {
    const chosen = this.options.files?.find((o) => o.file === f.file)?.platform ?? '';
    const p = f.platform;
    return html`<div class="platform" data-testid="platform">
      <p class="platform__name">
        ${p
          ? t(p.recognised ? 'mapping.platformRecognised' : 'mapping.platformChosen', { platform: p.platform, export: p.export })
          : t('mapping.platformNone')}
      </p>
      ${p?.no_buyer ? html`<p class="status status--warn" role="note">${coreText({ code: 'rule.no_buyer' })}</p>` : nothing}
      <label class="platform__choice">
        <span>${t('mapping.platformChoose')}</span>
        <select
          data-testid="platform-select"
          ?disabled=${this.busy}
          .value=${live(chosen)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.dispatchEvent(new PortraitPlatformEvent(f.file, v === '' ? null : v));
          }}
        >
          <option value="" ?selected=${chosen === ''}>${t('mapping.platformAuto')}</option>
          ${PLATFORMS.map((c) => html`<option value=${c.id} ?selected=${chosen === c.id}>${c.platform} · ${c.export}</option>`)}
          <option value="none" ?selected=${chosen === 'none'}>${t('mapping.platformOff')}</option>
        </select>
      </label>
    </div>`;
  }

  #renderFile(f: FileInspection) {
    const sel = this.selections.get(f.file) ?? selectionsFromMapping(f.headers.length, f.mapping);
    const missing = withoutStandIns(missingFields(mappingFromSelections(sel, f.table), f.platform?.no_buyer, f.table), f.missing, f.table);
    const fieldName = (field: Field) => t(`field.${field}` as MessageKey);
    const required = requiredFields(f.table);
    return html`<div class="card" data-file=${f.file}>
      <div class="card__head">
        <div>
          <h3 class="file__name">${f.file}</h3>
          <p class="file__meta">
            ${t('mapping.meta', { format: f.format.toUpperCase(), encoding: f.encoding, columns: f.headers.length })}
          </p>
        </div>
        ${f.sheets.length > 1
          ? html`<label class="sheet">
              <span>${t('mapping.sheet')}</span>
              <select
                data-testid="sheet-select"
                ?disabled=${this.busy}
                .value=${live(f.sheet ?? f.sheets[0] ?? '')}
                @change=${(e: Event) =>
                  this.dispatchEvent(new PortraitSheetEvent(f.file, (e.target as HTMLSelectElement).value))}
              >
                ${f.sheets.map((name) => html`<option value=${name} ?selected=${name === f.sheet}>${name}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
      ${this.#renderTable(f)} ${f.table === 'orders' ? this.#renderPlatform(f) : nothing}
      ${missing.length
        ? html`<p class="status status--missing" role="status" data-testid="mapping-missing">
            ${t('mapping.missing', { fields: missing.map(fieldName).join(', ') })}
            ${missing.includes('unit_price') ? html`<span>${t('mapping.priceHint')}</span>` : nothing}
          </p>`
        : html`<p class="status status--ok" role="status">${t('mapping.complete')}</p>`}
      <div class="table-wrap">
        <table aria-label="${t('mapping.title')}: ${f.file}">
          <thead>
            <tr>
              <th scope="col">${t('mapping.col.column')}</th>
              <th scope="col">${t('mapping.col.samples')}</th>
              <th scope="col">${t('mapping.col.field')}</th>
            </tr>
          </thead>
          <tbody>
            ${f.headers.map((header, column) => {
              const chosen = sel[column] ?? null;
              const samples = sampleValues(f.preview, column);
              const shown = header.trim() ? header : t('mapping.empty');
              const proposed = chosen !== null && f.proposals.some((p) => p.column === column && p.field === chosen);
              return html`<tr class=${chosen ? 'assigned' : ''} data-proposed=${proposed ? 'true' : nothing}>
                <th scope="row">
                  <div class="header-cell" title=${header}>${shown}</div>
                  ${proposed ? html`<div class="proposed">${t('mapping.proposed')}</div>` : nothing}
                </th>
                <td><div class="samples" title=${samples.join('\n')}>${samples.join(' · ')}</div></td>
                <td>
                  <select
                    aria-label=${t('mapping.selectLabel', { column: shown })}
                    data-column=${column}
                    .value=${live(chosen ?? '')}
                    @change=${(e: Event) => this.#choose(f.file, column, (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${chosen === null}>${t('mapping.notUsed')}</option>
                    ${fieldsOf(f.table).map(
                      (field) =>
                        html`<option value=${field} ?selected=${chosen === field}>
                          ${fieldName(field)}${required.includes(field) ? ` · ${t('mapping.required')}` : ''}
                        </option>`,
                    )}
                  </select>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  #choose(file: string, column: number, value: string) {
    const current = this.selections.get(file);
    if (!current) return;
    const next = new Map(this.selections);
    next.set(file, assign(current, column, value ? (value as Field) : null));
    this.selections = next;
  }
}
