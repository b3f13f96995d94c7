import { PortraitOverview } from './overview.js';

export { PortraitOverview };
export const TAG = 'portrait-overview';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitOverview);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-overview': PortraitOverview;
  }
}
