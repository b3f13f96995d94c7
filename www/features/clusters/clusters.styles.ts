import { css } from 'lit';

/** The clusters view: the controls, the two charts side by side, a card per cluster. */
export const styles = css`
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
  .field label,
  legend {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
  }
  .field input {
    width: 7rem;
  }
  fieldset.features {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-1) var(--portrait-space-3);
    flex: 1 1 100%;
  }
  fieldset.features legend {
    flex-basis: 100%;
    margin-bottom: var(--portrait-space-1);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
  }
  .progress {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
  }
  .headline {
    font-size: var(--portrait-font-size-lg);
    font-weight: var(--portrait-font-weight-medium);
    margin: 0 0 var(--portrait-space-2);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--portrait-space-4);
  }
  .chart {
    height: 320px;
    width: 100%;
    min-width: 0;
  }
  .cluster-cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: var(--portrait-space-4);
  }
  .cluster h3 {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    margin: 0 0 var(--portrait-space-2);
  }
  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
    display: inline-block;
  }
  .words {
    font-weight: var(--portrait-font-weight-medium);
  }
  .cluster p {
    margin: 0 0 var(--portrait-space-1);
    overflow-wrap: anywhere;
  }
  .bars {
    display: grid;
    gap: 2px;
    margin: var(--portrait-space-2) 0;
  }
  .bar {
    display: grid;
    grid-template-columns: minmax(0, 7rem) 1fr 3rem;
    gap: var(--portrait-space-2);
    align-items: center;
    font-size: var(--portrait-font-size-xs);
  }
  .bar__name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar__track {
    position: relative;
    height: 0.6rem;
    background: var(--portrait-chart-grid, #e6e9ee);
    border-radius: 2px;
  }
  .bar__fill {
    position: absolute;
    top: 0;
    bottom: 0;
    background: var(--portrait-chart-1, #2852c8);
  }
  .bar__fill--neg {
    background: var(--portrait-chart-2, #e07b39);
  }
  .bar__value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    gap: var(--portrait-space-2);
    flex-wrap: wrap;
  }
`;
