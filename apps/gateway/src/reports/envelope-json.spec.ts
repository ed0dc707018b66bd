import { describe, expect, it } from '@jest/globals';
import { envelopeJson } from './envelope-json.js';
import type { ReportEnvelope } from './report-envelope.js';

const ENVELOPE: ReportEnvelope = {
  report: 'monthly',
  basis: 'recognized',
  from: '2024-01',
  to: '2024-02',
  cities: ['Lyon', 'Saint-Étienne'],
  data: [{ city: 'Lyon', month: '2024-01', total: 41_000.5, note: 'vente "neuve"\n' }] as never,
  meta: {
    currency: 'EUR',
    elapsedMs: 1.25,
    workers: [{ city: 'Lyon', elapsedMs: 0.5, transactions: 3 }],
    missingCities: [],
  },
};

describe(envelopeJson.name, () => {
  it('gives what JSON.stringify gives, key for key and in the same order, for every answer of a kept report', () => {
    expect(envelopeJson(ENVELOPE)).toBe(JSON.stringify(ENVELOPE));
    // The same data in the next answer, with its own timings.
    const next = { ...ENVELOPE, meta: { ...ENVELOPE.meta, elapsedMs: 9 } };
    expect(envelopeJson(next)).toBe(JSON.stringify(next));
    const empty = { ...ENVELOPE, from: null, to: null, cities: [], data: null as never };
    expect(envelopeJson(empty)).toBe(JSON.stringify(empty));
  });
});
