import type { CityStream } from '../../apps/city-worker/src/replica/city-stream.js';

interface Stored {
  readonly seq: number;
  readonly data: Uint8Array;
  readonly atMs: number;
}

/**
 * A city's stream in memory, as the replicas use JetStream: appends with a dedup id, ordered
 * reads from a sequence on, and its last sequence. `clock` dates each entry (the stream's time).
 */
export class MemoryStream {
  private readonly entries: Stored[] = [];
  private readonly ids = new Map<string, number>();
  private readonly readers = new Set<() => void>();

  constructor(
    readonly name: string,
    private readonly clock: () => number = Date.now,
  ) {}

  get last(): number {
    return this.entries.length;
  }

  /** What a replica is given: the client calls it makes, answered from memory. */
  asCityStream(): CityStream {
    const publish = (
      _: string,
      data: Uint8Array,
      { msgID }: { msgID: string },
    ): Promise<{ seq: number; duplicate: boolean }> => Promise.resolve(this.append(data, msgID));
    const consumers = {
      get: (_: string, { opt_start_seq }: { opt_start_seq: number }) =>
        Promise.resolve({ consume: () => Promise.resolve(this.read(opt_start_seq)) }),
    };
    const streams = {
      info: () => Promise.resolve({ state: { last_seq: this.last } }),
    };
    return {
      name: this.name,
      subject: `log.${this.name}`,
      nc: { drain: () => Promise.resolve() },
      js: { publish, consumers },
      jsm: { streams },
    } as unknown as CityStream;
  }

  private append(data: Uint8Array, id: string): { seq: number; duplicate: boolean } {
    const known = this.ids.get(id);
    if (known !== undefined) return { seq: known, duplicate: true };
    const seq = this.entries.length + 1;
    this.entries.push({ seq, data: Uint8Array.from(data), atMs: this.clock() });
    this.ids.set(id, seq);
    for (const wake of this.readers) wake();
    return { seq, duplicate: false };
  }

  /** The entries from `from` on, then each new one, until closed. */
  private read(from: number): AsyncIterable<unknown> & { close: () => Promise<void> } {
    let next = from;
    let closed = false;
    let wake: (() => void) | undefined;
    const readers = this.readers;
    const entries = this.entries;
    return {
      close: () => {
        closed = true;
        wake?.();
        return Promise.resolve();
      },
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          const entry = entries[next - 1];
          if (entry === undefined) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              readers.add(resolve);
            });
            if (wake !== undefined) readers.delete(wake);
            continue;
          }
          next += 1;
          yield {
            seq: entry.seq,
            data: entry.data,
            info: { timestampNanos: entry.atMs * 1e6 },
          };
        }
      },
    };
  }
}
