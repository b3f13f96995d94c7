import { PortraitMapping } from './mapping.js';

export { PortraitMapping };
export const TAG = 'portrait-mapping';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitMapping);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-mapping': PortraitMapping;
  }
}
