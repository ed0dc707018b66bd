import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { getJson, startCluster } from '../support/cluster.js';
import { post } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';
import { runCli } from '../support/run-cli.js';

jest.setTimeout(60_000);

const binary = natsServerOrSkip('batch order over NATS');

if (binary !== undefined) {
  describe('batch order over NATS, on the first import after the gateway starts', () => {
    let nats: NatsServer;
    let cluster: ClusterProcesses;

    beforeAll(async () => {
      nats = await startNatsServer(binary);
      // One record per batch, many in flight: any overtaking shows.
      cluster = await startCluster('nats', nats.url, {
        IMPORT_BATCH_ROWS: '1',
        IMPORT_MAX_IN_FLIGHT: '32',
      });
    });

    afterAll(async () => {
      await cluster.stop();
      await nats.stop();
    });

    it('applies each id as it first comes in the file, as the one-process report does', async () => {
      // Every id twice, the second with another price: the first must win, the second conflicts.
      const rows = Array.from({ length: 300 }, (_, index) => {
        const id = `O${index}`;
        return [
          `${id},2024-01-05,Lyon,vente,BMW_X1,${10_000 + index},NULL,`,
          `${id},2024-01-05,Lyon,vente,BMW_X1,${90_000 + index},NULL,`,
        ];
      }).flat();
      const file = join(mkdtempSync(join(tmpdir(), 'order-')), 'order.csv');
      writeFileSync(file, [TRANSACTION_CSV_HEADER, ...rows].join('\n'));
      const answer = await post(
        `${cluster.baseUrl}/imports`,
        [TRANSACTION_CSV_HEADER, ...rows].join('\n'),
      );
      expect(answer.body).toMatchObject({ accepted: 300, conflicts: 300 });
      const cli = JSON.parse(runCli('report', [file, '--json']).stdout) as { data: unknown };
      expect((await getJson(`${cluster.baseUrl}/reports/summary?city=Lyon`)).body.data).toEqual(
        cli.data,
      );
    });
  });
}
