import { describe, expect, it } from '@jest/globals';
import { decodeLogEntry, encodeLogEntry, type LogEntry } from './log-entry.js';

describe('log entries', () => {
  it("keeps an ingest batch's CSV as the very bytes sent, beside its columns, lines and order", () => {
    const csv = Buffer.from(
      'T1,2025-01-02,Lyon,vente,Zoé "e-tron",1,NULL\nT2,2025-01-03,Lyon,vente,X,2,NULL',
    );
    const entry: LogEntry = {
      kind: 'ingest',
      batch: {
        columns: ['transaction_id'],
        lines: [2, 3],
        csv,
        order: { session: 's', sequence: 4 },
      },
    };
    const decoded = decodeLogEntry(encodeLogEntry(entry));
    expect(decoded).toEqual({ ...entry, batch: { ...entry.batch, csv: expect.any(Uint8Array) } });
    expect(decoded.kind === 'ingest' && Buffer.from(decoded.batch.csv).equals(csv)).toBe(true);
  });

  it('carries a correction and a targets change whole', () => {
    const entries: LogEntry[] = [
      {
        kind: 'correct',
        request: { transactionId: 'T1', replacement: { columns: ['a'], fields: ['é'] } },
      },
      { kind: 'setTargets', request: { remove: { month: '2025-01', type: null } } },
    ];
    expect(entries.map((entry) => decodeLogEntry(encodeLogEntry(entry)))).toEqual(entries);
  });

  it('refuses an entry cut short, naming the batch error code', () => {
    const data = encodeLogEntry({ kind: 'correct', request: { transactionId: 'T1' } });
    expect(() => decodeLogEntry(data.subarray(0, data.length - 3))).toThrow(
      expect.objectContaining({ code: 'INVALID_BATCH' }),
    );
  });
});
