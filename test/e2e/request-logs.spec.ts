import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startNatsServer, type NatsServer } from '../../apps/cli/src/start/local-services.js';
import { E2E_CITIES, startCluster } from '../support/cluster.js';
import { eventually } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';

jest.setTimeout(120_000);

const binary = natsServerOrSkip('request ids in the logs over NATS');
const KEY = 'e2e-secret-key-4f1a9c';
const WRONG_KEY = 'e2e-wrong-key-77d2e0';

/** A process's JSON log line as the launcher prints it: `[worker Lyon] {...}`. */
interface LogLine {
  readonly process: string;
  readonly entry: Record<string, unknown>;
}

function parseLine(line: string): LogLine | undefined {
  const match = /^\[([^\]]+)\] (\{.*\})$/.exec(line);
  if (match === null) return undefined;
  return { process: match[1]!, entry: JSON.parse(match[2]!) as Record<string, unknown> };
}

function scenarios(transport: 'tcp' | 'nats', natsUrl: () => string): void {
  let cluster: ClusterProcesses;
  const lines: string[] = [];
  const entries = (): LogLine[] => lines.flatMap((line) => parseLine(line) ?? []);
  const withId = (id: string, process: string): Record<string, unknown>[] =>
    entries()
      .filter((line) => line.process === process && line.entry.requestId === id)
      .map((line) => line.entry);

  beforeAll(async () => {
    cluster = await startCluster(
      transport,
      natsUrl(),
      { LOG_FORMAT: 'json', LOG_LEVEL: 'debug', API_KEY: KEY },
      undefined,
      { log: (line) => lines.push(line) },
    );
  });

  afterAll(async () => {
    await cluster.stop();
  });

  it("carries an import's X-Request-Id from the gateway's line to the line of every worker it reached", async () => {
    const csv = [
      'transaction_id,date,ville,type,modele,prix,duree_location_mois',
      ...E2E_CITIES.map(
        (city, index) => `RQ${index},2025-03-0${index + 1},${city},vente,BMW_X3,51000,NULL`,
      ),
    ].join('\n');
    const response = await fetch(`${cluster.baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-api-key': KEY, 'X-Request-Id': 'test-123' },
      body: csv,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('test-123');
    await eventually(() => Promise.resolve(withId('test-123', 'gateway').length > 0));
    expect(withId('test-123', 'gateway')).toContainEqual(
      expect.objectContaining({ route: '/imports', status: 200, level: 30 }),
    );
    for (const city of E2E_CITIES) {
      await eventually(() => Promise.resolve(withId('test-123', `worker ${city}`).length > 0));
      expect(withId('test-123', `worker ${city}`)).toContainEqual(
        expect.objectContaining({ pattern: 'ingest', outcome: 'ok', level: 30 }),
      );
    }
  });

  it("carries a report's id to the workers' lines too (at debug: reads are asked every few seconds)", async () => {
    const response = await fetch(`${cluster.baseUrl}/reports/summary`, {
      headers: { 'X-Request-Id': 'test-456' },
    });
    expect(response.status).toBe(200);
    for (const city of E2E_CITIES) {
      await eventually(() =>
        Promise.resolve(withId('test-456', `worker ${city}`).some((entry) => entry.level === 20)),
      );
    }
  });

  it('never prints the API key, given right or wrong', async () => {
    const refused = await fetch(`${cluster.baseUrl}/transactions/RQ0`, {
      method: 'DELETE',
      headers: { 'x-api-key': WRONG_KEY, 'X-Request-Id': 'test-789' },
    });
    expect(refused.status).toBe(401);
    await eventually(() => Promise.resolve(withId('test-789', 'gateway').length > 0));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((line) => line.includes(KEY) || line.includes(WRONG_KEY))).toEqual([]);
  });
}

describe('request ids in the logs over TCP', () => {
  scenarios('tcp', () => '');
});

if (binary !== undefined) {
  describe('request ids in the logs over NATS', () => {
    let nats: NatsServer;

    beforeAll(async () => {
      nats = await startNatsServer(binary);
    });

    afterAll(async () => {
      await nats.stop();
    });

    scenarios('nats', () => nats.url);
  });
}
