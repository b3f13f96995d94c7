/**
 * Page entry: defines every Portrait element and re-exports the JS API, so an embedder can
 * `<script type="module" src="main.js">` and use `<portrait-app>` or any single view with
 * `Portrait.open()`.
 */

export { Portrait, PortraitError } from './api/portrait.js';
export type * from './api/types.js';
export { getLocale, setLocale } from './i18n/index.js';

import './elements/app/define.js';
import './elements/dropzone/define.js';
import './elements/error/define.js';
import './elements/mapping/define.js';
import './elements/overview/define.js';
import './elements/quality/define.js';
import './elements/rfm/define.js';
