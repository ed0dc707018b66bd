import { Inject, Injectable, Logger } from '@nestjs/common';
import { FixedCityDirectory, unknownCity, type CityDirectory } from '#domain/model';
import type { CityHeartbeat } from '#contracts';
import type { ClusterConfig } from '../config/gateway-config.js';
import { CLUSTER_CONFIG } from '../config/tokens.js';

interface Sighting {
  readonly instance: string;
  readonly seenAt: number;
  readonly intervalMs: number;
  readonly appliedVersion: number | undefined;
}

/** One worker of a city as its heartbeats tell it. */
export interface ReplicaSighting {
  readonly instance: string;
  /** The last entry of the city's stream it applied; null: the city's sole worker (no stream). */
  readonly appliedVersion: number | null;
  readonly silentForMs: number;
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
  /** Each city's workers by instance, as last heard. */
  private readonly sightings = new Map<string, Map<string, Sighting>>();
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
    const now = Date.now();
    const workers = this.sightings.get(city) ?? new Map<string, Sighting>();
    this.sightings.set(city, workers);
    // Replicas of a city (JetStream) are meant to run side by side; two sole workers are not.
    const other = [...workers.values()].find(
      ({ instance, seenAt, intervalMs }) =>
        instance !== heartbeat.instance && now - seenAt < 2 * intervalMs,
    );
    if (
      other !== undefined &&
      other.appliedVersion === undefined &&
      heartbeat.appliedVersion === undefined &&
      !workers.has(heartbeat.instance)
    ) {
      this.logger.error(
        `two workers announce ${city} (${other.instance} and ${heartbeat.instance}): stop one, they would count rows twice`,
      );
    }
    workers.set(heartbeat.instance, {
      instance: heartbeat.instance,
      seenAt: now,
      intervalMs: heartbeat.intervalMs,
      appliedVersion: heartbeat.appliedVersion,
    });
  }

  /** Runs on every lookup: it allocates nothing unless a city is to be forgotten. */
  private forgetSilent(): void {
    const now = Date.now();
    let gone: Set<string> | undefined;
    for (const [city, workers] of this.sightings) {
      for (const [instance, { seenAt }] of workers) {
        if (now - seenAt > this.config.forgetSilentMs) workers.delete(instance);
      }
      if (workers.size > 0) continue;
      this.sightings.delete(city);
      if (this.configured.has(city)) continue;
      (gone ??= new Set()).add(city);
      this.logger.warn(`forgot ${city}: no heartbeat for ${this.config.forgetSilentMs} ms`);
    }
    if (gone === undefined) return;
    const forgotten = gone;
    this.known = new FixedCityDirectory(this.known.cities.filter((city) => !forgotten.has(city)));
  }

  /** Milliseconds since the city's last heartbeat (from any of its workers); undefined: never. */
  silenceMs(city: string): number | undefined {
    const workers = [...(this.sightings.get(city)?.values() ?? [])];
    return workers.length === 0
      ? undefined
      : Date.now() - Math.max(...workers.map(({ seenAt }) => seenAt));
  }

  /** The city's workers that answer heartbeats (silent for less than 3 intervals), latest first. */
  replicas(city: string): ReplicaSighting[] {
    const now = Date.now();
    return [...(this.sightings.get(city)?.values() ?? [])]
      .filter(({ seenAt, intervalMs }) => now - seenAt < 3 * intervalMs)
      .map(({ instance, seenAt, appliedVersion }) => ({
        instance,
        appliedVersion: appliedVersion ?? null,
        silentForMs: now - seenAt,
      }))
      .sort((a, b) => a.silentForMs - b.silentForMs);
  }

  /**
   * How many replicas of the city (workers of its stream) answer heartbeats (silent for less
   * than 3 intervals): while one does, a call that gets no answer in time is tried again, safely
   * (a write is one entry of the stream, stored once), and may reach another one.
   */
  liveReplicas(city: string): number {
    return this.replicas(city).filter(({ appliedVersion }) => appliedVersion !== null).length;
  }
}
