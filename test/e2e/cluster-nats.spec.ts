import { afterAll, beforeAll, describe, it, jest } from '@jest/globals';
import { clusterScenarios } from '../support/cluster-scenarios.js';
import {
  natsServerBinary,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';

jest.setTimeout(60_000);

const binary = natsServerBinary();

if (binary === undefined) {
  describe('cluster over NATS', () => {
    it.skip('SKIPPED: nats-server is not installed (apt-get install nats-server; .ci/run does)', () =>
      undefined);
  });
  process.stderr.write('\n*** cluster-nats.spec.ts SKIPPED: nats-server is not installed ***\n\n');
} else {
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
