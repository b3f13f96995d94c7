import { PortraitQuality } from './quality.js';

export { PortraitQuality };
export const TAG = 'portrait-quality';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitQuality);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-quality': PortraitQuality;
  }
}
