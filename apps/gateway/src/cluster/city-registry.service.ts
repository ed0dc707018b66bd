import { Inject, Injectable, Logger } from '@nestjs/common';
import { FixedCityDirectory, unknownCity, type CityDirectory } from '#domain/model';
import type { CityHeartbeat } from '#contracts';
import type { ClusterConfig } from '../config/gateway-config.js';
import { CLUSTER_CONFIG } from '../config/tokens.js';

interface Sighting {
  readonly instance: string;
  readonly seenAt: number;
  readonly intervalMs: number;
}

/**
 * The cities the gateway serves and how each is spelled: configured ones, and over NATS any city
 * learnt from a worker's heartbeat at run time (silent, it is reported down; silent for
 * FORGET_SILENT_CITY_MS, a learnt one is forgotten: one stray heartbeat cannot fail every report
 * for ever).
 */
@Injectable()
export class CityRegistry implements CityDirectory {
  private known: FixedCityDirectory;
  private readonly configured: ReadonlySet<string>;
  private readonly sightings = new Map<string, Sighting>();
  private readonly logger = new Logger(CityRegistry.name);

  constructor(@Inject(CLUSTER_CONFIG) private readonly config: ClusterConfig) {
    this.known = new FixedCityDirectory(config.cities.map(({ city }) => city));
    this.configured = new Set(this.known.cities);
  }

  get transport(): string {
    return this.config.transport;
  }

  /** The served cities, sorted. */
  get cities(): readonly string[] {
    this.forgetSilent();
    return this.known.cities;
  }

  resolve(name: string): string | undefined {
    this.forgetSilent();
    return this.known.resolve(name);
  }

  /** Canonical names of the asked cities, sorted (all by default); an unknown one is a 404. */
  resolveAll(names: readonly string[] | undefined): string[] {
    if (names === undefined) return [...this.cities];
    const cities = new Set<string>();
    for (const name of names) {
      const city = this.resolve(name);
      if (city === undefined) throw unknownCity(name, this.cities);
      cities.add(city);
    }
    return [...cities].sort();
  }

  /** Learns a city from a worker's heartbeat (NATS only: over TCP the cities are configured). */
  register(heartbeat: CityHeartbeat): void {
    if (this.config.transport !== 'nats') return;
    let city = this.resolve(heartbeat.city);
    if (city === undefined) {
      city = heartbeat.city;
      this.known = new FixedCityDirectory([...this.known.cities, city]);
      this.logger.log(`discovered ${city} (worker ${heartbeat.instance})`);
    }
    const previous = this.sightings.get(city);
    const now = Date.now();
    if (
      previous !== undefined &&
      previous.instance !== heartbeat.instance &&
      now - previous.seenAt < 2 * previous.intervalMs
    ) {
      this.logger.error(
        `two workers announce ${city} (${previous.instance} and ${heartbeat.instance}): stop one, they would count rows twice`,
      );
    }
    this.sightings.set(city, {
      instance: heartbeat.instance,
      seenAt: now,
      intervalMs: heartbeat.intervalMs,
    });
  }

  /** Runs on every lookup: it allocates nothing unless a city is to be forgotten. */
  private forgetSilent(): void {
    const now = Date.now();
    let gone: Set<string> | undefined;
    for (const [city, { seenAt }] of this.sightings) {
      if (this.configured.has(city) || now - seenAt <= this.config.forgetSilentMs) continue;
      (gone ??= new Set()).add(city);
      this.sightings.delete(city);
      this.logger.warn(`forgot ${city}: no heartbeat for ${this.config.forgetSilentMs} ms`);
    }
    if (gone === undefined) return;
    const forgotten = gone;
    this.known = new FixedCityDirectory(this.known.cities.filter((city) => !forgotten.has(city)));
  }

  /** Milliseconds since the city's last heartbeat; undefined if it never sent one. */
  silenceMs(city: string): number | undefined {
    const sighting = this.sightings.get(city);
    return sighting === undefined ? undefined : Date.now() - sighting.seenAt;
  }
}
