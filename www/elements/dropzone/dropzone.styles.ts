import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --dropzone-border: var(--portrait-color-border-strong);
    --dropzone-active: var(--portrait-color-accent);
    --track-color: var(--portrait-color-surface-muted);
    --indicator-color: var(--portrait-color-accent);
  }
  .zone {
    position: relative;
    border: 2px dashed var(--dropzone-border);
    border-radius: var(--portrait-radius-lg);
    background: var(--portrait-color-surface);
    transition: border-color var(--portrait-duration) var(--portrait-easing),
      background var(--portrait-duration) var(--portrait-easing);
  }
  .zone--over {
    border-color: var(--dropzone-active);
    background: var(--portrait-color-accent-soft);
  }

  /* ---- hero (empty state) */
  .hero {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 22rem);
    gap: var(--portrait-space-8);
    align-items: center;
    padding: var(--portrait-space-10) var(--portrait-space-10);
  }
  .hero h2 {
    font-size: var(--portrait-font-size-3xl);
    letter-spacing: -0.01em;
    margin-bottom: var(--portrait-space-2);
  }
  .hero__sub {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-lg);
    margin-bottom: var(--portrait-space-6);
  }
  .hero__actions {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-3);
    flex-wrap: wrap;
    margin-bottom: var(--portrait-space-6);
  }
  .hero__actions .btn {
    min-height: 2.75rem;
    padding: 0 var(--portrait-space-6);
    font-size: var(--portrait-font-size-lg);
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--portrait-space-2);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
  }
  .facts li {
    display: flex;
    gap: var(--portrait-space-2);
    align-items: flex-start;
  }
  .facts svg {
    flex: none;
    width: 1rem;
    height: 1rem;
    margin-top: 0.15rem;
    color: var(--portrait-color-success);
  }
  .privacy {
    display: flex;
    gap: var(--portrait-space-3);
    align-items: flex-start;
    margin-top: var(--portrait-space-6);
    padding: var(--portrait-space-3) var(--portrait-space-4);
    border-radius: var(--portrait-radius-md);
    background: var(--portrait-color-success-soft);
    color: var(--portrait-color-success);
    font-size: var(--portrait-font-size-sm);
  }
  .privacy strong {
    display: block;
    color: #115c36;
  }
  .privacy span {
    color: #2f5d45;
  }
  .privacy svg {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.1rem;
  }
  .art {
    width: 100%;
    height: auto;
  }

  /* ---- compact (source bar) */
  .compact {
    display: flex;
    align-items: center;
    gap: var(--portrait-space-2);
    padding: var(--portrait-space-2) var(--portrait-space-3);
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    flex-wrap: wrap;
  }
  .compact svg {
    width: 1.125rem;
    height: 1.125rem;
    color: var(--portrait-color-accent);
  }

  /* ---- progress */
  .progress {
    display: grid;
    gap: var(--portrait-space-3);
    padding: var(--portrait-space-6) var(--portrait-space-8);
  }
  .progress__row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--portrait-space-4);
  }
  .progress__label {
    font-weight: var(--portrait-font-weight-medium);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .progress__meta {
    color: var(--portrait-color-text-muted);
    font-size: var(--portrait-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .track {
    height: 0.5rem;
    border-radius: var(--portrait-radius-pill);
    background: var(--track-color);
    overflow: hidden;
  }
  .indicator {
    height: 100%;
    border-radius: inherit;
    background: var(--indicator-color);
    transition: width 120ms linear;
  }
  .indicator--indeterminate {
    width: 35% !important;
    animation: slide 1.2s var(--portrait-easing) infinite;
  }
  @keyframes slide {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(300%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .indicator--indeterminate {
      animation: none;
      width: 100% !important;
      opacity: 0.5;
    }
  }

  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border-radius: inherit;
    background: rgb(232 238 252 / 92%);
    color: var(--portrait-color-accent);
    font-size: var(--portrait-font-size-xl);
    font-weight: var(--portrait-font-weight-bold);
    pointer-events: none;
  }

  @media (max-width: 900px) {
    .hero {
      grid-template-columns: 1fr;
      padding: var(--portrait-space-6);
    }
    .art {
      display: none;
    }
  }
`;
