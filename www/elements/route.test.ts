import { describe, expect, it } from 'vitest';
import { addressOf, formatHash, parseHash, resolve } from './route.js';

const VIEWS = [
  { group: 'customers', id: 'profiles', item: 'id' },
  { group: 'customers', id: 'tags' },
  { group: 'segments', id: 'rfm' },
];

describe('routes', () => {
  it('parse and format round trip, parameters in key order', () => {
    const r = parseHash('#/segments/rfm?segment=champions&a=1');
    expect(r).toEqual({ group: 'segments', view: 'rfm', params: { segment: 'champions', a: '1' } });
    expect(formatHash(r!)).toBe('#/segments/rfm?a=1&segment=champions');
    expect(parseHash('#/')).toBeNull();
    expect(parseHash('#/customers/%E0%A4%A')).toBeNull();
  });

  it('an item has its own address: #/customers/12345 is the profiles view with id=12345', () => {
    const r = parseHash('#/customers/12345?columns=timing')!;
    expect(resolve(r, VIEWS)).toEqual({ view: VIEWS[0], params: { columns: 'timing', id: '12345' } });
    expect(resolve(parseHash('#/customers/tags')!, VIEWS)?.view).toBe(VIEWS[1]);
    expect(resolve(parseHash('#/segments/nope')!, VIEWS)).toBeNull();
    // ids with any characters survive the address bar
    const odd = formatHash(addressOf(VIEWS[0]!, { id: 'a/b c#1' }));
    expect(resolve(parseHash(odd)!, VIEWS)?.params).toEqual({ id: 'a/b c#1' });
  });

  it('an id that could be a view id stays a parameter', () => {
    expect(formatHash(addressOf(VIEWS[0]!, { id: '12345', columns: 'timing' }))).toBe('#/customers/12345?columns=timing');
    expect(formatHash(addressOf(VIEWS[0]!, { id: 'tags' }))).toBe('#/customers/profiles?id=tags');
    expect(formatHash(addressOf(VIEWS[0]!, {}))).toBe('#/customers/profiles');
    expect(formatHash(addressOf(VIEWS[1]!, { id: '7' }))).toBe('#/customers/tags?id=7');
  });
});
