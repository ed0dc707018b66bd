import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { getJson, startCluster } from '../support/cluster.js';
import { post } from '../support/http.js';

jest.setTimeout(60_000);

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois,cout';
const row = (id: string): string => `${id},2024-01-05,Lyon,vente,BMW_X1,41000,NULL,`;

/** Multipart uploads that go wrong: each answer says what was stored, and it is what was stored. */
describe('multipart uploads on a real cluster', () => {
  let cluster: ClusterProcesses;

  beforeAll(async () => {
    cluster = await startCluster('tcp', '', { IMPORT_BATCH_ROWS: '1000' });
  });

  afterAll(async () => {
    await cluster.stop();
  });

  async function lyonHolds(): Promise<number> {
    const { body } = await getJson(`${cluster.baseUrl}/cities`);
    const cities = body as unknown as { city: string; transactions: number }[];
    return cities.find((city) => city.city === 'Lyon')?.transactions ?? -1;
  }

  it('refuses a second file part with 400, and says what the first stored', async () => {
    const before = await lyonHolds();
    const form = new FormData();
    form.append('file', new Blob([`${HEADER}\n${row('MP1')}\n`]), 'a.csv');
    form.append('file', new Blob([`${HEADER}\n${row('MP2')}\n`]), 'b.csv');
    const response = await fetch(`${cluster.baseUrl}/imports`, { method: 'POST', body: form });
    const body = (await response.json()) as { code: string; outcome: { accepted: number } };
    expect([response.status, body.code, body.outcome.accepted]).toEqual([400, 'INVALID_BODY', 1]);
    expect(await lyonHolds()).toBe(before + 1);
  });

  it('answers an upload cut short with what it stored before the cut, and no more was stored', async () => {
    const before = await lyonHolds();
    const rows = Array.from({ length: 3500 }, (_, index) => row(`CUT${index}`)).join('\n');
    // No closing boundary: the body ends inside the file part.
    const body = `--b\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}\n${rows}\n`;
    const answer = await post(`${cluster.baseUrl}/imports`, body, {
      'content-type': 'multipart/form-data; boundary=b',
    });
    expect([answer.status, answer.body.code]).toEqual([400, 'INVALID_BODY']);
    const outcome = answer.body.outcome as { accepted: number; rows: number };
    // 1000-row batches: the three full ones went to Lyon before the body ended.
    expect(outcome).toMatchObject({ rows: 3500, accepted: 3000 });
    expect(await lyonHolds()).toBe(before + outcome.accepted);
  });
});
