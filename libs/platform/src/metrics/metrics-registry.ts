import { Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: from a cached report (a few ms) to an import batch near its timeout. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Prefix of every metric of ours; process_* and nodejs_* are prom-client's defaults. */
export const METRIC_PREFIX = 'autoconnect_';

/**
 * prom-client's gauges named like counters, which `promtool check metrics` refuses ("non-counter
 * metrics should not have _total suffix"): nodejs_active_handles, _requests and _resources give
 * the same counts by type.
 */
const MISNAMED_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** A process's registry with prom-client's process and event-loop metrics in it. */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  return registry;
}
