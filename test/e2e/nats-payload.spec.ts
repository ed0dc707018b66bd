import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import {
  freePortRange,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';
import { E2E_CITIES, getJson, startCluster } from '../support/cluster.js';
import { post } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';
import { runCli } from '../support/run-cli.js';

jest.setTimeout(90_000);

const SPEC = 'a NATS server whose max_payload is under IMPORT_BATCH_BYTES';
const binary = natsServerOrSkip(SPEC);
const MAX_PAYLOAD = 64 * 1024;
const ROWS = 12_000;
const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

if (binary !== undefined) {
  describe(SPEC, () => {
    let nats: NatsServer;
    let cluster: ClusterProcesses;

    const directory = mkdtempSync(join(tmpdir(), 'nats-payload-'));
    const files: string[] = [];
    let metricsBasePort: number;

    /** Imports `rows` and keeps them in a file, for the one-process report of everything. */
    async function importRows(rows: readonly string[]): Promise<Record<string, unknown>> {
      const csv = [HEADER, ...rows].join('\n');
      files.push(csv);
      return (await post(`${cluster.baseUrl}/imports`, csv)).body;
    }

    beforeAll(async () => {
      const config = join(directory, 'nats.conf');
      writeFileSync(config, `max_payload: ${MAX_PAYLOAD}\n`);
      nats = await startNatsServer(binary, undefined, { file: config, env: {} });
      metricsBasePort = await freePortRange(E2E_CITIES.length);
      // IMPORT_BATCH_BYTES keeps its default, 512 KiB: eight times what this server carries.
      cluster = await startCluster('nats', nats.url, {}, undefined, { metricsBasePort });
    });

    afterAll(async () => {
      await cluster.stop();
      await nats.stop();
    });

    it('cuts batches to what the server announces: an import of ~800 KB is stored whole', async () => {
      const rows = Array.from({ length: ROWS }, (_, index) => {
        const city = E2E_CITIES[index % E2E_CITIES.length]!;
        const day = String((index % 28) + 1).padStart(2, '0');
        return `MP${index},2025-02-${day},${city},location,Mercedes_Classe_C,${700 + (index % 50)},24`;
      });
      expect(Buffer.byteLength(rows.join('\n'))).toBeGreaterThan(8 * MAX_PAYLOAD);
      const answer = await importRows(rows);
      expect([answer.accepted, answer.rejected]).toEqual([ROWS, 0]);
      const { body } = await getJson(`${cluster.baseUrl}/reports/comparison`);
      expect((body.data as { total: { transactions: number } }).total.transactions).toBe(ROWS);
    });

    it("sends a city's summary over the limit in parts: every section equals the one-process report", async () => {
      // 120 models over 24 months: a summary of some 150 KB, where this server carries 64 KiB.
      const rows = Array.from({ length: 120 * 24 }, (_, index) => {
        const model = `Modele_${String(index % 120).padStart(3, '0')}`;
        const month = String((Math.floor(index / 120) % 12) + 1).padStart(2, '0');
        const year = 2023 + Math.floor(index / 1440);
        return index % 2 === 0
          ? `MM${index},${year}-${month}-10,Lyon,vente,${model},${30_000 + index},NULL`
          : `MM${index},${year}-${month}-11,Lyon,location,${model},${500 + (index % 300)},12`;
      });
      expect((await importRows(rows)).accepted).toBe(rows.length);
      const { status, body } = await getJson(`${cluster.baseUrl}/reports/summary?city=Lyon`);
      expect(status).toBe(200);
      const file = join(directory, 'everything.csv');
      writeFileSync(file, [HEADER, ...files.flatMap((csv) => csv.split('\n').slice(1))].join('\n'));
      const cli = JSON.parse(runCli('report', [file, '--json', '--city', 'Lyon']).stdout) as {
        data: unknown;
      };
      expect(body.data).toEqual(cli.data);
      // Lyon's worker refused the whole summary once, then answered its parts.
      const samples = await scrape(
        `http://127.0.0.1:${metricsBasePort + E2E_CITIES.indexOf('Lyon')}/metrics`,
      );
      const count = (outcome: string): number | undefined =>
        sampleValue(samples, 'autoconnect_worker_message_duration_seconds_count', {
          pattern: 'summarize',
          outcome,
        });
      expect(count('error')).toBeGreaterThanOrEqual(1);
      expect(count('ok')).toBeGreaterThanOrEqual(4);
    });
  });
}
