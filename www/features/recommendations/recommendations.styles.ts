import { css } from 'lit';

/** The recommendations view: the controls' checkbox, rule and weights, the progress line, the
 * evaluation table's best cells and current method, the lists' numbered products. */
export const styles = css`
  label.check {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
    align-self: flex-end;
    padding-bottom: var(--portrait-space-2);
  }
  .field.rule input {
    width: 18rem;
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-sm);
  }
  .stock {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
  }
  fieldset.weights {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-3);
    border: 1px solid var(--portrait-color-border);
    border-radius: var(--portrait-radius-md, 6px);
    padding: var(--portrait-space-2) var(--portrait-space-3);
    margin: 0;
    font-size: var(--portrait-font-size-sm);
  }
  fieldset.weights input {
    width: 4.5rem;
    margin-left: var(--portrait-space-1);
  }
  .progress {
    display: inline-flex;
    align-items: center;
    gap: var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
    color: var(--portrait-color-text-muted);
  }
  td.best {
    font-weight: var(--portrait-font-weight-semibold);
    color: var(--portrait-color-accent, #2563eb);
  }
  tbody th {
    font-weight: var(--portrait-font-weight-regular, 400);
  }
  tr.current th {
    font-weight: var(--portrait-font-weight-semibold);
  }
  tr.current {
    background: var(--portrait-color-surface-subtle, #f6f7f9);
  }
  ol.recs {
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: rank;
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-1) var(--portrait-space-2);
    font-size: var(--portrait-font-size-sm);
  }
  ol.recs li {
    counter-increment: rank;
    padding: 1px var(--portrait-space-2);
    border-radius: var(--portrait-radius-sm, 4px);
    background: var(--portrait-color-surface-subtle, #f6f7f9);
    cursor: help;
  }
  ol.recs li::before {
    content: counter(rank) '. ';
    color: var(--portrait-color-text-muted);
  }
  ol.ranked {
    margin: 0 0 var(--portrait-space-3);
    padding-left: var(--portrait-space-5, 1.25rem);
    font-size: var(--portrait-font-size-sm);
    display: grid;
    gap: var(--portrait-space-1);
  }
  .card__head .downloads {
    margin-left: auto;
  }
  details.measures {
    margin-top: var(--portrait-space-3);
    font-size: var(--portrait-font-size-sm);
  }
  details.measures ul {
    margin: var(--portrait-space-2) 0;
    padding-left: var(--portrait-space-4);
  }
  details.model {
    flex-basis: 100%;
    font-size: var(--portrait-font-size-sm);
  }
  details.model summary {
    cursor: pointer;
    color: var(--portrait-color-text-muted);
  }
  .model__fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portrait-space-3);
    margin-top: var(--portrait-space-2);
  }
`;
