/**
 * Styles shared by every Portrait element: buttons, cards, tables, focus rings, skeletons.
 * All values come from the `--portrait-*` tokens (www/tokens.css).
 */
import { css } from 'lit';

export const base = css`
  :host {
    font-family: var(--portrait-font-sans);
    font-size: var(--portrait-font-size-md);
    line-height: var(--portrait-line-height);
    color: var(--portrait-color-text);
    -webkit-font-smoothing: antialiased;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--portrait-font-size-xl);
    font-weight: var(--portrait-font-weight-bold);
    line-height: var(--portrait-line-height-tight);
  }
  h3 {
    font-size: var(--portrait-font-size-lg);
    font-weight: var(--portrait-font-weight-bold);
    line-height: var(--portrait-line-height-tight);
  }
  .muted {
    color: var(--portrait-color-text-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* ---- buttons */
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--portrait-space-2);
    min-height: 2.25rem;
    padding: 0 var(--portrait-space-4);
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font: inherit;
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
    cursor: pointer;
    transition: background var(--portrait-duration) var(--portrait-easing),
      border-color var(--portrait-duration) var(--portrait-easing);
  }
  .btn:hover:not(:disabled) {
    background: var(--portrait-color-surface-muted);
  }
  .btn:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .btn--primary {
    background: var(--portrait-color-accent);
    border-color: var(--portrait-color-accent);
    color: var(--portrait-color-accent-text);
  }
  .btn--primary:hover:not(:disabled) {
    background: var(--portrait-color-accent-hover);
  }
  .btn--ghost {
    border-color: transparent;
    background: transparent;
  }
  .btn--small {
    min-height: 1.875rem;
    padding: 0 var(--portrait-space-3);
    font-size: var(--portrait-font-size-sm);
  }
  .btn svg {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  :focus-visible {
    outline: var(--portrait-focus-outline);
    outline-offset: 2px;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--portrait-focus-outline);
    outline-offset: 2px;
    box-shadow: var(--portrait-focus-ring);
  }

  /* ---- form controls */
  select,
  input[type='search'],
  input[type='text'],
  input[type='number'] {
    min-height: 2.25rem;
    padding: 0 var(--portrait-space-3);
    border: 1px solid var(--portrait-color-border-strong);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-surface);
    color: var(--portrait-color-text);
    font: inherit;
  }

  /* ---- cards */
  .card {
    background: var(--portrait-color-surface);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-sm);
    padding: var(--portrait-space-5);
    min-width: 0;
  }
  .card__head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--portrait-space-3);
    margin-bottom: var(--portrait-space-4);
    flex-wrap: wrap;
  }
  .card__desc {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    margin-top: var(--portrait-space-1);
  }

  /* ---- tables */
  .table-wrap {
    /* the containing block of what a cell positions absolutely (a visually hidden label), so
       it scrolls with the table instead of widening the page */
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-md);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--portrait-font-size-sm);
  }
  th,
  td {
    padding: var(--portrait-space-2) var(--portrait-space-3);
    text-align: left;
    border-bottom: 1px solid var(--portrait-color-border);
    vertical-align: middle;
  }
  thead th {
    background: var(--portrait-color-surface-muted);
    color: var(--portrait-color-text-muted);
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .mono {
    font-family: var(--portrait-font-mono);
    font-size: 0.95em;
  }
  .cell-text {
    max-width: 28ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    display: inline-block;
    vertical-align: bottom;
  }

  /* ---- segment swatch */
  .swatch {
    display: inline-block;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 2px;
    margin-right: var(--portrait-space-2);
    flex: none;
  }

  /* ---- skeleton */
  .skeleton {
    display: block;
    border-radius: var(--portrait-radius-sm);
    background: linear-gradient(
      90deg,
      var(--portrait-color-surface-muted) 0%,
      #e6e9ee 50%,
      var(--portrait-color-surface-muted) 100%
    );
    background-size: 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
    * {
      transition: none !important;
    }
  }
`;
