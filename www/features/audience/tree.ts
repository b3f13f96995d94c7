/**
 * The rule as the visual builder's tree and back to text — exactly what Rust's
 * `RuleNode::text` writes (src/rules/tree.rs); both are held to
 * tests/fixtures/rules/trees.json.
 */
import type { RuleNode } from '../../api/types.js';

/** The text of `node`: an `or` inside an `and` is parenthesised; `not` wraps anything but a
 * single test in parentheses. */
export function text(node: RuleNode): string {
  switch (node.type) {
    case 'and':
      return node.items.map((i) => (i.type === 'or' ? `(${text(i)})` : text(i))).join(' and ');
    case 'or':
      return node.items.map(text).join(' or ');
    case 'not':
      return node.item.type === 'condition' || node.item.type === 'audience' ? `not ${text(node.item)}` : `not (${text(node.item)})`;
    case 'audience':
      return `in_audience("${node.name.replaceAll('"', '“')}")`;
    case 'condition': {
      const [a = '', b = ''] = node.values;
      if (node.op === 'in' || node.op === 'not in') return `${node.field} ${node.op} [${node.values.join(', ')}]`;
      if (node.op === 'between') return `${node.field} between ${a} and ${b}`;
      if (node.op === 'is null' || node.op === 'is not null') return `${node.field} ${node.op}`;
      return `${node.field} ${node.op} ${a}`;
    }
  }
}

/** The top-level items of a rule, and whether they are joined by `or`. */
export function itemsOf(node: RuleNode | null): { items: RuleNode[]; or: boolean } {
  if (!node) return { items: [], or: false };
  if (node.type === 'and') return { items: node.items, or: false };
  if (node.type === 'or') return { items: node.items, or: true };
  return { items: [node], or: false };
}

/** The rule of top-level `items` joined by `or` (or `and`); null when there are none. */
export function join(items: RuleNode[], or: boolean): RuleNode | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!;
  return or ? { type: 'or', items } : { type: 'and', items };
}

/** A text value as the rule language writes it. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** The operators the builder offers for a column kind. */
export function operatorsFor(kind: string): string[] {
  if (kind === 'text') return ['contains', '==', '!=', 'in', 'is null', 'is not null'];
  if (kind === 'code') return ['==', '!=', 'in', 'not in', 'is null', 'is not null'];
  return ['>=', '>', '<=', '<', '==', '!=', 'between', 'is null', 'is not null'];
}
