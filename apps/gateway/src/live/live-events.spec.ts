import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Reads `GET /events` and hands over its events one by one. */
class EventReader {
  private buffer = '';
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string): Promise<EventReader> {
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (response.body === null) throw new Error('no body');
    return new EventReader(response.body.getReader(), controller);
  }

  /** The next event of `type` (others are skipped). */
  async next(type: string): Promise<SseEvent> {
    for (;;) {
      const event = await this.nextEvent();
      if (event.event === type) return event;
    }
  }

  /** The next event that is not a comment. */
  private async nextEvent(): Promise<SseEvent> {
    const decoder = new TextDecoder();
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = new Map(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [
              line.slice(0, line.indexOf(':')),
              line.slice(line.indexOf(':') + 1).trim(),
            ]),
        );
        const data = fields.get('data');
        if (data !== undefined)
          return { event: fields.get('event') ?? 'message', data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the stream ended');
      this.buffer += decoder.decode(value, { stream: true });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

describe('GET /events', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers, { LIVE_WATCH_MS: '100' }));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('announces the rows a POST /transactions stored, with their cities', async () => {
    const events = await EventReader.open(`${baseUrl}/events`);
    const posted = await fetch(`${baseUrl}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          transaction_id: 'L1',
          date: '2025-01-02',
          ville: 'Lyon',
          type: 'vente',
          modele: 'BMW_X1',
          prix: 40000,
          duree_location_mois: null,
        },
        {
          transaction_id: 'P1',
          date: '2025-01-03',
          ville: 'Paris',
          type: 'vente',
          modele: 'BMW_X1',
          prix: 42000,
          duree_location_mois: null,
        },
      ]),
    });
    expect(posted.status).toBe(200);
    await expect(events.next('data')).resolves.toEqual({
      event: 'data',
      data: { cities: ['Lyon', 'Paris'], accepted: 2 },
    });
    events.close();
  });

  it('announces a city that stops answering, and its return', async () => {
    const events = await EventReader.open(`${baseUrl}/events`);
    // The first look at the cities only learns their state.
    await new Promise((resolve) => setTimeout(resolve, 300));
    workers.stop('Marseille');
    await expect(events.next('city')).resolves.toEqual({
      event: 'city',
      data: { city: 'Marseille', status: 'down' },
    });
    workers.resume('Marseille');
    await expect(events.next('city')).resolves.toEqual({
      event: 'city',
      data: { city: 'Marseille', status: 'up' },
    });
    events.close();
  });

  it('lets the gateway stop while a dashboard listens', async () => {
    const other = await inProcessGateway(workers);
    const events = await EventReader.open(`${other.baseUrl}/events`);
    await other.app.close();
    await expect(events.next('data')).rejects.toThrow();
  });
});
