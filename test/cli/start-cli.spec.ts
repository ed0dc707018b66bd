import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, jest } from '@jest/globals';
import { freePort, freePortRange } from '../../apps/cli/src/start/local-services.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';

jest.setTimeout(90_000);

const START = fileURLToPath(new URL('../../dist/apps/cli/src/start.js', import.meta.url));
const CITIES = ['Lyon', 'Paris', 'Marseille'];
/** Valid rows with distinct ids: each city holds its count of them. */
const SEED_ROWS = { Lyon: 3, Paris: 2, Marseille: 1 } as const;
/** A process's line under `npm start`: its name, a local ISO date, the level, the message. */
const PROCESS_LINE =
  /^\[(gateway|worker [A-Za-z]+)\] \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|ERROR): \S/;

describe('npm start', () => {
  it("prints a short readable start, no route table, and serves each worker's metrics on METRICS_BASE_PORT + i", async () => {
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
    const metricsBasePort = await freePortRange(CITIES.length);
    const child = spawn(process.execPath, [START], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(await freePort()),
        WORKER_BASE_PORT: String(await freePortRange(CITIES.length)),
        METRICS_BASE_PORT: String(metricsBasePort),
        CITIES: CITIES.join(','),
        SEED_FILE: seed,
        DATA_DIR: join(directory, 'shards'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Ctrl-C stops every process') && child.exitCode === null) {
        if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const [index, city] of CITIES.entries()) {
        const held = SEED_ROWS[city as keyof typeof SEED_ROWS];
        const samples = await scrape(`http://127.0.0.1:${metricsBasePort + index}/metrics`);
        expect([city, sampleValue(samples, 'autoconnect_rows_held', { city })]).toEqual([
          city,
          held,
        ]);
      }
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    }
    const lines = output.split('\n').filter((line) => line.startsWith('['));
    expect(output).not.toMatch(
      /Mapped \{|RoutesResolver|dependencies initialized|Nest application/,
    );
    expect(lines.filter((line) => !PROCESS_LINE.test(line))).toEqual([]);
    expect(lines.length).toBeLessThan(30);
  });
});
