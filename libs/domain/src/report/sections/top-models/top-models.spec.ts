import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('topModels section', () => {
  it('ranks models by count, then contract revenue, then name', () => {
    expectClose(threeCitiesReport().data.topModels, THREE_CITIES_REPORT.data.topModels);
  });

  it('keeps the first `limit` models only', () => {
    const lyon = threeCitiesReport({ city: 'Lyon', limit: '1' }).data.topModels[0]!;
    expectClose(lyon.rentals, [{ model: 'Audi_A3', count: 1, revenue: 6000 }]);
  });
});

describe('topModels section ranked by revenue', () => {
  // Lyon: three BMW_X1 at 10 000 (30 000 in all) against one BMW_X5 at 50 000.
  const csv = [
    'transaction_id,date,ville,type,modele,prix,duree_location_mois',
    'A1,2024-01-10,Lyon,vente,BMW_X1,10000,NULL',
    'A2,2024-01-11,Lyon,vente,BMW_X1,10000,NULL',
    'A3,2024-01-12,Lyon,vente,BMW_X1,10000,NULL',
    'A4,2024-01-13,Lyon,vente,BMW_X5,50000,NULL',
  ].join('\n');

  function lyonSales(by: string | undefined): unknown {
    const stores = new CityStores();
    const ingest = new CsvIngest(new OpenCityDirectory(), stores);
    ingest.push(csv);
    ingest.end();
    const query = parseReportQuery(by === undefined ? {} : { by });
    return buildReport(stores.summarize(), query).data.topModels[0]?.sales;
  }

  it('ranks by count unless asked otherwise', () => {
    expect(lyonSales(undefined)).toEqual([
      { model: 'BMW_X1', count: 3, revenue: 30000 },
      { model: 'BMW_X5', count: 1, revenue: 50000 },
    ]);
  });

  it('puts the model that earned most first with by=revenue', () => {
    expect(lyonSales('revenue')).toEqual([
      { model: 'BMW_X5', count: 1, revenue: 50000 },
      { model: 'BMW_X1', count: 3, revenue: 30000 },
    ]);
  });

  it('refuses another ranking, naming the parameter', () => {
    expect(() => parseReportQuery({ by: 'margin' })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY', details: { parameter: 'by' } }),
    );
  });
});
