import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { E2E_CITIES, getJson, startCluster } from '../support/cluster.js';
import { writeImportFile } from '../support/e2e-data.js';
import { natsServerOrSkip } from '../support/nats.js';
import { replicasInStep } from '../support/replicas.js';
import { runCli } from '../support/run-cli.js';
import { ingestCounts } from '../support/ingest-counts.js';

jest.setTimeout(180_000);

interface CityRows {
  readonly city: string;
  readonly transactions: number;
}

const SPEC = 'replicas of each city on JetStream (one NATS server)';
const binary = natsServerOrSkip(SPEC);

if (binary !== undefined) {
  describe(SPEC, () => {
    const dir = mkdtempSync(join(tmpdir(), 'replicas-'));
    const file = join(dir, 'import.csv');
    let nats: NatsServer;
    let cluster: ClusterProcesses;
    let cli: { ingest: Record<string, number>; data: unknown };

    const inStep = (count: Record<string, number> = {}): Promise<void> =>
      replicasInStep(async () => (await getJson(`${cluster.baseUrl}/cities`)).body, count);

    const summary = async (query = ''): Promise<{ status: number; data: unknown }> => {
      const { status, body } = await getJson(`${cluster.baseUrl}/reports/summary${query}`);
      return { status, data: body.data };
    };

    beforeAll(async () => {
      writeImportFile(file, 60_000);
      cli = JSON.parse(runCli('report', [file, '--json']).stdout) as typeof cli;
      nats = await startNatsServer(binary, undefined, undefined, join(dir, 'jetstream'));
      cluster = await startCluster('nats', nats.url, { HEARTBEAT_MS: '300' }, join(dir, 'data'), {
        replicas: 2,
        gatewayEnv: { REPLICA_ATTEMPT_MS: '500' },
      });
      await inStep({});
    });

    afterAll(async () => {
      await cluster.stop();
      await nats.stop();
    });

    it('imports while a replica of Lyon is killed and restarted: every row once, no read refused', async () => {
      const statuses: number[] = [];
      const done = new AbortController();
      const reader = (async (): Promise<void> => {
        while (!done.signal.aborted) {
          statuses.push((await summary('?city=Lyon')).status);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      })();
      const crash = (async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await cluster.killWorker('Lyon', 0);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        cluster.startWorker('Lyon', {}, undefined, 0);
      })();
      const response = await fetch(`${cluster.baseUrl}/imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: readFileSync(file),
      });
      const outcome = (await response.json()) as Record<string, unknown>;
      await crash;
      await inStep({});
      done.abort();
      await reader;
      expect(response.status).toBe(200);
      expect(ingestCounts(outcome)).toEqual(cli.ingest);
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(await summary()).toEqual({ status: 200, data: cli.data });
    });

    it('gives the same figures from each replica of every city alone', async () => {
      // A gateway keeps a city's summary by version, the same on every replica: the rows each
      // replica holds are asked of it directly too.
      const held = async (): Promise<unknown> =>
        ((await getJson(`${cluster.baseUrl}/cities`)).body as unknown as CityRows[]).map(
          ({ city, transactions }) => [city, transactions],
        );
      const all = await held();
      const alone: unknown[] = [];
      for (const stopped of [1, 0]) {
        for (const city of E2E_CITIES) await cluster.killWorker(city, stopped);
        await inStep(Object.fromEntries(E2E_CITIES.map((city) => [city, 1])));
        alone.push({ ...(await summary()), held: await held() });
        for (const city of E2E_CITIES) cluster.startWorker(city, {}, undefined, stopped);
        await inStep({});
      }
      expect(alone).toEqual([
        { status: 200, data: cli.data, held: all },
        { status: 200, data: cli.data, held: all },
      ]);
    });

    it('brings a fresh third replica of Lyon up to the same figures, alone', async () => {
      const lyon = JSON.parse(runCli('report', [file, '--json', '--city', 'Lyon']).stdout) as {
        data: unknown;
      };
      cluster.startWorker('Lyon', {}, undefined, 2);
      await inStep({ Lyon: 3 });
      await cluster.killWorker('Lyon', 0);
      await cluster.killWorker('Lyon', 1);
      await inStep({ Lyon: 1 });
      expect(await summary('?city=Lyon')).toEqual({ status: 200, data: lyon.data });
    });
  });
}
