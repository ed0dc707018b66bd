import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  init?: boolean;
  healthcheck?: { test: string[] };
  profiles?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

/** docker-compose.yml with its anchors and merge keys resolved, as Compose reads it. */
export function loadCompose(): ComposeFile {
  return parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as ComposeFile;
}

export interface LocalMapping {
  /** Where `nats://nats:4222` points here. */
  readonly natsUrl: string;
  /** The host port that stands for the service's published port. */
  readonly port?: number;
  /** Where each named volume lives here. */
  readonly volumeDir: (volume: string) => string;
}

/**
 * The environment Compose gives a service, with what only exists inside Compose mapped to this
 * machine: service host names to 127.0.0.1 (NATS to the local server), named volumes and bind
 * mounts to local directories, the published port to a free one.
 */
export function localEnvironment(
  service: ComposeService,
  mapping: LocalMapping,
): Record<string, string> {
  const mounts = (service.volumes ?? []).map((volume) => {
    const [source = '', target = ''] = interpolate(volume).split(':');
    const local =
      source.startsWith('.') || isAbsolute(source)
        ? resolve(REPO, source)
        : mapping.volumeDir(source);
    return { target, local };
  });
  const env: Record<string, string> = {};
  for (const [name, raw] of Object.entries(service.environment ?? {})) {
    let value = interpolate(String(raw)).replace('nats://nats:4222', mapping.natsUrl);
    const mount = mounts.find(({ target }) => value === target || value.startsWith(`${target}/`));
    if (mount !== undefined) value = mount.local + value.slice(mount.target.length);
    env[name] = value;
  }
  if (mapping.port !== undefined && 'PORT' in env) env.PORT = String(mapping.port);
  // Each container has its own network namespace; processes sharing this one would collide.
  if ('METRICS_PORT' in env) env.METRICS_PORT = '0';
  return env;
}

/** `${NAME:-default}` as Compose reads it: the variable when set here, its default otherwise. */
export function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z][A-Z0-9_]*):-([^}]*)\}/g,
    (_, name: string, fallback: string) => process.env[name] ?? fallback,
  );
}

/** Runs a service's command from dist/ with its local environment, as its own process. */
export function startService(service: ComposeService, env: Record<string, string>): ChildProcess {
  const [script = '', ...args] = service.command ?? [];
  const child = spawn(process.execPath, [join(REPO, script), ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: 'ignore',
  });
  return child;
}

export async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
