import trees from '../../../tests/fixtures/rules/trees.json';
import { describe, expect, it } from 'vitest';
import type { RuleNode } from '../../api/types.js';
import { itemsOf, join, text } from './tree.js';


const CASES = trees as Array<{ text: string; canonical: string; tree: RuleNode }>;

describe('the rule tree', () => {
  it('writes the same text as Rust for every shared case', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(8);
    for (const c of CASES) expect(text(c.tree)).toBe(c.canonical);
  });

  it('splits and joins the top-level items', () => {
    const tree = CASES[1]!.tree;
    const { items, or } = itemsOf(tree);
    expect(items).toHaveLength(3);
    expect(join(items, or)).toEqual(tree);
    expect(join([], false)).toBeNull();
  });
});
