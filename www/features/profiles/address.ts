import type { Addressable } from '../../elements/route.js';

/**
 * Where the profiles view lives and its item parameter: a customer's card has its own
 * address (#/customers/12345). Kept apart from `meta.ts`, whose lazy `import()` loads the
 * view, so that the view can link to cards without importing its own loader.
 */
export const ADDRESS = { id: 'profiles', group: 'customers', item: 'id' } as const satisfies Addressable;
