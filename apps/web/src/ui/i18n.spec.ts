import { describe, expect, it } from '@jest/globals';
import { countedNoun } from './i18n.js';

describe(countedNoun.name, () => {
  it('agrees a counted noun with its number, by each language’s rule', () => {
    // French counts 0 and 1 as singular, English only 1 ("1 conflits" was the page's).
    expect([0, 1, 2].map((n) => `${n} ${countedNoun('fr', 'conflicts', n)}`)).toEqual([
      '0 conflit',
      '1 conflit',
      '2 conflits',
    ]);
    expect([0, 1, 2].map((n) => `${n} ${countedNoun('en', 'conflicts', n)}`)).toEqual([
      '0 conflicts',
      '1 conflict',
      '2 conflicts',
    ]);
    expect(countedNoun('en', 'accepted', 2)).toBe('accepted');
  });
});
