import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Ajv, type ValidateFunction } from 'ajv';
import { SECTION_NAMES } from '#domain/report';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { reportName } from './report-routes.js';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
type Paths = Record<string, Partial<Record<'get' | 'post', Operation>>>;

/** Swagger's schemas are OpenAPI 3.0: `example` is not JSON Schema, `nullable` is understood. */
const ajv = new Ajv({ strict: false, allErrors: true });

describe('OpenAPI document against real answers', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let paths: Paths;

  function validator(path: string, method: 'get' | 'post', status: string): ValidateFunction {
    const schema = paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    if (schema === undefined) throw new Error(`${method} ${path} documents no ${status} schema`);
    return ajv.compile(schema);
  }

  function expectValid(validate: ValidateFunction, body: unknown): void {
    validate(body);
    expect(validate.errors ?? []).toEqual([]);
  }

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers));
    paths = ((await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Paths }).paths;
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('gives the import answer its documented shape', async () => {
    const response = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(fixturePath('not-ok/every-rule.csv')),
    });
    expect(response.status).toBe(200);
    expectValid(validator('/imports', 'post', '200'), await response.json());
  });

  it.each([...SECTION_NAMES, undefined].map(reportName))(
    'gives GET /reports/%s its documented shape, for every query form',
    async (path) => {
      const validate = validator(`/reports/${path}`, 'get', '200');
      for (const query of ['', '?city=Lyon&basis=recognized', '?from=2030-01&to=2030-02']) {
        const response = await fetch(`${baseUrl}/reports/${path}${query}`);
        expect(response.status).toBe(200);
        expectValid(validate, await response.json());
      }
    },
  );

  it('gives GET /cities and the errors their documented shapes', async () => {
    expectValid(
      validator('/cities', 'get', '200'),
      await (await fetch(`${baseUrl}/cities`)).json(),
    );
    const unknown = await fetch(`${baseUrl}/reports/monthly?city=Nice`);
    expect(unknown.status).toBe(404);
    expectValid(validator('/reports/monthly', 'get', '404'), await unknown.json());
    const bad = await fetch(`${baseUrl}/reports/monthly?window=1`);
    expect(bad.status).toBe(400);
    expectValid(validator('/reports/monthly', 'get', '400'), await bad.json());
  });
});
