import { describe, expect, it } from '@jest/globals';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { loadFixture } from '../../../../test/support/fixtures.js';

describe('accepted CSV formats', () => {
  it('reads the brief sample with CRLF line ends', () => {
    const { ingest, stores } = loadFixture('ok/brief-crlf.csv');
    expect(ingest.counts).toEqual({
      rows: 3,
      accepted: 3,
      duplicates: 0,
      conflicts: 0,
      rejected: 0,
    });
    const report = buildReport(stores.summarize(), parseReportQuery({}));
    expect(report.data.comparison.total).toEqual({
      revenue: 45000 + 800 * 12 + 52000,
      transactions: 3,
    });
  });

  it('reads reordered columns, quoted fields, a multi-line note and a BOM', () => {
    const { ingest, stores } = loadFixture('ok/reordered-quoted-bom.csv');
    expect(ingest.errors).toEqual([]);
    expect(ingest.counts.accepted).toBe(2);
    const report = buildReport(stores.summarize(), parseReportQuery({}));
    expect(
      report.data.split.map(({ city, sales, rentals }) => [city, sales.revenue, rentals.revenue]),
    ).toEqual([
      ['Lyon', 45000, 0],
      ['Paris', 0, 9600],
    ]);
  });

  it('trims the no-break spaces French Excel leaves around a field, as it trims spaces', () => {
    // Line 3 is line 2 with a no-break space after its id: a duplicate, not a second sale;
    // line 4's model ends with a narrow no-break space: Audi_A4, not a new model.
    const { ingest, stores } = loadFixture('ok/no-break-spaces.csv');
    expect(ingest.errors).toEqual([]);
    expect(ingest.counts).toMatchObject({ accepted: 2, duplicates: 1 });
    const report = buildReport(stores.summarize(), parseReportQuery({}));
    expect(report.data.topModels[0]?.sales).toEqual([
      { model: 'Audi_A4', count: 2, revenue: 81_000 },
    ]);
  });

  it('rejects a file without a required column, or without any line', () => {
    expect(() => loadFixture('not-ok/missing-column.csv')).toThrow(
      /lacks required column duree_location_mois/,
    );
    expect(() => loadFixture('not-ok/empty.csv')).toThrow(/the file is empty/);
  });
});
