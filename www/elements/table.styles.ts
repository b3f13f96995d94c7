import { css } from 'lit';

/**
 * The paged customer tables' styles (RFM's customer list, the profile table): the toolbar
 * of fields above a table, the pager, sortable headers (`th[aria-sort] button.sort`), a
 * dimmed body while a page loads (`table.paged[aria-busy]`), ids and the empty row.
 */
export const tableStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-3);
    align-items: flex-end;
    margin-bottom: var(--portrait-space-3);
  }
  .toolbar .field {
    display: grid;
    gap: var(--portrait-space-1);
  }
  .toolbar label {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
  }
  .toolbar input[type='search'] {
    width: 16rem;
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    margin-left: auto;
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .pager .btn {
    min-width: 2.25rem;
    padding: 0 var(--portrait-space-2);
  }
  .pager .jump {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
  }
  .pager .jump input {
    width: 4.5rem;
  }
  .downloads {
    display: flex;
    gap: var(--portrait-space-2);
  }
  th button.sort {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  th.num button.sort {
    flex-direction: row-reverse;
  }
  th button.sort svg {
    width: 0.75rem;
    height: 0.75rem;
    opacity: 0.35;
  }
  th[aria-sort='ascending'] button.sort,
  th[aria-sort='descending'] button.sort {
    color: var(--portrait-color-text);
  }
  th[aria-sort='ascending'] button.sort svg,
  th[aria-sort='descending'] button.sort svg {
    opacity: 1;
  }
  th[aria-sort='ascending'] button.sort svg {
    transform: rotate(180deg);
  }
  table.paged tbody {
    transition: opacity var(--portrait-duration) var(--portrait-easing);
  }
  table.paged[aria-busy='true'] tbody {
    opacity: 0.55;
  }
  .id {
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-xs);
    max-width: 26ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .empty-row td {
    padding: var(--portrait-space-8);
    text-align: center;
    color: var(--portrait-color-text-muted);
  }
`;
