import { describe, expect, it } from '@jest/globals';
import { TransactionType, type Transaction } from '../model/transaction.js';
import { CityStore } from './city-store.js';

const sale = (transactionId: string, model: string, priceCents: number): Transaction => ({
  transactionId,
  month: 24_289,
  day: 3,
  city: 'Lyon',
  type: TransactionType.Sale,
  model,
  priceCents,
  durationMonths: 0,
  costCents: undefined,
});

describe(CityStore.name, () => {
  it('keeps the first transaction of an id: the same again is a duplicate, other content a conflict', () => {
    const store = new CityStore('Lyon');
    expect(store.append(sale('T1', 'BMW_X3', 100))).toBe('accepted');
    expect(store.append(sale('T1', 'BMW_X3', 100))).toBe('duplicate');
    expect(store.append(sale('T1', 'BMW_X5', 999))).toBe('conflict');
    expect(store.differences(sale('T1', 'BMW_X5', 999))).toEqual(['modele', 'prix']);
    expect(store.differences({ ...sale('T1', 'BMW_X3', 100), costCents: 5 })).toEqual(['cout']);
    const columns = store.columns();
    expect([columns.length, columns.priceCents[0], columns.models]).toEqual([1, 100, ['BMW_X3']]);
  });

  it('grows its columns and interns model names', () => {
    const store = new CityStore('Lyon');
    for (let row = 0; row < 5000; row += 1) store.append(sale(`T${row}`, `M${row % 3}`, row));
    const columns = store.columns();
    expect(columns.length).toBe(5000);
    expect(columns.models).toEqual(['M0', 'M1', 'M2']);
    expect([
      columns.model[4999],
      columns.priceCents[4999],
      Number.isNaN(columns.costCents[4999]),
    ]).toEqual([1, 4999, true]);
  });
});
