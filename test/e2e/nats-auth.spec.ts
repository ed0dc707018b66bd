import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { getJson, startCluster } from '../support/cluster.js';
import { post } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';

jest.setTimeout(90_000);

const SPEC = "NATS with the compose file's authorization";
const binary = natsServerOrSkip(SPEC);
const CONFIG = fileURLToPath(new URL('../../deploy/nats/nats.conf', import.meta.url));
const PASSWORDS = { NATS_GATEWAY_PASSWORD: 'gw-secret-1', NATS_WORKER_PASSWORD: 'wk-secret-2' };
const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

if (binary !== undefined) {
  describe(SPEC, () => {
    let nats: NatsServer;
    let cluster: ClusterProcesses;
    const clients: NatsConnection[] = [];

    const lyonHolds = async (): Promise<number> => {
      const { body } = await getJson(`${cluster.baseUrl}/reports/comparison?city=Lyon`);
      return (body.data as { total: { transactions: number } }).total.transactions;
    };

    /** Sends `subject` as a client with `user`'s identity would: the answer, or why none came. */
    const ask = async (
      user: string,
      password: string,
      subject: string,
      body: object,
    ): Promise<string> => {
      const client = await connect({ servers: nats.url, user, pass: password, timeout: 3000 });
      clients.push(client);
      try {
        const answer = await client.request(
          subject,
          JSON.stringify({ pattern: subject, data: body, id: '1' }),
          {
            timeout: 2000,
          },
        );
        return `answered: ${answer.string()}`;
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    };

    beforeAll(async () => {
      nats = await startNatsServer(binary, undefined, { file: CONFIG, env: PASSWORDS });
      cluster = await startCluster('nats', nats.url, {}, undefined, {
        gatewayEnv: { NATS_USER: 'gateway', NATS_PASSWORD: PASSWORDS.NATS_GATEWAY_PASSWORD },
        workerEnv: { NATS_USER: 'worker', NATS_PASSWORD: PASSWORDS.NATS_WORKER_PASSWORD },
      });
    });

    afterAll(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await cluster.stop();
      await nats.stop();
    });

    it('runs the cluster with each process under its own identity: imports and reports as before', async () => {
      const answer = await post(
        `${cluster.baseUrl}/imports`,
        [
          HEADER,
          'AU1,2025-05-02,Lyon,vente,BMW_X3,52000,NULL',
          'AU2,2025-05-03,Paris,vente,BMW_X1,41000,NULL',
        ].join('\n'),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ accepted: 2 });
      expect(await lyonHolds()).toBe(1);
    });

    it('refuses a client with no identity, or a wrong password', async () => {
      await expect(connect({ servers: nats.url, timeout: 3000 })).rejects.toThrow(/Authorization/i);
      await expect(
        connect({ servers: nats.url, user: 'gateway', pass: 'guess', timeout: 3000 }),
      ).rejects.toThrow(/Authorization/i);
    });

    it("lets no worker identity write to a city: only the gateway's", async () => {
      const row = {
        columns: HEADER.split(','),
        lines: [2],
        csv: 'AU9,2025-05-04,Lyon,vente,BMW_X3,52000,NULL',
      };
      const correction = { transactionId: 'AU1' };
      for (const [subject, body] of [
        ['city.lyon.ingest', row],
        ['city.lyon.correct', correction],
      ] as const) {
        expect(await ask('worker', PASSWORDS.NATS_WORKER_PASSWORD, subject, body)).toMatch(
          /^refused: .*Permissions Violation/i,
        );
      }
      expect(await lyonHolds()).toBe(1);
      // The same message under the gateway's identity is taken: the refusal is the identity's.
      expect(
        await ask('gateway', PASSWORDS.NATS_GATEWAY_PASSWORD, 'city.lyon.ingest', row),
      ).toMatch(/^answered: .*"accepted":1/);
      expect(await lyonHolds()).toBe(2);
    });
  });
}
