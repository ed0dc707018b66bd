import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../model/errors.js';
import { REQUIRED_COLUMNS, parseHeader } from './columns.js';

describe(parseHeader.name, () => {
  it('finds the columns by name in any order, case-insensitively, ignoring unknown ones', () => {
    const layout = parseHeader([
      ' PRIX',
      'modele',
      'extra',
      'ville',
      'date',
      'type',
      'transaction_id',
      'duree_location_mois',
    ]);
    expect(layout).toEqual({
      transaction_id: 6,
      date: 4,
      ville: 3,
      type: 5,
      modele: 1,
      prix: 0,
      duree_location_mois: 7,
      cout: -1,
      width: 8,
    });
  });

  it('finds the optional cout column', () => {
    expect(parseHeader([...REQUIRED_COLUMNS, 'cout']).cout).toBe(7);
  });

  it('rejects a header without a required column, naming it', () => {
    const attempt = (): unknown =>
      parseHeader(['transaction_id', 'date', 'ville', 'type', 'modele']);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/lacks required columns prix, duree_location_mois/);
  });
});
