import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './compose.js';

const run = promisify(execFile);

/** podman as this machine needs it (runc, ulimits): the file `.ci/run` and the test both use. */
export const CONTAINERS_CONF = join(REPO, 'test', 'compose', 'podman', 'containers.conf');

/** Why the compose file cannot be run here, or undefined when it can. */
export function composeUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'podman runs containers as root here, and this is not root';
  for (const tool of ['podman', 'docker-compose', 'debootstrap', 'runc']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      return `${tool} is not installed (apt-get install --no-install-recommends podman docker-compose debootstrap runc catatonit golang-github-containernetworking-plugin-dnsname)`;
    }
  }
  return undefined;
}

/**
 * docker-compose 1.29 driving podman through its Docker-compatible socket, for one project: its
 * own name, ports and secrets, so that it touches nothing else on the machine.
 */
export class ComposeProject {
  private service: ChildProcess | undefined;
  private checker: ReturnType<typeof setInterval> | undefined;
  private readonly lastCheck = new Map<string, number>();
  private checking = false;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    const socket = join(mkdtempSync(join(tmpdir(), 'podman-')), 'podman.sock');
    this.env = {
      ...process.env,
      ...env,
      CONTAINERS_CONF,
      DOCKER_HOST: `unix://${socket}`,
      COMPOSE_PROJECT_NAME: name,
    };
  }

  /** The Docker API on a socket of its own, and health checks run as Docker's daemon would. */
  async start(): Promise<void> {
    const socket = (this.env.DOCKER_HOST ?? '').replace('unix://', '');
    this.service = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], {
      env: this.env,
      stdio: 'ignore',
    });
    for (let tries = 0; tries < 50; tries += 1) {
      if (
        (await this.podman('info', '--format', '{{.Host.OCIRuntime.Name}}').catch(() => '')) !== ''
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // No systemd here: podman runs no HEALTHCHECK by itself. Every 10 s as the files say, and
    // every 2 s while a container is still starting (depends_on waits for `healthy`); one pass
    // at a time, or the checks themselves would load the machine.
    this.checker = setInterval(() => {
      if (this.checking) return;
      this.checking = true;
      void this.runHealthChecks().finally(() => {
        this.checking = false;
      });
    }, 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.checker);
    await this.compose('down', '-v', '--remove-orphans').catch(() => undefined);
    this.service?.kill();
  }

  async compose(...args: string[]): Promise<string> {
    const { stdout, stderr } = await run('docker-compose', args, {
      cwd: REPO,
      env: this.env,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    return `${stdout}${stderr}`;
  }

  async podman(...args: string[]): Promise<string> {
    const { stdout } = await run('podman', args, { env: this.env, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  }

  /** Each container of the project: name, state and health. */
  async containers(): Promise<{ name: string; running: boolean; health: string }[]> {
    const text = await this.podman(
      'ps',
      '-a',
      '--filter',
      `label=com.docker.compose.project=${this.name}`,
      '--format',
      '{{.Names}}\t{{.Status}}',
    );
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name = '', status = ''] = line.split('\t');
        const health = /\((healthy|unhealthy|starting)\)/.exec(status)?.[1] ?? 'none';
        return { name, running: status.startsWith('Up'), health };
      });
  }

  private async runHealthChecks(): Promise<void> {
    const now = Date.now();
    for (const { name, running, health } of await this.containers().catch(() => [])) {
      const every = health === 'starting' ? 2000 : 10_000;
      const due = now - (this.lastCheck.get(name) ?? 0) >= every;
      if (!running || health === 'none' || !due) continue;
      this.lastCheck.set(name, now);
      await this.podman('healthcheck', 'run', name).catch(() => undefined);
    }
  }
}

/** Runs a command with its output shown, failing with its status; for the long image builds. */
export function runLoud(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: REPO, env, stdio: 'inherit', timeout: 900_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}`);
}
