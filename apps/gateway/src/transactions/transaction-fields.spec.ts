import { describe, expect, it } from '@jest/globals';
import { transactionFields } from './transaction-fields.js';
import type { TransactionDto } from './transaction.dto.js';

const sale = (prix: number, cout?: number): TransactionDto => ({
  transaction_id: 'J1',
  date: '2025-03-02',
  ville: 'Lyon',
  type: 'vente',
  modele: 'BMW_X1',
  prix,
  duree_location_mois: null,
  ...(cout === undefined ? {} : { cout }),
});

describe(transactionFields.name, () => {
  it('gives a price computed in floating point as the cent it stands for', () => {
    // 19.99 * 3 is 59.970000000000006 in JavaScript, which the contract refused for its decimals.
    expect(transactionFields(sale(19.99 * 3, 0.1 + 0.2))).toEqual([
      'J1',
      '2025-03-02',
      'Lyon',
      'vente',
      'BMW_X1',
      '59.97',
      'NULL',
      '0.3',
    ]);
  });

  it('keeps a real fraction of a cent, for the contract to refuse', () => {
    expect(transactionFields(sale(59.975))[5]).toBe('59.975');
    expect(transactionFields(sale(45000))[5]).toBe('45000');
  });
});
