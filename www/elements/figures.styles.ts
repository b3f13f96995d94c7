import { css } from 'lit';

/**
 * What the prediction views share: a row of labelled controls, key figures with a note under
 * each, notes, a row of action links, a grid of charts, tables of numbers.
 */
export const figureStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-3);
    align-items: flex-end;
  }
  .field {
    display: grid;
    gap: var(--portrait-space-1);
  }
  .field label {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
  }
  .field input[type='number'] {
    width: 7rem;
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--portrait-space-3);
  }
  .kpi {
    display: grid;
    gap: var(--portrait-space-1);
  }
  .kpi__label {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .kpi__value {
    font-size: var(--portrait-font-size-xl);
    font-weight: var(--portrait-font-weight-semibold);
    font-variant-numeric: tabular-nums;
  }
  .kpi__note {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .note {
    margin: var(--portrait-space-2) 0 0;
    padding: var(--portrait-space-2) var(--portrait-space-3);
    border-left: 3px solid var(--portrait-color-warning, #d4a017);
    background: var(--portrait-color-surface-subtle, #f6f7f9);
    font-size: var(--portrait-font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2);
    margin-top: var(--portrait-space-3);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: var(--portrait-space-4);
  }
  h4 {
    margin: 0 0 var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
    font-weight: var(--portrait-font-weight-medium);
  }
  .chart {
    height: 280px;
  }
  table.numbers {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--portrait-font-size-sm);
  }
  table.numbers th,
  table.numbers td {
    text-align: left;
    padding: var(--portrait-space-1) var(--portrait-space-2);
    border-bottom: 1px solid var(--portrait-color-border, #e6e9ee);
    vertical-align: top;
  }
  table.numbers .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
