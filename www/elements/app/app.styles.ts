import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    background: var(--portrait-color-bg);
    --app-header-height: 3.5rem;
  }

  /* ---- header */
  .top {
    position: sticky;
    top: 0;
    z-index: 10;
    background: var(--portrait-color-surface);
    border-bottom: 1px solid var(--portrait-color-border);
  }
  .top__inner {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-4);
    max-width: var(--portrait-content-max);
    min-height: var(--app-header-height);
    margin: 0 auto;
    padding: 0 var(--portrait-space-6);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    min-width: 0;
    margin-right: auto;
  }
  .brand svg {
    width: 1.75rem;
    height: 1.75rem;
    flex: none;
  }
  .brand__name {
    font-size: var(--portrait-font-size-lg);
    font-weight: var(--portrait-font-weight-bold);
    white-space: nowrap;
  }
  .brand__tagline {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
  }
  .private {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
    padding: 0 var(--portrait-space-3);
    min-height: 1.75rem;
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-success-soft);
    color: #115c36;
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
  }
  .private svg {
    width: 0.875rem;
    height: 0.875rem;
  }
  .lang {
    display: inline-flex;
    padding: 2px;
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface-muted);
  }
  .lang button {
    min-height: 1.875rem;
    padding: 0 var(--portrait-space-3);
    border: 0;
    border-radius: calc(var(--portrait-radius-md) - 2px);
    background: transparent;
    color: var(--portrait-color-text-muted);
    font: inherit;
    font-size: var(--portrait-font-size-sm);
    cursor: pointer;
  }
  .lang button[aria-pressed='true'] {
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font-weight: var(--portrait-font-weight-bold);
    box-shadow: var(--portrait-shadow-sm);
  }

  /* ---- main */
  main {
    flex: 1;
    width: 100%;
    max-width: var(--portrait-content-max);
    margin: 0 auto;
    padding: var(--portrait-space-5) var(--portrait-space-6) var(--portrait-space-8);
    display: flex;
    flex-direction: column;
    gap: var(--portrait-space-4);
  }
  .notice {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    padding: var(--portrait-space-3) var(--portrait-space-4);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-text);
    font-size: var(--portrait-font-size-sm);
  }
  .notice--danger {
    background: var(--portrait-color-danger-soft);
    color: var(--portrait-color-danger);
  }
  .notice .btn {
    margin-left: auto;
  }

  /* ---- source bar */
  .source {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3) var(--portrait-space-4);
    flex-wrap: wrap;
    padding: var(--portrait-space-3) var(--portrait-space-4);
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-sm);
  }
  .source--sample {
    border-color: #b9c9f3;
    background: linear-gradient(90deg, var(--portrait-color-accent-soft), var(--portrait-color-surface) 70%);
  }
  .source__what {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    min-width: 0;
    flex: 1 1 20rem;
  }
  .source__icon {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-accent-soft);
    color: var(--portrait-color-accent);
    flex: none;
  }
  .source__icon svg {
    width: 1.125rem;
    height: 1.125rem;
  }
  .source__title {
    font-weight: var(--portrait-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .source__meta {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .source portrait-dropzone {
    --dropzone-border: var(--portrait-color-border);
  }
  .busybar {
    flex: 1 1 100%;
  }

  /* ---- tabs */
  .tabs {
    display: flex;
    gap: var(--portrait-space-1);
    border-bottom: 1px solid var(--portrait-color-border);
  }
  .tab {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2);
    padding: var(--portrait-space-2) var(--portrait-space-4);
    margin-bottom: -1px;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--portrait-color-text-muted);
    font: inherit;
    font-weight: var(--portrait-font-weight-medium);
    cursor: pointer;
  }
  .tab:hover {
    color: var(--portrait-color-text);
  }
  .tab[aria-selected='true'] {
    color: var(--portrait-color-accent);
    border-bottom-color: var(--portrait-color-accent);
  }
  .tab .badge {
    padding: 0 var(--portrait-space-2);
    border-radius: var(--portrait-radius-pill);
    background: var(--portrait-color-danger-soft);
    color: var(--portrait-color-danger);
    font-size: var(--portrait-font-size-xs);
    font-weight: var(--portrait-font-weight-bold);
  }
  [role='tabpanel']:focus-visible {
    outline: var(--portrait-focus-outline);
    outline-offset: 4px;
    border-radius: var(--portrait-radius-sm);
  }

  footer {
    padding: var(--portrait-space-4) var(--portrait-space-6);
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
    text-align: center;
  }

  @media (max-width: 1000px) {
    .brand__tagline,
    .private {
      display: none;
    }
    .top__inner {
      padding: var(--portrait-space-2) var(--portrait-space-4);
      flex-wrap: wrap;
    }
    main {
      padding: var(--portrait-space-4);
    }
  }
`;
