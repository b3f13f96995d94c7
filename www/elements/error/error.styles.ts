import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --error-accent: var(--portrait-color-danger);
    --error-background: var(--portrait-color-danger-soft);
  }
  .base {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--portrait-space-4);
    padding: var(--portrait-space-5) var(--portrait-space-6);
    border: 1px solid color-mix(in srgb, var(--error-accent) 30%, transparent);
    border-left: 4px solid var(--error-accent);
    border-radius: var(--portrait-radius-lg);
    background: var(--portrait-color-surface);
    box-shadow: var(--portrait-shadow-sm);
  }
  .icon {
    display: grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: var(--error-background);
    color: var(--error-accent);
  }
  .icon svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  h2 {
    font-size: var(--portrait-font-size-lg);
    margin-bottom: var(--portrait-space-1);
  }
  .summary {
    color: var(--portrait-color-text);
    margin-bottom: var(--portrait-space-3);
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-2) var(--portrait-space-6);
    margin: 0 0 var(--portrait-space-3);
  }
  dl div {
    display: flex;
    gap: var(--portrait-space-2);
    min-width: 0;
  }
  dt {
    color: var(--portrait-color-text-muted);
  }
  dd {
    margin: 0;
    font-weight: var(--portrait-font-weight-medium);
    overflow-wrap: anywhere;
  }
  .message {
    margin: 0 0 var(--portrait-space-4);
    padding: var(--portrait-space-3);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface-muted);
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-sm);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 10rem;
    overflow: auto;
  }
  .actions {
    display: flex;
    gap: var(--portrait-space-2);
    flex-wrap: wrap;
  }
`;
