export interface CityEndpoint {
  readonly city: string;
  /** TCP address of the city's worker; unused over NATS. */
  readonly host: string;
  readonly port: number;
}

/** `Lyon=127.0.0.1:4001,Paris=worker-paris:4001`: the endpoints, and the entries that are not. */
export function parseCityWorkers(text: string): {
  readonly endpoints: CityEndpoint[];
  readonly malformed: string[];
  readonly cities: string[];
} {
  const endpoints: CityEndpoint[] = [];
  const malformed: string[] = [];
  for (const entry of splitList(text)) {
    const [, city, host, port] = /^([^=]+)=([^:]+):(\d{1,5})$/.exec(entry) ?? [];
    if (city === undefined || host === undefined || port === undefined) malformed.push(entry);
    else endpoints.push({ city: city.trim(), host: host.trim(), port: Number(port) });
  }
  return { endpoints, malformed, cities: endpoints.map(({ city }) => city) };
}

/** The first city named a second time (case-insensitively), as written there. */
export function duplicateCity(cities: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const city of cities) {
    if (seen.has(city.toLowerCase())) return city;
    seen.add(city.toLowerCase());
  }
  return undefined;
}

/** A comma-separated list, its entries trimmed, empty ones left out. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
