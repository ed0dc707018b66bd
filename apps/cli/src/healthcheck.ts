import { randomUUID } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { connect as connectNats } from '@nats-io/transport-node';
import { cityPatterns } from '#contracts';

const TIMEOUT_MS = 3000;

/**
 * The containers' HEALTHCHECK, run every 10 s in each: it loads no NestJS (a check that booted
 * one cost ~0.6 s of CPU, a third of a core for six containers). The gateway must answer HTTP on
 * its port (a public route: sign-in may be on); a NATS worker must answer its own info request,
 * sent as Nest's NATS transport frames it; a TCP worker must accept a connection on its port.
 * Exit 0 when healthy, 1 otherwise.
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
  if (env.TRANSPORT === 'nats') {
    await askInfoOverNats(city, env);
    return;
  }
  await acceptsTcp(Number(env.WORKER_PORT ?? '4001'));
}

async function askInfoOverNats(city: string, env: NodeJS.ProcessEnv): Promise<void> {
  const user = env.NATS_USER ?? '';
  const nc = await connectNats({
    servers: (env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','),
    name: `healthcheck-${city}`,
    timeout: TIMEOUT_MS,
    ...(user === '' ? {} : { user, pass: env.NATS_PASSWORD ?? '' }),
  });
  try {
    const pattern = cityPatterns(city).info;
    const reply = await nc.request(
      pattern,
      JSON.stringify({ pattern, data: {}, id: randomUUID() }),
      {
        timeout: TIMEOUT_MS,
      },
    );
    const answer = reply.json<{ err?: unknown }>();
    if (answer.err !== undefined && answer.err !== null) {
      throw new Error(`the worker answered an error: ${JSON.stringify(answer.err)}`);
    }
  } finally {
    await nc.close();
  }
}

function acceptsTcp(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: '127.0.0.1', port, timeout: TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`no answer on port ${port}`));
    });
    socket.once('error', reject);
  });
}

try {
  await check(process.env);
  process.exit(0);
} catch (error) {
  process.stderr.write(`unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
