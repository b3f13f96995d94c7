import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    background: var(--portrait-color-bg);
    --app-header-height: 3.5rem;
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

  footer {
    padding: var(--portrait-space-4) var(--portrait-space-6);
    color: var(--portrait-color-text-subtle);
    font-size: var(--portrait-font-size-xs);
    text-align: center;
  }

  @media (max-width: 1000px) {
    main {
      padding: var(--portrait-space-4);
    }
  }
  /* narrow: the side bar becomes a drawer under the header */
  @media (max-width: 860px) {
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
  @media (max-width: 640px) {
    main {
      padding: var(--portrait-space-3);
    }
  }
`;
