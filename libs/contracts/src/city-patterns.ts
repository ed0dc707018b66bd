/** The message patterns a city worker answers, one set per city (dotted, NATS subject friendly). */
export interface CityPatterns {
  /** {@link IngestBatch} → {@link IngestResult} */
  readonly ingest: string;
  /** nothing → `CitySummary` of every row the city holds */
  readonly summarize: string;
  /** nothing → {@link CityInfo} */
  readonly info: string;
}

export function cityPatterns(city: string): CityPatterns {
  const key = cityKey(city);
  return {
    ingest: `city.${key}.ingest`,
    summarize: `city.${key}.summarize`,
    info: `city.${key}.info`,
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
