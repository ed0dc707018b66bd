import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport, type ReportData } from '#domain/report';
import { generatedLines } from '../../../../test/support/generated.js';

/** Every number of a value, with where it is. */
function numbers(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value))
    return value.flatMap((item, index) => numbers(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  }
  return [];
}

/** Decimals a number shows when written as JSON. */
function decimals(value: number): number {
  return String(value).split('.')[1]?.length ?? 0;
}

describe('numbers in a report', () => {
  // Half the rows without `cout`: estimated costs (revenue x 0.85 or 0.70) make fractions of cents.
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push(
    generatedLines(20_000, 7, true)
      .map((line, i) => (i % 2 === 0 ? line.replace(/,\d+(\.\d+)?$/, ',') : line))
      .join('\n'),
  );
  ingest.end();
  const data: ReportData = buildReport(
    stores.summarize(),
    parseReportQuery({ basis: 'recognized' }),
  ).data;

  it('shows at most 4 decimals anywhere, and no exponent', () => {
    const noisy = numbers(data).filter(
      ([, value]) => decimals(value) > 4 || /e/i.test(String(value)),
    );
    expect(noisy).toEqual([]);
  });

  it('gives every amount of money to the cent', () => {
    const money = numbers(data).filter(([path]) =>
      /\.(sales|rentals|total|revenue|cost|margin|averageTicket|averageRevenue|salesRevenue|rentalsRevenue|slope|intercept)$/.test(
        path,
      ),
    );
    expect(money.length).toBeGreaterThan(500);
    expect(money.filter(([, value]) => decimals(value) > 2)).toEqual([]);
  });
});
