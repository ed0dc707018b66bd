import { Inject, Injectable } from '@nestjs/common';
import { recordToTarget, type Target } from '#domain/targets';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';

/**
 * Each city's targets as the gateway last read them, with the version its `info` gave: read
 * again only when that version changes, so a report costs no targets call while they stay the
 * same, and a change made through any gateway shows at the next report of every gateway.
 */
@Injectable()
export class TargetsCache {
  private readonly kept = new Map<string, { version: string; targets: readonly Target[] }>();
  private readonly fetching = new Map<string, Promise<readonly Target[]>>();

  constructor(
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
  ) {}

  /** The city's targets at `version`, spelled as the gateway spells the city. */
  of(city: string, version: string): Promise<readonly Target[]> {
    const held = this.kept.get(city);
    if (held?.version === version) return Promise.resolve(held.targets);
    const key = `${city}\n${version}`;
    let fetching = this.fetching.get(key);
    if (fetching === undefined) {
      fetching = this.workers
        .targets(city, {}, this.timeouts.reportMs)
        .then((answer) => {
          const targets = answer.targets.map((record) => ({ ...recordToTarget(record), city }));
          this.kept.set(city, { version: answer.version, targets });
          return targets;
        })
        .finally(() => this.fetching.delete(key));
      this.fetching.set(key, fetching);
    }
    return fetching;
  }
}
