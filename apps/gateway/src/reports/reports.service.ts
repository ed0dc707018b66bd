import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DEALER_TIME_ZONE, calendarDayIn, parseMonth } from '#domain/model';
import {
  parseReportQuery,
  type CostRates,
  type RawReportQuery,
  type ReportQuery,
} from '#domain/query';
import { buildReport, type Report, type SectionName } from '#domain/report';
import { mergeSummaries, widenBounds, type CitySummary, type MonthBounds } from '#domain/summary';
import { TargetBook } from '#domain/targets';
import type { CityInfo } from '#contracts';
import type { Access } from '../auth/access.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import { failedCities, throwIfAnyFailed } from '../cluster/every-city.js';
import { withinDeadline } from '../cluster/within-deadline.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS, COST_RATES, REPORT_CACHE_SIZE } from '../config/tokens.js';
import type { ReportEnvelope, WorkerTiming } from './report-envelope.js';
import { reportName } from './report-routes.js';
import { elapsedMs } from '../shared/elapsed.js';
import { FreshCall } from '../shared/fresh-call.js';
import { fetchCitySummary } from './summary-parts.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { TargetsCache } from '../targets/targets-cache.service.js';

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
    private readonly metrics: GatewayMetrics,
    private readonly targets: TargetsCache,
    @Inject(REPORT_CACHE_SIZE) cacheBytes: number,
  ) {
    // Bounded by bytes, not entries: a city with many models makes reports of megabytes.
    this.built = new LRUCache<string, Report>({
      maxSize: cacheBytes,
      sizeCalculation: (report) => JSON.stringify(report).length,
    });
  }

  /** Each city's last summary, with the version it was asked at. */
  private readonly summaries = new Map<string, KeptSummary>();
  /** Summaries being fetched, by city and version. */
  private readonly fetching = new Map<string, Promise<KeptSummary>>();
  /** One info call per city shared by the reports asking at the same time. */
  private readonly infos = new Map<string, FreshCall<CityInfo>>();
  /**
   * Built reports by query and by the versions of the cities they were built from: while no
   * city changes, a report costs three `info` calls and no merge or build.
   */
  private readonly built: LRUCache<string, Report>;

  /** One section's report, or every section's (`section` undefined: the summary). */
  async report(
    access: Access,
    section: SectionName | undefined,
    raw: RawReportQuery,
    partial: boolean,
  ): Promise<ReportEnvelope> {
    const started = performance.now();
    const query = parseReportQuery(
      raw,
      this.costRates,
      calendarDayIn(new Date(), DEALER_TIME_ZONE),
    );
    const requested = access.scope(
      this.registry.resolveAll(query.cities),
      query.cities !== undefined,
    );
    // The default range spans every city: the others' bounds are asked for when it is needed.
    // A city the report is not about cannot fail it: without its answer, the range spans the
    // cities that did answer.
    const needsBounds = query.from === undefined || query.to === undefined;
    const others = needsBounds
      ? this.registry.cities.filter((city) => !requested.includes(city) && access.canRead(city))
      : [];
    const [summaries, infos] = await Promise.all([
      Promise.allSettled(
        requested.map((city) =>
          partial
            ? withinDeadline(this.summarize(city), this.timeouts.partialMs, city)
            : this.summarize(city),
        ),
      ),
      // Only their month bounds are asked: a hung one is not waited for past PARTIAL_TIMEOUT_MS.
      Promise.allSettled(
        others.map((city) => withinDeadline(this.info(city), this.timeouts.partialMs, city)),
      ),
    ]);
    if (!partial) throwIfAnyFailed(requested, summaries);
    const fetched = summaries.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const targets = await this.targetsOf(fetched, partial);
    const otherBounds = infos.reduce<MonthBounds | undefined>(
      (bounds, result) =>
        result.status === 'fulfilled' ? widenBounds(bounds, infoBounds(result.value)) : bounds,
      undefined,
    );
    const report = this.build(
      fetched.map(({ kept }) => kept),
      query,
      otherBounds,
      targets,
    );
    return {
      report: reportName(section),
      basis: report.basis,
      from: report.from,
      to: report.to,
      cities: report.cities,
      data: section === undefined ? report.data : report.data[section],
      meta: {
        currency: 'EUR',
        elapsedMs: elapsedMs(started),
        workers: fetched.map(({ timing }) => timing),
        missingCities: failedCities(requested, summaries),
      },
    };
  }

  /**
   * The city's summary: asked for its version first (a few bytes), and fetched again only when
   * the version changed. Under load most reports then cost a build, not three summaries of
   * ~70 KiB to parse on the gateway's one thread.
   */
  private async summarize(city: string): Promise<Fetched> {
    const started = performance.now();
    const { version, transactions, targetsVersion } = await this.info(city);
    const held = this.summaries.get(city);
    const kept = held?.version === version ? held : await this.fetchSummary(city, version);
    return { kept, targetsVersion, timing: { city, elapsedMs: elapsedMs(started), transactions } };
  }

  /**
   * The targets of the cities fetched, at the versions their `info` gave. With `partial`, a city
   * whose targets do not come is reported without them rather than not at all.
   */
  private async targetsOf(fetched: readonly Fetched[], partial: boolean): Promise<KeptTargets> {
    const answers = await Promise.allSettled(
      fetched.map(({ kept, targetsVersion }) => this.targets.of(kept.summary.city, targetsVersion)),
    );
    const cities = fetched.map(({ kept }) => kept.summary.city);
    if (!partial) throwIfAnyFailed(cities, answers);
    return {
      book: new TargetBook(
        answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : [])),
      ),
      versions: fetched.map(({ targetsVersion }, index) =>
        answers[index]?.status === 'fulfilled' ? targetsVersion : null,
      ),
    };
  }

  /**
   * The city's summary under `version`, asked once however many reports need it at the same
   * time: during an import every batch makes a new version, and 50 readers each parsing the same
   * ~70 KiB summary held the gateway's loop past 100 ms.
   */
  private fetchSummary(city: string, version: string): Promise<KeptSummary> {
    const key = `${city}\n${version}`;
    let fetching = this.fetching.get(key);
    if (fetching === undefined) {
      fetching = fetchCitySummary(this.workers, city, this.timeouts)
        .then((summary) => {
          // Reports spell the city as the gateway does (CITY_WORKERS, /cities), whatever the
          // worker's CITY: a worker started with CITY=lyon still reports Lyon. A summary made
          // after `version` is newer, never older: kept under it, it is fetched again at the
          // next change.
          const kept = { version, summary: { ...summary, city } };
          this.summaries.set(city, kept);
          return kept;
        })
        .finally(() => this.fetching.delete(key));
      this.fetching.set(key, fetching);
    }
    return fetching;
  }

  private info(city: string): Promise<CityInfo> {
    let call = this.infos.get(city);
    if (call === undefined) {
      call = new FreshCall(() => this.workers.info(city, {}, this.timeouts.reportMs));
      this.infos.set(city, call);
    }
    return call.ask();
  }

  /** The report of these summaries, built once per query while their versions stay the same. */
  private build(
    summaries: readonly KeptSummary[],
    query: ReportQuery,
    otherBounds: MonthBounds | undefined,
    targets: KeptTargets,
  ): Report {
    // The cities are those of the summaries: the query's own list is already resolved.
    const reportQuery = { ...query, cities: undefined };
    const key = JSON.stringify([
      summaries.map(({ summary, version }) => [summary.city, version]),
      reportQuery,
      otherBounds,
      targets.versions,
    ]);
    let report = this.built.get(key);
    this.metrics.reportCache.inc({ result: report === undefined ? 'miss' : 'hit' });
    if (report === undefined) {
      report = buildReport(
        mergeSummaries(...summaries.map(({ summary }) => ({ cities: [summary] }))),
        reportQuery,
        otherBounds,
        targets.book,
      );
      this.built.set(key, report);
    }
    return report;
  }
}

interface KeptSummary {
  readonly version: string;
  readonly summary: CitySummary;
}

interface Fetched {
  readonly kept: KeptSummary;
  /** The version of the city's targets its `info` gave. */
  readonly targetsVersion: string;
  readonly timing: WorkerTiming;
}

/** The targets of a report's cities, and their versions (null: not read), in the cities' order. */
interface KeptTargets {
  readonly book: TargetBook;
  readonly versions: readonly (string | null)[];
}

function infoBounds(info: CityInfo): MonthBounds | undefined {
  const first = info.firstMonth === null ? undefined : parseMonth(info.firstMonth);
  const last = info.lastMonth === null ? undefined : parseMonth(info.lastMonth);
  return first === undefined || last === undefined ? undefined : { first, last };
}
