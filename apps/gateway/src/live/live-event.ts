import type { Access } from '../auth/access.js';

/** What `GET /events` announces; a dashboard refreshes on each. */
export type LiveEvent =
  | {
      /** Rows were stored: by an import or a transaction through this gateway, or seen in a count. */
      readonly type: 'data';
      readonly cities: readonly string[];
      /** Rows newly stored, when known (null: a change seen in a city's count). */
      readonly accepted: number | null;
    }
  | {
      readonly type: 'city';
      readonly city: string;
      readonly status: 'up' | 'down';
    };

/**
 * The event as `access` may hear it: nothing about a city it may not read. A `data` event about
 * several cities keeps the readable ones, and its count only when it concerned those alone.
 */
export function eventFor(access: Access, event: LiveEvent): LiveEvent | undefined {
  if (event.type === 'city') return access.canRead(event.city) ? event : undefined;
  const cities = event.cities.filter((city) => access.canRead(city));
  if (cities.length === 0) return undefined;
  return cities.length === event.cities.length ? event : { ...event, cities, accepted: null };
}
