import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { CityStore, type CityStoreState } from '#domain/store';
import type { SessionState } from '../batch-order.js';
import { replaceFileSync } from './replace-file.js';

/**
 * A city's store written at a clean stop beside its shard, so that the next start reads columns
 * and id index back instead of parsing and validating every line again (docs/performance.md,
 * "Recovery"). The shard stays the truth: the snapshot names how many of the shard's bytes it
 * holds and their CRC-32, and is used only while the shard still starts with exactly those bytes;
 * the lines after them are replayed as usual.
 *
 * Layout: header length (u32 LE), header (JSON), each array at an 8-byte boundary, then the
 * CRC-32 (u32 LE) of everything before it.
 */
const FORMAT = 'autoconnect-store-snapshot/1';
const CHUNK_BYTES = 1 << 20;

const ARRAYS = [
  ['month', Int32Array],
  ['day', Uint8Array],
  ['type', Uint8Array],
  ['model', Uint32Array],
  ['priceCents', Float64Array],
  ['durationMonths', Uint8Array],
  ['costCents', Float64Array],
  ['deleted', Uint8Array],
  ['ids.slots', Int32Array],
  ['ids.hashes', Int32Array],
  ['ids.offsets', Int32Array],
  ['ids.pool', Uint16Array],
] as const;
type ArrayName = (typeof ARRAYS)[number][0];
type ArrayOf<K extends ArrayName> = InstanceType<
  Extract<(typeof ARRAYS)[number], readonly [K, unknown]>[1]
>;
type AnyArray = Int32Array | Uint8Array | Uint32Array | Float64Array | Uint16Array;

/**
 * What a snapshot holds: the shard's first `shardBytes` bytes (their CRC-32 `shardCrc`), or, for
 * a replica, the entries of its city's `stream` up to `streamSeq`.
 */
type SnapshotBasis =
  | { readonly shardBytes: number; readonly shardCrc: number }
  | {
      readonly stream: string;
      readonly streamSeq: number;
      readonly sessions: readonly SessionState[];
    };

type SnapshotHeader = SnapshotBasis & {
  readonly format: string;
  readonly city: string;
  readonly removed: number;
  readonly models: readonly string[];
  readonly prices: readonly (readonly number[] | null)[];
  readonly lengths: Readonly<Record<ArrayName, number>>;
};

/** The CRC-32 of a file's first `bytes` bytes, read in chunks; undefined if it is shorter. */
export function prefixCrc(path: string, bytes: number): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let crc = 0;
    for (let done = 0; done < bytes;) {
      const read = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, bytes - done), done);
      if (read === 0) return undefined;
      crc = crc32(chunk.subarray(0, read), crc);
      done += read;
    }
    return crc;
  } finally {
    closeSync(fd);
  }
}

function arrayOf(state: CityStoreState, name: ArrayName): AnyArray {
  switch (name) {
    case 'ids.slots':
      return state.ids.slots;
    case 'ids.hashes':
      return state.ids.hashes;
    case 'ids.offsets':
      return state.ids.offsets;
    case 'ids.pool':
      return state.ids.pool;
    default:
      return state[name];
  }
}

const padding = (bytes: number): number => (8 - (bytes % 8)) % 8;

/** Writes the snapshot of `store`, which holds the shard's first `shardBytes` bytes, durably. */
export function writeSnapshot(
  path: string,
  store: CityStore,
  shardPath: string,
  shardBytes: number,
): void {
  const shardCrc = prefixCrc(shardPath, shardBytes);
  if (shardCrc === undefined) throw new Error(`${shardPath} is shorter than ${shardBytes} bytes`);
  writeStoreSnapshot(path, store, { shardBytes, shardCrc });
}

/**
 * Writes the snapshot of a replica's `store`, which holds `stream` up to `streamSeq`, with where
 * each import stood then (`sessions`), durably.
 */
export function writeStreamSnapshot(
  path: string,
  store: CityStore,
  stream: string,
  streamSeq: number,
  sessions: readonly SessionState[],
): void {
  writeStoreSnapshot(path, store, { stream, streamSeq, sessions });
}

function writeStoreSnapshot(path: string, store: CityStore, basis: SnapshotBasis): void {
  const state = store.state();
  const lengths = Object.fromEntries(
    ARRAYS.map(([name]) => [name, arrayOf(state, name).length]),
  ) as Record<ArrayName, number>;
  const header: SnapshotHeader = {
    ...basis,
    format: FORMAT,
    city: store.city,
    removed: state.removed,
    models: state.models,
    prices: state.prices,
    lengths,
  };
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(4 + json.length + padding(4 + json.length));
  prefix.writeUInt32LE(json.length, 0);
  json.copy(prefix, 4);
  const parts: Buffer[] = [prefix];
  for (const [name] of ARRAYS) {
    const array = arrayOf(state, name);
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    parts.push(Buffer.alloc(padding(array.byteLength)));
  }
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc, 0);
  parts.push(trailer);
  replaceFileSync(path, parts);
}

/**
 * The store a snapshot holds and the shard bytes it covers, or why it cannot be used (a bad
 * checksum, another city, a shard that no longer starts with the bytes it was taken from).
 */
export function readSnapshot(
  path: string,
  city: string,
  shardPath: string,
): { store: CityStore; shardBytes: number } | { unusable: string } {
  const read = readStoreSnapshot(path, city);
  if ('unusable' in read) return read;
  const { header, store } = read;
  if (!('shardBytes' in header)) return { unusable: `taken from the stream ${header.stream}` };
  if (prefixCrc(shardPath, header.shardBytes) !== header.shardCrc) {
    return { unusable: 'the shard no longer starts with the bytes it was taken from' };
  }
  return { store, shardBytes: header.shardBytes };
}

/** A replica's store and the last entry of `stream` it holds, or why it cannot be used. */
export function readStreamSnapshot(
  path: string,
  city: string,
  stream: string,
):
  | { store: CityStore; streamSeq: number; sessions: readonly SessionState[] }
  | { unusable: string } {
  const read = readStoreSnapshot(path, city);
  if ('unusable' in read) return read;
  const { header, store } = read;
  if (!('stream' in header) || header.stream !== stream) {
    return { unusable: `not taken from the stream ${stream}` };
  }
  return { store, streamSeq: header.streamSeq, sessions: header.sessions };
}

function readStoreSnapshot(
  path: string,
  city: string,
): { store: CityStore; header: SnapshotHeader } | { unusable: string } {
  const file = readFileSync(path);
  if (file.length < 8) return { unusable: 'too short' };
  const body = file.subarray(0, file.length - 4);
  if (crc32(body) !== file.readUInt32LE(file.length - 4)) return { unusable: 'checksum mismatch' };
  const headerBytes = body.readUInt32LE(0);
  const header = JSON.parse(body.toString('utf8', 4, 4 + headerBytes)) as SnapshotHeader;
  if (header.format !== FORMAT) return { unusable: `format ${header.format}` };
  if (header.city !== city) return { unusable: `taken for ${header.city}` };
  let offset = 4 + headerBytes + padding(4 + headerBytes);
  const arrays = new Map<ArrayName, AnyArray>();
  for (const [name, Type] of ARRAYS) {
    const bytes = header.lengths[name] * Type.BYTES_PER_ELEMENT;
    // A copy into a buffer of its own: aligned for the typed array whatever the file's offset.
    const copy = body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + bytes);
    arrays.set(name, new Type(copy));
    offset += bytes + padding(bytes);
  }
  const get = <K extends ArrayName>(name: K): ArrayOf<K> => arrays.get(name) as ArrayOf<K>;
  const store = CityStore.fromState(city, {
    removed: header.removed,
    month: get('month'),
    day: get('day'),
    type: get('type'),
    model: get('model'),
    priceCents: get('priceCents'),
    durationMonths: get('durationMonths'),
    costCents: get('costCents'),
    deleted: get('deleted'),
    models: header.models,
    prices: header.prices,
    ids: {
      slots: get('ids.slots'),
      hashes: get('ids.hashes'),
      offsets: get('ids.offsets'),
      pool: get('ids.pool'),
    },
  });
  return { store, header };
}
