import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { waitForPort } from '../../apps/cli/src/start/local-services.js';
import { REPO } from '../support/compose.js';
import { E2E_CITIES } from '../support/cluster.js';
import { generatedLines } from '../support/generated.js';
import { natsServerOrSkip } from '../support/nats.js';
import { NetworkLab, kill, networkNamespacesOrSkip, type LabProcess } from '../support/netns.js';
import { replicasInStep } from '../support/replicas.js';
import { runCli } from '../support/run-cli.js';
import { testUsersFile } from '../support/users.js';

jest.setTimeout(300_000);

const SPEC =
  'replicas across hosts: a 3-server JetStream cluster, two workers per city, two gateways';
const APPS = fileURLToPath(new URL('../../dist/apps/', import.meta.url));
const API_KEY = 'netns-test-key-0123456789abcdefghijklmnop';
const NATS_HOSTS = ['n1', 'n2', 'n3'];
const NATS_PASSWORDS = {
  NATS_GATEWAY_PASSWORD: 'netns-gateway-pw',
  NATS_WORKER_PASSWORD: 'netns-worker-pw',
};
const binary = natsServerOrSkip(SPEC);

/** A gateway's JSON answer, as far as the test reads it. */
interface Body {
  readonly data?: unknown;
  readonly code?: string;
}

interface Read {
  readonly status: number;
  readonly code?: string;
  readonly at?: string;
  readonly city?: string;
}

if (binary !== undefined && networkNamespacesOrSkip(SPEC)) {
  describe(SPEC, () => {
    const dir = mkdtempSync(join(tmpdir(), 'replicas-netns-'));
    const lab = NetworkLab.create([...NATS_HOSTS, 'w1', 'w2', 'w3', 'g1', 'g2']);
    const nats = new Map<string, LabProcess>();
    const workers = new Map<string, LabProcess>();
    const reads: Read[] = [];
    const rows = generatedLines(200_000, 22, true).filter((line) => !line.includes(',Toulouse,'));
    const [header] = rows;
    const files = new Map<string, string>();
    let usersFile: string;

    const natsUrl = (): string =>
      NATS_HOSTS.map((host) => `nats://${lab.address(host)}:4222`).join(',');
    const gatewayUrl = (host: string): string => `http://${lab.address(host)}:3000`;
    const headers = { 'x-api-key': API_KEY };

    /** Each city's rows in the file `name`, sorted by city (the generated rows are all valid). */
    const rowsByCity = (name: string): [string, number][] => {
      const counts = new Map<string, number>();
      for (const line of readFileSync(files.get(name)!, 'utf8').split('\n').slice(1)) {
        const city = line.split(',')[2];
        if (city !== undefined) counts.set(city, (counts.get(city) ?? 0) + 1);
      }
      return [...counts].sort(([a], [b]) => a.localeCompare(b));
    };

    /** Rows `from` to `to` (of the generated ones, header aside) as a CSV file. */
    const slice = (name: string, from: number, to: number): string => {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, [header, ...rows.slice(1 + from, 1 + to)].join('\n') + '\n');
      files.set(name, path);
      return path;
    };

    /**
     * The `ha` profile's NATS configuration as shipped, on this host's addresses. Debian's
     * nats-server 2.9.10 does not know `sync_interval` (2.10+) and refuses the file with it: the
     * line is dropped, so this test proves what survives a process or a host lost, not a power
     * cut (without it a server acknowledges before its fsync).
     */
    const startNats = async (host: string): Promise<void> => {
      const address = lab.address(host);
      const config = join(dir, `${host}.conf`);
      const shipped = readFileSync(join(REPO, 'deploy/nats/nats-cluster.conf'), 'utf8');
      expect(shipped).toMatch(/^\s*sync_interval: always\n/m);
      writeFileSync(
        config,
        shipped
          .replace(/^\s*sync_interval: always\n/m, '')
          .replace('store_dir: /data', `store_dir: "${join(dir, `${host}-jetstream`)}"`)
          .replace(
            /nats:\/\/nats-(\d):6222/g,
            (_, index: string) => `nats://${lab.address(`n${index}`)}:6222`,
          ) +
          // Pings every second: a client whose host is cut off is let go in ~3 s, not 4 minutes.
          '\nping_interval: "1s"\nping_max: 2\n',
      );
      nats.set(
        host,
        lab.start(host, binary, ['-c', config, '--server_name', host], NATS_PASSWORDS),
      );
      await waitForPort(4222, 10_000, address);
    };

    const startWorker = (city: string, host: string): void => {
      workers.set(
        `${city}@${host}`,
        lab.start(host, process.execPath, [`${APPS}city-worker/src/main.js`], {
          CITY: city,
          TRANSPORT: 'nats',
          NATS_URL: natsUrl(),
          JETSTREAM_REPLICAS: '3',
          NATS_USER: 'worker',
          NATS_PASSWORD: NATS_PASSWORDS.NATS_WORKER_PASSWORD,
          DATA_DIR: join(dir, `${host}-data`),
          HEARTBEAT_MS: '300',
          LOG_FORMAT: 'json',
        }),
      );
    };

    const killWorker = async (city: string, host: string): Promise<void> => {
      const worker = workers.get(`${city}@${host}`);
      workers.delete(`${city}@${host}`);
      if (worker !== undefined) await kill(worker.child, 'SIGKILL');
    };

    const startGateway = async (host: string): Promise<void> => {
      const address = lab.address(host);
      lab.start(host, process.execPath, [`${APPS}gateway/src/main.js`], {
        HOST: address,
        PORT: '3000',
        TRANSPORT: 'nats',
        NATS_URL: natsUrl(),
        NATS_USER: 'gateway',
        NATS_PASSWORD: NATS_PASSWORDS.NATS_GATEWAY_PASSWORD,
        CITIES: E2E_CITIES.join(','),
        USERS_FILE: usersFile,
        API_KEY,
        ALLOWED_HOSTS: address,
        GATEWAY_DATA_DIR: join(dir, `${host}-gateway`),
        REPLICA_ATTEMPT_MS: '500',
        WRITES_PER_MINUTE: '1000',
        LOG_FORMAT: 'json',
      });
      await waitForPort(3000, 30_000, address);
    };

    const getJson = async (host: string, path: string): Promise<{ status: number; body: Body }> => {
      const response = await fetch(`${gatewayUrl(host)}${path}`, { headers });
      return { status: response.status, body: (await response.json()) as Body };
    };

    /** Waits until each city's replicas (2, or `count`) all answer at the same version. */
    /** Fails with each worker's last lines: what a replica that did not join said. */
    const inStep = async (count: Record<string, number> = {}): Promise<void> => {
      try {
        await replicasInStep(async () => (await getJson('g1', '/cities')).body, count);
      } catch (error) {
        for (const [name, { output }] of workers) {
          process.stderr.write(`--- ${name}\n${output.slice(-12).join('\n')}\n`);
        }
        throw error;
      }
    };

    const importFile = async (host: string, name: string): Promise<number> => {
      const response = await fetch(`${gatewayUrl(host)}/imports`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv' },
        body: readFileSync(files.get(name)!),
      });
      const answer = await response.text();
      if (response.status !== 200)
        process.stdout.write(`import ${name}: ${answer.slice(0, 2000)}\n`);
      return response.status;
    };

    /** The one-process report of the union file `name`: what the cluster must answer. */
    const expected = (name: string, city?: string): unknown =>
      (
        JSON.parse(
          runCli('report', [
            files.get(name)!,
            '--json',
            ...(city === undefined ? [] : ['--city', city]),
          ]).stdout,
        ) as { data: unknown }
      ).data;

    const summaryEquals = async (name: string, host = 'g1', city?: string): Promise<void> => {
      const query = city === undefined ? '' : `?city=${city}`;
      const { status, body } = await getJson(host, `/reports/summary${query}`);
      expect({ status, data: body.data }).toEqual({ status: 200, data: expected(name, city) });
    };

    /**
     * The replicas of each worker host alone (the other host's workers killed, then restarted)
     * give the report of `name`: every city's replicas hold the same. `lyon` counts Lyon's
     * replicas on both hosts and elsewhere.
     */
    const eachHostAlone = async (name: string, lyon = 2): Promise<void> => {
      for (const gone of ['w2', 'w1']) {
        for (const city of E2E_CITIES) await killWorker(city, gone);
        await inStep({ Lyon: lyon - 1, Paris: 1, Marseille: 1 });
        // A gateway keeps a city's summary by version, the same on every replica: the rows each
        // holds are asked of it directly.
        const { body } = await getJson('g2', '/cities');
        const held = (body as unknown as { city: string; transactions: number }[]).map(
          ({ city, transactions }) => [city, transactions],
        );
        expect([gone, held]).toEqual([gone, rowsByCity(name)]);
        await summaryEquals(name, 'g2');
        for (const city of E2E_CITIES) startWorker(city, gone);
        await inStep({ Lyon: lyon });
      }
    };

    const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

    /** Runs the imports and the fault together (both gateways read all along). */
    const during = async (imports: Promise<number[]>, fault: Promise<void>): Promise<number[]> => {
      const started = performance.now();
      const [statuses] = await Promise.all([imports, fault]);
      process.stdout.write(
        `imports under the fault done in ${(performance.now() - started).toFixed(0)} ms\n`,
      );
      return statuses;
    };

    const done = new AbortController();
    let reader: Promise<void> = Promise.resolve();

    beforeAll(async () => {
      usersFile = await testUsersFile();
      slice('a', 0, 60_000);
      slice('b', 45_000, 105_000);
      slice('c', 105_000, 150_000);
      slice('d', 150_000, rows.length - 1);
      slice('upto-b', 0, 105_000);
      slice('upto-c', 0, 150_000);
      slice('upto-d', 0, rows.length - 1);
      await Promise.all(NATS_HOSTS.map((host) => startNats(host)));
      for (const host of ['w1', 'w2']) for (const city of E2E_CITIES) startWorker(city, host);
      await Promise.all(['g1', 'g2'].map((host) => startGateway(host)));
      await inStep();
      reader = (async (): Promise<void> => {
        for (let turn = 0; !done.signal.aborted; turn += 1) {
          const city = E2E_CITIES[turn % E2E_CITIES.length]!;
          const { status, body } = await getJson(
            turn % 2 === 0 ? 'g1' : 'g2',
            `/reports/summary?city=${city}`,
          ).catch((error: unknown) => ({ status: 0, body: { code: String(error) } }));
          reads.push({ status, code: body.code, at: new Date().toISOString(), city });
          await pause(25);
        }
      })();
    });

    afterAll(async () => {
      done.abort();
      await reader;
      await lab.destroy();
    });

    it('takes two overlapping imports through two gateways while a worker of Lyon is killed; each host alone then gives the same figures', async () => {
      const statuses = await during(
        Promise.all([importFile('g1', 'a'), importFile('g2', 'b')]),
        (async () => {
          await pause(300);
          await killWorker('Lyon', 'w1');
          await pause(1000);
          startWorker('Lyon', 'w1');
        })(),
      );
      expect(statuses).toEqual([200, 200]);
      await inStep();
      await summaryEquals('upto-b');
      await eachHostAlone('upto-b');
    });

    it('imports while a worker host is cut off the network and comes back; each host alone then gives the same figures', async () => {
      const statuses = await during(
        Promise.all([importFile('g2', 'c')]),
        (async () => {
          await pause(300);
          lab.cut('w2');
          await pause(4000);
          lab.restore('w2');
        })(),
      );
      expect(statuses).toEqual([200]);
      await inStep();
      await summaryEquals('upto-c', 'g2');
      await eachHostAlone('upto-c');
    });

    it('imports while a NATS server of the three is stopped and started again; each host alone then gives the same figures', async () => {
      // A third replica of Lyon joins now, on an empty disk, and must catch up.
      startWorker('Lyon', 'w3');
      const statuses = await during(
        Promise.all([importFile('g1', 'd')]),
        (async () => {
          await pause(300);
          await kill(nats.get('n1')!.child, 'SIGTERM');
          await pause(3000);
          await startNats('n1');
        })(),
      );
      expect(statuses).toEqual([200]);
      await inStep({ Lyon: 3 });
      await summaryEquals('upto-d');
      await eachHostAlone('upto-d', 3);
    });

    it('never answered a read with an error while a replica of its city was reachable, hosts alone included', () => {
      expect(reads.length).toBeGreaterThan(100);
      expect(reads.filter(({ status }) => status !== 200)).toEqual([]);
    });

    it('gives the same figures from the fresh replica of Lyon alone', async () => {
      await killWorker('Lyon', 'w1');
      await killWorker('Lyon', 'w2');
      await inStep({ Lyon: 1 });
      await summaryEquals('upto-d', 'g1', 'Lyon');
      const caughtUp = workers
        .get('Lyon@w3')
        ?.output.find((line) => line.includes('caught up with'));
      expect(caughtUp).toBeDefined();
      process.stdout.write(`fresh replica of Lyon: ${caughtUp ?? ''}\n`);
    });
  });
}
