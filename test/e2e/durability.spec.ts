import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { getJson, startCluster } from '../support/cluster.js';
import { writeImportFile } from '../support/e2e-data.js';
import { fixturePath } from '../support/fixtures.js';
import { eventually, post } from '../support/http.js';
import { runCli } from '../support/run-cli.js';

jest.setTimeout(120_000);

/** Small batches, one in flight: an import of 200 000 rows lasts long enough to be cut. */
const SLOW_IMPORT = { IMPORT_BATCH_ROWS: '500', IMPORT_MAX_IN_FLIGHT: '1' };

interface CliReport {
  data: unknown;
  ingest: { rows: number; accepted: number; duplicates: number; rejected: number };
}

function cliReport(file: string): CliReport {
  return JSON.parse(runCli('report', [file, '--json']).stdout) as CliReport;
}

async function transactionsOf(cluster: ClusterProcesses, city: string): Promise<number> {
  const { body } = await getJson(`${cluster.baseUrl}/cities`);
  const entry = (body as unknown as { city: string; transactions: number | null }[]).find(
    (status) => status.city === city,
  );
  return entry?.transactions ?? 0;
}

describe('durability: crashes during imports lose nothing and count nothing twice', () => {
  const directory = mkdtempSync(join(tmpdir(), 'durability-'));
  const file = join(directory, 'import.csv');
  writeImportFile(file, 200_000);
  const expected = cliReport(file);
  let cluster: ClusterProcesses | undefined;

  afterEach(async () => {
    await cluster?.stop();
  });

  async function expectExactly(running: ClusterProcesses): Promise<void> {
    const retry = await post(`${running.baseUrl}/imports`, readFileSync(file));
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      rows: expected.ingest.rows,
      rejected: expected.ingest.rejected,
    });
    expect(Number(retry.body.accepted) + Number(retry.body.duplicates)).toBe(
      expected.ingest.accepted + expected.ingest.duplicates,
    );
    const summary = await getJson(`${running.baseUrl}/reports/summary`);
    expect(summary.body.data).toEqual(expected.data);
  }

  it('kill -9 of a worker during a 200 000-row import, restart, retry: the CLI totals', async () => {
    const running = await startCluster('tcp', '', SLOW_IMPORT);
    cluster = running;
    const importing = post(`${running.baseUrl}/imports`, readFileSync(file));
    await eventually(async () => (await transactionsOf(running, 'Marseille')) > 1000);
    await running.killWorker('Marseille');
    const first = await importing;
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ code: 'PARTIAL_IMPORT' });
    const marseille = (first.body.cities as { city: string; notApplied: number }[]).find(
      (city) => city.city === 'Marseille',
    );
    expect(marseille?.notApplied).toBeGreaterThan(0);
    running.startWorker('Marseille');
    await running.waitHealthy();
    await expectExactly(running);
  });

  it('kill -9 of the gateway during an import, restart, retry: the CLI totals', async () => {
    const running = await startCluster('tcp', '', SLOW_IMPORT);
    cluster = running;
    const importing = post(`${running.baseUrl}/imports`, readFileSync(file)).catch(() => undefined);
    await eventually(async () => (await transactionsOf(running, 'Paris')) > 1000);
    await running.killGateway();
    await importing;
    running.startGateway();
    await running.waitHealthy();
    await expectExactly(running);
  });

  it('a crash in the middle of an append loses only the torn record, which the retry brings back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'torn-'));
    const running = await startCluster('tcp', '', {}, dataDir);
    cluster = running;
    const small = join(directory, 'small.csv');
    writeImportFile(small, 3000);
    await running.killWorker('Lyon');
    running.startWorker('Lyon', {}, ['city-worker/src/testing/torn-write.main.js', '700']);
    await running.waitHealthy();
    const cut = await post(`${running.baseUrl}/imports`, readFileSync(small));
    expect(cut.status).toBe(503);
    const shard = join(dataDir, 'lyon.csv');
    const torn = readFileSync(shard, 'utf8');
    expect(torn.endsWith('\n')).toBe(false);
    const completeLines = torn.slice(0, torn.lastIndexOf('\n')).split('\n').length - 1;
    expect(completeLines).toBeGreaterThan(0);
    running.startWorker('Lyon');
    await running.waitHealthy();
    expect(await transactionsOf(running, 'Lyon')).toBe(completeLines);
    expect(readFileSync(shard, 'utf8')).toBe(torn.slice(0, torn.lastIndexOf('\n') + 1));
    const retry = await post(`${running.baseUrl}/imports`, readFileSync(small));
    expect(retry.status).toBe(200);
    const summary = await getJson(`${running.baseUrl}/reports/summary`);
    expect(summary.body.data).toEqual(cliReport(small).data);
  });

  it('a hung worker costs its own city a timeout, and blocks nothing else', async () => {
    const running = await startCluster('tcp', '', { REPORT_TIMEOUT_MS: '2000' });
    cluster = running;
    running.signalWorker('Paris', 'SIGSTOP');
    try {
      let hungAnswered = false;
      const hung = getJson(`${running.baseUrl}/reports/summary`).finally(() => {
        hungAnswered = true;
      });
      const lyon = await getJson(
        `${running.baseUrl}/reports/summary?city=Lyon&from=2024-01&to=2024-12`,
      );
      expect([lyon.status, hungAnswered]).toEqual([200, false]);
      const answer = await hung;
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'CITY_UNAVAILABLE', cities: ['Paris'] });
    } finally {
      running.signalWorker('Paris', 'SIGCONT');
    }
  });

  it('a restarted worker serves what it acknowledged before', async () => {
    const running = await startCluster('tcp');
    cluster = running;
    const small = join(directory, 'restart.csv');
    writeImportFile(small, 2000);
    const first = await post(`${running.baseUrl}/imports`, readFileSync(small));
    expect(first.status).toBe(200);
    // Stored as received (canonical columns) above; rewritten (other columns, quotes, BOM) here.
    for (const fixture of ['ok/reordered-quoted-bom.csv', 'ok/brief-crlf.csv']) {
      expect(
        (await post(`${running.baseUrl}/imports`, readFileSync(fixturePath(fixture)))).status,
      ).toBe(200);
    }
    const before = await getJson(`${running.baseUrl}/reports/summary`);
    for (const city of ['Lyon', 'Marseille', 'Paris']) {
      await running.killWorker(city);
      running.startWorker(city);
    }
    await running.waitHealthy();
    expect((await getJson(`${running.baseUrl}/reports/summary`)).body.data).toEqual(
      before.body.data,
    );
    const again = await post(`${running.baseUrl}/imports`, readFileSync(small));
    // Re-importing changes nothing: every row the first import stored is now a duplicate.
    expect(again.body).toMatchObject({
      accepted: 0,
      duplicates: Number(first.body.accepted) + Number(first.body.duplicates),
    });
  });
});

describe('durability: corrections survive a crash, in order', () => {
  let cluster: ClusterProcesses | undefined;

  afterEach(async () => {
    await cluster?.stop();
  });

  it('delete, replace, delete then record again, kill -9, restart: the report of the corrected file', async () => {
    const running = await startCluster('tcp');
    cluster = running;
    const base = running.baseUrl;
    expect(
      (await post(`${base}/imports`, readFileSync(fixturePath('ok/three-cities.csv')))).status,
    ).toBe(200);
    const json = (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const sale = {
      date: '2024-02-05',
      ville: 'Lyon',
      type: 'vente',
      modele: 'BMW_X3',
      duree_location_mois: null,
    };
    expect((await json('DELETE', '/transactions/T1')).status).toBe(200);
    expect(
      (await json('PUT', '/transactions/T3', { ...sale, transaction_id: 'T3', prix: 52000 }))
        .status,
    ).toBe(200);
    expect((await json('DELETE', '/transactions/T2')).status).toBe(200);
    expect(
      (
        await json('POST', '/transactions', {
          ...sale,
          transaction_id: 'T2',
          date: '2024-03-20',
          prix: 33000,
        })
      ).status,
    ).toBe(200);
    await running.killWorker('Lyon');
    running.startWorker('Lyon');
    await running.waitHealthy();
    // The same data written by hand: T1 gone, T3 at 52 000, T2 a March sale of 33 000.
    const corrected = join(mkdtempSync(join(tmpdir(), 'corrected-')), 'corrected.csv');
    const lines = readFileSync(fixturePath('ok/three-cities.csv'), 'utf8')
      .split('\n')
      .filter((line) => !/^T[12],.*Lyon/.test(line))
      .map((line) =>
        line.startsWith('T3,') ? 'T3,2024-02-05,Lyon,vente,BMW_X3,52000,NULL,' : line,
      );
    lines.push('T2,2024-03-20,Lyon,vente,BMW_X3,33000,NULL,');
    writeFileSync(corrected, lines.join('\n'));
    const summary = await getJson(`${base}/reports/summary`);
    expect(summary.body.data).toEqual(cliReport(corrected).data);
  });
});
