import { afterEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';
const GOOD = 'G1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL';

describe('records too long to read or to send', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;

  afterEach(async () => {
    await app.close();
    await workers.close();
  });

  async function importBody(
    env: Record<string, string>,
    body: string | ReadableStream<Uint8Array>,
  ): Promise<{
    status: number;
    body: { errors: { line: number; code: string }[]; accepted: number };
  }> {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const gateway = await inProcessGateway(workers, env);
    app = gateway.app;
    // Node's fetch streams a body only with duplex 'half', which its RequestInit type lacks.
    const init = {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half' as const,
    };
    const response = await fetch(`${gateway.baseUrl}/imports`, init);
    return { status: response.status, body: (await response.json()) as never };
  }

  it('refuses a 20 MB record without a line break by its line, and imports the rows after it', async () => {
    const encoder = new TextEncoder();
    let sent = 0;
    // Streamed in 64 KiB chunks: the gateway never holds the record whole.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(encoder.encode(`${HEADER}\nBIG,`));
        else if (sent <= 320) controller.enqueue(encoder.encode('x'.repeat(65_536)));
        else {
          controller.enqueue(encoder.encode(`\n${GOOD}\n`));
          controller.close();
        }
        sent += 1;
      },
    });
    const answer = await importBody({ MAX_RECORD_BYTES: '65536' }, body);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.errors.map(({ line, code }) => [line, code])).toEqual([
      [2, 'RECORD_TOO_LONG'],
    ]);
  });

  it('refuses by its line a record that cannot fit in a batch, rather than a 503 for ever', async () => {
    // 600 characters of CJK: 1 800 bytes, over a 1 KiB batch; the next row fits.
    const wide = `W1,2024-03-02,Lyon,vente,${'車'.repeat(600)},41000,NULL`;
    const answer = await importBody(
      { IMPORT_BATCH_BYTES: '1024' },
      `${HEADER}\n${wide}\n${GOOD}\n`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.errors.map(({ line, code }) => [line, code])).toEqual([
      [2, 'RECORD_TOO_LONG'],
    ]);
  });
});
