import { TRANSACTION_CSV_HEADER } from '#domain/csv';

/** One hostile request: what the hardening issue found could block or break the gateway. */
export interface BadInput {
  readonly name: string;
  readonly path: string;
  readonly init: RequestInit;
}

const huge = (megabytes: number): string =>
  `${TRANSACTION_CSV_HEADER}\nBIG,${'x'.repeat(megabytes * 1024 * 1024)}\n`;
const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
const json = { 'content-type': 'application/json' };
const csv = { 'content-type': 'text/csv' };

/** The bad-input corpus of test/e2e/bad-input.spec.ts and the hardening issue, as requests. */
export const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'a 50 MB record without a line break',
    path: '/imports',
    init: { method: 'POST', headers: csv, body: huge(50) },
  },
  {
    name: 'a report over 120 000 months',
    path: '/reports/summary?from=0001-01&to=9999-12',
    init: {},
  },
  {
    name: 'JSON nested 50 000 deep',
    path: '/transactions',
    init: { method: 'POST', headers: json, body: `[${deep}]` },
  },
  {
    name: '10 001 JSON transactions',
    path: '/transactions',
    init: {
      method: 'POST',
      headers: json,
      body: JSON.stringify(Array.from({ length: 10_001 }, (_, i) => ({ transaction_id: `J${i}` }))),
    },
  },
  {
    name: 'bytes that are not UTF-8',
    path: '/imports',
    init: { method: 'POST', headers: csv, body: Buffer.from([0x66, 0xff, 0xfe, 0x0a]) },
  },
  {
    name: 'a multipart body without a boundary',
    path: '/imports',
    init: { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' },
  },
  {
    name: "a cross-site page's write",
    path: '/imports',
    init: { method: 'POST', headers: { ...csv, origin: 'http://evil.example' }, body: 'x' },
  },
];
