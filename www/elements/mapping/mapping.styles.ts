import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .panel {
    display: grid;
    gap: var(--portrait-space-4);
  }
  .head p {
    color: var(--portrait-color-text-muted);
    margin-top: var(--portrait-space-1);
  }
  .file__meta {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .file__name {
    overflow-wrap: anywhere;
  }
  .status {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    margin: 0 0 var(--portrait-space-3);
    padding: var(--portrait-space-2) var(--portrait-space-3);
    border-radius: var(--portrait-radius-md);
    font-size: var(--portrait-font-size-sm);
  }
  .status--missing {
    background: var(--portrait-color-warning-soft);
    color: var(--portrait-color-warning);
  }
  .status--ok {
    background: var(--portrait-color-success-soft);
    color: var(--portrait-color-success);
  }
  .samples {
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
    max-width: 36ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .header-cell {
    font-weight: var(--portrait-font-weight-medium);
    max-width: 24ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  td select {
    width: 100%;
    min-width: 11rem;
  }
  tr.assigned td:first-child {
    box-shadow: inset 3px 0 0 var(--portrait-color-accent);
  }
  .actions {
    display: flex;
    gap: var(--portrait-space-2);
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--portrait-space-2);
  }
  legend {
    font-weight: var(--portrait-font-weight-bold);
    margin-bottom: var(--portrait-space-2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    padding: var(--portrait-space-3);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-md);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--portrait-color-accent);
    background: var(--portrait-color-accent-soft);
  }
  .choice input {
    accent-color: var(--portrait-color-accent);
    margin: 0;
  }
  .sheet {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2, 8px);
    font-size: var(--portrait-font-size-sm, 13px);
    color: var(--portrait-color-text-muted, #5b6270);
  }
`;
