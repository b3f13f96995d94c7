import { svg } from 'lit';

/** The sort arrow of a sortable header (`th[aria-sort] button.sort`, `table.styles.ts`). */
export const sortIcon = svg`<svg viewBox="0 0 12 12" fill="currentColor" aria-hidden="true"><path d="M6 9 2.5 4.5h7z"/></svg>`;

/** The pager's previous (`left`) and next arrows. */
export const chevron = (left: boolean) =>
  svg`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d=${left ? 'M10 3.5 5.5 8l4.5 4.5' : 'M6 3.5 10.5 8 6 12.5'}/></svg>`;
