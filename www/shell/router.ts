/**
 * Hash routes: `#/<group>/<view>?key=value…` (`#/segments/rfm?segment=champions`), so any
 * view can be linked, reloaded and reached with the back button. Navigating pushes a
 * history entry; a view's own state (a chosen segment) replaces the current one.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatHash, parseHash, type Route } from '../elements/route.js';

export { addressOf, formatHash, parseHash, resolve, type Addressable, type Route } from '../elements/route.js';

/** Follows `location.hash` for its host and re-renders it on every change. */
export class Router implements ReactiveController {
  #host: ReactiveControllerHost;
  #route: Route | null = parseHash(globalThis.location?.hash ?? '');
  #onHash = () => {
    this.#route = parseHash(location.hash);
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHash);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHash);
  }

  /** The current route (`null`: none in the address bar). */
  get route(): Route | null {
    return this.#route;
  }

  /** Leaves no route in the address bar (nothing is loaded to show). */
  clear(): void {
    if (!this.#route) return;
    history.replaceState(history.state, '', location.pathname + location.search);
    this.#route = null;
    this.#host.requestUpdate();
  }

  /** Goes to `route`: a new history entry, or (`replace`) instead of the current one. */
  go(route: Route, replace = false): void {
    const hash = formatHash(route);
    if (hash === location.hash) return;
    if (replace) {
      history.replaceState(history.state, '', hash);
      this.#route = parseHash(hash);
      this.#host.requestUpdate();
    } else {
      location.hash = hash;
    }
  }
}
