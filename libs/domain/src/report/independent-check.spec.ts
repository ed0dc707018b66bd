import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { generatedLines } from '../../../../test/support/generated.js';

interface Row {
  city: string;
  month: string;
  rental: boolean;
  model: string;
  price: number;
  months: number;
  cost: number;
}

/** The rows as plain objects, parsed without the domain library. */
function naiveRows(lines: readonly string[]): Row[] {
  return lines.slice(1).map((line) => {
    const [, date = '', city = '', type, model = '', price, months, cost] = line.split(',');
    return {
      city,
      month: date.slice(0, 7),
      rental: type === 'location',
      model,
      price: Number(price),
      months: type === 'location' ? Number(months) : 0,
      cost: Number(cost),
    };
  });
}

const addMonths = (month: string, count: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describe('report against a naive recomputation of generated data', () => {
  const lines = generatedLines(5_000, 11);
  const rows = naiveRows(lines);
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push(lines.join('\n'));
  ingest.end();
  const summary = stores.summarize();

  it('agrees on monthly revenue on both bases', () => {
    for (const basis of ['contract', 'recognized'] as const) {
      const report = buildReport(
        summary,
        parseReportQuery({ basis, from: '2023-06', to: '2024-03' }),
      );
      for (const { city, months } of report.data.monthly) {
        for (const entry of months) {
          const ofMonth = rows.filter((row) => row.city === city && row.month === entry.month);
          const sales = ofMonth
            .filter((row) => !row.rental)
            .reduce((acc, row) => acc + row.price, 0);
          const rentals = rows
            .filter((row) => row.city === city && row.rental)
            .reduce((acc, row) => {
              if (basis === 'contract')
                return acc + (row.month === entry.month ? row.price * row.months : 0);
              const running =
                row.month <= entry.month && entry.month < addMonths(row.month, row.months);
              return acc + (running ? row.price : 0);
            }, 0);
          expect([city, entry.month, entry.sales, entry.rentals]).toEqual([
            city,
            entry.month,
            sales,
            rentals,
          ]);
        }
      }
    }
  });

  it('agrees on the year to date and the same period a year earlier, month by month', () => {
    const revenueOf = (city: string, month: string): number =>
      rows
        .filter((row) => row.city === city && row.month === month)
        .reduce((acc, row) => acc + (row.rental ? row.price * row.months : row.price), 0);
    const sinceJanuary = (city: string, month: string): number => {
      let sum = 0;
      for (let m = `${month.slice(0, 4)}-01`; m <= month; m = addMonths(m, 1)) {
        sum += revenueOf(city, m);
      }
      return sum;
    };
    const report = buildReport(summary, parseReportQuery({ from: '2023-06', to: '2024-03' }));
    for (const { city, months } of report.data.monthly) {
      for (const entry of months) {
        const current = sinceJanuary(city, entry.month);
        const lastYear = sinceJanuary(city, addMonths(entry.month, -12));
        expect([city, entry.month, entry.yearToDate, entry.yearToDateLastYear]).toEqual([
          city,
          entry.month,
          Math.round(current * 100) / 100,
          Math.round(lastYear * 100) / 100,
        ]);
        // The data start in January 2023: 2023's months have nothing a year before to compare to.
        if (lastYear === 0) expect(entry.yearToDateChange).toBeNull();
        else expect(entry.yearToDateChange).toBeCloseTo((current - lastYear) / lastYear, 4);
      }
    }
  });

  it('agrees on rotation medians and margins', () => {
    const report = buildReport(summary, parseReportQuery({}));
    for (const rotation of report.data.rotation) {
      const lengths = rows
        .filter((row) => row.city === rotation.city && row.rental)
        .map((row) => row.months)
        .sort((a, b) => a - b);
      const middle = lengths.length / 2;
      const median =
        lengths.length % 2 === 1
          ? lengths[Math.floor(middle)]
          : (lengths[middle - 1]! + lengths[middle]!) / 2;
      expect([rotation.rentals, rotation.medianMonths, rotation.maxMonths]).toEqual([
        lengths.length,
        median,
        Math.max(...lengths),
      ]);
    }
    for (const margins of report.data.margins) {
      const sales = rows.filter((row) => row.city === margins.city && !row.rental);
      const cost = sales.reduce((acc, row) => acc + row.cost, 0);
      const revenue = sales.reduce((acc, row) => acc + row.price, 0);
      expect(margins.sales.basis).toBe('actual');
      expect(margins.sales.margin).toBeCloseTo(revenue - cost, 6);
    }
  });
});
