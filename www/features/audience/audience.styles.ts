import { css } from 'lit';

/** The audience view: the rule and builder, the size, saved audiences and their overlap. */
export const styles = css`
  label.rule {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    font-family: var(--portrait-font-mono, monospace);
    font-size: var(--portrait-font-size-sm);
  }
  .error {
    color: var(--portrait-color-danger, #b42318);
  }
  .builder {
    margin: var(--portrait-space-3) 0;
  }
  .items {
    padding-left: var(--portrait-space-4);
    display: grid;
    gap: var(--portrait-space-2);
  }
  .items li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2);
    align-items: center;
  }
  .items select,
  .items input:not([type='checkbox']) {
    max-width: 100%;
    min-width: 0;
  }
  .complex {
    overflow-wrap: anywhere;
  }
  .adds,
  .actions,
  .save {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2);
    align-items: center;
  }
  .size {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-3);
    align-items: baseline;
    font-size: var(--portrait-font-size-lg);
  }
  .saved {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--portrait-space-1);
  }
  .saved li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2);
    align-items: center;
  }
  .saved .muted {
    overflow-wrap: anywhere;
  }
  .columns {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-1) var(--portrait-space-3);
    margin: var(--portrait-space-2) 0;
  }
  .chip {
    display: inline-flex;
    gap: var(--portrait-space-1);
    align-items: center;
    font-size: var(--portrait-font-size-sm);
  }
  .upset {
    display: grid;
    gap: 4px;
  }
  .upset__row {
    display: grid;
    grid-template-columns: auto minmax(4rem, 1fr) 4rem minmax(0, 12rem);
    gap: var(--portrait-space-2);
    align-items: center;
    font-size: var(--portrait-font-size-sm);
  }
  .dot {
    display: inline-block;
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    margin-right: 2px;
    background: var(--portrait-chart-grid, #e6e9ee);
  }
  .dot--on {
    background: var(--portrait-chart-1, #2852c8);
  }
  .upset__bar {
    height: 0.7rem;
    background: var(--portrait-chart-grid, #e6e9ee);
    border-radius: 2px;
  }
  .upset__bar span {
    display: block;
    height: 100%;
    background: var(--portrait-chart-1, #2852c8);
    border-radius: 2px;
  }
  .upset__count {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .upset__names {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
