import { cityUnavailable } from '../errors/gateway-errors.js';
import { CityCallError } from './city-call.error.js';

/** Each city of `cities` whose call in `answers` (one per city, in order) failed, with why. */
function failures<T>(
  cities: readonly string[],
  answers: readonly PromiseSettledResult<T>[],
): (readonly [string, unknown])[] {
  return answers.flatMap((answer, index) =>
    answer.status === 'rejected' ? [[cities[index]!, answer.reason as unknown] as const] : [],
  );
}

/**
 * Throws CITY_UNAVAILABLE naming every city whose call failed, with its reason; does nothing when
 * every call of `answers` (one per city of `cities`, in order) was answered.
 */
export function throwIfAnyFailed<T>(
  cities: readonly string[],
  answers: readonly PromiseSettledResult<T>[],
): void {
  const failed = failures(cities, answers);
  if (failed.length > 0) throw unavailable(failed);
}

/** The cities whose call failed, sorted: what a `partial=true` answer lists as missing. */
export function failedCities<T>(
  cities: readonly string[],
  answers: readonly PromiseSettledResult<T>[],
): string[] {
  return failures(cities, answers)
    .map(([city]) => city)
    .sort();
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
