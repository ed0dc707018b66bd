import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ImportOutcome } from '#contracts';
import { LATENCY_BUCKETS, METRIC_PREFIX, processRegistry } from '#platform';

/** The `city` of rows no city received (an unknown or unreadable `ville`, a malformed record). */
export const NO_CITY = 'none';

const ROW_OUTCOMES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;

/**
 * The gateway's metrics (README, "Exploitation"): one registry per gateway, served by
 * `GET /metrics`. Label values come from bounded sets only (served cities, route patterns, error
 * codes), never from what a client typed.
 */
@Injectable()
export class GatewayMetrics {
  readonly registry: Registry = processRegistry();

  readonly httpDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests answered by the gateway, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly cityCallDuration = new Histogram({
    name: `${METRIC_PREFIX}city_call_duration_seconds`,
    help: 'Calls from the gateway to a city worker (fork-join), by city, message and outcome',
    labelNames: ['city', 'pattern', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly rows = new Counter({
    name: `${METRIC_PREFIX}rows_total`,
    help: 'Imported rows by city and outcome (accepted, duplicate, conflict, rejected)',
    labelNames: ['city', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly imports = new Counter({
    name: `${METRIC_PREFIX}imports_total`,
    help: 'Imports answered (POST /imports, POST /transactions), whatever their outcome',
    registers: [this.registry],
  });

  readonly mostlyRejectedImports = new Counter({
    name: `${METRIC_PREFIX}imports_mostly_rejected_total`,
    help: 'Imports that rejected more than half their rows',
    registers: [this.registry],
  });

  readonly rejectedRows = new Counter({
    name: `${METRIC_PREFIX}rows_rejected_total`,
    help: 'Imported rows rejected, by city and error code',
    labelNames: ['city', 'code'] as const,
    registers: [this.registry],
  });

  readonly reportCache = new Counter({
    name: `${METRIC_PREFIX}report_cache_requests_total`,
    help: 'Report builds asked of the cache of built reports, by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly liveStreams = new Gauge({
    name: `${METRIC_PREFIX}sse_clients`,
    help: 'Open /events streams (dashboards listening)',
    registers: [this.registry],
  });

  readonly cityUp = new Gauge({
    name: `${METRIC_PREFIX}city_up`,
    help: "Whether the city's worker answered the gateway's last status call (1) or not (0)",
    labelNames: ['city'] as const,
    registers: [this.registry],
  });

  /**
   * Gives every outcome of `cities` a series from 0, so that the first import's rows count as an
   * increase (Prometheus' rate() and increase() need a sample before it).
   */
  expectCities(cities: readonly string[]): void {
    for (const city of [...cities, NO_CITY]) {
      for (const outcome of ROW_OUTCOMES) this.rows.inc({ city, outcome }, 0);
    }
  }

  /** Counts what an import did with its rows, city by city. */
  countImport(outcome: ImportOutcome): void {
    this.imports.inc();
    if ((outcome.rejected + outcome.conflicts) * 2 > outcome.rows) this.mostlyRejectedImports.inc();
    const routed = new Map<string, number>();
    for (const city of outcome.cities) {
      const counts: Record<(typeof ROW_OUTCOMES)[number], number> = {
        accepted: city.accepted,
        duplicate: city.duplicates,
        conflict: city.conflicts,
        rejected: city.rejected,
      };
      for (const [name, count] of Object.entries(counts)) {
        this.rows.inc({ city: city.city, outcome: name }, count);
      }
      for (const [code, count] of Object.entries(city.rejectedByCode)) {
        this.rejectedRows.inc({ city: city.city, code }, count);
        routed.set(code, (routed.get(code) ?? 0) + count);
      }
    }
    const unrouted =
      outcome.rejected - outcome.cities.reduce((sum, city) => sum + city.rejected, 0);
    if (unrouted > 0) this.rows.inc({ city: NO_CITY, outcome: 'rejected' }, unrouted);
    for (const [code, count] of Object.entries(outcome.rejectedByCode)) {
      const left = count - (routed.get(code) ?? 0);
      if (left > 0) this.rejectedRows.inc({ city: NO_CITY, code }, left);
    }
  }
}
