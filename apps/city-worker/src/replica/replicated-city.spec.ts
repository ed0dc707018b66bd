import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { IngestBatch, IngestOrder } from '#contracts';
import { workerModule } from '../../../../test/support/in-process-city-workers.js';
import { MemoryStream } from '../../../../test/support/memory-stream.js';
import type { CityStream } from './city-stream.js';
import { ReplicatedCity } from './replicated-city.js';

const COLUMNS = 'transaction_id,date,ville,type,modele,prix,duree_location_mois'.split(',');

function batch(rows: readonly string[], order?: IngestOrder): IngestBatch {
  return {
    columns: COLUMNS,
    lines: rows.map((_, index) => index + 2),
    csv: rows.join('\n'),
    order,
  };
}

describe(ReplicatedCity.name, () => {
  const modules: TestingModule[] = [];

  /** A replica of Lyon on `stream`, in `dataDir` (a folder of its own by default). */
  const replica = async (
    stream: MemoryStream,
    dataDir = mkdtempSync(join(tmpdir(), 'replica-')),
  ): Promise<ReplicatedCity> => {
    const module = await workerModule('Lyon', dataDir, { stream: stream.asCityStream() });
    modules.push(module);
    return module.get(ReplicatedCity);
  };

  afterEach(async () => {
    for (const module of modules.splice(0)) await module.close();
  });

  it('applies a write on every replica and answers it with the outcome its replica computed', async () => {
    const stream = new MemoryStream('CITY_LYON');
    const [a, b] = [await replica(stream), await replica(stream)];
    const outcome = await a.ingest(
      batch([
        'T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL',
        'T2,2025-01-11,Lyon,location,Audi_Q5,700,12',
        'T2,2025-01-11,Lyon,location,Audi_Q5,700,12',
        'T3,2025-13-01,Lyon,vente,BMW_X3,52000,NULL',
      ]),
    );
    // By hand: T1 and T2 stored, T2 again a duplicate, T3's month 13 refused on line 5.
    expect([outcome.accepted, outcome.duplicates, outcome.errors]).toEqual([
      2,
      1,
      [expect.objectContaining({ line: 5, code: 'INVALID_DATE', transactionId: 'T3' })],
    ]);
    const [infoA, infoB] = [await a.info(), await b.info()];
    expect([infoA.version, infoA.transactions]).toEqual(['s1', 2]);
    expect(infoB).toEqual(infoA);
    expect(await b.summarize({})).toEqual(await a.summarize({}));
  });

  it('stores a batch sent again through another replica once, and answers it alike', async () => {
    const stream = new MemoryStream('CITY_LYON');
    const [a, b] = [await replica(stream), await replica(stream)];
    const sent = batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL'], {
      session: 'import-1',
      sequence: 0,
    });
    const first = await a.ingest(sent);
    expect(await b.ingest(sent)).toEqual(first);
    expect([stream.last, (await b.info()).transactions, first.accepted]).toEqual([1, 1, 1]);
  });

  it("applies an import's batches in sequence order whatever replica appended them first", async () => {
    const stream = new MemoryStream('CITY_LYON');
    const [a, b] = [await replica(stream), await replica(stream)];
    // T1 is an X3 in the file's first batch and an X5 in its second: the first occurrence wins.
    const second = b.ingest(
      batch(['T1,2025-01-10,Lyon,vente,BMW_X5,81000,NULL'], { session: 's', sequence: 1 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await a.ingest(
      batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL'], { session: 's', sequence: 0 }),
    );
    expect([first.accepted, (await second).conflicts]).toEqual([1, 1]);
    const held = async (city: ReplicatedCity): Promise<unknown> =>
      (await city.list({ limit: 10 })).rows.map(({ modele }) => modele);
    expect([await held(a), await held(b)]).toEqual([['BMW_X3'], ['BMW_X3']]);
  });

  it('judges dates against the time the stream stored the entry, on every replica, later ones too', async () => {
    const stream = new MemoryStream('CITY_LYON', () => Date.parse('2020-01-01T12:00:00Z'));
    const a = await replica(stream);
    // 15 January is within 31 days of the stream's 1 January 2020; 1 June is not, though both
    // are long past today.
    const outcome = await a.ingest(
      batch([
        'T1,2020-01-15,Lyon,vente,BMW_X3,52000,NULL',
        'T2,2020-06-01,Lyon,vente,BMW_X3,52000,NULL',
      ]),
    );
    expect(outcome.errors.map(({ code, transactionId }) => [code, transactionId])).toEqual([
      ['DATE_OUT_OF_RANGE', 'T2'],
    ]);
    const later = await replica(stream);
    expect((await later.info()).transactions).toBe(1);
  });

  it('goes on with an import begun before its snapshot, as the replicas that did not restart', async () => {
    const stream = new MemoryStream('CITY_LYON');
    const dataDir = mkdtempSync(join(tmpdir(), 'replica-'));
    await (
      await replica(stream, dataDir)
    ).ingest(batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL'], { session: 's', sequence: 0 }));
    // Stopped, it writes its snapshot in the middle of import `s`; batch 1 comes after.
    for (const module of modules.splice(0)) await module.close();
    const restarted = await replica(stream, dataDir);
    const outcome = await restarted.ingest(
      batch(['T2,2025-01-11,Lyon,vente,BMW_X3,52000,NULL'], { session: 's', sequence: 1 }),
    );
    expect([outcome.accepted, (await restarted.info()).transactions]).toEqual([1, 2]);
  });

  it('answers a retry with the outcome of the entry it replayed, and OUTCOME_UNKNOWN once the entry is in its snapshot', async () => {
    const stream = new MemoryStream('CITY_LYON');
    const dataDir = mkdtempSync(join(tmpdir(), 'replica-'));
    const sent = batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL'], {
      session: 's',
      sequence: 0,
    });
    const first = await (await replica(stream, dataDir)).ingest(sent);
    // A replica that applied the entry itself (from the stream) knows its outcome.
    expect(await (await replica(stream)).ingest(sent)).toEqual(first);
    // Stopped, the first one writes its snapshot (entry 1); started again, it reads it back.
    for (const module of modules.splice(0)) await module.close();
    const restarted = await replica(stream, dataDir);
    await expect(restarted.ingest(sent)).rejects.toMatchObject({
      error: expect.objectContaining({ code: 'OUTCOME_UNKNOWN' }),
    });
    expect([stream.last, (await restarted.info()).transactions]).toEqual([1, 1]);
  });

  it('refuses a batch whose earlier batch never comes once its wait is over, with no other write, on every replica', async () => {
    // The stream stored batch 1 a minute ago (past the 10 s wait); whatever it stores next, now.
    const stamps = [Date.now() - 60_000];
    const stream = new MemoryStream('CITY_LYON', () => stamps.shift() ?? Date.now());
    const [a, b] = [await replica(stream), await replica(stream)];
    const refused = {
      code: 'INVALID_BATCH',
      message: expect.stringContaining('batch 0 of import s'),
    };
    await expect(
      a.ingest(
        batch(['T2,2025-01-11,Lyon,vente,BMW_X3,52000,NULL'], { session: 's', sequence: 1 }),
      ),
    ).rejects.toMatchObject(refused);
    // Batch 0 coming late is refused by the other replica too: the rest of import s is lost alike.
    await expect(
      b.ingest(
        batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL'], { session: 's', sequence: 0 }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_BATCH' });
    expect([(await a.info()).transactions, (await b.info()).transactions]).toEqual([0, 0]);
  });

  it('starts though its stream does not answer at first (a cluster electing its leader), and catches up', async () => {
    const stream = new MemoryStream('CITY_LYON');
    await (await replica(stream)).ingest(batch(['T1,2025-01-10,Lyon,vente,BMW_X3,52000,NULL']));
    const answering = stream.asCityStream();
    let refused = 0;
    const get = (...args: Parameters<typeof answering.js.consumers.get>): unknown => {
      if (refused < 2) {
        refused += 1;
        return Promise.reject(new Error('TimeoutError: timeout'));
      }
      return answering.js.consumers.get(...args);
    };
    const slow = { ...answering, js: { ...answering.js, consumers: { get } } } as CityStream;
    const module = await workerModule('Lyon', mkdtempSync(join(tmpdir(), 'replica-')), {
      stream: slow,
    });
    modules.push(module);
    expect([refused, (await module.get(ReplicatedCity).info()).transactions]).toEqual([2, 1]);
  });
});
