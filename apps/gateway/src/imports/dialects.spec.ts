import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

describe('POST /imports in the dialects and encodings Excel writes', () => {
  const running: { app: NestExpressApplication; workers: InProcessCityWorkers }[] = [];

  afterEach(async () => {
    for (const { app, workers } of running.splice(0)) {
      await app.close();
      await workers.close();
    }
  });

  /** A fresh cluster that imports `file`; answers the import and the full report's data. */
  async function imported(
    file: string,
    contentType: string,
    query = '',
  ): Promise<{ status: number; outcome: Record<string, unknown>; data: unknown }> {
    const workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    const { app, baseUrl } = await inProcessGateway(workers);
    running.push({ app, workers });
    const response = await fetch(`${baseUrl}/imports${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: readFileSync(fixturePath(file)),
    });
    const outcome = (await response.json()) as Record<string, unknown>;
    const report = (await (await fetch(`${baseUrl}/reports/summary`)).json()) as { data: unknown };
    return { status: response.status, outcome, data: report.data };
  }

  it('reads a French Excel file (;, decimal commas, dd/mm/yyyy, BOM) as the same data in the standard dialect', async () => {
    const standard = await imported('ok/three-cities.csv', 'text/csv');
    const french = await imported('ok/three-cities-excel-fr.csv', 'text/csv');
    expect(french.status).toBe(200);
    expect(french.outcome).toMatchObject({
      rows: standard.outcome.rows,
      accepted: standard.outcome.accepted,
      conflicts: standard.outcome.conflicts,
      rejected: standard.outcome.rejected,
    });
    expect(french.data).toEqual(standard.data);
  });

  it('reads Windows-1252 when the Content-Type or the query declares it', async () => {
    const standard = await imported('ok/accents.csv', 'text/csv');
    const declared = await imported(
      'ok/accents-excel-fr-cp1252.csv',
      'text/csv; charset=windows-1252',
    );
    const asked = await imported('ok/accents-excel-fr-cp1252.csv', 'text/csv', '?charset=cp1252');
    expect([declared.status, asked.status]).toEqual([200, 200]);
    expect(declared.data).toEqual(standard.data);
    expect(asked.data).toEqual(standard.data);
  });

  it('says how to send Windows-1252 when the bytes are not UTF-8', async () => {
    const undeclared = await imported('ok/accents-excel-fr-cp1252.csv', 'text/csv');
    expect(undeclared.status).toBe(400);
    expect(undeclared.outcome.message).toMatch(/charset=windows-1252/);
  });

  it('refuses an encoding it cannot read, before reading', async () => {
    const ebcdic = await imported('ok/accents.csv', 'text/csv; charset=ebcdic-cp-fr');
    expect(ebcdic.status).toBe(415);
    expect(ebcdic.outcome).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
