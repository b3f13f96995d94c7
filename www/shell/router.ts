/**
 * Hash routes: `#/<group>/<view>?key=value…` (`#/segments/rfm?segment=champions`), so any
 * view can be linked, reloaded and reached with the back button. Navigating pushes a
 * history entry; a view's own state (a chosen segment) replaces the current one.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A parsed route. */
export interface Route {
  group: string;
  view: string;
  params: Record<string, string>;
}

/** The route of a location hash, or `null` for none (`''`, `#`, `#/`). */
export function parseHash(hash: string): Route | null {
  const m = /^#\/([a-z_-]+)\/([a-z_-]+)\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(m[3] ?? '')) params[k] = v;
  return { group: m[1]!, view: m[2]!, params };
}

/** The location hash of `route` (parameters in key order, so equal routes are equal hashes). */
export function formatHash(route: Route): string {
  const query = new URLSearchParams(Object.entries(route.params).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `#/${route.group}/${route.view}${query ? `?${query}` : ''}`;
}

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
