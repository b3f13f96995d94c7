import { css } from 'lit';

/** The propensity view: the split, the scoring model's row, the feature list. */
export const styles = css`
  dl.split {
    display: grid;
    gap: var(--portrait-space-2);
    margin: 0;
  }
  dl.split div {
    display: grid;
    grid-template-columns: 8rem 1fr;
    gap: var(--portrait-space-2);
  }
  dl.split dt {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  dl.split dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  tr.scoring td {
    background: var(--portrait-color-surface-subtle, #f6f7f9);
  }
  tr.baseline td {
    color: var(--portrait-color-text-muted);
  }
  .chart.tall {
    height: 360px;
  }
  ul.features {
    columns: 2 18rem;
    margin: 0;
    padding-left: var(--portrait-space-4);
    font-size: var(--portrait-font-size-sm);
  }
  ul.features li.unused {
    color: var(--portrait-color-text-muted);
  }
`;
