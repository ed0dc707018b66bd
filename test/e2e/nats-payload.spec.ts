import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { E2E_CITIES, getJson, startCluster } from '../support/cluster.js';
import { post } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';

jest.setTimeout(90_000);

const SPEC = 'a NATS server whose max_payload is under IMPORT_BATCH_BYTES';
const binary = natsServerOrSkip(SPEC);
const MAX_PAYLOAD = 64 * 1024;
const ROWS = 12_000;

if (binary !== undefined) {
  describe(SPEC, () => {
    let nats: NatsServer;
    let cluster: ClusterProcesses;

    beforeAll(async () => {
      const config = join(mkdtempSync(join(tmpdir(), 'nats-payload-')), 'nats.conf');
      writeFileSync(config, `max_payload: ${MAX_PAYLOAD}\n`);
      nats = await startNatsServer(binary, undefined, { file: config, env: {} });
      // IMPORT_BATCH_BYTES keeps its default, 512 KiB: eight times what this server carries.
      cluster = await startCluster('nats', nats.url);
    });

    afterAll(async () => {
      await cluster.stop();
      await nats.stop();
    });

    it('cuts batches to what the server announces: an import of ~800 KB is stored whole', async () => {
      const csv = [
        'transaction_id,date,ville,type,modele,prix,duree_location_mois',
        ...Array.from({ length: ROWS }, (_, index) => {
          const city = E2E_CITIES[index % E2E_CITIES.length]!;
          const day = String((index % 28) + 1).padStart(2, '0');
          return `MP${index},2025-02-${day},${city},location,Mercedes_Classe_C,${700 + (index % 50)},24`;
        }),
      ].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(8 * MAX_PAYLOAD);
      const answer = await post(`${cluster.baseUrl}/imports`, csv);
      expect([answer.status, answer.body.accepted, answer.body.rejected]).toEqual([200, ROWS, 0]);
      const { body } = await getJson(`${cluster.baseUrl}/reports/comparison`);
      expect((body.data as { total: { transactions: number } }).total.transactions).toBe(ROWS);
    });
  });
}
