import { css } from 'lit';

/** The lifecycle view: the windows and their form, the stage cards, the chart, the flows. */
export const styles = css`
  .meta {
    font-size: var(--portrait-font-size-sm);
  }
  .windows {
    display: grid;
    gap: var(--portrait-space-1);
    margin: 0 0 var(--portrait-space-3);
    padding-left: var(--portrait-space-5);
    font-size: var(--portrait-font-size-sm);
  }
  .edit {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--portrait-space-3);
  }
  .edit label,
  .month {
    display: grid;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .edit input {
    width: 8rem;
  }
  .stages {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--portrait-space-3);
  }
  .stage {
    display: grid;
    gap: 2px;
    padding: var(--portrait-space-3);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-md);
    font-size: var(--portrait-font-size-sm);
  }
  .stage__name {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2);
    font-weight: var(--portrait-font-weight-medium);
  }
  .stage strong {
    font-size: var(--portrait-font-size-lg);
    font-variant-numeric: tabular-nums;
  }
  .stage__desc {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .stage__link {
    margin-top: var(--portrait-space-1);
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-accent);
  }
  .chart {
    height: 320px;
  }
  .skeleton--chart {
    display: block;
    height: 360px;
  }
`;
