import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory, type CityDirectory } from '#domain/model';
import { DEFAULT_COST_RATES, parseReportQuery, type RawReportQuery } from '#domain/query';
import { THREE_CITIES_AS_OF } from './three-cities-expected.js';
import { buildReport, type Report } from '#domain/report';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
}

/** Loads a fixture in one chunk, as the CLI would load the file. */
export function loadFixture(
  name: string,
  cities: CityDirectory = new OpenCityDirectory(),
): { stores: CityStores; ingest: CsvIngest } {
  const stores = new CityStores();
  const ingest = new CsvIngest(cities, stores);
  ingest.push(readFileSync(fixturePath(name), 'utf8'));
  ingest.end();
  return { stores, ingest };
}

/** The report of `ok/three-cities.csv`, whose figures are worked out by hand in the specs. */
export function threeCitiesReport(raw: RawReportQuery = {}): Report {
  return buildReport(
    loadFixture('ok/three-cities.csv').stores.summarize(),
    parseReportQuery({ asOf: THREE_CITIES_AS_OF, ...raw }, DEFAULT_COST_RATES),
  );
}

/**
 * Deep comparison where numbers may differ in the last bits (a hand-worked 0.15 against a
 * computed 0.15000000000000002) but nothing else may.
 */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > tolerance) {
      throw new Error(`${path}: expected ${expected}, got ${actual}`);
    }
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) {
      throw new Error(`${path}: expected ${expected.length} items, got ${actual.length}`);
    }
    expected.forEach((item, index) => {
      expectClose(actual[index], item, `${path}[${index}]`);
    });
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) expectClose(actual[key], expected[key], `${path}.${key}`);
    return;
  }
  if (actual !== expected) {
    throw new Error(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
