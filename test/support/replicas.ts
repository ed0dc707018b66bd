import { expect } from '@jest/globals';
import { E2E_CITIES } from './cluster.js';
import { eventually } from './http.js';

interface CityReplicas {
  readonly city: string;
  readonly replicas: readonly { readonly appliedVersion: number | null }[];
}

/**
 * Waits until each city has `count[city]` replicas (2 by default) answering heartbeats, all at
 * the same version, as `GET /cities` (read by `cities`) lists them; fails showing the last seen.
 */
export async function replicasInStep(
  cities: () => Promise<unknown>,
  count: Readonly<Record<string, number>> = {},
  timeoutMs = 60_000,
): Promise<void> {
  let seen: unknown;
  await eventually(async () => {
    const listed = (await cities()) as CityReplicas[];
    seen = listed.map(({ city, replicas }) => [city, replicas.map((r) => r.appliedVersion)]);
    return listed.every(
      ({ city, replicas }) =>
        replicas.length === (count[city] ?? 2) &&
        new Set(replicas.map((r) => r.appliedVersion)).size === 1,
    );
  }, timeoutMs).catch(() => undefined);
  expect(seen).toEqual(
    E2E_CITIES.map((city) => [city, Array(count[city] ?? 2).fill(expect.any(Number))]),
  );
}
