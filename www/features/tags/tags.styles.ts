import { css } from 'lit';

/** The tags view: the intro, one table per family, the rule-tag form. */
export const styles = css`
  /* the same columns in every family's table */
  table {
    table-layout: fixed;
  }
  th:nth-child(1) {
    width: 11rem;
  }
  th:nth-child(3),
  th:nth-child(4),
  th:nth-child(5) {
    width: 7.5rem;
  }
  th:nth-child(6) {
    width: 6.5rem;
  }
  td.name {
    font-weight: var(--portrait-font-weight-medium);
    white-space: nowrap;
  }
  code.rule {
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-xs);
    white-space: pre-wrap;
    word-break: break-word;
  }
  td.actions {
    white-space: nowrap;
    text-align: right;
  }
  td.actions a {
    color: var(--portrait-color-accent);
    font-size: var(--portrait-font-size-sm);
    margin-right: var(--portrait-space-2);
  }
  .add .fields {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--portrait-space-3);
  }
  .add label {
    display: grid;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-xs);
    color: var(--portrait-color-text-muted);
  }
  .add label.grow {
    flex: 1 1 24rem;
  }
  .add label.grow input {
    width: 100%;
  }
  .help {
    margin-top: var(--portrait-space-2);
    font-size: var(--portrait-font-size-xs);
  }
  .error {
    margin-top: var(--portrait-space-2);
    color: var(--portrait-color-danger, #b42318);
    font-size: var(--portrait-font-size-sm);
  }
  .skeleton--block {
    display: block;
    height: 360px;
  }
`;
