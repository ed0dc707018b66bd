import { afterAll, beforeAll, describe, jest } from '@jest/globals';
import { clusterScenarios } from '../support/cluster-scenarios.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { natsServerOrSkip } from '../support/nats.js';

jest.setTimeout(60_000);

const binary = natsServerOrSkip('cluster over NATS');

if (binary !== undefined) {
  describe('cluster over NATS (private nats-server, gateway + 3 city workers as processes)', () => {
    let nats: NatsServer;
    beforeAll(async () => {
      nats = await startNatsServer(binary);
    });
    afterAll(async () => {
      await nats.stop();
    });
    clusterScenarios('nats', () => nats.url);
  });
}
