import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

// `\r\r\n` line ends, and a byte-order mark at the start of a data line (two files joined).
const ODD =
  'transaction_id,date,ville,type,modele,prix,duree_location_mois\n' +
  'A1,2024-01-05,Lyon,vente,BMW_X1,41000,NULL\r\r\n' +
  '\uFEFFA2,2024-01-06,Lyon,vente,BMW_X1,42000,NULL\n' +
  'A3,2024-01-07,Lyon,location,BMW_X1,800,3\r\r\n';

describe('odd line ends and marks, in the one-process report and through the cluster', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    ({ app, baseUrl } = await inProcessGateway(workers, { IMPORT_BATCH_ROWS: '1' }));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('reads them alike: every row stored, the same report', async () => {
    const stores = new CityStores();
    const cli = new CsvIngest(new OpenCityDirectory(), stores);
    cli.push(ODD);
    cli.end();
    expect(cli.counts).toMatchObject({ accepted: 3, rejected: 0 });
    // One record per batch: the marked line starts a batch of its own on the worker.
    const response = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: ODD,
    });
    expect(await response.json()).toMatchObject({ accepted: 3, rejected: 0 });
    const asOf = '2024-02-10';
    const cluster = (await (await fetch(`${baseUrl}/reports/summary?asOf=${asOf}`)).json()) as {
      data: unknown;
    };
    expect(cluster.data).toEqual(buildReport(stores.summarize(), parseReportQuery({ asOf })).data);
    const top = (await (await fetch(`${baseUrl}/reports/top-models`)).json()) as {
      data: { sales: { model: string }[] }[];
    };
    expect(top.data[0]?.sales.map(({ model }) => model)).toEqual(['BMW_X1']);
  });
});
