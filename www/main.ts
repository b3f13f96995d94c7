/**
 * Page entry: defines the app shell and re-exports the JS API, so an embedder can
 * `<script type="module" src="main.js">` and use `<portrait-app>`, or `Portrait.open()` and
 * any single view (`FEATURES[i].load()` defines its element, loaded on demand).
 */

export { Portrait, PortraitError } from './api/portrait.js';
export type * from './api/types.js';
export { FEATURES } from './features/index.js';
export { getLocale, setLocale } from './i18n/index.js';

import './shell/app.js';
