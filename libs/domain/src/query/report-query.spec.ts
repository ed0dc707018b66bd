import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../model/errors.js';
import { parseMonth } from '../model/month.js';
import { DEFAULT_COST_RATES, parseReportQuery, type RawReportQuery } from './report-query.js';

describe(parseReportQuery.name, () => {
  it('applies the defaults', () => {
    expect(parseReportQuery({})).toEqual({
      from: undefined,
      to: undefined,
      basis: 'contract',
      cities: undefined,
      limit: 5,
      rankBy: 'count',
      window: 3,
      horizon: 3,
      costRates: DEFAULT_COST_RATES,
    });
  });

  it('reads every parameter', () => {
    const query = parseReportQuery({
      from: '2024-01',
      to: '2024-06',
      basis: 'recognized',
      city: 'Lyon, paris',
      limit: '50',
      by: 'revenue',
      window: '24',
      horizon: '1',
    });
    expect(query).toMatchObject({
      rankBy: 'revenue',
      from: parseMonth('2024-01'),
      to: parseMonth('2024-06'),
      basis: 'recognized',
      cities: ['Lyon', 'paris'],
      limit: 50,
      window: 24,
      horizon: 1,
    });
  });

  it.each<[RawReportQuery, string]>([
    [{ from: '2024-13' }, 'from'],
    [{ to: 'june' }, 'to'],
    [{ from: '2024-06', to: '2024-01' }, 'from'],
    [{ basis: 'cash' }, 'basis'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '51' }, 'limit'],
    [{ window: '1' }, 'window'],
    [{ window: '25' }, 'window'],
    [{ horizon: '0' }, 'horizon'],
    [{ horizon: '2.5' }, 'horizon'],
    [{ city: ' , ' }, 'city'],
  ])('rejects %j naming %s', (raw, parameter) => {
    let caught: unknown;
    try {
      parseReportQuery(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'INVALID_QUERY', details: { parameter } });
  });
});

describe('report ranges', () => {
  it('refuses a range over 600 months, naming the parameter', () => {
    expect(() => parseReportQuery({ from: '0001-01', to: '9999-12' })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY', details: { parameter: 'to' } }),
    );
    expect(() => parseReportQuery({ from: '2000-01', to: '2049-12' })).not.toThrow();
  });
});
