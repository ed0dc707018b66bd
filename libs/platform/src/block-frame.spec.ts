import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { decodeBlockFrame, encodeBlockFrame } from './block-frame.js';
import { BlockFrameSocket } from './block-frame-socket.js';

const BATCH = {
  pattern: 'city.lyon.ingest',
  id: 'c1',
  data: {
    columns: ['transaction_id', 'ville'],
    lines: [2, 3],
    csv: 'T1,"Lyon, ""centre"""\nT2,Saint-Étienne 東京 😀',
  },
};

/** A decoded packet with its text's bytes read as UTF-8. */
function asText(packet: unknown): unknown {
  const { data } = packet as { data: { csv?: unknown } };
  return data.csv instanceof Uint8Array
    ? { ...(packet as object), data: { ...data, csv: Buffer.from(data.csv).toString('utf8') } }
    : packet;
}

describe('block frames', () => {
  it('give back the packet they carry, its text as it was', () => {
    const frame = encodeBlockFrame(BATCH);
    expect(asText(decodeBlockFrame(frame))).toEqual(BATCH);
    // The text travels as raw UTF-8 after the JSON: no escaped quote in the frame.
    expect(frame.includes(Buffer.from('""centre"""'))).toBe(true);
  });

  it('carry packets without text, and an empty text, as they are', () => {
    const info = { pattern: 'city.lyon.info', id: 'c2', data: {} };
    expect(decodeBlockFrame(encodeBlockFrame(info))).toEqual(info);
    const empty = { ...BATCH, data: { ...BATCH.data, csv: '' } };
    expect(asText(decodeBlockFrame(encodeBlockFrame(empty)))).toEqual(empty);
    // Bytes go as they are, and come back as bytes.
    const bytes = { ...BATCH, data: { ...BATCH.data, csv: Buffer.from(BATCH.data.csv) } };
    expect(asText(decodeBlockFrame(encodeBlockFrame(bytes)))).toEqual(BATCH);
  });

  it('send text with a lone surrogate as escaped JSON, so that the worker sees it and refuses it', () => {
    const bad = { ...BATCH, data: { ...BATCH.data, csv: 'T1\ud800,Lyon' } };
    expect(decodeBlockFrame(encodeBlockFrame(bad))).toEqual(bad);
  });

  it('read a plain JSON message too (a healthcheck over NATS)', () => {
    expect(decodeBlockFrame(Buffer.from('{"pattern":"p","data":{}}'))).toEqual({
      pattern: 'p',
      data: {},
    });
  });

  it('refuse a frame whose length is not the one its header gives', () => {
    const frame = encodeBlockFrame(BATCH);
    expect(() => decodeBlockFrame(frame.subarray(0, frame.length - 1))).toThrow(/corrupt frame/);
  });
});

describe(BlockFrameSocket.name, () => {
  it('delivers every message whole and in order, however the stream is cut', async () => {
    const messages = [BATCH, { pattern: 'x', data: { n: 1 } }, BATCH];
    const wire = Buffer.concat(
      messages.map((message) => {
        const frame = encodeBlockFrame(message);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(frame.length);
        return Buffer.concat([length, frame]);
      }),
    );
    for (const cut of [1, 3, 5, 17, wire.length]) {
      const received = await receive(wire, cut);
      expect(received.map(asText)).toEqual(messages);
    }
  });

  it('sends what the other end reads back', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const got = new Promise<unknown>((resolve) => {
      server.on('connection', (socket: Socket) => {
        new BlockFrameSocket(socket).on('message', resolve);
      });
    });
    const client = new BlockFrameSocket(
      connect((server.address() as AddressInfo).port, '127.0.0.1'),
    );
    await new Promise((resolve) => client.once('connect', resolve));
    client.sendMessage(BATCH);
    expect(asText(await got)).toEqual(BATCH);
    client.end();
    await new Promise((resolve) => server.close(resolve));
  });
});

/** Feeds `wire` to a socket in pieces of `piece` bytes and collects the messages it emits. */
async function receive(wire: Buffer, piece: number): Promise<unknown[]> {
  const server = createServer((socket) => {
    const send = async (): Promise<void> => {
      for (let offset = 0; offset < wire.length; offset += piece) {
        socket.write(wire.subarray(offset, offset + piece));
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
    };
    void send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = new BlockFrameSocket(connect((server.address() as AddressInfo).port, '127.0.0.1'));
  const received: unknown[] = [];
  socket.on('message', (message: unknown) => received.push(message));
  await new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => server.close(resolve));
  return received;
}
