import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '../../../ingest/index.js';
import { OpenCityDirectory } from '../../../model/index.js';
import { parseReportQuery } from '../../../query/index.js';
import { buildReport } from '../../build-report.js';
import type { Progress } from './types.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

function progressOf(rows: string[], asOf: string): Progress {
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push([HEADER, ...rows].join('\n'));
  ingest.end();
  return buildReport(stores.summarize(), parseReportQuery({ asOf })).data.progress;
}

describe('progress section', () => {
  it('compares days 1 to D of the month in progress with the same days before, by hand', () => {
    const progress = progressOf(
      [
        // December 2025, the month in progress as of the 14th: the 15th is not counted.
        'A,2025-12-02,Lyon,vente,BMW_X3,40000,NULL',
        'B,2025-12-14,Lyon,location,Audi_A3,500,6',
        'C,2025-12-15,Lyon,vente,BMW_X5,90000,NULL',
        // November: the 1st to the 14th only.
        'D,2025-11-14,Lyon,vente,Audi_A4,30000,NULL',
        'E,2025-11-20,Lyon,vente,Audi_A4,99000,NULL',
        // December 2024.
        'F,2024-12-01,Lyon,vente,Tesla_Model_3,20000,NULL',
        'G,2024-12-31,Lyon,vente,Tesla_Model_3,20000,NULL',
      ],
      '2025-12-14',
    );
    // 40 000 + 500 x 6 = 43 000; November 1-14: 30 000; December 2024 1-14: 20 000.
    // Since January 1st: A, B, D and E = 172 000; 2024 to 14 December: F = 20 000.
    const yearToDate = {
      yearToDate: { from: '2025-01-01', to: '2025-12-14', revenue: 172000, transactions: 4 },
      yearToDateLastYear: { from: '2024-01-01', to: '2024-12-14', revenue: 20000, transactions: 1 },
      yearToDateChange: 7.6,
    };
    expect(progress).toEqual({
      asOf: '2025-12-14',
      month: '2025-12',
      throughDay: 14,
      cities: [
        {
          city: 'Lyon',
          current: { month: '2025-12', revenue: 43000, transactions: 2 },
          previousMonth: { month: '2025-11', revenue: 30000, transactions: 1 },
          lastYear: { month: '2024-12', revenue: 20000, transactions: 1 },
          growth: 0.4333,
          yearOverYear: 1.15,
          ...yearToDate,
          lastDate: '2025-12-15',
        },
      ],
      company: {
        current: { month: '2025-12', revenue: 43000, transactions: 2 },
        previousMonth: { month: '2025-11', revenue: 30000, transactions: 1 },
        lastYear: { month: '2024-12', revenue: 20000, transactions: 1 },
        growth: 0.4333,
        yearOverYear: 1.15,
        ...yearToDate,
        lastDate: '2025-12-15',
      },
    });
  });

  it('refuses an asOf that is not a real date, naming the parameter', () => {
    expect(() => parseReportQuery({ asOf: '2025-02-30' })).toThrow(
      'asOf must be a date YYYY-MM-DD, not "2025-02-30"',
    );
  });
});
