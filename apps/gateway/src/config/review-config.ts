import { cityKey } from '#contracts';
import { ConfigError, type Environment } from '#platform';
import { splitList } from './city-list.js';
import { badAddresses } from './review-env-rules.js';

/** Who gets the monthly review, from where, and when. */
export interface ReviewConfig {
  /** undefined: no review is sent (nor scheduled). */
  readonly smtpUrl: string | undefined;
  readonly from: string;
  /** The management: each gets the company's review. */
  readonly management: readonly string[];
  /** A city's managers, by the city's key (`cityKey`): each gets that city's review. */
  readonly byCity: ReadonlyMap<string, readonly string[]>;
  /** Cron syntax, Europe/Paris. */
  readonly schedule: string;
  /** The first retry's delay after a failed send. */
  readonly retryMs: number;
  /** `fr`: a scheduled time on a French public holiday waits for the next working day. */
  readonly holidays: 'fr' | 'none';
}

const CITY_RECIPIENTS = /^REVIEW_TO_([A-Z0-9_]+)$/;

/** `REVIEW_TO_LYON`, `REVIEW_TO_SAINT_ETIENNE`: the variable a city's managers are set in. */
export function cityRecipientsVariable(city: string): string {
  return `REVIEW_TO_${cityKey(city).toUpperCase().replaceAll('-', '_')}`;
}

/**
 * The review settings: SMTP_URL needs REVIEW_FROM; every `REVIEW_TO_<CITY>` must hold addresses
 * and, when the served cities are configured (`cities` not empty), name one of them.
 */
export function reviewConfigOf(
  env: Environment,
  vars: {
    SMTP_URL: string;
    REVIEW_FROM: string;
    REVIEW_TO: string;
    REVIEW_SCHEDULE: string;
    REVIEW_RETRY_MS: number;
    REVIEW_HOLIDAYS: string;
  },
  cities: readonly string[],
): ReviewConfig {
  const problems: string[] = [];
  if (vars.SMTP_URL !== '' && vars.REVIEW_FROM === '') {
    problems.push('REVIEW_FROM is required with SMTP_URL: the address the review is sent from');
  }
  const known = new Map(cities.map((city) => [cityRecipientsVariable(city), cityKey(city)]));
  const byCity = new Map<string, string[]>();
  for (const [name, value] of Object.entries(env)) {
    const match = CITY_RECIPIENTS.exec(name);
    if (match === null || value === undefined || value.trim() === '') continue;
    const bad = badAddresses(value);
    if (bad.length > 0)
      problems.push(`${name} holds what is not an e-mail address: ${bad.join(', ')}`);
    const key =
      known.get(name) ??
      (cities.length === 0 ? match[1]!.toLowerCase().replaceAll('_', '-') : undefined);
    if (key === undefined) {
      problems.push(
        `${name} names no city served here (served: ${cities.join(', ')}; the variable of Lyon is REVIEW_TO_LYON)`,
      );
      continue;
    }
    byCity.set(key, splitList(value));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    smtpUrl: vars.SMTP_URL === '' ? undefined : vars.SMTP_URL,
    from: vars.REVIEW_FROM,
    management: splitList(vars.REVIEW_TO),
    byCity,
    schedule: vars.REVIEW_SCHEDULE,
    retryMs: vars.REVIEW_RETRY_MS,
    holidays: vars.REVIEW_HOLIDAYS === 'none' ? 'none' : 'fr',
  };
}
