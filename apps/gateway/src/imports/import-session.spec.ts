import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DEFAULT_MAX_RECORD_CHARS } from '#domain/ingest';
import { ErrorCode } from '#domain/model';
import { fixturePath, loadFixture } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { ImportSession } from './import-session.js';
import { ingestCounts } from '../../../../test/support/ingest-counts.js';

const LIMITS = {
  maxBytes: 1 << 30,
  batchRows: 2,
  batchBytes: 1 << 20,
  maxInFlight: 2,
  maxRecordBytes: DEFAULT_MAX_RECORD_CHARS,
};

/** Feeds `text` in chunks of `size` characters, draining between them as the service does. */
async function feed(session: ImportSession, text: string, size: number): Promise<void> {
  for (let start = 0; start < text.length; start += size) {
    session.push(text.slice(start, start + size));
    await session.drain();
  }
}

describe(ImportSession.name, () => {
  let workers: InProcessCityWorkers;
  let registry: CityRegistry;

  beforeEach(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    registry = new CityRegistry({
      transport: 'tcp',
      natsUrl: '',
      forgetSilentMs: 60_000,
      replicaAttemptMs: 2000,
      cities: workers.cities.map((city) => ({ city, host: '127.0.0.1', port: 1 })),
    });
  });

  afterEach(async () => {
    await workers.close();
  });

  it.each([1, 7, 4096])(
    'counts and rejects as the one-process ingest, fed in chunks of %d characters',
    async (size) => {
      const sut = new ImportSession(workers, registry, LIMITS, 1000);
      await feed(sut, readFileSync(fixturePath('not-ok/every-rule.csv'), 'utf8'), size);
      const outcome = await sut.finish();
      const { ingest } = loadFixture('not-ok/every-rule.csv', registry);
      expect(ingestCounts(outcome)).toEqual(ingest.counts);
      expect(outcome.errors).toEqual(ingest.errors);
    },
  );

  it('counts the rows of a stopped city as not applied, and applies the others', async () => {
    workers.stop('Paris');
    const sut = new ImportSession(workers, registry, LIMITS, 1000);
    await feed(sut, readFileSync(fixturePath('ok/three-cities.csv'), 'utf8'), 4096);
    const outcome = await sut.finish();
    const { stores } = loadFixture('ok/three-cities.csv', registry);
    const paris = outcome.cities.find(({ city }) => city === 'Paris');
    expect(paris).toMatchObject({ accepted: 0, notApplied: stores.storeFor('Paris').length });
    expect(paris?.error).toBe('Paris: its worker refuses connections (not running?)');
    expect(outcome.accepted).toBe(
      stores.storeFor('Lyon').length + stores.storeFor('Marseille').length,
    );
  });

  it('refuses an input without a header as EMPTY_FILE', async () => {
    const sut = new ImportSession(workers, registry, LIMITS, 1000);
    await expect(sut.finish()).rejects.toMatchObject({ code: ErrorCode.EmptyFile });
  });

  it("applies a city's rows in the file's order even when the transport reorders concurrent calls", async () => {
    // A transport that delivers a call late when another is in flight: what a NATS client did
    // with the calls made while it connected, and around a broker restart.
    let inFlight = 0;
    const reordering = Object.create(workers) as InProcessCityWorkers;
    reordering.ingest = async (city, batch) => {
      inFlight += 1;
      if (inFlight === 1) await new Promise((resolve) => setTimeout(resolve, 30));
      try {
        return await workers.ingest(city, batch);
      } finally {
        inFlight -= 1;
      }
    };
    const sut = new ImportSession(reordering, registry, { ...LIMITS, batchRows: 1 }, 1000);
    // The same id twice with other content: the first occurrence wins, the second conflicts.
    await feed(
      sut,
      [
        'transaction_id,date,ville,type,modele,prix,duree_location_mois',
        'ORD1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL',
        'ORD1,2024-03-02,Lyon,vente,BMW_X1,99000,NULL',
      ].join('\n'),
      4096,
    );
    const outcome = await sut.finish();
    expect(outcome).toMatchObject({ accepted: 1, conflicts: 1 });
    expect(outcome.errors.map(({ line, code }) => [line, code])).toEqual([
      [3, ErrorCode.ConflictingDuplicate],
    ]);
    const summary = await workers.summarize('Lyon', {});
    expect(summary.cells.revenue).toEqual([4_100_000]);
  });

  it("keeps several batches of one city in flight, each with its place in the city's sequence", async () => {
    const calls: { city: string; sequence: number | undefined }[] = [];
    let inFlight = 0;
    let most = 0;
    const watched = Object.create(workers) as InProcessCityWorkers;
    watched.ingest = async (city, batch) => {
      calls.push({ city, sequence: batch.order?.sequence });
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await workers.ingest(city, batch);
      } finally {
        inFlight -= 1;
      }
    };
    const sut = new ImportSession(
      watched,
      registry,
      { ...LIMITS, batchRows: 1, maxInFlight: 4 },
      1000,
    );
    const rows = [1, 2, 3, 4, 5, 6].map(
      (day) => `P${day},2024-03-0${day},Lyon,vente,BMW_X1,41000,NULL`,
    );
    await feed(
      sut,
      ['transaction_id,date,ville,type,modele,prix,duree_location_mois', ...rows].join('\n'),
      4096,
    );
    expect(await sut.finish()).toMatchObject({ accepted: 6 });
    expect(most).toBe(4);
    expect(calls.map(({ city, sequence }) => `${city}#${sequence}`)).toEqual(
      [0, 1, 2, 3, 4, 5].map((sequence) => `Lyon#${sequence}`),
    );
  });
});
