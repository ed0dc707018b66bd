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

describe(`${CityStore.name} state`, () => {
  /** A store of `rows` sales (one deleted, prices usual, and one far from them), as appended. */
  function filled(rows: number): CityStore {
    const store = new CityStore('Lyon');
    for (let row = 0; row < rows; row += 1)
      store.append(sale(`S${row}`, `M${row % 7}`, 1000 + row));
    store.remove('S3');
    return store;
  }

  it('gives back a store that holds, finds, refuses and summarizes as the original', () => {
    const original = filled(5000);
    const restored = CityStore.fromState('Lyon', original.state());
    expect(restored.columns()).toEqual(original.columns());
    expect(restored.length).toBe(4999);
    expect(restored.holds('S4999')).toBe(true);
    expect(restored.holds('S3')).toBe(false);
    expect(restored.append(sale('S10', 'M3', 1010))).toBe('duplicate');
    expect(restored.append(sale('S10', 'M3', 1))).toBe('conflict');
  });

  it('grows on after it as the original does: new ids, a deleted id again, price references', () => {
    const original = filled(3000);
    const restored = CityStore.fromState('Lyon', original.state());
    for (const store of [original, restored]) {
      for (let row = 3000; row < 9000; row += 1) {
        expect(store.append(sale(`S${row}`, `M${row % 9}`, 1000 + row))).toBe('accepted');
      }
      expect(store.append(sale('S3', 'M3', 1003))).toBe('accepted');
      // 5x above the model's usual price: flagged by both, from the same first prices.
      store.append(sale('FAR', 'M1', 50_000));
    }
    expect(restored.unusualPrice).toBe(original.unusualPrice);
    expect(restored.unusualPrice).toBeDefined();
    expect(restored.columns()).toEqual(original.columns());
  });

  it('refuses a state whose parts disagree', () => {
    const state = filled(10).state();
    expect(() => CityStore.fromState('Lyon', { ...state, day: state.day.subarray(1) })).toThrow(
      /inconsistent/,
    );
  });
});
