import { PortraitRfm } from './rfm.js';

export { PortraitRfm };
export const TAG = 'portrait-rfm';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitRfm);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-rfm': PortraitRfm;
  }
}
