import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getMetadataStorage } from 'class-validator';
import { SECTION_NAMES } from '#domain/report';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { ReportQueryDto } from './report-query.dto.js';
import { reportName } from './report-routes.js';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly example?: unknown;
  readonly schema?: { readonly example?: unknown; readonly default?: unknown };
}
interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
}
type Paths = Record<string, Record<string, Operation>>;

/** The query parameters the ValidationPipe lets through: the DTO's validated properties. */
function acceptedParameters(): string[] {
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(ReportQueryDto, '', false, false)
    .map((metadata) => metadata.propertyName);
  return [...new Set(names)].sort();
}

describe('OpenAPI operations of the report endpoints', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let paths: Paths;
  const reportPaths = [...SECTION_NAMES, undefined].map(
    (section) => `/reports/${reportName(section)}`,
  );

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers));
    paths = ((await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Paths }).paths;
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('gives every operation of the document its own operationId', () => {
    const ids = Object.values(paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(ids.filter((id) => id === undefined)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(reportPaths)('documents in the query of GET %s every parameter it accepts', (path) => {
    const parameters = paths[path]?.get?.parameters ?? [];
    expect(
      parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(acceptedParameters());
    const undocumented = parameters.filter(
      (p) =>
        p.example === undefined &&
        p.schema?.example === undefined &&
        p.schema?.default === undefined,
    );
    expect(undocumented.map((p) => p.name)).toEqual([]);
  });

  it('answers Lyon alone when Swagger UI sends the documented city parameter to /reports/monthly', async () => {
    const parameter = paths['/reports/monthly']?.get?.parameters?.find((p) => p.name === 'city');
    expect(parameter?.in).toBe('query');
    const url = new URL(`${baseUrl}/reports/monthly`);
    url.searchParams.set(parameter?.name ?? 'missing', 'Lyon');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cities: string[]; data: { city: string }[] };
    expect(body.cities).toEqual(['Lyon']);
    expect(body.data.map((entry) => entry.city)).toEqual(['Lyon']);
  });
});
