import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ANALYSES, type AudienceDefinition, type AudienceSummary, type ColumnSpec, type RuleNode, type TablePage } from '../../api/types.js';
import { Debounce } from '../../elements/debounce.js';
import { loadSaved, storeSaved } from '../../elements/saved.js';
import { saveFile } from '../../elements/save.js';
import { base } from '../../elements/shared.styles.js';
import { tableStyles } from '../../elements/table.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatMoney, formatPercent, type Locale } from '../../format/format.js';
import { LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { styles } from './audience.styles.js';
import { t } from './messages.js';
import { itemsOf, join, operatorsFor, quoted, text } from './tree.js';

/** Every customer-table column a condition can name, by id. */
export const FIELDS: { id: string; spec: ColumnSpec }[] = Object.entries(ANALYSES).flatMap(([kind, a]) =>
  a.columns.map((spec) => ({ id: `${kind}.${spec.name}`, spec })),
);

/** The columns a download offers first. */
export const DEFAULT_COLUMNS = ['rfm.recency', 'rfm.frequency', 'rfm.monetary_cents', 'rfm.segment', 'lifecycle.stage'];

/** localStorage name of the saved definitions (`elements/saved.ts`). */
const SAVED = 'audiences';
/** Rows a page of the customer table holds at most (`table::MAX_PAGE_ROWS`). */
const MAX_PAGE = 1000;

const codeNames = (id: string): readonly string[] => {
  const kind = FIELDS.find((f) => f.id === id)?.spec.kind;
  return kind?.kind === 'code' ? kind.names : [];
};

/**
 * @summary The audience builder (人群圈选): RFM segments, lifecycle stages, tags, clusters,
 * features and saved audiences combined with and / or / not, in a visual editor and the rule
 * text side by side (one rule: each is redrawn from the other); the live size and shares, a
 * preview of the first customers, saved audiences (dynamic rules or frozen lists, kept as
 * definitions in this browser), their overlap, and the download with the columns picked.
 *
 * Each change is `run('audience', {where, audiences})`; the preview is a customer-table page
 * with the same rule. `#/segments/audience?rule=…` opens on a rule (a cluster's link).
 */
export class PortraitAudience extends FeatureView {
  static override styles = [base, viewStyles, tableStyles, styles];

  @state() private rule = '';
  @state() private summary: AudienceSummary | null = null;
  @state() private error = '';
  @state() private preview: TablePage | null = null;
  @state() private saved: AudienceDefinition[] = loadSaved<AudienceDefinition[]>(SAVED, []);
  @state() private compare: string[] = [];
  @state() private overlap: AudienceSummary | null = null;
  @state() private columns: string[] = [...DEFAULT_COLUMNS];
  @state() private name = '';

  #locale = new LocaleController(this);
  #debounce = new Debounce(40);
  #seq = 0;

  override exportRequest() {
    return { analysis: 'audience', params: this.#params() };
  }

  #params() {
    return { where: this.rule, audiences: this.saved, columns: this.columns };
  }

  protected async refresh(): Promise<void> {
    this.rule = this.params['rule'] ?? this.rule;
    await this.#evaluate();
  }

  protected override paramsChanged(): void {
    const rule = this.params['rule'];
    if (rule !== undefined && rule !== this.rule) this.#setRule(rule);
  }

  /** A new rule text: evaluated after a pause in typing. */
  #setRule(rule: string) {
    this.rule = rule;
    this.#debounce.run(() => void this.#evaluate());
  }

  async #evaluate(): Promise<void> {
    if (!this.portrait) return;
    const seq = ++this.#seq;
    try {
      const summary = await this.portrait.run('audience', { where: this.rule, audiences: this.saved });
      const preview = await this.portrait.table({
        rule: this.rule,
        audiences: this.saved,
        columns: ['rfm.segment', 'lifecycle.stage', 'rfm.monetary_cents'],
        sort: 'rfm.monetary_cents',
        descending: true,
        limit: 10,
      });
      if (seq !== this.#seq) return;
      this.summary = summary;
      this.preview = preview;
      this.error = '';
    } catch (e) {
      if (seq === this.#seq) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The builder changed the tree: its text becomes the rule. */
  #setTree(node: RuleNode | null) {
    this.#setRule(node ? text(node) : '');
  }

  #items(): { items: RuleNode[]; or: boolean } {
    return itemsOf(this.rule.trim() && !this.error ? (this.summary?.tree ?? null) : null);
  }

  #replace(i: number, node: RuleNode | null) {
    const { items, or } = this.#items();
    const next = [...items];
    if (node) next[i] = node;
    else next.splice(i, 1);
    this.#setTree(join(next, or));
  }

  #add(node: RuleNode) {
    const { items, or } = this.#items();
    this.#setTree(join([...items, node], or));
  }

  #saveCurrent(frozen: boolean) {
    void (async () => {
      const name = this.name.trim();
      if (!name || !this.portrait) return;
      let ids: string[] | null = null;
      if (frozen) {
        ids = [];
        for (let offset = 0; ; offset += MAX_PAGE) {
          const page = await this.portrait.table({ rule: this.rule, audiences: this.saved, limit: MAX_PAGE, offset });
          ids.push(...page.rows.map((r) => r.customer_id));
          if (offset + MAX_PAGE >= page.total) break;
        }
      }
      this.saved = [...this.saved.filter((a) => a.name !== name), { name, rule: this.rule, ids }];
      storeSaved(SAVED, this.saved);
      this.name = '';
    })();
  }

  #delete(name: string) {
    this.saved = this.saved.filter((a) => a.name !== name);
    this.compare = this.compare.filter((c) => c !== name);
    storeSaved(SAVED, this.saved);
    void this.#compare();
  }

  async #compare(): Promise<void> {
    if (!this.portrait || this.compare.length < 2) {
      this.overlap = null;
      return;
    }
    this.overlap = await this.portrait.run('audience', { where: '', audiences: this.saved, compare: this.compare });
  }

  #download = async (format: 'csv' | 'xlsx') => {
    if (!this.portrait) return;
    const request = { analysis: 'audience', params: this.#params(), format } as const;
    if (format === 'csv') {
      saveFile(`\uFEFF${await this.portrait.export(request)}`, 'portrait-audience.csv', 'text/csv;charset=utf-8');
    } else {
      const bytes = await this.portrait.exportFile(request);
      saveFile(bytes as Uint8Array<ArrayBuffer>, 'portrait-audience.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  override render() {
    const locale = this.#locale.locale;
    return html`<section class="card">
        <div class="card__head"><h2>${t('audience.title')}</h2></div>
        <p class="muted">${t('audience.intro')}</p>
        <label class="rule" for="audience-rule">${t('audience.rule')}</label>
        <textarea id="audience-rule" data-testid="rule" rows="2" spellcheck="false" placeholder=${t('audience.rule.placeholder')} .value=${this.rule}
          @input=${(e: Event) => this.#setRule((e.target as HTMLTextAreaElement).value)}></textarea>
        ${this.error ? html`<p class="error" role="alert" data-testid="rule-error">${this.error}</p>` : nothing}
        ${this.#renderBuilder(locale)} ${this.#renderSize(locale)}
      </section>
      ${this.#renderPreview(locale)} ${this.#renderSaved(locale)} ${this.#renderExport(locale)}`;
  }

  #label(id: string, locale: Locale): string {
    const f = FIELDS.find((x) => x.id === id || x.spec.name === id);
    return locale === 'zh-CN' && f?.spec.zh ? f.spec.zh : id;
  }

  #renderBuilder(locale: Locale) {
    const { items, or } = this.#items();
    const segments = codeNames('rfm.segment');
    const stages = codeNames('lifecycle.stage');
    return html`<div class="builder" data-testid="builder" aria-label=${t('audience.builder')}>
      <div class="match">
        ${t('audience.match')}
        <select data-testid="match" @change=${(e: Event) => this.#setTree(join(items, (e.target as HTMLSelectElement).value === 'any'))}>
          <option value="all" ?selected=${!or}>${t('audience.match.all')}</option>
          <option value="any" ?selected=${or}>${t('audience.match.any')}</option>
        </select>
      </div>
      <ol class="items">
        ${items.map((node, i) => html`<li data-testid="item">${this.#renderItem(node, i, locale)}</li>`)}
      </ol>
      <div class="adds">
        <button type="button" class="btn btn--small" data-testid="add-segment" @click=${() => this.#add({ type: 'condition', field: 'rfm.segment', op: '==', values: [quoted(segments[0] ?? '')] })}>${t('audience.add.segment')}</button>
        <button type="button" class="btn btn--small" data-testid="add-stage" @click=${() => this.#add({ type: 'condition', field: 'lifecycle.stage', op: '==', values: [quoted(stages[0] ?? '')] })}>${t('audience.add.stage')}</button>
        <button type="button" class="btn btn--small" data-testid="add-tag" @click=${() => this.#add({ type: 'condition', field: 'tags.tags', op: 'contains', values: [quoted('')] })}>${t('audience.add.tag')}</button>
        <button type="button" class="btn btn--small" data-testid="add-cluster" @click=${() => this.#add({ type: 'condition', field: 'clusters.cluster', op: '==', values: ['1'] })}>${t('audience.add.cluster')}</button>
        <button type="button" class="btn btn--small" data-testid="add-feature" @click=${() => this.#add({ type: 'condition', field: 'profile.orders', op: '>=', values: ['2'] })}>${t('audience.add')}</button>
        ${this.saved.length
          ? html`<button type="button" class="btn btn--small" data-testid="add-saved" @click=${() => this.#add({ type: 'audience', name: this.saved[0]!.name })}>${t('audience.add.saved')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderItem(node: RuleNode, i: number, locale: Locale): unknown {
    const negated = node.type === 'not';
    const inner = node.type === 'not' ? node.item : node;
    const wrap = (n: RuleNode): RuleNode => (negated ? { type: 'not', item: n } : n);
    const notBox = html`<label class="not"><input type="checkbox" data-testid="not" .checked=${negated}
        @change=${(e: Event) => this.#replace(i, (e.target as HTMLInputElement).checked ? { type: 'not', item: inner } : inner)} />${t('audience.not')}</label>`;
    const remove = html`<button type="button" class="btn btn--small btn--ghost" data-testid="remove" @click=${() => this.#replace(i, null)}>${t('audience.remove')}</button>`;
    if (inner.type === 'audience') {
      return html`${notBox}<select data-testid="saved-name" @change=${(e: Event) => this.#replace(i, wrap({ type: 'audience', name: (e.target as HTMLSelectElement).value }))}>
          ${this.saved.map((a) => html`<option ?selected=${a.name === inner.name}>${a.name}</option>`)}
        </select>${remove}`;
    }
    if (inner.type !== 'condition') {
      return html`${notBox}<code class="complex" title=${t('audience.complex')}>${text(inner)}</code>${remove}`;
    }
    const field = FIELDS.find((f) => f.id === inner.field || f.spec.name === inner.field || f.spec.zh === inner.field);
    const kind = field?.spec.kind.kind ?? 'number';
    const names = field ? codeNames(field.id) : [];
    const set = (patch: Partial<{ field: string; op: string; values: string[] }>) => this.#replace(i, wrap({ ...inner, ...patch }));
    const unquote = (v: string) => v.replace(/^["'“”]|["'“”]$/g, '');
    const value = (v: string) => (kind === 'code' || kind === 'text' ? quoted(v) : v);
    const needs = inner.op === 'between' ? 2 : inner.op.startsWith('is ') ? 0 : 1;
    return html`${notBox}
      <select aria-label=${t('audience.field')} data-testid="field" @change=${(e: Event) => {
        const id = (e.target as HTMLSelectElement).value;
        const k = FIELDS.find((f) => f.id === id)?.spec.kind.kind ?? 'number';
        const first = codeNames(id)[0];
        set({ field: id, op: operatorsFor(k)[0]!, values: [k === 'code' ? quoted(first ?? '') : k === 'text' ? quoted('') : '0'] });
      }}>
        ${FIELDS.map((f) => html`<option value=${f.id} ?selected=${f.id === field?.id}>${this.#label(f.id, locale)}</option>`)}
      </select>
      <select aria-label=${t('audience.operator')} data-testid="op" @change=${(e: Event) => set({ op: (e.target as HTMLSelectElement).value })}>
        ${operatorsFor(kind).map((op) => html`<option ?selected=${op === inner.op}>${op}</option>`)}
      </select>
      ${Array.from({ length: inner.op === 'in' || inner.op === 'not in' ? 1 : needs }, (_, j) =>
        kind === 'code' && inner.op !== 'in' && inner.op !== 'not in'
          ? html`<select aria-label=${t('audience.value')} data-testid="value" @change=${(e: Event) => set({ values: [quoted((e.target as HTMLSelectElement).value)] })}>
              ${names.map((n) => html`<option ?selected=${unquote(inner.values[0] ?? '') === n}>${n}</option>`)}
            </select>`
          : html`<input aria-label=${t('audience.value')} data-testid="value" .value=${inner.op === 'in' || inner.op === 'not in' ? inner.values.map(unquote).join(', ') : unquote(inner.values[j] ?? '')}
              @change=${(e: Event) => {
                const v = (e.target as HTMLInputElement).value;
                if (inner.op === 'in' || inner.op === 'not in') set({ values: v.split(',').map((x) => value(x.trim())).filter((x) => x !== '""' && x !== '') });
                else {
                  const values = [...inner.values];
                  values[j] = value(v.trim());
                  set({ values });
                }
              }} />`,
      )}
      ${remove}`;
  }

  #renderSize(locale: Locale) {
    const s = this.summary;
    if (!s) return nothing;
    return html`<div class="size" data-testid="size" aria-live="polite">
      <strong data-testid="count">${t('audience.size', { count: formatCount(s.customers, locale) })}</strong>
      <span>${t('audience.shares', { customers: formatPercent(s.customer_share, locale), revenue: formatPercent(s.revenue_share, locale) })}</span>
      ${s.where ? nothing : html`<span class="muted">${t('audience.everyone')}</span>`}
    </div>`;
  }

  #renderPreview(locale: Locale) {
    const p = this.preview;
    if (!p) return nothing;
    const money = (c: unknown) => (typeof c === 'number' ? formatMoney(c, this.context?.currency ?? '', locale) : '—');
    return html`<section class="card">
      <div class="card__head"><h3>${t('audience.preview')}</h3></div>
      <div class="table-wrap">
        <table data-testid="preview">
          <thead><tr><th scope="col">${t('audience.col.id')}</th><th scope="col">${t('audience.col.segment')}</th><th scope="col">${t('audience.col.stage')}</th><th scope="col" class="num">${t('audience.col.revenue')}</th></tr></thead>
          <tbody>
            ${p.rows.map((r) => html`<tr><td class="id">${r.customer_id}</td><td>${r['rfm.segment'] ?? '—'}</td><td>${r['lifecycle.stage'] ?? '—'}</td><td class="num">${money(r['rfm.monetary_cents'])}</td></tr>`)}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #renderSaved(locale: Locale) {
    const o = this.overlap;
    const max = Math.max(1, ...(o?.overlap.map((c) => c.customers) ?? [1]));
    return html`<section class="card">
      <div class="card__head"><h3>${t('audience.saved')}</h3></div>
      <form class="save" @submit=${(e: Event) => (e.preventDefault(), this.#saveCurrent(false))}>
        <label>${t('audience.name')} <input data-testid="name" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} /></label>
        <button type="submit" class="btn btn--small" data-testid="save" ?disabled=${!this.name.trim()}>${t('audience.save')}</button>
        <button type="button" class="btn btn--small" data-testid="freeze" ?disabled=${!this.name.trim()} @click=${() => this.#saveCurrent(true)}>${t('audience.freeze')}</button>
      </form>
      ${this.saved.length === 0
        ? html`<p class="muted">${t('audience.saved.none')}</p>`
        : html`<p class="muted">${t('audience.compare.hint')}</p>
            <ul class="saved" data-testid="saved">
              ${this.saved.map(
                (a) => html`<li>
                  <label><input type="checkbox" .checked=${this.compare.includes(a.name)} ?disabled=${!this.compare.includes(a.name) && this.compare.length >= 4}
                    @change=${(e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      this.compare = on ? [...this.compare, a.name] : this.compare.filter((c) => c !== a.name);
                      void this.#compare();
                    }} /><strong>${a.name}</strong></label>
                  <span class="muted">${a.ids ? t('audience.kind.static', { count: formatCount(a.ids.length, locale) }) : t('audience.kind.dynamic', { rule: a.rule })}</span>
                  <button type="button" class="btn btn--small btn--ghost" @click=${() => this.#setRule(this.rule.trim() ? `${this.rule} and in_audience(${quoted(a.name)})` : `in_audience(${quoted(a.name)})`)}>${t('audience.use')}</button>
                  <button type="button" class="btn btn--small btn--ghost" @click=${() => this.#delete(a.name)}>${t('audience.delete')}</button>
                </li>`,
              )}
            </ul>`}
      ${o
        ? html`<h4>${t('audience.overlap')}</h4>
            <div class="upset" data-testid="overlap">
              ${o.overlap.map(
                (c) => html`<div class="upset__row">
                  <span class="upset__sets">${o.compared.map((s) => html`<i class=${c.sets.includes(s.sets[0]!) ? 'dot dot--on' : 'dot'} title=${s.sets[0]!}></i>`)}</span>
                  <span class="upset__bar"><span style="width: ${(c.customers / max) * 100}%"></span></span>
                  <span class="upset__count">${formatCount(c.customers, locale)}</span>
                  <span class="upset__names">${c.sets.join(' ∩ ')}</span>
                </div>`,
              )}
            </div>`
        : nothing}
    </section>`;
  }

  #renderExport(locale: Locale) {
    const offered = FIELDS.filter((f) => /^(rfm|profile|lifecycle|tags|clusters|demographics)\./.test(f.id));
    return html`<section class="card">
      <div class="card__head"><h3>${t('audience.export')}</h3></div>
      <details>
        <summary>${t('audience.columns')} (${this.columns.length})</summary>
        <div class="columns">
          ${offered.map(
            (f) => html`<label class="chip"><input type="checkbox" .checked=${this.columns.includes(f.id)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.columns = on ? [...this.columns, f.id] : this.columns.filter((c) => c !== f.id);
                }} />${this.#label(f.id, locale)}</label>`,
          )}
        </div>
      </details>
      <div class="actions">
        <button type="button" class="btn" data-testid="download-csv" @click=${() => this.#download('csv')}>${t('audience.csv')}</button>
        <button type="button" class="btn" data-testid="download-xlsx" @click=${() => this.#download('xlsx')}>${t('audience.xlsx')}</button>
      </div>
    </section>`;
  }
}

if (!customElements.get('portrait-audience')) customElements.define('portrait-audience', PortraitAudience);
