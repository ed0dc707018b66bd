import { cityUnavailable } from '../errors/gateway-errors.js';
import { CityCallError } from './city-call.error.js';

/**
 * Throws CITY_UNAVAILABLE naming every city whose call failed, with its reason; does nothing when
 * every call of `answers` (one per city of `cities`, in order) was answered.
 */
export function throwIfAnyFailed<T>(
  cities: readonly string[],
  answers: readonly PromiseSettledResult<T>[],
): void {
  const failed = answers.flatMap((answer, index) =>
    answer.status === 'rejected' ? [[cities[index]!, answer.reason as unknown] as const] : [],
  );
  if (failed.length > 0) throw unavailable(failed);
}

/** The answer of one city's call, or CITY_UNAVAILABLE naming it, as {@link throwIfAnyFailed}. */
export async function answerOf<T>(city: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (reason) {
    throw unavailable([[city, reason]]);
  }
}

function unavailable(failed: readonly (readonly [string, unknown])[]): Error {
  return cityUnavailable(
    failed.map(([name]) => name),
    failed.map(([, reason]) => (reason instanceof CityCallError ? reason.message : String(reason))),
  );
}
