import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: var(--portrait-space-3);
    margin-bottom: var(--portrait-space-4);
  }
  .stat {
    padding: var(--portrait-space-3) var(--portrait-space-4);
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-sm);
    min-width: 0;
  }
  .stat[title] {
    cursor: help;
  }
  .stat__label {
    display: block;
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .stat__value {
    display: block;
    font-size: var(--portrait-font-size-xl);
    font-weight: var(--portrait-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .stat--bad .stat__value {
    color: var(--portrait-color-danger);
  }
  .stat--warn .stat__value {
    color: var(--portrait-color-warning);
  }
  .stat--good .stat__value {
    color: var(--portrait-color-success);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: var(--portrait-space-4);
    margin-bottom: var(--portrait-space-4);
  }
  .facts {
    display: grid;
    gap: var(--portrait-space-3);
    margin: 0;
  }
  .facts dt {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .facts dd {
    margin: 0;
    font-weight: var(--portrait-font-weight-medium);
  }
  .facts .basis {
    display: block;
    font-weight: var(--portrait-font-weight-normal);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .ok {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    padding: var(--portrait-space-4);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-success-soft);
    color: #115c36;
  }
  .ok svg {
    width: 1.25rem;
    height: 1.25rem;
    color: var(--portrait-color-success);
    flex: none;
  }
  .groups {
    display: grid;
    gap: var(--portrait-space-4);
  }
  .group__head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--portrait-space-3);
    margin-bottom: var(--portrait-space-2);
  }
  .group h4 {
    font-size: var(--portrait-font-size-md);
    font-weight: var(--portrait-font-weight-bold);
    margin: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--portrait-space-2);
    min-height: 1.375rem;
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-danger-soft);
    color: var(--portrait-color-danger);
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-bold);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .value {
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-xs);
    background: var(--portrait-color-surface-muted);
    border-radius: var(--portrait-radius-sm);
    padding: 0 var(--portrait-space-1);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .skeleton--block {
    height: 5rem;
  }
  @media (max-width: 1100px) {
    .stats {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .row {
      grid-template-columns: 1fr;
    }
  }
  .notes {
    margin-top: var(--portrait-space-3);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
  }
  .notes h4 {
    margin: 0 0 var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text);
  }
  .notes ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .platform {
    margin-top: var(--portrait-space-3);
    font-size: var(--portrait-font-size-sm);
  }
  .platform h4 {
    margin: 0 0 var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
    overflow-wrap: anywhere;
  }
  .platform ul {
    margin: 0;
    padding-left: 1.2em;
    color: var(--portrait-color-text-muted);
  }
  .plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .join li + li {
    margin-top: var(--portrait-space-2);
  }
`;
