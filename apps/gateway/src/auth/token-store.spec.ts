import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TokenStore } from './token-store.service.js';

function store(dataDir: string): TokenStore {
  return new TokenStore({
    usersFile: undefined,
    dataDir,
    sessionIdleMs: 1,
    sessionMaxAgeMs: 1,
  });
}

describe(TokenStore.name, () => {
  it('refuses a token from the moment it expires, and keeps no secret on disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tokens-'));
    const tokens = store(dataDir);
    await tokens.onModuleInit();
    const created = new Date('2026-12-01T08:00:00Z');
    const { token } = await tokens.create(
      { name: 'nightly', role: 'importer', cities: ['Lyon'], createdBy: 'admin' },
      1,
      created,
    );
    const dayLater = created.getTime() + 86_400_000;
    expect(tokens.verify(token, dayLater - 1)).toMatchObject({ name: 'nightly' });
    expect(tokens.verify(token, dayLater)).toBeUndefined();
    expect(tokens.verify(`${token.slice(0, -1)}x`, created.getTime())).toBeUndefined();
    const onDisk = readFileSync(join(dataDir, 'tokens.json'), 'utf8');
    expect(onDisk).not.toContain(token.slice('act_'.length + 17));
    const reread = store(dataDir);
    await reread.onModuleInit();
    expect(reread.verify(token, created.getTime())).toMatchObject({
      role: 'importer',
      cities: ['Lyon'],
    });
  });
});
