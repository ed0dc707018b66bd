import { hasLoneSurrogate } from '#domain/ingest';

/**
 * The wire form of a request whose payload carries CSV text (`data.csv`, an ingest batch): the
 * packet as JSON without that field, then the text as its raw UTF-8 bytes. JSON would escape
 * every quote of the text and make the receiver parse it character by character: on a 1M-row
 * import that was ~0.7 s of the gateway's CPU (JSON.stringify, escape counting, UTF-8 writing of
 * the whole JSON) and a full JSON.parse in each worker (docs/performance.md).
 *
 * Layout: MAGIC (1 byte), JSON length (u32), text length + 1 (u32; 0 when there is no text),
 * JSON, text. A frame starts with MAGIC, which no JSON text starts with, so a receiver can take
 * plain JSON too (a healthcheck's request over NATS).
 */
export const BLOCK_FRAME_MAGIC = 0x00;
const HEADER_BYTES = 9;

/**
 * What a record adds to a batch on the wire beside its UTF-8 bytes: its line break, and its line
 * number in the frame's JSON (up to 10 digits and a comma). How batches are measured.
 */
export const BLOCK_FRAME_RECORD_OVERHEAD = 12;

interface WithText {
  readonly data: { readonly csv: string | Uint8Array } & Record<string, unknown>;
}

function carriesText(packet: unknown): packet is WithText {
  const data = (packet as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null) return false;
  const { csv } = data as { csv?: unknown };
  return (
    csv instanceof Uint8Array ||
    // UTF-8 cannot hold a lone surrogate: such text goes as JSON, escaped, and the worker
    // refuses it as it is (INVALID_BATCH) instead of storing U+FFFD.
    (typeof csv === 'string' && !hasLoneSurrogate(csv))
  );
}

export function encodeBlockFrame(packet: unknown): Buffer {
  let json: string;
  let text: string | Uint8Array | undefined;
  if (carriesText(packet)) {
    const { csv, ...rest } = packet.data;
    json = JSON.stringify({ ...packet, data: rest });
    text = csv;
  } else {
    json = JSON.stringify(packet);
  }
  const jsonBytes = Buffer.byteLength(json);
  const textBytes =
    text === undefined ? 0 : typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  const frame = Buffer.allocUnsafe(HEADER_BYTES + jsonBytes + textBytes);
  frame[0] = BLOCK_FRAME_MAGIC;
  frame.writeUInt32LE(jsonBytes, 1);
  frame.writeUInt32LE(text === undefined ? 0 : textBytes + 1, 5);
  frame.write(json, HEADER_BYTES);
  if (typeof text === 'string') frame.write(text, HEADER_BYTES + jsonBytes);
  else if (text !== undefined) frame.set(text, HEADER_BYTES + jsonBytes);
  return frame;
}

/** The packet a frame holds, its text's UTF-8 bytes put back in `data.csv`; a JSON message as it is. */
export function decodeBlockFrame(frame: Uint8Array): unknown {
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (bytes[0] !== BLOCK_FRAME_MAGIC) return JSON.parse(bytes.toString('utf8'));
  if (bytes.length < HEADER_BYTES) throw new Error('truncated frame: no header');
  const jsonBytes = bytes.readUInt32LE(1);
  const textField = bytes.readUInt32LE(5);
  const textBytes = textField === 0 ? 0 : textField - 1;
  if (bytes.length !== HEADER_BYTES + jsonBytes + textBytes) {
    throw new Error(
      `corrupt frame: ${bytes.length} bytes, its header says ${HEADER_BYTES + jsonBytes + textBytes}`,
    );
  }
  const packet = JSON.parse(bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + jsonBytes)) as {
    data?: Record<string, unknown>;
  };
  if (textField !== 0) {
    // Left as bytes: the worker checks they are UTF-8 and writes them to its shard as they are.
    packet.data = { ...packet.data, csv: bytes.subarray(HEADER_BYTES + jsonBytes) };
  }
  return packet;
}
