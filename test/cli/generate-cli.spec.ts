import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../support/run-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'generate-'));

function generate(name: string, ...args: string[]): string[] {
  const out = join(directory, name);
  const run = runCli('generate', ['--out', out, ...args]);
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8').trimEnd().split('\n');
}

const digest = (lines: string[]): string =>
  createHash('sha256').update(lines.join('\n')).digest('hex');

describe('npm run generate', () => {
  const lines = generate('a.csv', '--rows', '30000', '--seed', '5');

  it('writes exactly the rows asked for, under the brief header, in date order', () => {
    expect(lines[0]).toBe('transaction_id,date,ville,type,modele,prix,duree_location_mois');
    expect(lines).toHaveLength(30_001);
    const dates = lines.slice(1).map((line) => line.split(',')[1]);
    expect([...dates].sort()).toEqual(dates);
    expect([dates[0]!.slice(0, 7), dates[dates.length - 1]!.slice(0, 7)]).toEqual([
      '2023-01',
      '2025-12',
    ]);
  });

  it('writes ids no other seed and not the shipped sample use', () => {
    const other = generate('e.csv', '--rows', '30000', '--seed', '6');
    const ids = (file: string[]): string[] => file.slice(1).map((line) => line.split(',')[0]!);
    const sample = readFileSync(join(process.cwd(), 'data', 'transactions_autoconnect.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const seen = new Set([...ids(lines), ...ids(other), ...ids(sample)]);
    expect(seen.size).toBe(30_000 + 30_000 + sample.length - 1);
    expect(ids(lines)[0]).toBe('G5-000001');
  });

  it('is deterministic for a seed and different for another', () => {
    expect(digest(generate('b.csv', '--rows', '30000', '--seed', '5'))).toBe(digest(lines));
    expect(digest(generate('c.csv', '--rows', '30000', '--seed', '6'))).not.toBe(digest(lines));
  });

  it('looks like the dealer: about 40% rentals of 1-48 months, cities of different sizes', () => {
    const rows = lines.slice(1).map((line) => line.split(','));
    const rentals = rows.filter((row) => row[3] === 'location');
    expect(rentals.length / rows.length).toBeGreaterThan(0.35);
    expect(rentals.length / rows.length).toBeLessThan(0.45);
    expect(rentals.every((row) => Number(row[6]) >= 1 && Number(row[6]) <= 48)).toBe(true);
    expect(rows.filter((row) => row[3] === 'vente').every((row) => row[6] === 'NULL')).toBe(true);
    const perCity = (city: string): number => rows.filter((row) => row[2] === city).length;
    expect(perCity('Paris')).toBeGreaterThan(perCity('Lyon'));
    expect(perCity('Lyon')).toBeGreaterThan(perCity('Marseille'));
  });

  it('adds a cost column with --with-cost and honours cities and months', () => {
    const costed = generate(
      'd.csv',
      '--rows',
      '500',
      '--with-cost',
      '--cities',
      'Toulouse,Bordeaux',
      '--from',
      '2026-01',
      '--to',
      '2026-02',
    );
    expect(costed[0]).toBe('transaction_id,date,ville,type,modele,prix,duree_location_mois,cout');
    const rows = costed.slice(1).map((line) => line.split(','));
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['Toulouse', 'Bordeaux']));
    expect(rows.every((row) => row[1]! >= '2026-01-01' && row[1]! <= '2026-02-28')).toBe(true);
    expect(rows.every((row) => Number(row[7]) > 0 && Number(row[7]) < Number(row[5]))).toBe(true);
  });

  it('refuses a bad option with the usage', () => {
    const run = runCli('generate', ['--rows', 'many', '--out', join(directory, 'e.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--rows must be a whole number');
  });
});
