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
  tr.assigned th,
  tr.assigned td {
    background: var(--portrait-color-accent-soft);
  }
  tr.assigned th:first-child {
    box-shadow: inset 3px 0 0 var(--portrait-color-accent);
  }
  /* the Analyse button stays on screen however many columns the file has */
  .actions {
    display: flex;
    gap: var(--portrait-space-2);
    justify-content: flex-end;
    flex-wrap: wrap;
    position: sticky;
    bottom: 0;
    z-index: 1;
    padding: var(--portrait-space-3) 0;
    background: var(--portrait-color-bg, #fff);
    border-top: 1px solid var(--portrait-color-border);
  }
  .proposed {
    font-size: var(--portrait-font-size-xs);
    font-weight: normal;
    color: var(--portrait-color-accent);
  }
  .status--warn {
    background: var(--portrait-color-warning-soft);
    color: var(--portrait-color-warning);
  }
  .platform {
    display: grid;
    gap: var(--portrait-space-2);
    margin: 0 0 var(--portrait-space-3);
  }
  .platform__name {
    margin: 0;
    font-weight: var(--portrait-font-weight-medium);
    overflow-wrap: anywhere;
  }
  .platform__choice,
  .currency__choice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
  }
  .platform__choice select,
  .currency__choice select {
    max-width: 100%;
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
