import { PortraitDropzone } from './dropzone.js';

export { PortraitDropzone };
export const TAG = 'portrait-dropzone';

if (!customElements.get(TAG)) customElements.define(TAG, PortraitDropzone);

declare global {
  interface HTMLElementTagNameMap {
    'portrait-dropzone': PortraitDropzone;
  }
}
