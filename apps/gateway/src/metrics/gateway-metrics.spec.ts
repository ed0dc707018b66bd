import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { post } from '../../../../test/support/http.js';
import { sampleValue, scrape } from '../../../../test/support/prometheus-text.js';
import { GatewayMetrics, NO_CITY } from './gateway-metrics.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

/** Each row with what becomes of it, decided by reading the rules, not by running them. */
const ROWS = [
  ['L1,2025-01-05,Lyon,vente,BMW_X3,50000,NULL', 'Lyon', 'accepted'],
  ['L2,2025-01-06,Lyon,location,Audi_A4,700,12', 'Lyon', 'accepted'],
  ['L3,2025-02-30,Lyon,vente,BMW_X3,50000,NULL', 'Lyon', 'INVALID_DATE'],
  ['P1,2025-01-07,Paris,vente,Tesla_Model_3,40000,NULL', 'Paris', 'accepted'],
  ['P1,2025-01-07,Paris,vente,Tesla_Model_3,40000,NULL', 'Paris', 'duplicate'],
  ['P1,2025-01-08,Paris,vente,Tesla_Model_3,40000,NULL', 'Paris', 'conflict'],
  ['M1,2025-01-10,Marseille,vente,BMW_X3,-5,NULL', 'Marseille', 'INVALID_PRICE'],
  ['X1,2025-01-09,Lille,vente,BMW_X3,50000,NULL', NO_CITY, 'CITY_NOT_SERVED'],
] as const;

describe(GatewayMetrics.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Paris', 'Marseille']);
    ({ app, baseUrl } = await inProcessGateway(workers));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it("counts an import's rows by city and outcome, and its rejections by code, as counted by hand", async () => {
    const before = await scrape(`${baseUrl}/metrics`);
    // Every served city has its series from 0 before its first import, so that rate() sees it.
    for (const city of ['Lyon', 'Paris', 'Marseille', NO_CITY]) {
      expect(sampleValue(before, 'autoconnect_rows_total', { city, outcome: 'accepted' })).toBe(0);
    }
    const answer = await post(
      `${baseUrl}/imports`,
      [HEADER, ...ROWS.map(([row]) => row)].join('\n'),
    );
    expect(answer.status).toBe(200);

    const samples = await scrape(`${baseUrl}/metrics`);
    const outcomes = ['accepted', 'duplicate', 'conflict'];
    for (const city of ['Lyon', 'Paris', 'Marseille', NO_CITY]) {
      const mine = ROWS.filter(([, rowCity]) => rowCity === city);
      for (const outcome of [...outcomes, 'rejected']) {
        const expected = mine.filter(([, , what]) =>
          outcome === 'rejected' ? !outcomes.includes(what) : what === outcome,
        ).length;
        expect([
          city,
          outcome,
          sampleValue(samples, 'autoconnect_rows_total', { city, outcome }),
        ]).toEqual([city, outcome, expected]);
      }
    }
    for (const [, city, code] of ROWS.filter(
      ([, , what]) => !['accepted', 'duplicate', 'conflict'].includes(what),
    )) {
      expect(sampleValue(samples, 'autoconnect_rows_rejected_total', { city, code })).toBe(1);
    }
    expect(answer.body.rejectedByCode).toEqual({
      INVALID_DATE: 1,
      INVALID_PRICE: 1,
      CITY_NOT_SERVED: 1,
    });
    expect(sampleValue(samples, 'autoconnect_imports_total')).toBe(1);
    // 3 rejected and 1 conflict of 8 rows: half, not more.
    expect(sampleValue(samples, 'autoconnect_imports_mostly_rejected_total')).toBe(0);
  });

  it('counts an import that rejected more than half its rows', async () => {
    const answer = await post(
      `${baseUrl}/imports`,
      [
        HEADER,
        'B1,2025-13-01,Lyon,vente,BMW_X3,1,NULL',
        'B2,2025-01-02,Lyon,vente,BMW_X3,9000,NULL',
        'B3,x,Paris,vente,BMW_X3,1,NULL',
      ].join('\n'),
    );
    expect(answer.body).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
    const samples = await scrape(`${baseUrl}/metrics`);
    expect(sampleValue(samples, 'autoconnect_imports_total')).toBe(2);
    expect(sampleValue(samples, 'autoconnect_imports_mostly_rejected_total')).toBe(1);
  });

  it("says whether each city answers, times each route by its pattern, and counts the report cache's hits", async () => {
    workers.stop('Marseille');
    for (let round = 0; round < 2; round += 1) {
      expect((await fetch(`${baseUrl}/reports/monthly?city=Lyon`)).status).toBe(200);
    }
    expect((await fetch(`${baseUrl}/transactions/NOPE`, { method: 'DELETE' })).status).toBe(503);
    const samples = await scrape(`${baseUrl}/metrics`);
    workers.resume('Marseille');
    expect(sampleValue(samples, 'autoconnect_city_up', { city: 'Lyon' })).toBe(1);
    expect(sampleValue(samples, 'autoconnect_city_up', { city: 'Marseille' })).toBe(0);
    const count = (route: string, method: string, status: string): number | undefined =>
      sampleValue(samples, 'autoconnect_http_request_duration_seconds_count', {
        route,
        method,
        status,
      });
    expect(count('/reports/monthly', 'GET', '200')).toBe(2);
    expect(count('/transactions/:id', 'DELETE', '503')).toBe(1);
    expect(
      sampleValue(samples, 'autoconnect_report_cache_requests_total', { result: 'miss' }),
    ).toBe(1);
    expect(sampleValue(samples, 'autoconnect_report_cache_requests_total', { result: 'hit' })).toBe(
      1,
    );
    expect(samples.some((sample) => sample.name === 'process_resident_memory_bytes')).toBe(true);
    expect(samples.some((sample) => sample.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });
});
