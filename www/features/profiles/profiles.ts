import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DEFAULTS, type ColumnId, type ProfileSummary, type TablePage, type TableQuery } from '../../api/types.js';
import { Debounce } from '../../elements/debounce.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { chevron, sortIcon } from '../../elements/table-icons.js';
import { tableStyles } from '../../elements/table.styles.js';
import { formatCount, formatDate, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { PortraitError } from '../../api/errors.js';
import { addressOf, formatHash } from '../../elements/route.js';
import { FeatureView } from '../feature.js';
import { definition, formatCell, GROUPS, groupsFor, KINDS, label, nameOf, type GroupId } from './columns.js';
import './customer.js';
import { t } from './messages.js';
import { ADDRESS } from './address.js';
import { styles } from './profiles.styles.js';

type Key = Parameters<typeof t>[0];

/** The sort a group opens with: its most telling column, in its most telling direction. */
const GROUP_SORT: Record<GroupId, { feature: ColumnId; descending: boolean }> = {
  consumption: { feature: 'profile.purchase_cents', descending: true },
  timing: { feature: 'profile.days_since_last_order', descending: false },
  preference: { feature: 'profile.category_affinity', descending: true },
  basic: { feature: 'demographics.tenure_days', descending: true },
  behaviour: { feature: 'behaviour.views', descending: true },
};

/** The medians shown above the table, as "the median customer". */
const MEDIANS = ['orders', 'aov_cents', 'items_per_order', 'days_since_last_order', 'mean_days_between_orders', 'return_rate', 'festival_share', 'top_category_share'];

/** Rows per page: the DOM never holds more. */
export const PAGE_SIZE = DEFAULTS.table_page_rows;

/** The route's column group, when it names one the data has. */
function groupParam(params: Record<string, string>, groups: readonly GroupId[]): GroupId {
  const g = params['columns'] as GroupId | undefined;
  return g && groups.includes(g) ? g : 'consumption';
}

/**
 * @summary The profile table (用户画像): every customer's consumption and preference
 * features — the median customer above, then a paged, sortable, searchable table whose
 * columns come in three groups, and the whole table as a CSV download.
 *
 * The summary is `run('profile')`; the table asks the one customer table for one page at a
 * time (the worker sorts and filters), so it stays fast with 100k+ customers. The column
 * group and the rule are in the route (`#/customers/profiles?columns=timing&rule=orders%3E%3D3`),
 * so another view can link to the customers of a rule.
 *
 * @csspart medians - The median customer.
 * @csspart table - The profile table.
 */
export class PortraitProfiles extends FeatureView {
  static override styles = [base, viewStyles, tableStyles, styles];

  @state() private summary: ProfileSummary | null = null;
  @state() private failed = '';
  @state() private group: GroupId = 'consumption';
  @state() private search = '';
  @state() private sort: string | null = 'profile.purchase_cents';
  @state() private descending = true;
  @state() private offset = 0;
  @state() private page: TablePage | null = null;
  @state() private pageBusy = false;
  @state() private pageError = '';
  /** The rule the table is filtered by ("" = every customer). */
  @state() private rule = '';
  /** Why the rule cannot be applied, and the characters it is about (1-based, end excluded). */
  @state() private ruleError: { text: string; from: number; to: number } | null = null;

  #locale = new LocaleController(this);
  #seq = 0;
  #summarySeq = 0;
  #search = new Debounce();
  /** The rule box's own pause (a search typed just before is not lost). */
  #ruleTyping = new Debounce();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#search.cancel();
    this.#ruleTyping.cancel();
  }

  /** The whole portrait of every customer, as `portrait customers FILE --json` prints it. */
  override exportRequest() {
    return { analysis: 'customers' };
  }

  get #groups(): GroupId[] {
    return groupsFor(this.context?.summary);
  }

  protected async refresh(): Promise<void> {
    this.group = groupParam(this.params, this.#groups);
    this.rule = this.params['rule'] ?? '';
    this.sort = GROUP_SORT[this.group].feature;
    this.descending = GROUP_SORT[this.group].descending;
    this.search = '';
    this.offset = 0;
    this.page = null;
    const seq = ++this.#summarySeq;
    this.summary = null;
    this.failed = '';
    try {
      const summary = await this.portrait!.run('profile', {});
      if (seq !== this.#summarySeq) return;
      this.summary = summary;
      await this.#fetch();
    } catch (e) {
      if (seq === this.#summarySeq) this.failed = e instanceof Error ? e.message : String(e);
    }
  }

  protected override paramsChanged(): void {
    const group = groupParam(this.params, this.#groups);
    const rule = this.params['rule'] ?? '';
    if (rule !== this.rule) {
      this.rule = rule;
      this.offset = 0;
      if (group === this.group) void this.#fetch();
    }
    if (group !== this.group) this.#showGroup(group, false);
  }

  /** The route of what is shown: the column group and the rule (`?columns=timing&rule=…`). */
  #route(): void {
    const params: Record<string, string> = {};
    if (this.group !== 'consumption') params['columns'] = this.group;
    if (this.rule.trim()) params['rule'] = this.rule;
    this.route(params);
  }

  #showGroup(group: GroupId, route = true): void {
    this.group = group;
    if (this.sort && !(GROUPS[group] as readonly string[]).includes(this.sort)) {
      this.sort = GROUP_SORT[group].feature;
      this.descending = GROUP_SORT[group].descending;
    }
    this.offset = 0;
    if (route) this.#route();
    void this.#fetch();
  }

  async #fetch(): Promise<void> {
    if (!this.portrait || !this.summary) return;
    const seq = ++this.#seq;
    const q: Partial<TableQuery> = {
      columns: [...GROUPS[this.group]],
      search: this.search,
      rule: this.rule,
      sort: (this.sort as ColumnId | null) ?? null,
      descending: this.descending,
      offset: this.offset,
      limit: PAGE_SIZE,
    };
    this.pageBusy = true;
    try {
      const page = await this.portrait.table(q);
      if (seq !== this.#seq) return;
      this.page = page;
      this.pageError = '';
      this.ruleError = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      const err = PortraitError.from(e);
      if (err.code.startsWith('rule.')) {
        const from = Number(err.params['column'] ?? 0);
        this.ruleError = { text: coreText(err), from, to: Number(err.params['end'] ?? from + 1) };
      } else this.pageError = err.message;
    } finally {
      if (seq === this.#seq) this.pageBusy = false;
    }
  }

  #onSearch = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    this.#search.run(() => {
      this.search = value;
      this.offset = 0;
      void this.#fetch();
    });
  };

  #onRule = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    this.#ruleTyping.run(() => {
      this.rule = value;
      this.offset = 0;
      this.#route();
      void this.#fetch();
    });
  };

  /** The rule with the characters its error is about marked. */
  #renderRuleError() {
    const e = this.ruleError;
    if (!e) return nothing;
    const chars = [...this.rule];
    const from = Math.max(0, e.from - 1);
    const to = Math.max(from + 1, e.to - 1);
    return html`<div class="rule-error" role="alert" data-testid="rule-error">
      <span>${e.text}</span>
      ${e.from > 0
        ? html`<code class="rule-echo">${chars.slice(0, from).join('')}<mark>${chars.slice(from, to).join('') || ' '}</mark>${chars.slice(to).join('')}</code>`
        : nothing}
    </div>`;
  }

  #sortBy(feature: string | null) {
    if (this.sort === feature) this.descending = !this.descending;
    else {
      this.sort = feature;
      // amounts and counts read best from the top; ids, texts and days since from the smallest
      const kind = feature ? KINDS.get(feature)?.kind : undefined;
      this.descending = feature !== null && kind !== 'text' && kind !== 'code' && !nameOf(feature).startsWith('days_since');
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

  #download = async () => {
    if (!this.portrait) return;
    // every column of the portrait, as `portrait customers FILE --csv` writes it
    const text = await this.portrait.export({ analysis: 'customers', format: 'csv' });
    // a byte-order mark: spreadsheet programs then read the Chinese text as UTF-8
    saveFile(`\uFEFF${text}`, 'portrait-customer-profiles.csv', 'text/csv;charset=utf-8');
  };

  #downloadXlsx = async () => {
    if (!this.portrait) return;
    // the same table as a workbook, as `portrait customers FILE --xlsx OUT` writes it
    const bytes = await this.portrait.exportFile({ analysis: 'customers', format: 'xlsx' });
    saveFile(bytes as Uint8Array<ArrayBuffer>, 'portrait-customer-profiles.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  get #currency(): string {
    return this.context?.currency ?? '';
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('profiles.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const s = this.summary;
    if (!s) {
      return html`<section class="card" aria-busy="true" aria-label=${t('profiles.loading')}><span class="skeleton" style="height: 320px; display: block"></span></section>`;
    }
    if (s.customers === 0) return html`<div class="card"><p class="muted">${t('profiles.noCustomers')}</p></div>`;
    const open = this.params['id'];
    if (open) {
      return html`<portrait-customer
        .portrait=${this.portrait}
        customer-id=${open}
        currency=${this.#currency}
        .medians=${s.medians}
        generation=${this.context?.generation ?? 0}
        @portrait-card-close=${() => this.#route()}
      ></portrait-customer>`;
    }
    const missing = [
      [s.has_category, 'profiles.dim.category'],
      [s.has_channel, 'profiles.dim.channel'],
      [s.has_region, 'profiles.dim.region'],
      [s.has_brand, 'profiles.dim.brand'],
      [s.has_discount, 'profiles.dim.discount'],
    ]
      .filter(([has]) => !has)
      .map(([, key]) => t(key as Key));
    return html`
      <div class="card intro">
        <div>
          <h2 id="profiles-title">${t('profiles.title')}</h2>
          <p>${t('profiles.intro')}</p>
          ${missing.length ? html`<p class="notice" data-testid="profiles-missing">${t('profiles.missing', { columns: new Intl.ListFormat(locale, { type: 'disjunction' }).format(missing) })}</p>` : nothing}
        </div>
        <div class="meta">
          <strong data-testid="profiles-customers">${t('profiles.customers', { count: formatCount(s.customers, locale) })}</strong>
          ${s.last_day ? html`<span>${t('profiles.lastDay', { date: formatDate(s.last_day, locale) })}</span>` : nothing}
        </div>
      </div>
      ${this.#renderMedians(s, locale)} ${this.#renderTable(locale)}
    `;
  }

  #renderMedians(s: ProfileSummary, locale: Locale) {
    const shown = MEDIANS.map((f) => s.medians.find((m) => m.feature === f)).filter((m) => m !== undefined && m.median !== null);
    return html`<div class="card" part="medians">
      <div class="card__head">
        <div>
          <h3>${t('profiles.medians')}</h3>
          <p class="card__desc">${t('profiles.medians.desc')}</p>
        </div>
      </div>
      <dl class="medians">
        ${shown.map(
          (m) => html`<div class="median" data-feature=${m!.feature} title=${t(`profiles.doc.${m!.feature}` as Key)}>
            <dt>${t(`profiles.col.${m!.feature}` as Key)}</dt>
            <dd>${formatCell(`profile.${m!.feature}`, m!.median, this.#currency, locale)}</dd>
          </div>`,
        )}
      </dl>
    </div>`;
  }

  #renderTable(locale: Locale) {
    const page = this.page;
    const total = page?.total ?? 0;
    const from = total === 0 ? 0 : this.offset + 1;
    const to = Math.min(total, this.offset + PAGE_SIZE);
    const features = GROUPS[this.group] as readonly string[];
    const header = (feature: string | null) => {
      const sorted = this.sort === feature;
      const ariaSort = sorted ? (this.descending ? 'descending' : 'ascending') : 'none';
      const kind = feature ? KINDS.get(feature)?.kind : 'text';
      const numeric = kind !== 'text' && kind !== 'code' && kind !== 'date';
      const name = feature ? label(feature) : t('profiles.col.customer_id');
      return html`<th scope="col" class=${numeric ? 'num' : ''} aria-sort=${ariaSort} title=${feature ? definition(feature) : nothing}>
        <button type="button" class="sort" aria-label=${t('profiles.sortBy', { column: name })} @click=${() => this.#sortBy(feature)}>${name} ${sortIcon}</button>
      </th>`;
    };
    return html`<div class="card" part="table">
      <div class="card__head">
        <h3 id="profiles-table-title">${t('profiles.table')}</h3>
        <span class="actions">
          <button type="button" class="btn btn--small" data-action="download-profiles" @click=${this.#download}>${t('profiles.download')}</button>
          <button type="button" class="btn btn--small" data-action="download-profiles-xlsx" @click=${this.#downloadXlsx}>${t('profiles.downloadXlsx')}</button>
        </span>
      </div>
      <div class="rule">
        <label for="profiles-rule">${t('profiles.rule')}</label>
        <input
          id="profiles-rule"
          class="mono"
          type="text"
          .value=${live(this.rule)}
          placeholder=${t('profiles.rule.placeholder')}
          @input=${this.#onRule}
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${this.ruleError ? 'true' : 'false'}
          aria-describedby="profiles-rule-help"
        />
        <p id="profiles-rule-help" class="rule-help">${t('profiles.rule.help')}</p>
        ${this.#renderRuleError()}
        ${this.rule.trim() && !this.ruleError && page
          ? html`<p class="rule-count" data-testid="rule-count" aria-live="polite">${t('profiles.matching', { count: formatCount(page.total, locale) })}</p>`
          : nothing}
      </div>
      <div class="toolbar">
        <div class="field">
          <label for="profiles-search">${t('profiles.search')}</label>
          <input id="profiles-search" type="search" .value=${live(this.search)} placeholder=${this.#groups.includes('basic') ? t('profiles.search.identities') : t('profiles.search')} @input=${this.#onSearch} autocomplete="off" spellcheck="false" />
        </div>
        <div class="field">
          <span class="label" id="profiles-groups">${t('profiles.columns')}</span>
          <div class="groups" role="group" aria-labelledby="profiles-groups">
            ${this.#groups.map(
              (g) => html`<button type="button" data-group=${g} aria-pressed=${this.group === g ? 'true' : 'false'} @click=${() => this.#showGroup(g)}>
                ${t(`profiles.group.${g}` as Key)}
              </button>`,
            )}
          </div>
        </div>
        <div class="pager">
          <span data-testid="pager" aria-live="polite">${t('profiles.page', { from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(total, locale) })}</span>
          <button type="button" class="btn btn--small" aria-label=${t('profiles.prev')} title=${t('profiles.prev')} ?disabled=${this.offset === 0} @click=${() => this.#go(-1)}>${chevron(true)}</button>
          <button type="button" class="btn btn--small" aria-label=${t('profiles.next')} title=${t('profiles.next')} ?disabled=${to >= total} @click=${() => this.#go(1)}>${chevron(false)}</button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="paged" aria-labelledby="profiles-table-title" aria-busy=${this.pageBusy ? 'true' : 'false'} data-testid="profile-table">
          <thead>
            <tr>
              ${header(null)} ${features.map((f) => header(f))}
            </tr>
          </thead>
          <tbody>
            ${this.pageError
              ? html`<tr class="empty-row"><td colspan=${features.length + 1} role="alert">${this.pageError}</td></tr>`
              : page && page.rows.length === 0
                ? html`<tr class="empty-row"><td colspan=${features.length + 1}>${t('profiles.noMatch')}</td></tr>`
                : (page?.rows ?? []).map(
                    (row) => html`<tr>
                      <td>
                        <a class="id" href=${formatHash(addressOf(ADDRESS, { id: row.customer_id }))} title=${t('profiles.card.open', { id: row.customer_id })}
                          >${row.customer_id}</a
                        >
                      </td>
                      ${features.map((f) => {
                        const kind = KINDS.get(f)?.kind;
                        const text = kind === 'text' || kind === 'code' || kind === 'date';
                        const value = formatCell(f, row[f], this.#currency, locale);
                        return html`<td class=${text ? 'text' : 'num'} data-feature=${nameOf(f)} title=${kind === 'text' ? value : nothing}>${value}</td>`;
                      })}
                    </tr>`,
                  )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

if (!customElements.get('portrait-profiles')) customElements.define('portrait-profiles', PortraitProfiles);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-profiles': PortraitProfiles;
  }
}
