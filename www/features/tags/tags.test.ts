import { describe, expect, it } from 'vitest';
import { checkFeature } from '../testing.js';
import { MESSAGES } from './messages.js';
import { meta } from './meta.js';
import { customersRule, tagName } from './tags.js';

const stats = (over: object) => ({ family: 'risk', tag: 'one_time_buyer', value: null, rule: 'orders == 1', customers: 3, share: 0.3, revenue_share: 0.1, ...over });

describe('tags feature', () => {
  checkFeature(meta, MESSAGES);

  it('names built-in tags per language and rule tags as written', () => {
    expect(tagName(stats({}))).toBe('One-time buyer');
    expect(tagName(stats({ family: 'rule', tag: '等级', value: '高', rule: 'orders >= 4' }))).toBe('等级: 高');
    expect(MESSAGES.core['tags.tag.slipping_valuable']).toBe('高价值流失风险');
  });

  it('links a tag to its customers by its rule, a valued tag by its value', () => {
    expect(customersRule(stats({}))).toBe('orders == 1');
    expect(customersRule(stats({ family: 'rule', tag: '等级', value: '低', rule: 'else' }))).toBe('tags.tags contains "等级:低"');
  });
});
