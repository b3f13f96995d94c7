/** Hash routes as data: parsing, formatting, and which view an address names (the shell's
 * router follows the address bar with them; a view links to another with them). */

/** A parsed route. */
export interface Route {
  group: string;
  view: string;
  params: Record<string, string>;
}

/** The route of a location hash, or `null` for none (`''`, `#`, `#/`). */
export function parseHash(hash: string): Route | null {
  const m = /^#\/([a-z_-]+)\/([^/?#]+)\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  let view: string;
  try {
    view = decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(m[3] ?? '')) params[k] = v;
  return { group: m[1]!, view, params };
}

/** The location hash of `route` (parameters in key order, so equal routes are equal hashes). */
export function formatHash(route: Route): string {
  const query = new URLSearchParams(Object.entries(route.params).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `#/${route.group}/${encodeURIComponent(route.view)}${query ? `?${query}` : ''}`;
}

/**
 * A view as the address bar names it: `#/<group>/<id>`, and, for a view with an `item`
 * parameter, also `#/<group>/<value>` — one item's own address (`#/customers/12345` is the
 * profiles view with `id=12345`, the customer's card).
 */
export interface Addressable {
  readonly group: string;
  readonly id: string;
  readonly item?: string;
}

/** The view `route` names among `views`, with its parameters; `null`: none. */
export function resolve<V extends Addressable>(route: Route, views: readonly V[]): { view: V; params: Record<string, string> } | null {
  const named = views.find((v) => v.group === route.group && v.id === route.view);
  if (named) return { view: named, params: route.params };
  const owner = views.find((v) => v.group === route.group && v.item);
  return owner ? { view: owner, params: { ...route.params, [owner.item!]: route.view } } : null;
}

/**
 * The route of `view` with `params`: an item's own address, unless its value could be a
 * view's id (only letters, `_` and `-`: then it stays a parameter, `?id=tags`).
 */
export function addressOf(view: Addressable, params: Record<string, string>): Route {
  const item = view.item ? params[view.item] : undefined;
  if (view.item && item && !/^[a-z_-]+$/.test(item)) {
    const { [view.item]: _item, ...rest } = params;
    return { group: view.group, view: item, params: rest };
  }
  return { group: view.group, view: view.id, params };
}

