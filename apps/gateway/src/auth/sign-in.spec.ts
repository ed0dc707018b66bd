import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { hashPassword, readUsersFile, writeUsersFile } from '#platform';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { eventually } from '../../../../test/support/http.js';
import { passwordOf, signInCookie, testUsersFile } from '../../../../test/support/users.js';
import { FREE_ATTEMPTS, MAX_WAIT_SECONDS, SignInLimiter } from './sign-in-limiter.js';
import { UserDirectory } from './user-directory.service.js';

// Each password check costs about 0.1 s of scrypt by design; a loaded CI machine takes longer.
jest.setTimeout(30_000);

/** 20 wrong sign-ins in a row for `username` on a fresh gateway: each status, code and message. */
async function twentyWrong(
  workers: InProcessCityWorkers,
  usersFile: string,
  username: string,
): Promise<[number, string, string][]> {
  const { app, baseUrl } = await inProcessGateway(workers, { USERS_FILE: usersFile });
  try {
    const answers: [number, string, string][] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'not-the-password' }),
      });
      const body = (await response.json()) as { code: string; message: string };
      answers.push([response.status, body.code, body.message]);
    }
    return answers;
  } finally {
    await app.close();
  }
}

describe('sign-in', () => {
  let workers: InProcessCityWorkers;
  let usersFile: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    usersFile = await testUsersFile();
  });

  afterAll(async () => {
    await workers.close();
  });

  it('slows 20 wrong passwords down after 5, and answers a wrong name exactly as a wrong password', async () => {
    const known = await twentyWrong(workers, usersFile, 'claire');
    const unknown = await twentyWrong(workers, usersFile, 'nobody-of-that-name');
    expect(unknown).toEqual(known);
    expect(known.slice(0, FREE_ATTEMPTS)).toEqual(
      Array(FREE_ATTEMPTS).fill([401, 'UNAUTHENTICATED', 'unknown user or wrong password']),
    );
    expect(
      known
        .slice(FREE_ATTEMPTS)
        .every(([status, code]) => status === 429 && code === 'TOO_MANY_ATTEMPTS'),
    ).toBe(true);
  });

  it('takes as long for a wrong name as for a wrong password (medians of 9 within a factor 2; skipping the hash would make it 1000 times faster)', async () => {
    const directory = new UserDirectory({
      usersFile,
      dataDir: '',
      sessionIdleMs: 60_000,
      sessionMaxAgeMs: 60_000,
    });
    await directory.onModuleInit();
    try {
      const median = async (name: string): Promise<number> => {
        const times: number[] = [];
        for (let i = 0; i < 9; i += 1) {
          const started = performance.now();
          expect(await directory.verify(name, 'wrong-password')).toBeUndefined();
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[4]!;
      };
      await median('claire');
      const wrongPassword = await median('claire');
      const wrongName = await median('nobody-of-that-name');
      expect(wrongName / wrongPassword).toBeGreaterThan(0.5);
      expect(wrongName / wrongPassword).toBeLessThan(2);
      expect(await directory.verify('CLAIRE', passwordOf('claire'))).toMatchObject({
        name: 'claire',
      });
    } finally {
      directory.onModuleDestroy();
    }
  });
});

describe('sessions and the users file', () => {
  let workers: InProcessCityWorkers;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
  });

  afterAll(async () => {
    await workers.close();
  });

  it('gives an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS, new at each sign-in', async () => {
    const { app, baseUrl } = await inProcessGateway(workers, { USERS_FILE: await testUsersFile() });
    try {
      const signIn = async (headers: Record<string, string>): Promise<string> => {
        const response = await fetch(`${baseUrl}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ username: 'admin', password: passwordOf('admin') }),
        });
        expect(response.status).toBe(200);
        return response.headers.get('set-cookie') ?? '';
      };
      const plain = await signIn({});
      expect(plain).toMatch(
        /^ac_session=[\w-]{43}; Max-Age=43200; Path=\/; Expires=.*; HttpOnly; SameSite=Strict$/,
      );
      const first = plain.split(';')[0]!;
      // Signing in again with the old cookie: a new id, and the old one is worth nothing.
      const again = await signIn({ cookie: first, 'x-forwarded-proto': 'https' });
      expect(again).toContain('; Secure');
      expect(again.split(';')[0]).not.toBe(first);
      expect((await fetch(`${baseUrl}/auth/me`, { headers: { cookie: first } })).status).toBe(401);
      const me = await fetch(`${baseUrl}/auth/me`, { headers: { cookie: again.split(';')[0]! } });
      expect(await me.json()).toEqual({
        mode: 'signed-in',
        name: 'admin',
        role: 'admin',
        cities: [],
        via: 'session',
      });
    } finally {
      await app.close();
    }
  });

  it('reads the users file again when it changes: a user added signs in, a user removed is out at once', async () => {
    const usersFile = await testUsersFile();
    const { app, baseUrl } = await inProcessGateway(workers, { USERS_FILE: usersFile });
    try {
      const claire = { cookie: await signInCookie(baseUrl, 'claire') };
      const users = await readUsersFile(usersFile);
      await writeUsersFile(usersFile, [
        ...users.filter(({ name }) => name !== 'claire'),
        {
          name: 'bruno',
          role: 'direction',
          cities: [],
          password: await hashPassword(passwordOf('bruno')),
        },
      ]);
      const signedIn = async (): Promise<boolean> => {
        try {
          await signInCookie(baseUrl, 'bruno');
          return true;
        } catch {
          return false;
        }
      };
      await eventually(signedIn, 10_000);
      expect((await fetch(`${baseUrl}/cities`, { headers: claire })).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe(SignInLimiter.name, () => {
  it('keeps the real user out a minute at most, however many guesses came before', () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    const keys = ['user:claire'];
    for (let guess = 0; guess < 50; guess += 1) {
      now += limiter.waitSeconds(keys) * 1000;
      limiter.failed(keys);
    }
    expect(limiter.waitSeconds(keys)).toBe(MAX_WAIT_SECONDS);
    now += MAX_WAIT_SECONDS * 1000;
    expect(limiter.waitSeconds(keys)).toBe(0);
    limiter.succeeded(keys);
    limiter.failed(keys);
    expect(limiter.waitSeconds(keys)).toBe(0);
  });
});
