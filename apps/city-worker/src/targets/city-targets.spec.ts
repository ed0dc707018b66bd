import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { TargetRecord } from '#domain/targets';
import { CityTargets } from './city-targets.js';

const folder = (): string => mkdtempSync(join(tmpdir(), 'city-targets-'));

describe(CityTargets.name, () => {
  it('sets, replaces and removes targets, on disk before it answers, and reads them back', () => {
    const dataDir = folder();
    const lyon = new CityTargets('Lyon', dataDir);
    const empty = lyon.version;
    const set = lyon.change({
      set: [
        { city: 'lyon', month: '2026-01', type: null, target: 1_250_000 },
        { city: 'Lyon', month: '2026-01', type: 'vente', target: 900_000.5 },
      ],
    });
    expect(set).toMatchObject({ replaced: 0, removed: false });
    expect(set.version).not.toBe(empty);
    const again = lyon.change({
      set: [{ city: 'Lyon', month: '2026-01', type: null, target: 1_300_000 }],
    });
    expect(again.replaced).toBe(1);
    expect(lyon.change({ remove: { month: '2026-01', type: 'vente' } }).removed).toBe(true);
    expect(lyon.change({ remove: { month: '2026-02', type: null } }).removed).toBe(false);
    const reread = new CityTargets('Lyon', dataDir);
    expect(reread.list()).toEqual({
      version: lyon.version,
      targets: [{ city: 'Lyon', month: '2026-01', type: null, target: 1_300_000 }],
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'lyon.targets.json'), 'utf8'))).toMatchObject({
      city: 'Lyon',
    });
  });

  it('refuses whole what the gateway never sends: another city, a bad month, amount or type', () => {
    const lyon = new CityTargets('Lyon', folder());
    const refused = (record: Partial<TargetRecord>): void => {
      expect(() =>
        lyon.change({
          set: [
            { city: 'Lyon', month: '2026-01', type: null, target: 1000 },
            { city: 'Lyon', month: '2026-02', type: null, target: 1000, ...record },
          ],
        }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_BATCH' }));
    };
    refused({ city: 'Paris' });
    refused({ month: '2026-13' });
    refused({ target: -5 });
    refused({ target: 10.005 });
    refused({ type: 'achat' as TargetRecord['type'] });
    refused({ target: '1000' as unknown as number });
    // Nothing of a refused change is kept.
    expect(lyon.list().targets).toEqual([]);
  });
});
