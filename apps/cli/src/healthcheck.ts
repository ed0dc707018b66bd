import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { cityPatterns } from '#contracts';
import { natsConnection, natsCredentialsOf, tcpLinkOptions } from '#platform';

const TIMEOUT_MS = 3000;

/**
 * The containers' HEALTHCHECK: a worker (CITY set) must answer its own info request, over its
 * transport; the gateway must answer HTTP on its port (a public route: sign-in may be on). Exit 0 when healthy, 1 otherwise.
 */
async function check(env: NodeJS.ProcessEnv): Promise<void> {
  const city = env.CITY;
  if (city === undefined || city === '') {
    const response = await fetch(`http://127.0.0.1:${env.PORT ?? '3000'}/health/event-loop`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`gateway answered ${response.status}`);
    return;
  }
  const client: ClientProxy =
    env.TRANSPORT === 'nats'
      ? ClientProxyFactory.create({
          transport: Transport.NATS,
          options: natsConnection(
            env.NATS_URL ?? 'nats://127.0.0.1:4222',
            `healthcheck-${city}`,
            natsCredentialsOf(env.NATS_USER ?? '', env.NATS_PASSWORD ?? ''),
          ),
        })
      : ClientProxyFactory.create({
          transport: Transport.TCP,
          options: tcpLinkOptions('127.0.0.1', Number(env.WORKER_PORT ?? '4001')),
        });
  try {
    await firstValueFrom(client.send(cityPatterns(city).info, {}).pipe(timeout(TIMEOUT_MS)));
  } finally {
    await client.close();
  }
}

try {
  await check(process.env);
  process.exit(0);
} catch (error) {
  process.stderr.write(`unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
