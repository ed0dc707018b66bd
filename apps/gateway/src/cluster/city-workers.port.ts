import type { CityMessageName, CityPayload, CityResult } from '#contracts';

/**
 * The city workers as the gateway sees them: one method per message of `#contracts`, typed by
 * its payload and result. Every call has a timeout and rejects with a `CityCallError`.
 * Adapters: {@link ClientProxyCityWorkers} (TCP or NATS), and an in-process one in the tests.
 */
export type CityWorkers = {
  readonly [K in CityMessageName]: (
    city: string,
    payload: CityPayload<K>,
    timeoutMs: number,
  ) => Promise<CityResult<K>>;
} & {
  /**
   * The largest message the transport carries, when it has a limit it announces (NATS: the
   * server's max_payload); undefined when it has none or does not answer within `timeoutMs`.
   */
  readonly messageLimit?: (timeoutMs: number) => Promise<number | undefined>;
};

export const CITY_WORKERS = Symbol('CITY_WORKERS');

/** What a message takes beside its content (pattern, id, columns, request id): kept free. */
export const MESSAGE_MARGIN_BYTES = 4096;
