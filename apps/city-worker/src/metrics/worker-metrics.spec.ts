import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { REQUIRED_COLUMNS } from '#domain/csv';
import { freePort } from '../../../cli/src/start/local-services.js';
import { workerModule } from '../../../../test/support/in-process-city-workers.js';
import { sampleValue, scrape } from '../../../../test/support/prometheus-text.js';
import { CityService } from '../city.service.js';
import { WorkerMetrics } from './worker-metrics.js';

describe(WorkerMetrics.name, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'worker-metrics-'));
  let module: TestingModule;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    module = await workerModule('Lyon', dataDir, { metricsPort: port });
    url = `http://127.0.0.1:${port}/metrics`;
  });

  afterAll(async () => {
    await module.close();
  });

  it('serves the rows it holds, the size of its shard on disk and how long it took to start', async () => {
    await module.get(CityService).ingest({
      columns: [...REQUIRED_COLUMNS],
      lines: [2, 3, 4],
      csv: [
        'W1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL',
        'W2,2024-05-20,Lyon,location,Tesla_Model_3,800,12',
        'W3,2024-13-01,Lyon,vente,Audi_A3,30000,NULL',
      ].join('\n'),
    });
    const samples = await scrape(url);
    // W3 has no 13th month.
    expect(sampleValue(samples, 'autoconnect_rows_held', { city: 'Lyon' })).toBe(2);
    expect(sampleValue(samples, 'autoconnect_shard_bytes', { city: 'Lyon' })).toBe(
      statSync(join(dataDir, 'lyon.csv')).size,
    );
    const recovery = sampleValue(samples, 'autoconnect_recovery_duration_seconds', {
      city: 'Lyon',
      source: 'shard',
    });
    expect(recovery).toBeGreaterThan(0);
    expect(recovery).toBeLessThan(60);
  });

  it('answers nothing but GET /metrics', async () => {
    expect((await fetch(url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
  });
});
