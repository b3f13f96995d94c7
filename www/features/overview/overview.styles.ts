import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --kpi-columns: 4;
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(var(--kpi-columns), minmax(0, 1fr));
    gap: var(--portrait-space-4);
    margin-bottom: var(--portrait-space-4);
  }
  .kpi {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--portrait-space-1);
    padding: var(--portrait-space-4) var(--portrait-space-5);
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-sm);
    min-width: 0;
    cursor: help;
  }
  .kpi:focus-visible {
    outline: 2px solid var(--portrait-color-focus);
    outline-offset: 2px;
  }
  /* the definition and exact value: on hover, on focus, and on tap (data-open) */
  .kpi__detail {
    display: none;
    position: absolute;
    z-index: 2;
    left: var(--portrait-space-3);
    right: var(--portrait-space-3);
    top: calc(100% - var(--portrait-space-2));
    padding: var(--portrait-space-2) var(--portrait-space-3);
    background: var(--portrait-color-text);
    color: var(--portrait-color-surface);
    border-radius: var(--portrait-radius-md);
    box-shadow: var(--portrait-shadow-md, 0 4px 12px rgb(0 0 0 / 18%));
    font-size: var(--portrait-font-size-xs);
    line-height: 1.45;
  }
  .kpi__detail strong {
    display: block;
    margin-top: var(--portrait-space-1);
    font-variant-numeric: tabular-nums;
  }
  .kpi:hover .kpi__detail,
  .kpi:focus .kpi__detail,
  .kpi[data-open] .kpi__detail {
    display: block;
  }
  .kpi__previous {
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
    font-variant-numeric: tabular-nums;
  }
  .kpi__previous .up {
    color: var(--portrait-color-success, #1a7f4b);
  }
  .kpi__previous .down {
    color: var(--portrait-color-danger, #b42318);
  }
  .previous {
    margin: 0 0 var(--portrait-space-3);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .kpi__label {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-1);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    font-weight: var(--portrait-font-weight-medium);
  }
  .kpi__label svg {
    width: 0.875rem;
    height: 0.875rem;
    color: var(--portrait-color-text-subtle);
  }
  .kpi__value {
    font-size: var(--portrait-font-size-2xl);
    font-weight: var(--portrait-font-weight-bold);
    line-height: var(--portrait-line-height-tight);
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .kpi__value--small {
    font-size: var(--portrait-font-size-lg);
    white-space: normal;
    line-height: 1.35;
    padding-top: 0.35rem;
  }
  .kpi__sub {
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--portrait-space-2) var(--portrait-space-4);
    margin: 0 0 var(--portrait-space-4);
    padding: var(--portrait-space-3) var(--portrait-space-4);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-warning-soft);
    color: var(--portrait-color-warning);
    font-size: var(--portrait-font-size-sm);
  }
  .warning p {
    margin: 0;
    flex: 1 1 20rem;
  }
  .warning a {
    color: inherit;
    font-weight: var(--portrait-font-weight-bold);
  }
  .warning--info {
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-text);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2) var(--portrait-space-6);
    margin: 0 0 var(--portrait-space-4);
    padding: var(--portrait-space-3) var(--portrait-space-5);
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    font-size: var(--portrait-font-size-sm);
  }
  .facts div {
    display: flex;
    gap: var(--portrait-space-2);
    cursor: help;
  }
  .facts dt {
    color: var(--portrait-color-text-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: var(--portrait-font-weight-medium);
    font-variant-numeric: tabular-nums;
  }
  .chart {
    width: 100%;
    height: 300px;
  }
  .empty {
    display: grid;
    place-items: center;
    height: 200px;
    color: var(--portrait-color-text-muted);
  }
  .skeleton--value {
    height: 1.75rem;
    width: 60%;
    margin-top: 0.25rem;
  }
  .skeleton--label {
    height: 0.8rem;
    width: 45%;
  }
  .skeleton--chart {
    height: 300px;
  }
  @media (max-width: 1100px) {
    :host {
      --kpi-columns: 2;
    }
  }
  @media (max-width: 480px) {
    .kpi {
      padding: var(--portrait-space-3);
    }
    .kpi__value {
      font-size: var(--portrait-font-size-xl);
    }
  }
`;
