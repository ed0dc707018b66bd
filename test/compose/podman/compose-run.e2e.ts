import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { freePort } from '../../../apps/cli/src/start/local-services.js';
import { SAMPLE } from '../../support/dashboard.js';
import { eventually } from '../../support/http.js';
import {
  CONTAINERS_CONF,
  ComposeProject,
  composeUnavailable,
  runLoud,
} from '../../support/podman.js';
import { runCli } from '../../support/run-cli.js';
import { testUsersFile } from '../../support/users.js';

// Images are built once (base images cached for good, the project's by layer); each step then
// waits for real containers.
jest.setTimeout(1_200_000);

const unavailable = composeUnavailable();
const API_KEY = 'compose-run-admin-key';
const AUTH = { 'x-api-key': API_KEY };
const DEFAULT_SERVICES = ['gateway', 'nats', 'worker-lyon', 'worker-marseille', 'worker-paris'];

interface CityStatus {
  city: string;
  status: string;
  transactions: number | null;
}

/** Seconds since `started`, to one decimal: the README quotes them. */
function since(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

if (unavailable !== undefined) {
  describe('docker-compose.yml run for real (podman)', () => {
    it.skip(`SKIPPED: ${unavailable}`, () => undefined);
  });
  process.stderr.write(`\n*** compose run: SKIPPED, ${unavailable} ***\n\n`);
} else {
  describe('docker-compose.yml run for real (podman, docker-compose 1.29)', () => {
    let project: ComposeProject;
    let base: string;
    const timings: string[] = [];

    const cities = async (): Promise<CityStatus[]> =>
      (await (await fetch(`${base}/cities`, { headers: AUTH })).json()) as CityStatus[];
    const companyTransactions = async (): Promise<number | undefined> => {
      const response = await fetch(`${base}/reports/comparison`, { headers: AUTH }).catch(
        () => undefined,
      );
      if (response?.status !== 200) return undefined;
      return ((await response.json()) as { data: { total: { transactions: number } } }).data.total
        .transactions;
    };
    const allHealthy = async (count: number): Promise<boolean> => {
      const containers = await project.containers();
      return containers.length === count && containers.every(({ health }) => health === 'healthy');
    };

    beforeAll(async () => {
      let started = performance.now();
      runLoud('bash', ['test/compose/podman/base-images.sh'], {
        ...process.env,
        CONTAINERS_CONF: CONTAINERS_CONF,
      });
      timings.push(`base images ${since(started)} s`);
      started = performance.now();
      runLoud(
        'podman',
        [
          'build',
          '--format',
          'docker',
          '--network=host',
          '--pull=never',
          '--quiet',
          '-t',
          'localhost/autoconnect-analytics:latest',
          '.',
        ],
        {
          ...process.env,
          CONTAINERS_CONF: CONTAINERS_CONF,
        },
      );
      timings.push(`project image ${since(started)} s`);
      const gatewayPort = await freePort();
      base = `http://127.0.0.1:${gatewayPort}`;
      project = new ComposeProject(`acrun${process.pid}`, {
        USERS_FILE_PATH: await testUsersFile(),
        API_KEY,
        GATEWAY_PORT: String(gatewayPort),
        NATS_PORT: String(await freePort()),
        NATS_MONITOR_PORT: String(await freePort()),
      });
      await project.start();
    });

    afterAll(async () => {
      await project.stop();
      process.stderr.write(`compose run timings: ${timings.join('; ')}\n`);
    });

    it("starts the default profile's 5 containers (the brief's 3–6), all healthy, and seeds the sample", async () => {
      const started = performance.now();
      await project.compose('up', '-d');
      await eventually(() => allHealthy(DEFAULT_SERVICES.length), 120_000);
      timings.push(`up -d to all healthy ${since(started)} s`);
      const names = (await project.containers()).map(({ name }) =>
        name.replace(/^acrun\d+_|_1$/g, ''),
      );
      expect(names.sort()).toEqual(DEFAULT_SERVICES);
      // Only the named volumes of the file: the image declares none (the gateway used to get an
      // anonymous one per container, left behind by each `down`).
      const volumes = (await project.podman('volume', 'ls', '--format', '{{.Name}}')).split('\n');
      expect(volumes.filter((name) => /^[0-9a-f]{64}$/.test(name))).toEqual([]);
      await eventually(async () => (await companyTransactions()) === 50_000, 60_000);
      timings.push(`up -d to the sample seeded ${since(started)} s`);
    });

    it("asks for sign-in, and answers Lyon's monthly report as a one-process report of the sample", async () => {
      expect((await fetch(`${base}/cities`)).status).toBe(401);
      const query = { city: 'Lyon', from: '2023-01', to: '2025-12' };
      const cli = JSON.parse(
        runCli('report', [
          SAMPLE,
          '--json',
          ...Object.entries(query).flatMap(([k, v]) => [`--${k}`, v]),
        ]).stdout,
      ) as { data: { monthly: unknown } };
      const answer = await fetch(
        `${base}/reports/monthly?${new URLSearchParams(query).toString()}`,
        {
          headers: AUTH,
        },
      );
      expect(((await answer.json()) as { data: unknown }).data).toEqual(cli.data.monthly);
    });

    it('publishes NATS on this host only, and says at start which cities it serves and how', async () => {
      const ports = await project.podman('port', `${project.name}_nats_1`);
      expect(ports.split('\n').every((line) => line.includes('-> 127.0.0.1:'))).toBe(true);
      const logs = await project.podman('logs', `${project.name}_gateway_1`);
      expect(logs).toContain('the cities the workers announce over nats');
      expect(logs).toContain('sign-in: /etc/autoconnect/users.yml');
    });

    it('adds Toulouse with the expansion profile, with no gateway change', async () => {
      const started = performance.now();
      await project.compose('--profile', 'expansion', 'up', '-d', 'worker-toulouse');
      await eventually(
        async () =>
          (await cities()).some(({ city, status }) => city === 'Toulouse' && status === 'up'),
        60_000,
      );
      timings.push(`Toulouse listed up ${since(started)} s after up -d`);
    });

    it('restarts a worker whose process is killed (kill -9), with the same figures', async () => {
      const container = `${project.name}_worker-lyon_1`;
      const lyonBefore = (await cities()).find(({ city }) => city === 'Lyon')?.transactions;
      const init = await project.podman('inspect', '--format', '{{.State.Pid}}', container);
      // By its command line: Node 24 names its main thread, and so its `comm`, "MainThread".
      const node = (await project.podman('top', container, 'pid', 'args'))
        .split('\n')
        .find((line) => /^\s*\d+\s+node\s/.test(line));
      expect(node).toBeDefined();
      // `podman top` shows the container's own pids; the host's is the init's child.
      const hostPid = execFileSync('pgrep', ['-P', init], { encoding: 'utf8' })
        .trim()
        .split('\n')[0]!;
      const started = performance.now();
      process.kill(Number(hostPid), 'SIGKILL');
      await eventually(
        async () => (await cities()).find(({ city }) => city === 'Lyon')?.status === 'down',
        15_000,
      ).catch(() => undefined);
      await eventually(
        async () => (await cities()).find(({ city }) => city === 'Lyon')?.status === 'up',
        60_000,
      );
      timings.push(`Lyon back ${since(started)} s after kill -9 of its process`);
      expect((await cities()).find(({ city }) => city === 'Lyon')?.transactions).toBe(lyonBefore);
    });

    it('stops at once (init forwards SIGTERM), and keeps the data through down and up without seeding again', async () => {
      const stopping = performance.now();
      await project.compose('--profile', 'expansion', 'down');
      const downSeconds = (performance.now() - stopping) / 1000;
      timings.push(`down ${downSeconds.toFixed(1)} s`);
      // Under the 10 s after which a container that ignores SIGTERM is killed (67 s before init).
      expect(downSeconds).toBeLessThan(9);
      await project.compose('up', '-d');
      await eventually(() => allHealthy(DEFAULT_SERVICES.length), 120_000);
      await eventually(async () => (await companyTransactions()) === 50_000, 60_000);
      await eventually(
        async () =>
          (await project.podman('logs', `${project.name}_gateway_1`)).includes('not importing'),
        30_000,
      );
    });

    it('refuses a worker on a host folder it cannot write, saying to chown it to 1000:1000', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'root-owned-'));
      const refused = await project
        .podman(
          'run',
          '--rm',
          '-v',
          `${folder}:/data/shards`,
          '-e',
          'CITY=Lyon',
          'localhost/autoconnect-analytics:latest',
          'dist/apps/city-worker/src/main.js',
        )
        .then(
          () => '',
          (error: unknown) => String((error as { stderr?: string }).stderr ?? error),
        );
      expect(refused).toContain('chown 1000:1000');
      expect(refused).not.toContain('locked by another worker');
    });
  });
}
