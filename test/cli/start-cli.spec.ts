import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  freePort,
  freePortRange,
  natsServerBinary,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';
import { getJson } from '../support/cluster.js';
import { eventually } from '../support/http.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';

jest.setTimeout(90_000);

const START = fileURLToPath(new URL('../../dist/apps/cli/src/start.js', import.meta.url));
const CITIES = ['Lyon', 'Paris', 'Marseille'];
/** Valid rows with distinct ids: each city holds its count of them. */
const SEED_ROWS = { Lyon: 3, Paris: 2, Marseille: 1 } as const;
/** A process's line under `npm start`: its name, a local ISO date, the level, the message. */
const PROCESS_LINE =
  /^\[(gateway|worker [A-Za-z]+)\] \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|ERROR): \S/;

interface Launched {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly metricsBasePort: number;
  /** Everything it printed so far. */
  readonly output: () => string;
}

/**
 * `npm start` (its built launcher) on free ports and a seed file of SEED_ROWS, once it is up;
 * `env` adds to its environment.
 */
async function launch(env: Readonly<Record<string, string>> = {}): Promise<Launched> {
  const directory = mkdtempSync(join(tmpdir(), 'start-'));
  const seed = join(directory, 'seed.csv');
  writeFileSync(
    seed,
    [
      'transaction_id,date,ville,type,modele,prix,duree_location_mois',
      ...Object.entries(SEED_ROWS).flatMap(([city, count]) =>
        Array.from(
          { length: count },
          (_, index) => `${city}${index},2025-01-1${index},${city},vente,BMW_X3,52000,NULL`,
        ),
      ),
    ].join('\n'),
  );
  const port = await freePort();
  const metricsBasePort = await freePortRange(CITIES.length);
  const child = spawn(process.execPath, [START], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      WORKER_BASE_PORT: String(await freePortRange(CITIES.length)),
      METRICS_BASE_PORT: String(metricsBasePort),
      CITIES: CITIES.join(','),
      SEED_FILE: seed,
      DATA_DIR: join(directory, 'shards'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const launched = {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    metricsBasePort,
    output: () => output,
  };
  running.push(launched);
  const deadline = Date.now() + 60_000;
  while (!output.includes('Ctrl-C stops every process') && child.exitCode === null) {
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return launched;
}

const running: Launched[] = [];

/** The process id of the launcher's child whose environment says CITY=`city`. */
function workerPid(launcher: ChildProcess, city: string): number | undefined {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      if (Number(parent) !== launcher.pid) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`CITY=${city}`)) {
        return Number(entry);
      }
    } catch {
      // A process that ended while it was read.
    }
  }
  return undefined;
}

describe('npm start', () => {
  afterEach(async () => {
    for (const { child } of running.splice(0)) {
      if (child.exitCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    }
  });

  it("prints a short readable start, no route table, and serves each worker's metrics on METRICS_BASE_PORT + i", async () => {
    const { metricsBasePort, output } = await launch();
    for (const [index, city] of CITIES.entries()) {
      const held = SEED_ROWS[city as keyof typeof SEED_ROWS];
      const samples = await scrape(`http://127.0.0.1:${metricsBasePort + index}/metrics`);
      expect([city, sampleValue(samples, 'autoconnect_rows_held', { city })]).toEqual([city, held]);
    }
    const lines = output()
      .split('\n')
      .filter((line) => line.startsWith('['));
    expect(output()).not.toMatch(
      /Mapped \{|RoutesResolver|dependencies initialized|Nest application/,
    );
    expect(lines.filter((line) => !PROCESS_LINE.test(line))).toEqual([]);
    expect(lines.length).toBeLessThan(30);
  });

  it('restarts a worker killed with kill -9, with its rows, and stops nothing else', async () => {
    const { child, baseUrl, output } = await launch();
    const marseille = workerPid(child, 'Marseille');
    const lyon = workerPid(child, 'Lyon');
    expect([marseille, lyon]).not.toContain(undefined);
    process.kill(marseille!, 'SIGKILL');
    await eventually(() =>
      Promise.resolve(
        output().includes(
          'worker Marseille exited unexpectedly (signal SIGKILL): restarting it in 0.5 s',
        ),
      ),
    );
    const started = performance.now();
    await eventually(async () => {
      const { body } = await getJson(`${baseUrl}/cities`);
      const cities = body as unknown as { city: string; status: string; transactions: number }[];
      return cities.some(
        ({ city, status, transactions }) =>
          city === 'Marseille' && status === 'up' && transactions === SEED_ROWS.Marseille,
      );
    }, 15_000);
    process.stderr.write(
      `Marseille answered again ${(performance.now() - started).toFixed(0)} ms after its restart was announced\n`,
    );
    expect(workerPid(child, 'Marseille')).not.toBe(marseille);
    expect(workerPid(child, 'Lyon')).toBe(lyon);
    expect(child.exitCode).toBeNull();
    expect((await getJson(`${baseUrl}/health`)).status).toBe(200);
  });

  describe('over NATS with JetStream and REPLICAS_PER_CITY=2', () => {
    let nats: NatsServer | undefined;

    afterEach(async () => {
      await nats?.stop();
    });

    it('restarts a replica killed with kill -9 while the other one answers every read', async () => {
      const binary = natsServerBinary();
      expect(binary).toBeDefined();
      nats = await startNatsServer(
        binary!,
        undefined,
        undefined,
        mkdtempSync(join(tmpdir(), 'js-')),
      );
      const { child, baseUrl, output } = await launch({
        TRANSPORT: 'nats',
        NATS_URL: nats.url,
        REPLICAS_PER_CITY: '2',
      });
      const replicasOf = async (): Promise<number[] | undefined> => {
        const { body } = await getJson(`${baseUrl}/cities`);
        const cities = body as unknown as {
          city: string;
          transactions: number;
          replicas: { appliedVersion: number }[];
        }[];
        const marseille = cities.find(({ city }) => city === 'Marseille');
        return marseille?.transactions === SEED_ROWS.Marseille
          ? marseille.replicas.map(({ appliedVersion }) => appliedVersion)
          : undefined;
      };
      await eventually(async () => (await replicasOf())?.length === 2);
      const statuses: number[] = [];
      const done = new AbortController();
      const reading = (async (): Promise<void> => {
        while (!done.signal.aborted) {
          statuses.push((await getJson(`${baseUrl}/reports/monthly?city=Marseille`)).status);
        }
      })();
      const readsAfter = async (count: number): Promise<void> => {
        const target = statuses.length + count;
        await eventually(() => Promise.resolve(statuses.length >= target), 15_000);
      };
      await readsAfter(3);
      process.kill(workerPid(child, 'Marseille')!, 'SIGKILL');
      await eventually(() =>
        Promise.resolve(
          /worker Marseille( #2)? exited unexpectedly \(signal SIGKILL\): restarting it in 0\.5 s/.test(
            output(),
          ),
        ),
      );
      await eventually(async () => {
        const versions = await replicasOf();
        return versions?.length === 2 && versions[0] === versions[1];
      }, 15_000);
      // Reads go on with both replicas back: the restarted one answers too.
      await readsAfter(5);
      done.abort();
      await reading;
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(output()).toContain('over nats, 2 replicas per city');
      expect(child.exitCode).toBeNull();
    });
  });
});
