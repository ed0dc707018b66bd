import { describe, expect, it } from '@jest/globals';
import type { MonthRevenueGrowth } from '#domain/report';
import { kpisAt } from './kpis.js';

/** A month as the API's monthly section gives it, its changes computed by hand. */
const row = (
  month: string,
  sales: number,
  rentals: number,
  salesCount: number,
  rentalsCount: number,
  growth: number | null = null,
  yearOverYear: number | null = null,
  target: number | null = null,
): MonthRevenueGrowth => ({
  month,
  sales,
  rentals,
  total: sales + rentals,
  salesCount,
  rentalsCount,
  growth,
  yearOverYear,
  target,
  yearToDate: 0,
  yearToDateLastYear: 0,
  yearToDateChange: null,
});

// Lyon and Paris over 13 months; only the months the figures need are non-zero.
const lyon = [
  row('2024-03', 80_000, 20_000, 2, 4),
  row('2025-02', 90_000, 10_000, 2, 2),
  // 125 000 € against 100 000 € the month before and the year before, and a target of 100 000 €.
  row('2025-03', 100_000, 25_000, 2, 3, 0.25, 0.25, 100_000),
];
const paris = [
  row('2024-03', 50_000, 0, 1, 0),
  row('2025-02', 0, 0, 0, 0),
  // Nothing the month before; 75 000 € against 50 000 € a year before.
  row('2025-03', 60_000, 15_000, 1, 5, null, 0.5),
];

describe(kpisAt.name, () => {
  it('compares a month with the month before and the same month a year earlier', () => {
    // Lyon, 2025-03: 125 000 € from 5 transactions; the company made 200 000 €.
    expect(kpisAt(lyon, '2025-03', 200_000)).toEqual({
      month: '2025-03',
      revenue: 125_000,
      sales: 100_000,
      rentals: 25_000,
      transactions: 5,
      previous: 100_000,
      lastYear: 100_000,
      growth: 0.25,
      yearOverYear: 0.25,
      shareOfTotal: 0.625,
      averageTicket: 25_000,
      rentalShare: 0.2,
      target: 100_000,
      attainment: 1.25,
      yearToDate: 0,
      yearToDateLastYear: 0,
      yearToDateChange: null,
    });
  });

  it('gives no growth on a month that made nothing, and none on a missing month', () => {
    const paris2025 = kpisAt(paris, '2025-03', 200_000);
    expect(paris2025.growth).toBeNull();
    expect(paris2025.yearOverYear).toBeCloseTo(0.5, 12);
    expect(kpisAt(paris, '2024-03', 150_000).growth).toBeNull();
  });

  it('takes the changes the API looked back for, on the first month of a filtered range too', () => {
    // Lyon filtered to March 2025 alone: February is not in the series, the API's change is.
    const march = kpisAt([lyon[2]!], '2025-03', 125_000);
    expect([march.growth, march.yearOverYear, march.previous]).toEqual([0.25, 0.25, null]);
  });
});
