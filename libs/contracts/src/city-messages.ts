import type { CitySummary } from '#domain/summary';
import type {
  CityInfo,
  CorrectionRequest,
  CorrectionResult,
  IngestBatch,
  IngestResult,
  ListRequest,
  ListResult,
  SetTargetsRequest,
  SetTargetsResult,
  SummarizeRequest,
  TargetsResult,
} from './messages.js';

/** A message that carries nothing. */
export type NoPayload = Readonly<Record<string, never>>;

/**
 * Every message a city worker answers, with its payload and its result: the one definition the
 * gateway's port and the worker's handlers are both derived from.
 */
export interface CityMessages {
  /** Raw records cut from an import → what the worker stored. */
  readonly ingest: { readonly payload: IngestBatch; readonly result: IngestResult };
  /** The summary of every row the city holds, or of one part of them. */
  readonly summarize: { readonly payload: SummarizeRequest; readonly result: CitySummary };
  /** The city's size and month bounds. */
  readonly info: { readonly payload: NoPayload; readonly result: CityInfo };
  /** Deletes or replaces one transaction, durably. */
  readonly correct: { readonly payload: CorrectionRequest; readonly result: CorrectionResult };
  /** The city's transactions matching a filter, newest first (the explorer, "À vérifier"). */
  readonly list: { readonly payload: ListRequest; readonly result: ListResult };
  /** The city's revenue targets, with the version `info` gives of them. */
  readonly targets: { readonly payload: NoPayload; readonly result: TargetsResult };
  /** Sets some targets of the city, or removes one, durably (beside its shard). */
  readonly setTargets: { readonly payload: SetTargetsRequest; readonly result: SetTargetsResult };
}

export type CityMessageName = keyof CityMessages;

/** The messages that change a city's rows; the others only read. */
export const CITY_WRITES: ReadonlySet<CityMessageName> = new Set([
  'ingest',
  'correct',
  'setTargets',
]);
export type CityPayload<K extends CityMessageName> = CityMessages[K]['payload'];
export type CityResult<K extends CityMessageName> = CityMessages[K]['result'];

/** What a worker implements: one handler per message, answering at once or later. */
export type CityHandlers = {
  readonly [K in CityMessageName]: (
    payload: CityPayload<K>,
  ) => CityResult<K> | Promise<CityResult<K>>;
};
