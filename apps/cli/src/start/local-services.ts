import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Socket } from 'node:net';
import { pollUntil } from '#platform';

/** A TCP port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `count` consecutive free ports, for workers that listen on base + i. */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(
      Array.from({ length: count }, (_, index) => isFree(base + index)),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
    server.close();
    return true;
  } catch {
    return false;
  }
}

export async function waitForPort(
  port: number,
  timeoutMs = 10_000,
  host = '127.0.0.1',
): Promise<void> {
  const listening = await pollUntil(
    async () => {
      const socket = new Socket();
      try {
        socket.connect(port, host);
        await once(socket, 'connect');
        return true;
      } finally {
        socket.destroy();
      }
    },
    timeoutMs,
    100,
  );
  if (!listening) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

export interface NatsServer {
  readonly url: string;
  /** Its process id while it runs: for a bench reading its CPU time. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Where nats-server is, or undefined when it is not installed (`.ci/run` installs it). */
export function natsServerBinary(): string | undefined {
  for (const candidate of ['nats-server', '/usr/sbin/nats-server', '/usr/bin/nats-server']) {
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  return undefined;
}

/**
 * A private nats-server on a free port (or `port`), so tests never touch a shared broker;
 * `config` names a configuration file, read with `env` added to the environment; `jetStreamDir`
 * turns JetStream on, its files there.
 */
export async function startNatsServer(
  binary: string,
  port?: number,
  config?: { readonly file: string; readonly env: Readonly<Record<string, string>> },
  jetStreamDir?: string,
): Promise<NatsServer> {
  port ??= await freePort();
  const args = [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    ...(jetStreamDir === undefined ? [] : ['-js', '-sd', jetStreamDir]),
  ];
  const child: ChildProcess = spawn(binary, config ? ['-c', config.file, ...args] : args, {
    stdio: 'ignore',
    env: { ...process.env, ...config?.env },
  });
  await waitForPort(port);
  return {
    url: `nats://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
