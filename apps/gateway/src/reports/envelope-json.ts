import { StreamableFile } from '@nestjs/common';
import type { ReportEnvelope } from './report-envelope.js';

/**
 * The JSON of each report's `data`, made once while the built report is kept: under 20 clients
 * reading the same ~100 KiB summary, serialising it for every answer was the gateway's largest
 * cost (13 % of its CPU), above writing it to the socket.
 */
const serialized = new WeakMap<object, string>();

function dataJson(data: unknown): string {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data);
  let json = serialized.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    serialized.set(data, json);
  }
  return json;
}

/** The envelope as JSON, keys in their documented order, its `data` serialised once. */
export function envelopeJson(envelope: ReportEnvelope): string {
  const { data, meta, ...head } = envelope;
  return `${JSON.stringify(head).slice(0, -1)},"data":${dataJson(data)},"meta":${JSON.stringify(meta)}}`;
}

/** The envelope as the body of a JSON answer. */
export function envelopeBody(envelope: ReportEnvelope): StreamableFile {
  const body = Buffer.from(envelopeJson(envelope));
  return new StreamableFile(body, { type: 'application/json; charset=utf-8', length: body.length });
}
