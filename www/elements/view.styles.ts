import { css } from 'lit';

/**
 * The frame of a view made of cards (the Customers views): cards stacked with a gap, card
 * titles spaced from their content, and an intro card with its text on the left and its
 * facts on the right.
 */
export const viewStyles = css`
  :host {
    display: grid;
    gap: var(--portrait-space-4);
  }
  h3 {
    margin-bottom: var(--portrait-space-2);
  }
  .intro {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--portrait-space-3);
  }
  .intro p {
    color: var(--portrait-color-text-muted);
    max-width: 72ch;
    margin-top: var(--portrait-space-1);
  }
`;
