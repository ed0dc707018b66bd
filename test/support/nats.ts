import { describe, it } from '@jest/globals';
import { natsServerBinary } from '../../apps/cli/src/start/local-services.js';

/**
 * The nats-server binary; when it is not installed, registers `spec` as skipped and says so
 * loudly (`.ci/run` installs it, so CI never skips).
 */
export function natsServerOrSkip(spec: string): string | undefined {
  const binary = natsServerBinary();
  if (binary === undefined) {
    describe(spec, () => {
      it.skip('SKIPPED: nats-server is not installed (apt-get install nats-server)', () =>
        undefined);
    });
    process.stderr.write(`\n*** ${spec}: SKIPPED, nats-server is not installed ***\n\n`);
  }
  return binary;
}
