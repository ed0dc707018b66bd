import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { RequestObserver } from './request-observer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe(RequestObserver.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    ({ app, baseUrl } = await inProcessGateway(workers));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  const idOf = async (headers: Record<string, string>, path = '/cities'): Promise<string> =>
    (await fetch(`${baseUrl}${path}`, { headers })).headers.get('x-request-id') ?? '';

  it("answers with the client's X-Request-Id", async () => {
    expect(await idOf({ 'X-Request-Id': 'test-123' })).toBe('test-123');
  });

  it('gives a request without one, or with one that is no short token, an id of its own', async () => {
    const ids = [
      await idOf({}),
      await idOf({ 'X-Request-Id': 'x'.repeat(129) }),
      await idOf({ 'X-Request-Id': 'a b' }),
      await idOf({ 'X-Request-Id': '{"level":60}' }),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the id in every error body, beside its code', async () => {
    const response = await fetch(`${baseUrl}/reports/monthly?city=Nowhere`, {
      headers: { 'X-Request-Id': 'err-42' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'UNKNOWN_CITY', requestId: 'err-42' });
    const missing = await fetch(`${baseUrl}/no-such-route`, {
      headers: { 'X-Request-Id': 'err-43' },
    });
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND', requestId: 'err-43' });
  });
});
