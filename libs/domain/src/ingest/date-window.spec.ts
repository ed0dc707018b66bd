import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest, dateWindow, dayKey } from '#domain/ingest';
import { OpenCityDirectory, monthIndex } from '#domain/model';

describe(dateWindow.name, () => {
  // 2026-11-29 + 31 days = 2026-12-30.
  const window = dateWindow(new Date('2026-11-29T10:00:00Z'), 31);

  it('runs from 2000-01-01 to today + MAX_FUTURE_DAYS', () => {
    expect(window).toEqual({
      earliest: dayKey(monthIndex(2000, 1), 1),
      latest: dayKey(monthIndex(2026, 12), 30),
      maxFutureDays: 31,
    });
  });

  it('rejects a date before or after the window, keeps the bounds themselves', () => {
    const ingest = new CsvIngest(new OpenCityDirectory(), new CityStores(), { dates: window });
    ingest.push(
      [
        'transaction_id,date,ville,type,modele,prix,duree_location_mois',
        'A,1999-12-31,Lyon,vente,BMW_X1,40000,NULL',
        'B,2000-01-01,Lyon,vente,BMW_X1,40000,NULL',
        'C,2026-12-30,Lyon,vente,BMW_X1,40000,NULL',
        'D,2026-12-31,Lyon,vente,BMW_X1,40000,NULL',
        'E,0024-05-01,Lyon,vente,BMW_X1,40000,NULL',
      ].join('\n'),
    );
    ingest.end();
    expect(ingest.counts).toMatchObject({ accepted: 2, rejected: 3 });
    expect(ingest.errors.map(({ line, code, field }) => [line, code, field])).toEqual([
      [2, 'DATE_OUT_OF_RANGE', 'date'],
      [5, 'DATE_OUT_OF_RANGE', 'date'],
      [6, 'DATE_OUT_OF_RANGE', 'date'],
    ]);
    expect(ingest.errors[1]?.message).toBe(
      'line 5: date 2026-12-31 is outside 2000-01-01 to 2026-12-30 (today + MAX_FUTURE_DAYS 31)',
    );
  });
});
