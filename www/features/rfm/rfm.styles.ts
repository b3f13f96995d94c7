import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --grid-cell-size: 3.25rem;
  }
  section > * + * {
    margin-top: var(--portrait-space-4);
  }
  .intro {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--portrait-space-2) var(--portrait-space-6);
  }
  .intro p {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    max-width: 70ch;
  }
  .intro .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--portrait-space-2) var(--portrait-space-4);
    min-width: 0;
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .intro .meta > * {
    white-space: nowrap;
  }
  .bins select {
    margin-left: var(--portrait-space-1);
    min-height: 1.75rem;
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font: inherit;
  }
  .intro .meta strong {
    color: var(--portrait-color-text);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1.45fr) minmax(0, 1fr);
    gap: var(--portrait-space-4);
  }
  .chart {
    width: 100%;
    height: 360px;
  }
  .card--fill {
    display: flex;
    flex-direction: column;
  }
  .card--fill .chart {
    flex: 1;
    min-height: 360px;
  }
  td.nowrap {
    white-space: nowrap;
  }

  /* ---- R × F grid */
  .rf {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-rows: 1fr auto;
    gap: var(--portrait-space-2);
    align-items: center;
  }
  .rf__ylabel {
    writing-mode: vertical-rl;
    text-orientation: sideways; /* CJK too: read bottom to top, not upside down */
    transform: rotate(180deg);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-xs);
    text-align: center;
  }
  .rf__xlabel {
    grid-column: 2;
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-xs);
    text-align: center;
  }
  .rf table {
    border-collapse: separate;
    border-spacing: 4px;
    width: 100%;
    table-layout: fixed;
  }
  .rf th,
  .rf td {
    border: 0;
    padding: 0;
    text-align: center;
    background: none;
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-medium);
  }
  .rf thead th {
    background: none;
    padding-bottom: 2px;
  }
  .rf tbody th {
    width: 2rem;
  }
  .rf td button {
    width: 100%;
    height: var(--grid-cell-size);
    border: 0;
    border-radius: var(--portrait-radius-sm);
    font: inherit;
    font-size: var(--portrait-font-size-sm);
    font-weight: var(--portrait-font-weight-bold);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    transition: transform var(--portrait-duration) var(--portrait-easing);
  }
  .rf td button:hover {
    transform: scale(1.04);
  }
  .rf td button[aria-pressed='true'] {
    outline: 2px solid var(--portrait-color-text);
    outline-offset: 1px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-1) var(--portrait-space-3);
    margin-top: var(--portrait-space-3);
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .legend span {
    display: inline-flex;
    align-items: center;
  }

  /* ---- segment table */
  .seg-name {
    display: flex;
    align-items: center;
    min-width: 12rem;
  }
  .seg-name button {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    font-weight: var(--portrait-font-weight-bold);
    color: var(--portrait-color-accent);
    cursor: pointer;
    text-align: left;
  }
  .seg-name button:hover {
    text-decoration: underline;
  }
  .seg-desc {
    display: block;
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
  }
  .bar {
    display: inline-block;
    height: 0.375rem;
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-accent);
    vertical-align: middle;
    margin-left: var(--portrait-space-2);
    opacity: 0.75;
  }
  tr.selected td {
    background: var(--portrait-color-accent-soft);
  }

  .pill {
    display: inline-flex;
    align-items: center;
    white-space: nowrap;
  }
  .scores {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    color: var(--portrait-color-text-muted);
  }
  .skeleton--chart {
    height: 360px;
  }
  @media (max-width: 1100px) {
    .row {
      grid-template-columns: 1fr;
    }
  }
`;
