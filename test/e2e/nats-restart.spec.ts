import { afterAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { getJson, startCluster } from '../support/cluster.js';
import { eventually } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';

jest.setTimeout(90_000);

const binary = natsServerOrSkip('NATS restart');

if (binary !== undefined) {
  describe('NATS restart (a private nats-server, never the shared one)', () => {
    let nats: NatsServer | undefined;
    let cluster: ClusterProcesses | undefined;

    afterAll(async () => {
      await cluster?.stop();
      await nats?.stop();
    });

    it('serves reports again after the broker restarts, with nothing restarted but the broker', async () => {
      nats = await startNatsServer(binary);
      const port = Number(new URL(nats.url).port);
      cluster = await startCluster('nats', nats.url);
      const url = `${cluster.baseUrl}/reports/comparison`;
      expect((await getJson(url)).status).toBe(200);
      await nats.stop();
      expect((await getJson(url)).status).toBe(503);
      nats = await startNatsServer(binary, port);
      await eventually(async () => (await getJson(url)).status === 200, 20_000);
      expect((await getJson(`${cluster.baseUrl}/health`)).status).toBe(200);
    });
  });
}
