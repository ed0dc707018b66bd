import type { CityStore } from '#domain/store';

/**
 * Where a worker keeps the writes it accepts: its city's shard file, or, for a replica, nothing
 * of its own (the city's stream holds them). A failure of any write method must stop the worker.
 */
export interface CityJournal {
  /** What to name in a message about it: the shard's file, or the replica's stream. */
  readonly path: string;
  /** Bytes written so far (0 for a replica). */
  readonly bytes: number;
  /** Appends the lines and makes them durable. */
  append(lines: readonly string[]): void;
  /** Appends lines (without the final line break), durable once a later {@link commit} resolves. */
  writeLines(lines: string | Uint8Array): void;
  commit(): Promise<void>;
  /** Resolves once no sync is under way: before a clean stop. */
  settle(): Promise<void>;
  /** Writes the snapshot of `store`, which holds every write so far, for a fast next start. */
  snapshot(store: CityStore): void;
  close(): void;
}
