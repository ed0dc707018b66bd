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
   * The bytes a message's content may take, when the transport announces a limit (NATS: the
   * server's max_payload, less what the frame around the content takes); undefined when it has
   * none or does not answer within `timeoutMs`.
   */
  readonly messageRoom?: (timeoutMs: number) => Promise<number | undefined>;
};

export const CITY_WORKERS = Symbol('CITY_WORKERS');
