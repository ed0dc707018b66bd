import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { signInCookie, testUsersFile } from '../../../../test/support/users.js';
import type { AuditEntry } from './audit-entry.js';
import { AuditLog } from './audit-log.service.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

describe(AuditLog.name, () => {
  let workers: InProcessCityWorkers;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Paris']);
  });

  afterAll(async () => {
    await workers.close();
  });

  it('lists every write of a run with its user after a restart, newest first', async () => {
    const env = {
      USERS_FILE: await testUsersFile(),
      GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'audit-')),
    };
    const first = await inProcessGateway(workers, env);
    const admin = { cookie: await signInCookie(first.baseUrl, 'admin') };
    const importer = { cookie: await signInCookie(first.baseUrl, 'lyon-import') };
    const direction = { cookie: await signInCookie(first.baseUrl, 'direction') };
    const post = (
      headers: Record<string, string>,
      path: string,
      body: string,
      type: string,
    ): Promise<Response> =>
      fetch(`${first.baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type },
        body,
      });
    expect(
      (
        await post(
          importer,
          '/imports',
          `${HEADER}\nA1,2025-01-05,Lyon,vente,BMW_X1,30000,NULL\nA2,2025-01-06,Paris,vente,BMW_X1,30000,NULL`,
          'text/csv',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          direction,
          '/imports',
          `${HEADER}\nA3,2025-01-05,Lyon,vente,BMW_X1,30000,NULL`,
          'text/csv',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await fetch(`${first.baseUrl}/transactions/A1?city=Lyon`, {
          method: 'DELETE',
          headers: admin,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          {},
          '/auth/login',
          JSON.stringify({ username: 'admin', password: 'wrong-one' }),
          'application/json',
        )
      ).status,
    ).toBe(401);
    await first.app.close();

    const second = await inProcessGateway(workers, env);
    try {
      const page = await fetch(`${second.baseUrl}/audit?limit=50`, {
        headers: { cookie: await signInCookie(second.baseUrl, 'admin') },
      });
      const { entries } = (await page.json()) as {
        entries: {
          user: string;
          action: string;
          status: number;
          outcome: Record<string, unknown> | null;
        }[];
      };
      const writes = entries
        .filter(({ action }) => action !== 'sign-in')
        .map(({ user, action, status, outcome }) => [
          user,
          action,
          status,
          outcome?.accepted ?? outcome?.code ?? null,
        ]);
      expect(writes).toEqual([
        ['admin', 'sign-in.failure', 401, null],
        ['admin', 'transaction.delete', 200, null],
        ['direction', 'refused', 403, 'FORBIDDEN'],
        ['lyon-import', 'import', 200, 1],
      ]);
    } finally {
      await second.app.close();
    }
  });

  it('answers the request it records when the trail cannot be written (the error goes to the log)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audit-'));
    const gateway = await inProcessGateway(workers, {
      USERS_FILE: await testUsersFile(),
      GATEWAY_DATA_DIR: dataDir,
    });
    try {
      // The folder is gone and a file stands in its place: no append can succeed.
      rmSync(dataDir, { recursive: true });
      writeFileSync(dataDir, '');
      const failed = await fetch(`${gateway.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'wrong-one' }),
      });
      expect(failed.status).toBe(401);
      const admin = { cookie: await signInCookie(gateway.baseUrl, 'admin') };
      const imported = await fetch(`${gateway.baseUrl}/imports`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'text/csv' },
        body: `${HEADER}\nA9,2025-01-05,Lyon,vente,BMW_X1,30000,NULL`,
      });
      expect(imported.status).toBe(200);
    } finally {
      await gateway.app.close();
    }
  });

  it('pages the trail newest first, the last page short and past it empty', async () => {
    const log = new AuditLog({
      usersFile: undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'audit-')),
      sessionIdleMs: 1,
      sessionMaxAgeMs: 1,
    });
    const entry = (n: number): AuditEntry => ({
      at: `2026-12-03T08:00:0${n}.000Z`,
      user: `u${n}`,
      role: 'admin',
      via: 'api-key',
      client: '127.0.0.1',
      action: 'import',
      request: 'POST /imports',
      status: 200,
      requestId: null,
      outcome: null,
    });
    for (let n = 0; n < 7; n += 1) await log.record(entry(n));
    const users = (offset: number, limit: number): string[] =>
      log.page(offset, limit).entries.map(({ user }) => user);
    expect(users(0, 3)).toEqual(['u6', 'u5', 'u4']);
    expect(users(3, 3)).toEqual(['u3', 'u2', 'u1']);
    expect(users(6, 3)).toEqual(['u0']);
    expect(users(9, 3)).toEqual([]);
    expect(log.page(3, 3)).toMatchObject({ total: 7, offset: 3 });
  });
});
