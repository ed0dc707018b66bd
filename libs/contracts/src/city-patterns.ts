import type { CityMessageName } from './city-messages.js';

/** The subject of each message of one city (dotted, NATS subject friendly): `city.lyon.ingest`. */
export type CityPatterns = Readonly<Record<CityMessageName, string>>;

export function cityPatterns(city: string): CityPatterns {
  const key = cityKey(city);
  return {
    ingest: `city.${key}.ingest`,
    summarize: `city.${key}.summarize`,
    info: `city.${key}.info`,
    correct: `city.${key}.correct`,
    list: `city.${key}.list`,
    targets: `city.${key}.targets`,
    setTargets: `city.${key}.set-targets`,
  };
}

/** A city's name as one subject token: lower case ASCII letters, digits and dashes. */
export function cityKey(city: string): string {
  return city
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
