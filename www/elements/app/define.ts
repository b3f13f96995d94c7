import { PortraitApp } from './app.js';

export { PortraitApp };
export const TAG = 'portrait-app';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitApp);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-app': PortraitApp;
  }
}
