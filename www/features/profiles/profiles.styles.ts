import { css } from 'lit';

/** The profiles view: the intro, the median customer, the column groups, the table cells. */
export const styles = css`
  .actions {
    display: flex;
    gap: var(--portrait-space-2);
  }
  .meta {
    display: flex;
    flex-direction: column;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
    text-align: right;
  }
  .medians {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--portrait-space-3);
  }
  .median {
    display: grid;
    gap: 2px;
    padding: var(--portrait-space-3);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-md);
  }
  .median dt {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .median dd {
    margin: 0;
    font-size: var(--portrait-font-size-lg);
    font-weight: var(--portrait-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .groups {
    display: inline-flex;
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    overflow: hidden;
  }
  .groups button {
    border: 0;
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font: inherit;
    font-size: var(--portrait-font-size-sm);
    padding: var(--portrait-space-1) var(--portrait-space-3);
    min-height: 2rem;
    cursor: pointer;
  }
  .groups button + button {
    border-left: 1px solid var(--portrait-color-border-strong);
  }
  .groups button[aria-pressed='true'] {
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-accent);
    font-weight: var(--portrait-font-weight-medium);
  }
  .notice {
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
  }
  td.text {
    max-width: 22ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .rule {
    display: grid;
    gap: var(--portrait-space-1);
    margin-bottom: var(--portrait-space-3);
  }
  .rule label {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
  }
  .rule input {
    width: 100%;
  }
  .rule input[aria-invalid='true'] {
    border-color: var(--portrait-color-danger, #b42318);
  }
  .rule-help {
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .rule-error {
    display: grid;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-danger, #b42318);
  }
  .rule-count {
    font-size: var(--portrait-font-size-sm);
    font-weight: var(--portrait-font-weight-medium);
  }
  .rule-echo {
    font-family: var(--portrait-font-mono);
    white-space: pre-wrap;
    color: var(--portrait-color-text);
  }
  .rule-echo mark {
    background: var(--portrait-color-danger-soft, #fde8e7);
    color: inherit;
    text-decoration: underline wavy var(--portrait-color-danger, #b42318);
  }
`;
