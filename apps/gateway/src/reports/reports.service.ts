import { Inject, Injectable } from '@nestjs/common';
import {
  buildReport,
  mergeSummaries,
  parseMonth,
  parseReportQuery,
  widenBounds,
  type CitySummary,
  type MonthBounds,
  type RawReportQuery,
  unknownCity,
} from '#domain';
import type { CityInfo } from '#contracts';
import { CityCallError } from '../cluster/city-call.error.js';
import { CityCluster } from '../cluster/city-cluster.service.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';
import { cityUnavailable } from '../errors/gateway-errors.js';
import {
  REPORT_SECTION,
  type ReportEnvelope,
  type ReportName,
  type WorkerTiming,
} from './report-envelope.js';

/**
 * Fork-join: one summarize job per requested city, all at once, each with a timeout; the
 * summaries are merged and the report built from them with the domain library.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly cluster: CityCluster,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async report(name: ReportName, raw: RawReportQuery, partial: boolean): Promise<ReportEnvelope> {
    const started = performance.now();
    const query = parseReportQuery(raw, this.config.costRates);
    const requested = this.resolveCities(query.cities);
    // The default range spans every city: the others' bounds are asked for when it is needed.
    // A city the report is not about cannot fail it: without its answer, the range spans the
    // cities that did answer.
    const needsBounds = query.from === undefined || query.to === undefined;
    const others = needsBounds
      ? this.cluster.cities.filter((city) => !requested.includes(city))
      : [];
    const [summaries, infos] = await Promise.all([
      Promise.allSettled(requested.map((city) => this.summarize(city))),
      Promise.allSettled(
        others.map((city) =>
          this.cluster.call<CityInfo>(city, 'info', {}, this.config.reportTimeoutMs),
        ),
      ),
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
      report: name,
      basis: report.basis,
      from: report.from,
      to: report.to,
      cities: report.cities,
      data: name === 'summary' ? report.data : report.data[REPORT_SECTION[name]],
      meta: {
        elapsedMs: performance.now() - started,
        workers: fetched.map(({ timing }) => timing),
        missingCities: missing.sort(),
      },
    };
  }

  /** Canonical names of the asked cities (all by default); an unknown one is a 404. */
  private resolveCities(names: readonly string[] | undefined): string[] {
    if (names === undefined) return [...this.cluster.cities];
    const cities = new Set<string>();
    for (const name of names) {
      const city = this.cluster.directory.resolve(name);
      if (city === undefined) throw unknownCity(name, this.cluster.cities);
      cities.add(city);
    }
    return [...cities].sort();
  }

  private async summarize(city: string): Promise<{ summary: CitySummary; timing: WorkerTiming }> {
    const started = performance.now();
    const summary = await this.cluster.call<CitySummary>(
      city,
      'summarize',
      {},
      this.config.reportTimeoutMs,
    );
    const transactions = summary.cells.count.reduce((sum, count) => sum + count, 0);
    return { summary, timing: { city, elapsedMs: performance.now() - started, transactions } };
  }
}

function infoBounds(info: CityInfo): MonthBounds | undefined {
  const first = info.firstMonth === null ? undefined : parseMonth(info.firstMonth);
  const last = info.lastMonth === null ? undefined : parseMonth(info.lastMonth);
  return first === undefined || last === undefined ? undefined : { first, last };
}
