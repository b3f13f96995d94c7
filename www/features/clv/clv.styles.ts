import { css } from 'lit';

/** The lifetime-value view's own styles (the shared figures are `figureStyles`): the models
 * table's first column names a model over its parameters' rows. */
export const styles = css`
  table.numbers td[rowspan] {
    width: 12rem;
    border-right: 1px solid var(--portrait-color-border, #e6e9ee);
  }
`;
