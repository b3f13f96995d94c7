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
    flex: 1 1 auto;
  }
  .brand__text {
    min-width: 0;
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
    flex: none;
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
    flex: none;
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

  /* ---- skip link: first in the tab order, visible when focused */
  .skip {
    position: absolute;
    left: var(--portrait-space-3);
    top: -4rem;
    z-index: 20;
    padding: var(--portrait-space-2) var(--portrait-space-3);
    background: var(--portrait-color-surface);
    color: var(--portrait-color-accent);
    border-radius: var(--portrait-radius-md);
    box-shadow: var(--portrait-shadow-md);
  }
  .skip:focus {
    top: var(--portrait-space-2);
  }
  .menu {
    display: none;
    flex: none;
  }
  .menu svg {
    width: 1.125rem;
    height: 1.125rem;
  }

  /* ---- layout: side bar and content */
  .layout {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    width: 100%;
    max-width: var(--portrait-content-max);
    margin: 0 auto;
  }
  .layout--nav {
    grid-template-columns: 13rem minmax(0, 1fr);
  }
  .nav {
    padding: var(--portrait-space-5) 0 var(--portrait-space-5) var(--portrait-space-4);
  }
  .nav portrait-nav {
    position: sticky;
    top: calc(var(--app-header-height) + var(--portrait-space-4));
  }

  /* ---- main */
  main {
    min-width: 0;
    padding: var(--portrait-space-5) var(--portrait-space-6) var(--portrait-space-8);
    display: flex;
    flex-direction: column;
    gap: var(--portrait-space-4);
  }
  main:focus {
    outline: none;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    margin: 0;
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
  .viewbar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--portrait-space-2) var(--portrait-space-4);
  }
  .viewbar__title {
    margin: 0 auto 0 0;
    font-size: var(--portrait-font-size-xl);
  }
  .viewbar__group {
    color: var(--portrait-color-text-subtle);
    font-weight: var(--portrait-font-weight-medium);
  }

  /* ---- the sample-shop question */
  dialog.confirm {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: var(--portrait-space-5);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-lg);
    box-shadow: var(--portrait-shadow-md);
    color: var(--portrait-color-text);
  }
  dialog.confirm::backdrop {
    background: rgb(16 24 40 / 35%);
  }
  dialog.confirm h2 {
    margin: 0 0 var(--portrait-space-2);
    font-size: var(--portrait-font-size-lg);
  }
  .confirm__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--portrait-space-2);
    margin-top: var(--portrait-space-4);
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

  footer {
    padding: var(--portrait-space-4) var(--portrait-space-6);
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
    text-align: center;
  }

  @media (max-width: 1180px) {
    .brand__tagline {
      display: none;
    }
  }
  @media (max-width: 1000px) {
    .private__text {
      display: none;
    }
    .private {
      padding: 0 var(--portrait-space-2);
    }
    .top__inner {
      padding: var(--portrait-space-2) var(--portrait-space-4);
    }
    main {
      padding: var(--portrait-space-4);
    }
  }
  /* narrow: the side bar becomes a drawer under the header */
  @media (max-width: 860px) {
    .menu {
      display: inline-flex;
    }
    .layout--nav {
      grid-template-columns: minmax(0, 1fr);
    }
    .nav {
      display: none;
      position: fixed;
      z-index: 9;
      top: var(--app-header-height);
      left: 0;
      bottom: 0;
      width: min(18rem, 85vw);
      overflow-y: auto;
      padding: var(--portrait-space-4);
      background: var(--portrait-color-surface);
      border-right: 1px solid var(--portrait-color-border);
      box-shadow: var(--portrait-shadow-md);
    }
    .nav--open {
      display: block;
    }
  }
  /* phone: the header's buttons keep their icons; labels go to their titles */
  @media (max-width: 640px) {
    .top__inner {
      gap: var(--portrait-space-2);
      padding: var(--portrait-space-2) var(--portrait-space-3);
    }
    .actions .label,
    .menu__label,
    .private {
      display: none;
    }
    .actions .btn {
      padding: 0 var(--portrait-space-2);
    }
    .brand__text {
      display: none;
    }
    .lang button {
      padding: 0 var(--portrait-space-2);
    }
    main {
      padding: var(--portrait-space-3);
    }
  }
`;
