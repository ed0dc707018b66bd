import { readFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { connect as natsConnect } from '@nats-io/transport-node';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import { benchFile, median } from './support/bench-file.js';

/**
 * The brokers the brief names, on the request-reply a gateway and a city worker do: an import
 * batch (5 000 rows of CSV, ~300 KB) and a small message (an `info`), each echoed back, one at a
 * time. Every broker runs on this host (NATS, Redis, RabbitMQ: the env's services, or their URLs
 * in NATS_URL, REDIS_URL, AMQP_URL); direct TCP is the baseline.
 */
interface Echo {
  request(payload: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

/** Direct TCP with a 4-byte length before each message: what the system does without a broker. */
async function tcp(): Promise<Echo> {
  const framed = (socket: Socket, onMessage: (message: Buffer) => void): void => {
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4 && buffered.length >= 4 + buffered.readUInt32LE(0)) {
        const length = buffered.readUInt32LE(0);
        onMessage(buffered.subarray(4, 4 + length));
        buffered = buffered.subarray(4 + length);
      }
    });
  };
  const send = (socket: Socket, message: Buffer): void => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(message.length);
    socket.write(Buffer.concat([length, message]));
  };
  const server = createServer((socket) => {
    framed(socket, (message) => {
      send(socket, message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let pending: ((message: Buffer) => void) | undefined;
  framed(client, (message) => pending?.(message));
  return {
    request: (payload) =>
      new Promise((resolve) => {
        pending = resolve;
        send(client, payload);
      }),
    close: async () => {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function nats(): Promise<Echo> {
  const connection = await natsConnect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
  const subscription = connection.subscribe('bench.echo');
  void (async () => {
    for await (const message of subscription) message.respond(message.data);
  })();
  return {
    request: async (payload) =>
      Buffer.from((await connection.request('bench.echo', payload, { timeout: 10_000 })).data),
    close: () => connection.close(),
  };
}

/** Pub/sub both ways, as NestJS's Redis transport does. */
async function redis(): Promise<Echo> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const [publisher, subscriber, server, serverSubscriber] = [0, 1, 2, 3].map(() => new Redis(url));
  await serverSubscriber!.subscribe('bench.request');
  serverSubscriber!.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
    void server!.publish('bench.reply', message);
  });
  await subscriber!.subscribe('bench.reply');
  let pending: ((message: Buffer) => void) | undefined;
  subscriber!.on('messageBuffer', (_channel: Buffer, message: Buffer) => pending?.(message));
  return {
    request: (payload) =>
      new Promise((resolve) => {
        pending = resolve;
        void publisher!.publish('bench.request', payload);
      }),
    close: async () => {
      await Promise.all([publisher, subscriber, server, serverSubscriber].map((c) => c!.quit()));
    },
  };
}

/** A queue and RabbitMQ's direct reply-to, as NestJS's RMQ transport does. */
async function rabbitmq(): Promise<Echo> {
  // amqplib's default frame is 4 KiB (a 300 KB batch would go as 75 frames), and without
  // noDelay Nagle's algorithm held each batch's last frame for a delayed ACK (~60 ms a batch).
  const connection = await amqp.connect(
    process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1?frameMax=131072',
    { noDelay: true },
  );
  const serverChannel = await connection.createChannel();
  const { queue } = await serverChannel.assertQueue('', { exclusive: true });
  await serverChannel.consume(
    queue,
    (message) => {
      if (message === null) return;
      serverChannel.sendToQueue(message.properties.replyTo as string, message.content);
    },
    { noAck: true },
  );
  const clientChannel = await connection.createChannel();
  let pending: ((message: Buffer) => void) | undefined;
  await clientChannel.consume(
    'amq.rabbitmq.reply-to',
    (message) => {
      if (message !== null) pending?.(message.content);
    },
    { noAck: true },
  );
  return {
    request: (payload) =>
      new Promise((resolve) => {
        pending = resolve;
        clientChannel.sendToQueue(queue, payload, { replyTo: 'amq.rabbitmq.reply-to' });
      }),
    close: () => connection.close(),
  };
}

async function timedRounds(echo: Echo, payload: Buffer, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    const answer = await echo.request(payload);
    times.push(performance.now() - started);
    if (!answer.equals(payload)) throw new Error('the echo differs from the request');
  }
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { rounds: { type: 'string', default: '200' } },
  });
  const rounds = Number(values.rounds);
  const lines = readFileSync(benchFile(undefined), 'utf8').split('\n');
  const batch = Buffer.from(lines.slice(1, 5001).join('\n'));
  const small = Buffer.from(JSON.stringify({ pattern: 'city.lyon.info', data: {}, id: 'x' }));
  const brokers: Record<string, () => Promise<Echo>> = { tcp, nats, redis, rabbitmq };
  console.log(
    `request-reply, one at a time, ${rounds} rounds each; batch ${(batch.length / 1024).toFixed(0)} KiB, small ${small.length} B`,
  );
  for (const [name, open] of Object.entries(brokers)) {
    let echo: Echo;
    try {
      echo = await open();
    } catch (error) {
      console.log(`${name.padEnd(9)} not reachable (${String(error)}): skipped`);
      continue;
    }
    try {
      await timedRounds(echo, small, 20);
      const smallTimes = await timedRounds(echo, small, rounds * 5);
      const batchTimes = await timedRounds(echo, batch, rounds);
      const batchMs = median(batchTimes);
      console.log(
        `${name.padEnd(9)} small: p50 ${(median(smallTimes) * 1000).toFixed(0)} µs; batch: p50 ${batchMs.toFixed(2)} ms = ${(batch.length / 2 ** 20 / (batchMs / 1000)).toFixed(0)} MiB/s each way`,
      );
    } finally {
      await echo.close();
    }
  }
}

await main();
