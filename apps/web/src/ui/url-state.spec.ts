import { describe, expect, it } from '@jest/globals';
import { addMonths } from './months.js';
import { periodRange } from './periods.js';
import {
  NO_EXPLORER_FILTER,
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
      period: undefined,
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
      period: undefined,
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

  it('keeps a ready-made period in the link, its months those of the day the link is opened', () => {
    const link = '?period=last-3-months';
    expect(readState(link, '2026-12')).toMatchObject({ from: '2026-09', to: '2026-11' });
    // The same link in February: November to January.
    expect(readState(link, '2027-02')).toMatchObject({ from: '2026-11', to: '2027-01' });
    expect(writeState(readState(link, '2026-12'), '2026-12')).toBe(link);
    // A month changed by hand leaves the period: the link then carries the months.
    const moved = { ...readState(link, '2026-12'), from: '2026-06' };
    expect(writeState(moved, '2026-12')).toBe('?from=2026-06&to=2026-11');
  });

  it('gives each period its months, by hand for December 2026 and January 2027', () => {
    const ranges = (current: string): { from: string; to: string }[] =>
      (['last-month', 'last-3-months', 'this-year', 'last-12-months', 'last-year'] as const).map(
        (period) => periodRange(period, current),
      );
    expect(ranges('2026-12')).toEqual([
      { from: '2026-11', to: '2026-11' },
      { from: '2026-09', to: '2026-11' },
      { from: '2026-01', to: '2026-12' },
      { from: '2025-12', to: '2026-11' },
      { from: '2025-01', to: '2025-12' },
    ]);
    expect(ranges('2027-01')).toEqual([
      { from: '2026-12', to: '2026-12' },
      { from: '2026-10', to: '2026-12' },
      { from: '2027-01', to: '2027-01' },
      { from: '2026-01', to: '2026-12' },
      { from: '2026-01', to: '2026-12' },
    ]);
  });

  it('counts months across years', () => {
    expect([addMonths('2025-01', -1), addMonths('2024-12', 1), addMonths('2025-03', -12)]).toEqual([
      '2024-12',
      '2025-01',
      '2024-03',
    ]);
  });
});
