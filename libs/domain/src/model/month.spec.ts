import { describe, expect, it } from '@jest/globals';
import { formatMonth, monthIndex, monthOf, parseMonth } from './month.js';

describe(parseMonth.name, () => {
  it('round-trips a month through its index', () => {
    const index = parseMonth('2024-02');
    expect(index).toBe(2024 * 12 + 1);
    expect(formatMonth(index ?? 0)).toBe('2024-02');
    expect(monthOf(monthIndex(2024, 12))).toBe(12);
    expect(monthIndex(2024, 12) + 1).toBe(monthIndex(2025, 1));
  });

  it.each(['2024-13', '2024-00', '2024-1', '24-01', '2024/01', ''])('rejects "%s"', (text) => {
    expect(parseMonth(text)).toBeUndefined();
  });
});
