import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, writeUsersFile, type Role } from '../../libs/platform/src/index.js';

/** The users of the access tests: one per role, each password its name twice plus `-pw`. */
export const TEST_USERS: readonly { name: string; role: Role; cities: string[] }[] = [
  { name: 'admin', role: 'admin', cities: [] },
  { name: 'direction', role: 'direction', cities: [] },
  { name: 'claire', role: 'manager', cities: ['Marseille'] },
  { name: 'lyon-import', role: 'importer', cities: ['Lyon'] },
];

export function passwordOf(name: string): string {
  return `${name}-${name}-pw`;
}

/** A users file (YAML) holding {@link TEST_USERS}. */
export async function testUsersFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'users-')), 'users.yml');
  await writeUsersFile(
    path,
    await Promise.all(
      TEST_USERS.map(async (user) => ({
        ...user,
        password: await hashPassword(passwordOf(user.name)),
      })),
    ),
  );
  return path;
}

/** Signs `name` in: the session cookie to send (`ac_session=…`). */
export async function signInCookie(baseUrl: string, name: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, password: passwordOf(name) }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${name}: ${response.status}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}
