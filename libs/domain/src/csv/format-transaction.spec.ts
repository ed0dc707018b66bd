import { describe, expect, it } from '@jest/globals';
import { CityStores } from '../ingest/city-stores.js';
import { CsvIngest } from '../ingest/csv-ingest.js';
import { FixedCityDirectory } from '../model/cities.js';
import { monthIndex } from '../model/month.js';
import { TransactionType, type Transaction } from '../model/transaction.js';
import {
  TRANSACTION_CSV_HEADER,
  canonicalLineSuffix,
  formatTransaction,
} from './format-transaction.js';

describe(formatTransaction.name, () => {
  const transactions: Transaction[] = [
    {
      transactionId: 'T1',
      month: monthIndex(2025, 3),
      day: 7,
      city: 'Lyon',
      type: TransactionType.Sale,
      model: 'BMW_X3',
      priceCents: 4_500_050,
      durationMonths: 0,
      costCents: undefined,
    },
    {
      transactionId: 'T,"2"',
      month: monthIndex(2024, 12),
      day: 31,
      city: 'Lyon',
      type: TransactionType.Rental,
      model: 'Audi "Q5", S',
      priceCents: 80_005,
      durationMonths: 48,
      costCents: 50_000,
    },
  ];

  it('writes canonical CSV lines', () => {
    expect(transactions.map((transaction) => formatTransaction(transaction))).toEqual([
      'T1,2025-03-07,Lyon,vente,BMW_X3,45000.50,NULL,',
      '"T,""2""",2024-12-31,Lyon,location,"Audi ""Q5"", S",800.05,48,500',
    ]);
  });

  it('reads back as the same transactions', () => {
    const stores = new CityStores();
    const ingest = new CsvIngest(new FixedCityDirectory(['Lyon']), stores);
    ingest.push(
      `${TRANSACTION_CSV_HEADER}\n${transactions.map((transaction) => formatTransaction(transaction)).join('\n')}\n`,
    );
    ingest.end();
    expect(ingest.counts).toEqual({
      rows: 2,
      accepted: 2,
      duplicates: 0,
      conflicts: 0,
      rejected: 0,
    });
    const columns = stores.storeFor('Lyon').columns();
    expect([...columns.priceCents.subarray(0, 2)]).toEqual([4_500_050, 80_005]);
    expect([
      columns.models[columns.model[1]!],
      columns.durationMonths[1],
      columns.costCents[1],
      columns.day[1],
    ]).toEqual(['Audi "Q5", S', 48, 50_000, 31]);
  });
});

describe(canonicalLineSuffix.name, () => {
  it('keeps records under the shard header or the brief one, and rewrites any other', () => {
    expect(canonicalLineSuffix(TRANSACTION_CSV_HEADER.split(','))).toBe('');
    expect(
      canonicalLineSuffix(
        TRANSACTION_CSV_HEADER.split(',')
          .slice(0, 7)
          .map((column) => ` ${column.toUpperCase()}`),
      ),
    ).toBe(',');
    expect(
      canonicalLineSuffix([
        'date',
        'transaction_id',
        'ville',
        'type',
        'modele',
        'prix',
        'duree_location_mois',
      ]),
    ).toBeUndefined();
    expect(canonicalLineSuffix([...TRANSACTION_CSV_HEADER.split(','), 'notes'])).toBeUndefined();
  });
});
