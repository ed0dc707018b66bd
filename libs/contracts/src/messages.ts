import type { TransactionFilter, TransactionPage } from '#domain/store';
import type { BatchOutcome } from '#domain/ingest';
import type { RowError } from '#domain/model';
import type { TargetRecord } from '#domain/targets';

/**
 * Raw CSV records for one city, as the domain's `ImportRouter` cut them from an import: record i
 * of `csv` (one canonical CSV record per line) came from line `lines[i]` of the import, whose
 * header is `columns`. The worker parses and validates them, so parsing is spread over the workers.
 * The gateway sends `csv` as the UTF-8 bytes the router wrote; block frames carry them as they
 * are, and a worker reads them back as text.
 */
export interface IngestBatch {
  readonly columns: readonly string[];
  readonly lines: readonly number[];
  readonly csv: string | Uint8Array;
  /**
   * The batch's place among its import's batches for this city. Several are sent at once; the
   * worker applies them in `sequence` order (0, 1, 2… per `session`), whatever order the
   * transport delivers them in, so that the first occurrence of an id in the file wins. Absent:
   * applied as it comes.
   */
  readonly order?: IngestOrder;
}

export interface IngestOrder {
  /** Unique per import and city. */
  readonly session: string;
  readonly sequence: number;
}

/**
 * How long a worker keeps a batch that arrived before an earlier one of its import: past it, the
 * earlier one is taken as lost, and neither it nor any later batch of that import is applied.
 */
export const INGEST_ORDER_WAIT_MS = 10_000;

/** What a worker did with one batch; `errors` holds at most {@link MAX_BATCH_ERRORS}. */
export type IngestResult = BatchOutcome;

export const MAX_BATCH_ERRORS = 1000;

/** A correction of one transaction: delete it, or give it new content. */
export interface CorrectionRequest {
  readonly transactionId: string;
  /** The new content, as the fields of one record under its columns; absent: delete. */
  readonly replacement?: TransactionFields;
}

/** One transaction as the fields of a record: `fields[i]` is the value of `columns[i]`. */
export interface TransactionFields {
  readonly columns: readonly string[];
  readonly fields: readonly string[];
}

export interface CorrectionResult {
  /** Whether the city holds the id (a deleted one it does not). */
  readonly found: boolean;
  /** Whether anything changed: new content equal to the held one changes nothing. */
  readonly changed: boolean;
  /** The rule the replacement breaks, when it breaks one: nothing is changed then. */
  readonly error?: RowError;
}

/** Which of a city's transactions to list, and how many at most (the first, newest first). */
export interface ListRequest extends TransactionFilter {
  readonly limit: number;
}

export type ListResult = TransactionPage;

/** What `GET /transactions` answers: one page of the asked cities' transactions, in its order. */
export interface TransactionList extends TransactionPage {
  readonly page: number;
  readonly size: number;
  /** Cities left out because they did not answer (only with `partial=true`). */
  readonly missingCities: readonly string[];
}

export interface CityInfo {
  readonly city: string;
  readonly transactions: number;
  /** Months (`YYYY-MM`) of the earliest and latest transaction; null when the city is empty. */
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  /**
   * Changes whenever the city's rows change (and across restarts): a gateway keeps a city's
   * summary while its version stays the same.
   */
  readonly version: string;
  /** Changes whenever the city's targets change: a gateway keeps them while it stays the same. */
  readonly targetsVersion: string;
}

/** The city's targets in force, sorted by month and type. */
export interface TargetsResult {
  readonly version: string;
  readonly targets: readonly TargetRecord[];
}

/**
 * `set`: targets of this city, each replacing the one of the same month and type; `remove`: the
 * target of one month and type (null: the month's total).
 */
export interface SetTargetsRequest {
  readonly set?: readonly TargetRecord[];
  readonly remove?: { readonly month: string; readonly type: TargetRecord['type'] };
}

export interface SetTargetsResult extends TargetsResult {
  /** Of the targets set, how many replaced one. */
  readonly replaced: number;
  /** Whether `remove` found its target. */
  readonly removed: boolean;
}

/**
 * What `summarize` asks. `maxBytes`: the largest answer the transport carries (NATS' max_payload,
 * less a margin); a larger summary is refused with {@link SUMMARY_TOO_LARGE}, its size in
 * `details.bytes`, and the gateway asks for it in `parts` parts (`part` from 0), each the summary
 * of every `parts`-th model's rows, which merge into the whole.
 */
export interface SummarizeRequest {
  readonly maxBytes?: number;
  readonly part?: number;
  readonly parts?: number;
}

/** A worker's answer to a `summarize` whose summary is over the request's `maxBytes`. */
export const SUMMARY_TOO_LARGE = 'SUMMARY_TOO_LARGE';

/**
 * A replica's answer to a write retried after the entry it appended was applied before the
 * replica (re)started: the rows are stored, but the per-line outcome is no longer kept.
 */
export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';

/**
 * A replica's answer to a read it could not catch up for within its wait (its link to the
 * city's stream is being restored): another replica may answer it, so the gateway asks again.
 */
export const REPLICA_BEHIND = 'REPLICA_BEHIND';

/** The body of the RpcException a worker raises: the gateway maps `code` to an HTTP status. */
export interface RpcErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Subject on which every worker announces itself (NATS only): the gateway learns its cities. */
export const CITY_HEARTBEAT_PATTERN = 'cities.heartbeat';

export interface CityHeartbeat {
  readonly city: string;
  /** Unique per worker process: tells a second worker of the same city apart. */
  readonly instance: string;
  readonly transactions: number;
  /** How often this worker announces itself; silent for 3 intervals means down. */
  readonly intervalMs: number;
  /**
   * A replica (JetStream): the last entry of its city's stream it applied. Absent: the city's
   * sole worker, serving from its shard.
   */
  readonly appliedVersion?: number;
}

/**
 * Sent beside every message's payload: the HTTP request the call serves, so that the worker's log
 * lines about it carry the gateway's id. Absent on the gateway's own calls (polls, discovery).
 */
export interface RequestMeta {
  readonly requestId?: string;
}
