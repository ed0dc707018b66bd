import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';
import { REPORT_SECTIONS, SECTION_NAMES, type SectionName } from '#domain/report';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { getJson, startCluster } from './cluster.js';
import { writeImportFile } from './e2e-data.js';
import { runCli } from './run-cli.js';
import { post } from './http.js';
import { ingestCounts } from './ingest-counts.js';

/** Every section's endpoint with its key in the CLI's report: the registry's, so none is missed. */
const SECTIONS = Object.fromEntries(
  SECTION_NAMES.map((name) => [REPORT_SECTIONS[name].path, name]),
) as Record<string, SectionName>;

const QUERIES: [string, Record<string, string>][] = [
  ['the default query', {}],
  ['a from/to range', { from: '2024-03', to: '2025-02' }],
  ['a city filter', { city: 'paris,Lyon' }],
  ['the recognized basis', { basis: 'recognized', limit: '3', window: '6', horizon: '2' }],
];

function cliArgs(query: Record<string, string>): string[] {
  return Object.entries(query).flatMap(([name, value]) => [`--${name}`, value]);
}

/**
 * The cluster against the one-process CLI on the same file, and its failure behaviour, for one
 * transport. `natsUrl` comes from a private nats-server for the NATS run.
 */
export function clusterScenarios(transport: 'tcp' | 'nats', natsUrl: () => string): void {
  let cluster: ClusterProcesses;
  const file = join(mkdtempSync(join(tmpdir(), `e2e-${transport}-`)), 'import.csv');

  beforeAll(async () => {
    writeImportFile(file);
    cluster = await startCluster(transport, natsUrl());
  });

  afterAll(async () => {
    await cluster.stop();
  });

  it('imports a CSV stream with the same counts as the CLI', async () => {
    const response = await fetch(`${cluster.baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(file),
    });
    const outcome = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    const cli = JSON.parse(runCli('report', [file, '--json']).stdout) as { ingest: unknown };
    expect(ingestCounts(outcome)).toEqual(cli.ingest);
    // E4 comes twice in Lyon with another model: a conflict, listed with the rejections.
    expect((outcome.errors as { line: number; code: string }[]).map(({ code }) => code)).toEqual([
      'CONFLICTING_DUPLICATE',
      'INVALID_DATE',
      'INVALID_PRICE',
      'INVALID_DURATION',
      'MISSING_TRANSACTION_ID',
      'TOO_FEW_FIELDS',
      'DATE_OUT_OF_RANGE',
    ]);
    // E11's 900 000 000 € BMW X3 is stored, and named.
    expect(
      (outcome.warnings as { code: string; transactionId: string }[]).map(
        ({ code, transactionId }) => [code, transactionId],
      ),
    ).toEqual([['PRICE_OUTLIER', 'E11']]);
  });

  describe.each(QUERIES)('for %s', (_, query) => {
    let cli: {
      basis: string;
      from: string;
      to: string;
      cities: string[];
      data: Record<string, unknown>;
    };

    beforeAll(() => {
      cli = JSON.parse(runCli('report', [file, '--json', ...cliArgs(query)]).stdout) as typeof cli;
    });

    it.each(Object.entries(SECTIONS))(
      'GET /reports/%s equals the CLI section',
      async (path, key) => {
        const { status, body } = await getJson(
          `${cluster.baseUrl}/reports/${path}?${new URLSearchParams(query).toString()}`,
        );
        expect(status).toBe(200);
        expect({ ...body, data: body.data, meta: undefined }).toEqual({
          report: path,
          basis: cli.basis,
          from: cli.from,
          to: cli.to,
          cities: cli.cities,
          data: cli.data[key],
          meta: undefined,
        });
      },
    );

    it('GET /reports/summary equals the CLI report, with a timing per worker', async () => {
      const { status, body } = await getJson(
        `${cluster.baseUrl}/reports/summary?${new URLSearchParams(query).toString()}`,
      );
      expect(status).toBe(200);
      expect(body.data).toEqual(cli.data);
      const meta = body.meta as {
        workers: { city: string; transactions: number }[];
        missingCities: string[];
      };
      expect(meta.workers.map(({ city }) => city)).toEqual(cli.cities);
      expect(meta.missingCities).toEqual([]);
    });
  });

  it.each([
    ['from=2024-13', 400, 'from'],
    ['from=2025-06&to=2025-01', 400, 'from'],
    ['basis=cash', 400, 'basis'],
    ['limit=0', 400, 'limit'],
    ['window=25', 400, 'window'],
    ['horizon=0', 400, 'horizon'],
    ['colour=red', 400, 'colour'],
  ])('answers %s with %d naming the parameter', async (search, status, parameter) => {
    const response = await getJson(`${cluster.baseUrl}/reports/monthly?${search}`);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code: 'INVALID_QUERY', parameter });
  });

  it('documents every endpoint in OpenAPI (/docs-json) and serves Swagger UI (/docs)', async () => {
    const ui = await fetch(`${cluster.baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    const { body } = await getJson(`${cluster.baseUrl}/docs-json`);
    const paths = body.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown> }>
    >;
    expect(Object.keys(paths).sort()).toEqual(
      [
        ...Object.keys(SECTIONS).map((section) => `/reports/${section}`),
        '/reports/summary',
        '/imports',
        '/transactions',
        '/cities',
        '/health',
        '/events',
        '/transactions/{id}',
        '/health/event-loop',
        '/metrics',
        '/auth/login',
        '/auth/logout',
        '/auth/me',
        '/auth/tokens',
        '/auth/tokens/{id}',
        '/audit',
        '/targets',
        '/targets/{city}/{month}',
        '/reviews/send',
        '/reviews/pdf',
      ].sort(),
    );
    expect(Object.keys(paths['/reports/monthly']?.get?.responses ?? {})).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '503',
    ]);
  });

  it('cuts wide rows into batches under the broker message limit', async () => {
    const note = 'x'.repeat(400);
    const rows = Array.from(
      { length: 4000 },
      (_, index) => `W${index},2026-05-01,Lyon,vente,BMW_X3,1000,NULL,,${note}`,
    );
    const answer = await post(
      `${cluster.baseUrl}/imports`,
      [`${TRANSACTION_CSV_HEADER},note`, ...rows].join('\n'),
    );
    expect([answer.status, answer.body.accepted]).toEqual([200, 4000]);
  });

  it('measures batches in bytes on the wire: rows of CJK and control characters go through', async () => {
    // 400 characters, 1 200 bytes in UTF-8; a control character is 6 bytes in JSON.
    const note = `${'車'.repeat(399)}\u0001`;
    const rows = Array.from(
      { length: 4000 },
      (_, index) => `K${index},2026-05-02,Lyon,vente,BMW_X3,1000,NULL,,"${note}"`,
    );
    const answer = await post(
      `${cluster.baseUrl}/imports`,
      [`${TRANSACTION_CSV_HEADER},note`, ...rows].join('\n'),
    );
    expect([answer.status, answer.body.accepted]).toEqual([200, 4000]);
  });

  it('takes a multipart upload (field file), and refuses other media types and bad headers', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        'transaction_id,date,ville,type,modele,prix,duree_location_mois\nM1,2026-04-01,Lyon,vente,BMW_X3,1000,NULL\n',
      ]),
      'one.csv',
    );
    const upload = await fetch(`${cluster.baseUrl}/imports`, { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ rows: 1, accepted: 1 });
    const xml = await fetch(`${cluster.baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect([xml.status, ((await xml.json()) as { code: string }).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    const header = await fetch(`${cluster.baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'transaction_id,date\nX,2026-01-01\n',
    });
    expect(header.status).toBe(400);
    expect(await header.json()).toMatchObject({
      code: 'MISSING_COLUMN',
      missing: ['ville', 'type', 'modele', 'prix', 'duree_location_mois'],
    });
  });

  it('answers an unknown city with 404 naming the known ones', async () => {
    const response = await getJson(`${cluster.baseUrl}/reports/split?city=Lyon,Nice`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: 'UNKNOWN_CITY',
      known: ['Lyon', 'Marseille', 'Paris'],
    });
  });

  it('shows a POSTed transaction in the next report', async () => {
    const before = await getJson(
      `${cluster.baseUrl}/reports/split?city=Marseille&from=2026-03&to=2026-03`,
    );
    expect(before.body.data).toMatchObject([{ sales: { revenue: 0, count: 0 } }]);
    const response = await fetch(`${cluster.baseUrl}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          transaction_id: 'NEW1',
          date: '2026-03-02',
          ville: 'marseille',
          type: 'vente',
          modele: 'Tesla_Model_S',
          prix: 84000.5,
          cout: 70000,
        },
        {
          transaction_id: 'NEW2',
          date: '2026-03-03',
          ville: 'Marseille',
          type: 'location',
          modele: 'Tesla_Model_S',
          prix: 1200,
        },
      ]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      rows: 2,
      accepted: 1,
      rejected: 1,
      errors: [{ line: 2, code: 'INVALID_DURATION' }],
    });
    const after = await getJson(
      `${cluster.baseUrl}/reports/split?city=Marseille&from=2026-03&to=2026-03`,
    );
    expect(after.body.data).toMatchObject([{ sales: { revenue: 84000.5, count: 1 } }]);
  });

  it('answers 503 naming a killed worker, and 200 without it when partial=true', async () => {
    await cluster.killWorker('Marseille');
    const refused = await getJson(`${cluster.baseUrl}/reports/comparison`);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'CITY_UNAVAILABLE', cities: ['Marseille'] });
    const partial = await getJson(`${cluster.baseUrl}/reports/comparison?partial=true`);
    expect(partial.status).toBe(200);
    expect(partial.body.cities).toEqual(['Lyon', 'Paris']);
    expect(partial.body.meta).toMatchObject({ missingCities: ['Marseille'] });
    const cities = await getJson(`${cluster.baseUrl}/cities`);
    expect(cities.body).toMatchObject([
      { city: 'Lyon', status: 'up' },
      { city: 'Marseille', status: 'down' },
      { city: 'Paris', status: 'up' },
    ]);
  });
}
