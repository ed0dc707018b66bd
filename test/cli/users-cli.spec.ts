import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { readUsersFile, verifyPassword } from '../../libs/platform/src/index.js';
import { runCli } from '../support/run-cli.js';

// Each run is a Node process of its own (about 1 s here).
jest.setTimeout(60_000);

describe('npm run users', () => {
  it('adds a user with the password read on standard input, stored as a hash only, and changes or removes them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'users-cli-')), 'users.yml');
    const added = runCli(
      'users',
      ['add', 'claire', '--role', 'manager', '--cities', 'Marseille', '--file', file],
      'claire-secret-2026\n',
    );
    expect(added.status).toBe(0);
    expect(added.stderr).toContain('claire (manager, Marseille) added');
    expect(readFileSync(file, 'utf8')).not.toContain('claire-secret-2026');
    const [claire] = await readUsersFile(file);
    expect(claire).toMatchObject({ name: 'claire', role: 'manager', cities: ['Marseille'] });
    expect(await verifyPassword('claire-secret-2026', claire!.password)).toBe(true);

    expect(
      runCli(
        'users',
        ['add', 'claire', '--role', 'direction', '--file', file],
        'another-secret-2026\n',
      ).stderr,
    ).toContain('updated');
    expect(runCli('users', ['list', '--file', file]).stdout).toBe('claire\tdirection\t(toutes)\n');
    expect(runCli('users', ['remove', 'claire', '--file', file]).status).toBe(0);
    expect(await readUsersFile(file)).toEqual([]);
  });

  it('refuses a short password, a role it does not know, and a manager without cities, naming the problem', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'users-cli-')), 'users.json');
    const short = runCli('users', ['add', 'a', '--role', 'admin', '--file', file], 'short\n');
    expect([short.status, short.stderr]).toEqual([
      2,
      expect.stringContaining('at least 12 characters'),
    ]);
    const role = runCli(
      'users',
      ['add', 'a', '--role', 'boss', '--file', file],
      'long-enough-pw\n',
    );
    expect(role.stderr).toContain('--role must be one of admin, direction, manager, importer');
    const cities = runCli(
      'users',
      ['add', 'a', '--role', 'manager', '--file', file],
      'long-enough-pw\n',
    );
    expect(cities.stderr).toContain('a manager needs --cities');
  });
});
