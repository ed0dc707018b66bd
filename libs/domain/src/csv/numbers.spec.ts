import { describe, expect, it } from '@jest/globals';
import { parseCents, parseDate, parseWholeNumber } from './numbers.js';

describe(parseCents.name, () => {
  it.each([
    ['45000', 4_500_000],
    ['799.9', 79_990],
    ['12.05', 1_205],
    ['0.10', 10],
    ['3.500', 350],
    ['0', 0],
  ])('reads %s as %d cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['', '-5', '+5', '1e5', '1 000', '1,5', '.5', '5.', '12.345', 'NaN', '99999999999999'])(
    'rejects "%s"',
    (text) => {
      expect(parseCents(text)).toBeUndefined();
    },
  );
});

describe(parseWholeNumber.name, () => {
  it('reads digits only', () => {
    expect([parseWholeNumber('12'), parseWholeNumber('007')]).toEqual([12, 7]);
    expect([parseWholeNumber('1.0'), parseWholeNumber(''), parseWholeNumber('-1')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe(parseDate.name, () => {
  it('reads real dates, leap days included', () => {
    expect(parseDate('2024-02-29')).toBe(20240229);
    expect(parseDate('2000-02-29')).toBe(20000229);
    expect(parseDate('x,2024-12-31,y', 2, 12)).toBe(20241231);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-1-01',
    '2024/01/01',
    '0000-01-01',
    '2024-01-00',
  ])('rejects "%s"', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});
