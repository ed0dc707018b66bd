import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { cityPatterns, type CityInfo } from '#contracts';
import { StartupRefusal, natsConnection } from '#platform';
import type { WorkerConfig } from './worker-config.js';

/** How long a starting worker listens for another worker of its city. */
const PROBE_MS = 1500;

/**
 * Over NATS two workers of one city would both take every batch and count it twice, so a worker
 * whose city already answers refuses to start. (Over TCP the second one cannot bind the port.)
 * Two workers started in the same instant can both pass; the heartbeats then show two instances
 * and the gateway logs it.
 */
export async function ensureSoleInstance(config: WorkerConfig): Promise<void> {
  if (config.transport !== 'nats') return;
  const client = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: natsConnection(config.natsUrl, `probe-${config.city}`, config.natsCredentials),
  });
  try {
    const info = await firstValueFrom(
      client.send<CityInfo>(cityPatterns(config.city).info, {}).pipe(timeout(PROBE_MS)),
    ).catch(() => undefined);
    if (info !== undefined) {
      throw new StartupRefusal(
        `${config.city} is already served by another worker (${info.transactions} transactions); ` +
          'a second worker of the same city would count every row twice, so this one does not start',
      );
    }
  } finally {
    await client.close();
  }
}
