import { Inject, Injectable } from '@nestjs/common';
import {
  buildReport,
  mergeSummaries,
  parseMonth,
  parseReportQuery,
  widenBounds,
  type CitySummary,
  type CostRates,
  type MonthBounds,
  type RawReportQuery,
  type SectionName,
} from '#domain';
import type { CityInfo } from '#contracts';
import { CityCallError } from '../cluster/city-call.error.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS, COST_RATES } from '../config/tokens.js';
import { cityUnavailable } from '../errors/gateway-errors.js';
import type { ReportEnvelope, WorkerTiming } from './report-envelope.js';
import { REPORT_ROUTES, SUMMARY } from './report-routes.js';
import { elapsedMs } from '../shared/elapsed.js';

/**
 * Fork-join: one summarize job per requested city, all at once, each with a timeout; the
 * summaries are merged and the report built from them with the domain library.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
    @Inject(COST_RATES) private readonly costRates: CostRates,
  ) {}

  /** Each city's last summary, with the version it was asked at. */
  private readonly summaries = new Map<string, { version: string; summary: CitySummary }>();

  /** One section's report, or every section's (`section` undefined: the summary). */
  async report(
    section: SectionName | undefined,
    raw: RawReportQuery,
    partial: boolean,
  ): Promise<ReportEnvelope> {
    const started = performance.now();
    const query = parseReportQuery(raw, this.costRates);
    const requested = this.registry.resolveAll(query.cities);
    // The default range spans every city: the others' bounds are asked for when it is needed.
    // A city the report is not about cannot fail it: without its answer, the range spans the
    // cities that did answer.
    const needsBounds = query.from === undefined || query.to === undefined;
    const others = needsBounds
      ? this.registry.cities.filter((city) => !requested.includes(city))
      : [];
    const [summaries, infos] = await Promise.all([
      Promise.allSettled(requested.map((city) => this.summarize(city))),
      Promise.allSettled(others.map((city) => this.workers.info(city, {}, this.timeouts.reportMs))),
    ]);
    const failures = summaries.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    const missing = failures.map((failure) =>
      failure instanceof CityCallError ? failure.city : '?',
    );
    if (failures.length > 0 && !partial) {
      throw cityUnavailable(
        missing,
        failures.map((failure) => String(failure)),
      );
    }
    const fetched = summaries.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const otherBounds = infos.reduce<MonthBounds | undefined>(
      (bounds, result) =>
        result.status === 'fulfilled' ? widenBounds(bounds, infoBounds(result.value)) : bounds,
      undefined,
    );
    const report = buildReport(
      mergeSummaries(...fetched.map(({ summary }) => ({ cities: [summary] }))),
      { ...query, cities: undefined },
      otherBounds,
    );
    return {
      report: section === undefined ? SUMMARY : REPORT_ROUTES[section].path,
      basis: report.basis,
      from: report.from,
      to: report.to,
      cities: report.cities,
      data: section === undefined ? report.data : report.data[section],
      meta: {
        currency: 'EUR',
        elapsedMs: elapsedMs(started),
        workers: fetched.map(({ timing }) => timing),
        missingCities: missing.sort(),
      },
    };
  }

  /**
   * The city's summary: asked for its version first (a few bytes), and fetched again only when
   * the version changed. Under load most reports then cost a build, not three summaries of
   * ~70 KiB to parse on the gateway's one thread.
   */
  private async summarize(city: string): Promise<{ summary: CitySummary; timing: WorkerTiming }> {
    const started = performance.now();
    const { version, transactions } = await this.workers.info(city, {}, this.timeouts.reportMs);
    let kept = this.summaries.get(city);
    if (kept?.version !== version) {
      // Reports spell the city as the gateway does (CITY_WORKERS, /cities), whatever the
      // worker's CITY: a worker started with CITY=lyon still reports Lyon. A summary made after
      // `version` is newer, never older: kept under it, it is fetched again at the next change.
      const summary = { ...(await this.workers.summarize(city, {}, this.timeouts.reportMs)), city };
      kept = { version, summary };
      this.summaries.set(city, kept);
    }
    return { summary: kept.summary, timing: { city, elapsedMs: elapsedMs(started), transactions } };
  }
}

function infoBounds(info: CityInfo): MonthBounds | undefined {
  const first = info.firstMonth === null ? undefined : parseMonth(info.firstMonth);
  const last = info.lastMonth === null ? undefined : parseMonth(info.lastMonth);
  return first === undefined || last === undefined ? undefined : { first, last };
}
