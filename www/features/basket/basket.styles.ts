import { css } from 'lit';

/** The market basket view: the audience rule field, the tall matrix, the rules table's text
 * columns, the most frequent products as links, the measures' definitions. */
export const styles = css`
  .field.rule input {
    width: 18rem;
    font-family: var(--portrait-font-mono);
    font-size: var(--portrait-font-size-sm);
  }
  .field.grow {
    flex: 1 1 14rem;
  }
  .field.grow input {
    width: 100%;
  }
  .chart.tall {
    height: 360px;
  }
  table.rules td:nth-child(-n + 2) {
    min-width: 10rem;
    max-width: 22rem;
  }
  ol.top-items {
    margin: 0;
    padding-left: var(--portrait-space-5, 1.25rem);
    display: grid;
    gap: var(--portrait-space-1);
    font-size: var(--portrait-font-size-sm);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: var(--portrait-color-accent, #2563eb);
    cursor: pointer;
    text-align: left;
  }
  button.link:hover {
    text-decoration: underline;
  }
  details.measures {
    margin-top: var(--portrait-space-3);
    font-size: var(--portrait-font-size-sm);
  }
  details.measures ul {
    margin: var(--portrait-space-2) 0;
    padding-left: var(--portrait-space-4);
  }
`;
