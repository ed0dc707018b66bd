import { afterEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { post } from '../../../../test/support/http.js';
import { sampleValue, scrape } from '../../../../test/support/prometheus-text.js';
import { ReportsService } from './reports.service.js';

describe(`${ReportsService.name}'s cache of built reports`, () => {
  let workers: InProcessCityWorkers | undefined;
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    await workers?.close();
  });

  /** The cache's hits and misses after the same summary is asked twice. */
  async function askTwice(
    env: Record<string, string>,
  ): Promise<{ report: number; hit?: number; miss?: number }> {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const started = await inProcessGateway(workers, env);
    app = started.app;
    await post(
      `${started.baseUrl}/imports`,
      'transaction_id,date,ville,type,modele,prix,duree_location_mois\nC1,2025-01-05,Lyon,vente,BMW_X3,50000,NULL',
    );
    const url = `${started.baseUrl}/reports/summary?city=Lyon`;
    const report = (await (await fetch(url)).text()).length;
    await fetch(url);
    const samples = await scrape(`${started.baseUrl}/metrics`);
    const count = (result: string): number | undefined =>
      sampleValue(samples, 'autoconnect_report_cache_requests_total', { result });
    return { report, hit: count('hit'), miss: count('miss') };
  }

  it('serves the second same report from the cache', async () => {
    expect(await askTwice({})).toMatchObject({ hit: 1, miss: 1 });
  });

  it('keeps no report larger than REPORT_CACHE_BYTES: it is built again', async () => {
    const asked = await askTwice({ REPORT_CACHE_BYTES: '1024' });
    expect(asked.report).toBeGreaterThan(1024);
    expect(asked).toMatchObject({ miss: 2 });
    expect(asked.hit ?? 0).toBe(0);
  });
});
