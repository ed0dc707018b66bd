import { describe, expect, it } from '@jest/globals';
import { expectClose, fixturePath } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';
import {
  THREE_CITIES_AS_OF,
  THREE_CITIES_INGEST,
  THREE_CITIES_REPORT,
} from '../support/three-cities-expected.js';

describe('npm run report', () => {
  it('prints the JSON contract, equal field by field to the hand-worked report', () => {
    const run = runCli('report', [
      fixturePath('ok/three-cities.csv'),
      '--json',
      '--as-of',
      THREE_CITIES_AS_OF,
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['basis', 'from', 'to', 'cities', 'data', 'ingest']);
    expectClose(json, { ...THREE_CITIES_REPORT, ingest: THREE_CITIES_INGEST });
  });

  it('reads French Excel files as the same data: three-cities, and Windows-1252 with --charset', () => {
    const report = (file: string, ...options: string[]): unknown =>
      JSON.parse(runCli('report', [fixturePath(file), '--json', ...options]).stdout);
    expect(report('ok/three-cities-excel-fr.csv')).toEqual(report('ok/three-cities.csv'));
    expect(report('ok/accents-excel-fr-cp1252.csv', '--charset', 'windows-1252')).toEqual(
      report('ok/accents.csv'),
    );
  });

  it('reports against a targets file as the API does, saying each refused line on stderr', () => {
    const run = runCli('report', [
      fixturePath('ok/three-cities.csv'),
      '--json',
      '--targets',
      fixturePath('not-ok/targets-bad-lines.csv'),
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'target line 3: mois "2024-13" is not a month (YYYY-MM, or MM/YYYY) [INVALID_MONTH]\n',
    );
    const { data } = JSON.parse(run.stdout) as {
      data: { targets: { cities: { city: string; months: { attainment: number | null }[] }[] } };
    };
    // Lyon's January target of 50 000 against 47 400 (T1 and T2) is the one line that holds for it.
    expect(data.targets.cities[0]).toMatchObject({ city: 'Lyon' });
    expect(data.targets.cities[0]!.months.map((m) => m.attainment)).toEqual([0.948, null, null]);
  });

  it('lists rejected rows on stderr with their line and reason', () => {
    const run = runCli('report', [fixturePath('ok/three-cities.csv'), '--json']);
    expect(run.stderr).toBe(
      'rejected line 12: transaction_id "T1" is already stored with another date, modele, prix, cout: not stored (correct it with PUT /transactions/{id}) [CONFLICTING_DUPLICATE]\n' +
        'rejected line 13: date "2024-02-30" is not a real date written YYYY-MM-DD [INVALID_DATE]\n',
    );
  });

  it('lists at most 20 rejected rows and counts the others', () => {
    const run = runCli('report', [fixturePath('not-ok/every-rule.csv'), '--json']);
    expect(run.status).toBe(0);
    // Every city is served by the one-process report, so "Nice" is accepted here: 18 rejected,
    // and OK1 reused with other content.
    const listed = run.stderr.split('\n').filter((line) => line.startsWith('rejected line'));
    expect(listed).toHaveLength(19);
    expect((JSON.parse(run.stdout) as { ingest: unknown }).ingest).toEqual({
      rows: 21,
      accepted: 2,
      duplicates: 0,
      conflicts: 1,
      rejected: 18,
    });
  });

  it('prints readable tables in French by default', () => {
    const run = runCli('report', [fixturePath('ok/three-cities.csv'), '--city', 'Lyon']);
    expect(run.status).toBe(0);
    for (const title of [
      'Chiffre d’affaires mensuel',
      'Répartition ventes / locations',
      'Comparaison des villes',
      'Meilleurs modèles',
      'Saisonnalité',
      'Rotation (durée de location, mois)',
      'Marges par type et ville',
      'Tendance et prévision',
      'Entreprise (toutes villes)',
    ]) {
      expect(run.stdout).toContain(`== ${title}`);
    }
    expect(run.stdout).toMatch(/^Ville +Mois +Ventes \(€\) +Locations \(€\) +Total \(€\)/m);
    expect(run.stdout).toMatch(/Lyon +2024-01 +45\s000,00\s€ +2\s400,00\s€ +47\s400,00\s€/);
  });

  it('prints the same tables in English with --lang en', () => {
    const run = runCli('report', [
      fixturePath('ok/three-cities.csv'),
      '--city',
      'Lyon',
      '--lang',
      'en',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('== Monthly revenue');
    expect(run.stdout).toContain('== Inter-city comparison');
    expect(run.stdout).toMatch(/^City +Month +Sales \(€\) +Rentals \(€\) +Total \(€\)/m);
    expect(run.stdout).toMatch(/Lyon +2024-01 +45\s000,00\s€ +2\s400,00\s€ +47\s400,00\s€/);
  });

  it.each([
    [['not-ok/missing-column.csv'], /^error: the header lacks required column duree_location_mois/],
    [['not-ok/empty.csv'], /^error: the file is empty/],
    [['not-ok/not-utf8.csv'], /^error: the file is not valid UTF-8 text/],
    [['ok/missing-file.csv'], /^error: cannot read .*missing-file\.csv/],
    [
      ['ok/three-cities.csv', '--window', '1'],
      /^error: window must be a whole number from 2 to 24/,
    ],
    [
      ['ok/three-cities.csv', '--city', 'Nice'],
      /^error: unknown city "Nice"; known cities: Lyon, Marseille, Paris/m,
    ],
  ])('exits non-zero with a clear message for %j', (args, message) => {
    const [file = '', ...options] = args;
    const run = runCli('report', [fixturePath(file), ...options]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 with the usage on a bad invocation', () => {
    const run = runCli('report', []);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run report -- FILE');
  });

  it('exits 2 naming the languages on an unknown --lang', () => {
    const run = runCli('report', [fixturePath('ok/three-cities.csv'), '--lang', 'de']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--lang must be one of fr, en, not "de"');
  });
});
