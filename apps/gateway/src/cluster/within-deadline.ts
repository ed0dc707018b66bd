import { withTimeout } from '#platform';
import { CityCallError } from './city-call.error.js';

/**
 * `call`, or a CityCallError for `city` once `ms` have passed without its answer. The call itself
 * goes on (its answer still fills the caches): only this caller stops waiting for it.
 */
export function withinDeadline<T>(call: Promise<T>, ms: number, city: string): Promise<T> {
  return withTimeout(
    call,
    ms,
    () => new CityCallError(city, `no answer within ${ms} ms (PARTIAL_TIMEOUT_MS)`),
  );
}
