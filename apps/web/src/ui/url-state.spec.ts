import { describe, expect, it } from '@jest/globals';
import {
  NO_EXPLORER_FILTER,
  addMonths,
  explorerParams,
  readState,
  reportParams,
  writeState,
} from './url-state.js';

describe(readState.name, () => {
  it('reads a shared link back into the same view', () => {
    const link =
      '?view=review&cities=Lyon,Paris&from=2024-01&to=2024-06&basis=recognized&lang=en&month=2024-06';
    const state = readState(link);
    expect(state).toEqual({
      view: 'review',
      cities: ['Lyon', 'Paris'],
      from: '2024-01',
      to: '2024-06',
      basis: 'recognized',
      lang: 'en',
      month: '2024-06',
      explorer: NO_EXPLORER_FILTER,
    });
    expect(readState(writeState(state))).toEqual(state);
  });

  it('keeps the explorer’s filters in its link, and asks the API for them', () => {
    const link =
      '?view=transactions&cities=Paris&month=2025-12&model=BMW_X3&type=vente&flagged=true&sort=-prix&page=3';
    const state = readState(link);
    expect(state.explorer).toEqual({
      model: 'BMW_X3',
      type: 'vente',
      id: undefined,
      flagged: true,
      sort: '-prix',
      page: 3,
    });
    expect(writeState(state)).toBe(link);
    expect(explorerParams(state).toString()).toBe(
      'partial=true&size=50&city=Paris&month=2025-12&model=BMW_X3&type=vente&flagged=true&sort=-prix&page=3',
    );
    // Another view's link does not carry the explorer's filters.
    expect(writeState({ ...state, view: 'overview' })).toBe('?cities=Paris');
  });

  it('falls back to the defaults on values it does not know', () => {
    expect(readState('?view=admin&from=2024-13&basis=x&lang=de')).toEqual({
      view: 'overview',
      cities: [],
      from: undefined,
      to: undefined,
      basis: 'contract',
      lang: 'fr',
      month: undefined,
      explorer: NO_EXPLORER_FILTER,
    });
    expect(readState('?view=transactions&sort=x&page=-2&type=achat').explorer).toEqual(
      NO_EXPLORER_FILTER,
    );
    expect(writeState(readState(''))).toBe('');
  });

  it('asks the API for a partial answer, the cities as one list', () => {
    const params = reportParams(readState('?cities=Lyon,Paris&from=2024-01'));
    expect(params.toString()).toBe('basis=contract&partial=true&city=Lyon%2CParis&from=2024-01');
  });

  it('counts months across years', () => {
    expect([addMonths('2025-01', -1), addMonths('2024-12', 1), addMonths('2025-03', -12)]).toEqual([
      '2024-12',
      '2025-01',
      '2024-03',
    ]);
  });
});
