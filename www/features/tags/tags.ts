import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { PortraitError } from '../../api/errors.js';
import type { RuleTag, TagStats, TagsSummary } from '../../api/types.js';
import { base } from '../../elements/shared.styles.js';
import { viewStyles } from '../../elements/view.styles.js';
import { formatCount, formatPercent, type Locale } from '../../format/format.js';
import { coreText, LocaleController } from '../../i18n/index.js';
import { FeatureView } from '../feature.js';
import { t } from './messages.js';
import { styles } from './tags.styles.js';


/** The families in the order the page shows them (the core's `FAMILIES`). */
export const FAMILIES = ['value', 'consumption', 'lifecycle', 'preference', 'behaviour', 'risk', 'rule'] as const;

/** A tag's name as the page shows it: a built-in tag's in the current language. */
export function tagName(s: TagStats): string {
  if (s.family === 'rule') return s.value === null ? s.tag : `${s.tag}: ${s.value}`;
  return coreText({ code: `tags.tag.${s.tag}` });
}

/** The rule that picks a tag's customers in the profile table. */
export function customersRule(s: TagStats): string {
  if (s.family === 'rule' && s.value !== null) return `tags.tags contains ${JSON.stringify(`${s.tag}:${s.value}`)}`;
  return s.rule;
}

/** The route's rule tags (`?rules=[{"name":…,"rule":…}]`), those well formed. */
function rulesOf(params: Record<string, string>): RuleTag[] {
  try {
    const parsed: unknown = JSON.parse(params['rules'] ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((r): r is RuleTag => typeof r?.name === 'string' && typeof r?.rule === 'string');
  } catch {
    return [];
  }
}

/**
 * @summary The tag system (标签体系): the built-in families (value, consumption ability,
 * lifecycle, preference, behaviour, risk), each tag with its rule as written, its customers,
 * share and revenue share, and the merchant's own rule tags — added, checked (errors point at
 * the character) and removed here.
 *
 * The summary is `run('tags', {rules})`; the rule tags are in the route
 * (`#/customers/tags?rules=[…]`), so a link keeps them. Each tag links to its customers in the
 * profile table.
 */
export class PortraitTags extends FeatureView {
  static override styles = [base, viewStyles, styles];

  @state() private summary: TagsSummary | null = null;
  @state() private failed = '';
  @state() private rules: RuleTag[] = [];
  @state() private formError = '';

  #locale = new LocaleController(this);
  #seq = 0;

  override exportRequest() {
    return { analysis: 'tags', params: { rules: this.rules } };
  }

  protected async refresh(): Promise<void> {
    this.rules = rulesOf(this.params);
    await this.#fit(this.rules);
  }

  protected override paramsChanged(): void {
    const next = rulesOf(this.params);
    if (JSON.stringify(next) !== JSON.stringify(this.rules)) {
      this.rules = next;
      void this.#fit(next);
    }
  }

  /** Tags with `rules`; true when they were accepted. */
  async #fit(rules: RuleTag[]): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const summary = await this.portrait!.run('tags', { rules });
      if (seq !== this.#seq) return false;
      this.summary = summary;
      this.failed = '';
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      const err = PortraitError.from(e);
      if (err.code.startsWith('rule.') || err.code.startsWith('tags.')) {
        const tag = String(err.params['tag'] ?? err.params['name'] ?? '');
        this.formError = err.code.startsWith('rule.') ? t('tags.error.in', { tag, message: coreText(err) }) : coreText(err);
        return false;
      }
      this.failed = err.message;
      return false;
    }
  }

  #add = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const rule = (form.elements.namedItem('rule') as HTMLInputElement).value.trim();
    const next = [...this.rules, { name, rule }];
    this.formError = '';
    if (await this.#fit(next)) {
      this.rules = next;
      this.route({ rules: JSON.stringify(next) });
      form.reset();
    }
  };

  #remove(name: string) {
    const next = this.rules.filter((r) => r.name !== name);
    this.rules = next;
    this.formError = '';
    this.route(next.length ? { rules: JSON.stringify(next) } : {});
    void this.#fit(next);
  }

  override render() {
    const locale = this.#locale.locale;
    if (this.failed) return html`<div class="card" role="alert"><p>${t('tags.failed')}</p><p class="muted">${this.failed}</p></div>`;
    const s = this.summary;
    if (!s) return html`<section class="card" aria-busy="true" aria-label=${t('tags.loading')}><span class="skeleton skeleton--block"></span></section>`;
    if (s.customers === 0) return html`<div class="card"><p class="muted">${t('tags.noCustomers')}</p></div>`;
    return html`
      <div class="card intro">
        <div>
          <h2>${t('tags.title')}</h2>
          <p>${t('tags.intro')}</p>
          <p class="muted">${t('tags.basicNote')}</p>
        </div>
        <strong data-testid="tags-customers">${t('tags.customers', { count: formatCount(s.customers, locale) })}</strong>
      </div>
      ${FAMILIES.map((f) => this.#renderFamily(f, s.tags.filter((x) => x.family === f), locale))}
      <form class="card add" @submit=${this.#add} data-testid="add-tag">
        <h3>${t('tags.add')}</h3>
        <div class="fields">
          <label>${t('tags.add.name')}<input name="name" required autocomplete="off" /></label>
          <label class="grow">${t('tags.add.rule')}<input name="rule" class="mono" required autocomplete="off" spellcheck="false" placeholder=${t('tags.add.rulePlaceholder')} /></label>
          <button type="submit" class="btn btn--primary btn--small" data-action="add-tag">${t('tags.add.submit')}</button>
        </div>
        <p class="muted help">${t('tags.add.help')}</p>
        ${this.formError ? html`<p class="error" role="alert" data-testid="tag-error">${this.formError}</p>` : nothing}
      </form>
    `;
  }

  #renderFamily(family: (typeof FAMILIES)[number], tags: TagStats[], locale: Locale) {
    if (tags.length === 0) return nothing;
    return html`<div class="card" data-family=${family}>
      <h3>${t(`tags.family.${family}`)}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('tags.col.tag')}</th>
              <th scope="col">${t('tags.col.rule')}</th>
              <th scope="col" class="num">${t('tags.col.customers')}</th>
              <th scope="col" class="num">${t('tags.col.share')}</th>
              <th scope="col" class="num">${t('tags.col.revenueShare')}</th>
              <th scope="col"><span class="visually-hidden">${t('tags.show')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${tags.map((x) => {
              const name = tagName(x);
              return html`<tr data-tag=${x.tag} data-value=${x.value ?? nothing}>
                <td class="name">${name}</td>
                <td><code class="rule">${x.rule}</code></td>
                <td class="num" data-testid="tag-customers">${formatCount(x.customers, locale)}</td>
                <td class="num">${formatPercent(x.share, locale)}</td>
                <td class="num">${formatPercent(x.revenue_share, locale)}</td>
                <td class="actions">
                  ${x.customers > 0
                    ? html`<a href=${`#/customers/profiles?rule=${encodeURIComponent(customersRule(x))}`} aria-label=${t('tags.show.label', { tag: name })}>${t('tags.show')}</a>`
                    : nothing}
                  ${family === 'rule' && (x.value === null || x.rule === tags.filter((o) => o.tag === x.tag).at(-1)?.rule)
                    ? html`<button type="button" class="btn btn--small btn--ghost" data-action="remove-tag" aria-label=${t('tags.remove.label', { tag: x.tag })} @click=${() => this.#remove(x.tag)}>
                        ${t('tags.remove')}
                      </button>`
                    : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

if (!customElements.get('portrait-tags')) customElements.define('portrait-tags', PortraitTags);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-tags': PortraitTags;
  }
}
