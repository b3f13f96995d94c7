/**
 * The quality report's part about the tables beside the orders: each customers, events or
 * products file with its counts and rejections (file, line, column), and the join report —
 * per pair of tables, how many ids of one the other lacks, with examples. Ids are text from
 * the files: rendered as text, never as markup.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { JoinSide, QualityReport, TableFileReport } from '../../api/types.js';
import { formatCount, type Locale } from '../../format/format.js';
import { t as shellT, type MessageKey } from '../../i18n/index.js';
import { t } from './messages.js';

type Key = Parameters<typeof t>[0];

const tableName = (k: string) => shellT(`table.${k}` as MessageKey);

function fileRow(f: TableFileReport, n: (v: number) => string): TemplateResult {
  return html`<tr data-table=${f.table}>
    <td><span class="cell-text" title=${f.file}>${f.file}</span></td>
    <td>${tableName(f.table)}</td>
    <td class="num">${n(f.rows_read)}</td>
    <td class="num">${n(f.rows_used)}</td>
    <td class="num">${n(f.rows_rejected)}</td>
    <td class="num">${n(f.duplicates_removed)}</td>
  </tr>`;
}

function rejections(f: TableFileReport, n: (v: number) => string): TemplateResult[] {
  return f.rejected.map(
    (g) => html`<li data-reason=${g.reason}>
      <span class="cell-text">${f.file}</span>: ${t(`reason.${g.reason}` as Key)} · ${t('quality.group.count', { count: n(g.count) })}
      ${g.examples.length
        ? html`<span class="muted">
            (${g.examples
              .slice(0, 3)
              .map((e) => `${shellT('error.line')} ${e.line}${e.column ? `, ${e.column}` : ''}`)
              .join('; ')})</span
          >`
        : nothing}
    </li>`,
  );
}

function joinSide(s: JoinSide, n: (v: number) => string): TemplateResult {
  const names = {
    table: tableName(s.table),
    other: tableName(s.other),
    key: t(`quality.key.${s.key}` as Key),
    ids: n(s.ids),
    unmatched: n(s.unmatched),
  };
  return html`<li data-join=${`${s.table}-${s.other}-${s.key}`} data-unmatched=${s.unmatched}>
    ${s.unmatched === 0 ? t('quality.join.none', names) : t('quality.join.side', names)}
    ${s.examples.length
      ? html`<div class="muted">${t('quality.join.examples', { examples: s.examples.join(', ') })}</div>`
      : nothing}
  </li>`;
}

/** The side tables' files and the join report, or nothing when only orders were loaded. */
export function renderTables(q: QualityReport, locale: Locale): TemplateResult | typeof nothing {
  if (q.tables.length === 0) return nothing;
  const n = (v: number) => formatCount(v, locale);
  const other = q.tables.reduce((sum, f) => sum + f.other_events, 0);
  return html`<div class="card" data-testid="quality-tables">
      <div class="card__head"><h3>${t('quality.tables')}</h3></div>
      <p class="card__desc">${t('quality.tables.intro')}</p>
      <div class="table-wrap">
        <table aria-label=${t('quality.tables')}>
          <thead>
            <tr>
              <th scope="col">${t('quality.col.file')}</th>
              <th scope="col">${t('quality.col.table')}</th>
              <th scope="col" class="num">${t('quality.col.rowsRead')}</th>
              <th scope="col" class="num">${t('quality.col.rowsUsed')}</th>
              <th scope="col" class="num">${t('quality.col.rowsRejected')}</th>
              <th scope="col" class="num">${t('quality.col.duplicates')}</th>
            </tr>
          </thead>
          <tbody>
            ${q.tables.map((f) => fileRow(f, n))}
          </tbody>
        </table>
      </div>
      ${q.tables.some((f) => f.rejected.length) || other > 0
        ? html`<ul class="plain notes">
            ${q.tables.flatMap((f) => rejections(f, n))}
            ${other > 0 ? html`<li>${t('quality.tables.other', { count: n(other) })}</li>` : nothing}
          </ul>`
        : nothing}
    </div>
    <div class="card" data-testid="join-report">
      <div class="card__head"><h3>${t('quality.join')}</h3></div>
      <ul class="plain join">
        ${q.join.sides.map((s) => joinSide(s, n))}
      </ul>
    </div>`;
}
