import { DomainError, ErrorCode } from '#domain/model';
import type { CorrectionRequest, IngestBatch, SetTargetsRequest } from '#contracts';
import type { Arrival } from '../batch-order.js';

/** One accepted write, as a city's stream holds it: every replica applies the same entries. */
export type LogEntry =
  | { readonly kind: 'ingest'; readonly batch: IngestBatch }
  | { readonly kind: 'correct'; readonly request: CorrectionRequest }
  | { readonly kind: 'setTargets'; readonly request: SetTargetsRequest }
  /**
   * Changes nothing: its time on the stream closes an import's gap that no later write would
   * (a batch held for an earlier one that never comes is then refused on every replica alike).
   */
  | { readonly kind: 'tick' };

/** An entry as the stream gave it: its sequence, and when the stream stored it. */
export interface Logged extends Arrival {
  readonly seq: number;
  readonly entry: LogEntry;
}

type Header =
  ({ readonly kind: 'ingest' } & Omit<IngestBatch, 'csv'>) | Exclude<LogEntry, { kind: 'ingest' }>;

/**
 * Layout: the header's length (u32 LE), the header (JSON), then an ingest batch's CSV as the
 * UTF-8 bytes the gateway sent, so that the stream holds them once, not escaped into JSON.
 */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  const { header, csv } = split(entry);
  const json = Buffer.from(JSON.stringify(header));
  const data = Buffer.allocUnsafe(4 + json.length + csv.length);
  data.writeUInt32LE(json.length, 0);
  json.copy(data, 4);
  data.set(csv, 4 + json.length);
  return data;
}

export function decodeLogEntry(data: Uint8Array): LogEntry {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const length = buffer.length >= 4 ? buffer.readUInt32LE(0) : Number.MAX_SAFE_INTEGER;
  if (4 + length > buffer.length) {
    throw new DomainError(ErrorCode.InvalidBatch, 'a log entry is cut short');
  }
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + length)) as Header;
  if (header.kind !== 'ingest') return header;
  const { kind, ...batch } = header;
  return { kind, batch: { ...batch, csv: buffer.subarray(4 + length) } };
}

function split(entry: LogEntry): { header: Header; csv: Uint8Array } {
  if (entry.kind !== 'ingest') return { header: entry, csv: new Uint8Array() };
  const { csv, ...batch } = entry.batch;
  return {
    header: { ...batch, kind: 'ingest' },
    csv: typeof csv === 'string' ? Buffer.from(csv) : csv,
  };
}
