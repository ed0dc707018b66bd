import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';
// 20 BMW X3 sold in Paris at 58 900 € make its usual price; then a typo at 5 890 000 €.
const ROWS = [
  ...Array.from(
    { length: 20 },
    (_, i) => `X${i},2025-11-${String(i + 1).padStart(2, '0')},Paris,vente,BMW_X3,58900,NULL`,
  ),
  'TYPO,2025-12-03,Paris,vente,BMW_X3,5890000,NULL',
  'L1,2025-12-04,Lyon,location,Audi_A3,500,12',
];

interface Listed {
  total: number;
  missingCities: string[];
  page: number;
  size: number;
  rows: {
    transaction_id: string;
    date: string;
    ville: string;
    prix: number;
    usualPrice: number | null;
  }[];
}

describe('GET /transactions', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  const list = async (query: string): Promise<Listed> =>
    (await (await fetch(`${baseUrl}/transactions?${query}`)).json()) as Listed;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers));
    const imported = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: [HEADER, ...ROWS].join('\n'),
    });
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('lists the rows to check with their usual price, and nothing else', async () => {
    expect(await list('flagged=true')).toEqual({
      total: 1,
      page: 1,
      size: 50,
      rows: [
        {
          transaction_id: 'TYPO',
          date: '2025-12-03',
          ville: 'Paris',
          type: 'vente',
          modele: 'BMW_X3',
          prix: 5_890_000,
          duree_location_mois: null,
          cout: null,
          usualPrice: 58_900,
        },
      ],
      missingCities: [],
    });
  });

  it('filters by city, month, model, type and id, newest first, page by page', async () => {
    const all = await list('size=5&page=1');
    expect(all.total).toBe(22);
    expect(all.rows.map((r) => r.transaction_id)).toEqual(['L1', 'TYPO', 'X19', 'X18', 'X17']);
    const second = await list('size=5&page=2');
    expect(second.rows.map((r) => r.transaction_id)).toEqual(['X16', 'X15', 'X14', 'X13', 'X12']);
    expect((await list('city=lyon')).rows.map((r) => r.ville)).toEqual(['Lyon']);
    expect((await list('month=2025-12&type=vente')).rows.map((r) => r.transaction_id)).toEqual([
      'TYPO',
    ]);
    expect((await list('model=Audi_A3')).total).toBe(1);
    expect((await list('id=X3')).rows.map((r) => r.date)).toEqual(['2025-11-04']);
  });

  it('sorts by price or date either way, across the cities, as a sort of every row would', async () => {
    const every = ROWS.map((line) => line.split(','));
    // Rows of equal key may come in any order: the key of each place is what is compared.
    const price = (row: readonly string[]): number => Number(row[5]);
    for (const [sort, order, key] of [
      ['prix', (a: string[], b: string[]) => price(a) - price(b), 'prix'],
      ['-prix', (a: string[], b: string[]) => price(b) - price(a), 'prix'],
      ['date', (a: string[], b: string[]) => a[1]!.localeCompare(b[1]!), 'date'],
    ] as const) {
      const listed = await list(`sort=${sort}&size=4`);
      const expected = [...every].sort(order).slice(0, 4);
      expect(listed.rows.map((r) => r[key])).toEqual(
        expected.map((row) => (key === 'prix' ? price(row) : row[1])),
      );
    }
  });

  it('lists the cities that answer within PARTIAL_TIMEOUT_MS with partial, naming the hung one', async () => {
    workers.hang('Lyon');
    try {
      const started = performance.now();
      const listed = await list('partial=true&size=2');
      expect(performance.now() - started).toBeLessThan(2500);
      expect(listed.missingCities).toEqual(['Lyon']);
      expect(listed.rows.map((r) => r.transaction_id)).toEqual(['TYPO', 'X19']);
    } finally {
      workers.resume('Lyon');
    }
  });

  it('stops flagging a row once its price is corrected', async () => {
    const put = await fetch(`${baseUrl}/transactions/TYPO`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        transaction_id: 'TYPO',
        date: '2025-12-03',
        ville: 'Paris',
        type: 'vente',
        modele: 'BMW_X3',
        prix: 58900,
        duree_location_mois: null,
      }),
    });
    expect(put.status).toBe(200);
    expect((await list('flagged=true')).total).toBe(0);
  });

  it('refuses a bad filter with the parameter at fault', async () => {
    const response = await fetch(`${baseUrl}/transactions?size=501`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_QUERY' });
    const sorted = await fetch(`${baseUrl}/transactions?sort=modele`);
    expect(sorted.status).toBe(400);
  });
});
