import { connect } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { LiveEvents } from './live-events.service.js';
import { StreamQuota } from './stream-quota.js';

describe(StreamQuota.name, () => {
  const open: AbortController[] = [];
  let workers: InProcessCityWorkers | undefined;
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    for (const stream of open.splice(0)) stream.abort();
    await app?.close();
    await workers?.close();
  });

  async function gateway(env: Record<string, string>): Promise<string> {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const started = await inProcessGateway(workers, env);
    app = started.app;
    return started.baseUrl;
  }

  /** Opens `/events`; the stream stays open until the test ends or aborts it. */
  async function stream(base: string): Promise<Response> {
    const controller = new AbortController();
    open.push(controller);
    return fetch(`${base}/events`, { signal: controller.signal });
  }

  it('refuses a client its stream past SSE_MAX_STREAMS_PER_CLIENT, and gives it back once one closes', async () => {
    const base = await gateway({ SSE_MAX_STREAMS_PER_CLIENT: '2' });
    expect((await stream(base)).status).toBe(200);
    expect((await stream(base)).status).toBe(200);
    const refused = await stream(base);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('SSE_MAX_STREAMS_PER_CLIENT'),
    });
    // Every other route still answers.
    expect((await fetch(`${base}/cities`)).status).toBe(200);
    open[0]!.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stream(base)).status).toBe(200);
  });

  it('refuses any stream past SSE_MAX_STREAMS, and closes each after SSE_MAX_AGE_MS', async () => {
    const base = await gateway({ SSE_MAX_STREAMS: '1', SSE_MAX_AGE_MS: '1000' });
    const first = await stream(base);
    expect(first.status).toBe(200);
    const refused = await stream(base);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('SSE_MAX_STREAMS');
    // The first ends by itself after its age: its body is read to the end.
    const started = performance.now();
    await first.text();
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await stream(base)).status).toBe(200);
  });
  it('cuts the stream of a client that stops reading, and gives its place back', async () => {
    const base = await gateway({});
    const { port } = new URL(base);
    // A client that sends its request and never reads a byte of the answer.
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.pause();
    stalled.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const quota = app!.get(StreamQuota);
    const live = app!.get(LiveEvents);
    for (let waited = 0; quota.open === 0 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(quota.open).toBe(1);
    // About 7 KB an event: 4 000 of them are far more than the kernel's socket buffers hold.
    const cities = Array.from({ length: 1000 }, () => 'Lyon');
    for (let event = 0; event < 4000 && quota.open > 0; event += 1) {
      live.publish({ type: 'data', cities, accepted: event });
      if (event % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (let waited = 0; quota.open > 0 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stalled.destroy();
    expect(quota.open).toBe(0);
    expect((await stream(base)).status).toBe(200);
  });
});
