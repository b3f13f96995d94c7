import { PortraitErrorView } from './error.js';

export { PortraitErrorView };
export const TAG = 'portrait-error';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitErrorView);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-error': PortraitErrorView;
  }
}
