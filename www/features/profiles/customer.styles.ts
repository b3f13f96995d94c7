import { css } from 'lit';

/** The customer card: the head with its pills, tags, features, spend bars, the timeline. */
export const customerStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-end;
    gap: var(--portrait-space-3);
  }
  .head h2 {
    margin-top: var(--portrait-space-2);
  }
  .pills,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2);
    margin: var(--portrait-space-2) 0 0;
    padding: 0;
    list-style: none;
  }
  .pill,
  .tags li {
    padding: 2px var(--portrait-space-2);
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-accent);
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-medium);
  }
  .pill--quiet {
    background: var(--portrait-color-surface-muted);
    color: var(--portrait-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  th[scope='row'] {
    font-weight: var(--portrait-font-weight-regular, 400);
  }
  .spend {
    display: grid;
    gap: var(--portrait-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--portrait-font-size-sm);
  }
  .spend li {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr auto;
    gap: var(--portrait-space-3);
    align-items: center;
  }
  .spend .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--portrait-color-surface-muted);
  }
  .bar i {
    display: block;
    height: 100%;
    border-radius: 4px;
    background: var(--portrait-chart-1, #2852c8);
  }
  .timeline {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--portrait-font-size-sm);
  }
  .timeline li {
    display: grid;
    grid-template-columns: 9.5rem 1fr auto;
    gap: var(--portrait-space-3);
    padding: var(--portrait-space-2) 0;
    border-bottom: 1px solid var(--portrait-color-border);
  }
  .timeline li.return .num {
    color: var(--portrait-color-danger, #b42318);
  }
  .when {
    font-variant-numeric: tabular-nums;
    color: var(--portrait-color-text-muted);
  }
  dl.predictions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--portrait-space-3);
    margin: 0;
  }
  dl.predictions dt {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  dl.predictions dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  ol.recs {
    margin: 0;
    padding-left: var(--portrait-space-5, 1.25rem);
    display: grid;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
  }
  ol.recs .muted {
    font-size: var(--portrait-font-size-xs);
  }
`;
