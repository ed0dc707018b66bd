import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ErrorCode } from '#domain/model';
import { GatewayErrorCode } from '../../apps/gateway/src/errors/gateway-errors.js';
import { InProcessCityWorkers } from '../support/in-process-city-workers.js';
import { inProcessGateway } from '../support/in-process-gateway.js';

/** The reference documents: every name the code has must be in one of them. */
const REFERENCE = ['README.md', 'docs/architecture.md', 'docs/metrics.md', 'docs/performance.md'];
const FRENCH = readdirSync('docs/fr').map((file) => join('docs/fr', file));
const ALL_DOCS = [...REFERENCE, ...FRENCH];

/** Codes the HTTP error filter answers beside the named ones (http-error.filter.ts). */
const FILTER_CODES = ['INTERNAL_ERROR', 'NOT_FOUND'];
/** Upper-case names in the docs that are neither variables nor codes. */
const OTHER_NAMES = new Set([
  'NULL',
  'EUR',
  'TZ',
  'NODE_OPTIONS',
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'COPY',
  // Examples of a city's review recipients, REVIEW_TO_<CITY>: one variable per city served.
  'REVIEW_TO_LYON',
  'REVIEW_TO_PARIS',
  'REVIEW_TO_SAINT_ETIENNE',
]);
/** Pages the gateway serves beside its API (not in the OpenAPI document). */
const PAGES = ['GET /', 'GET /docs', 'GET /docs-json'];

const read = (file: string): string => readFileSync(file, 'utf8');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The upper-case constants the code exports (injection tokens, registries): docs may name them. */
function exportedConstants(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('apps'), ...sourceFiles('libs')]) {
    for (const [, name] of read(file).matchAll(/export const ([A-Z][A-Z0-9_]+)\b/g))
      names.add(name!);
  }
  return names;
}

/** Every variable a process reads: the env classes' properties and `env.NAME`. */
function environmentVariables(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('apps'), ...sourceFiles('libs')]) {
    const text = read(file);
    for (const [, name] of text.matchAll(/readonly ([A-Z][A-Z0-9_]+)!:/g)) names.add(name!);
    for (const [, name] of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(name!);
  }
  return names;
}

const CODES = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(GatewayErrorCode),
  ...FILTER_CODES,
]);
/** Variables docker-compose.yml itself reads (`${NAME:-default}`), for the services it runs. */
function composeVariables(): Set<string> {
  return new Set(
    [...read('docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)].map(([, name]) => name!),
  );
}

const VARIABLES = environmentVariables();
const COMPOSE_VARIABLES = composeVariables();
const CONSTANTS = exportedConstants();

/** `METHOD /path` as the docs write it, `{id}` and `<section>` standing for any segment. */
function operationPattern(operation: string): RegExp {
  const [method, path] = operation.split(' ');
  const segments = path!
    .replace(/\?.*$/, '')
    .split('/')
    .map((segment) =>
      /^[{<:*]/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${method} ${segments.join('/')}$`);
}

describe('the documentation against the code', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let operations: string[];

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    let baseUrl: string;
    ({ app, baseUrl } = await inProcessGateway(workers));
    const { paths } = (await (await fetch(`${baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('names only endpoints the gateway has', () => {
    const known = [...operations, ...PAGES];
    const unknown = ALL_DOCS.flatMap((file) =>
      [...read(file).matchAll(/\b(GET|POST|PUT|DELETE|PATCH) (\/(?:[\w\-/{}.*]|<\w+>)*)/g)]
        .map(([, method, path]) => `${method} ${path}`)
        .filter((named) => !known.some((operation) => operationPattern(named).test(operation)))
        .map((named) => `${file}: ${named}`),
    );
    expect(unknown).toEqual([]);
  });

  it('documents every endpoint in the README', () => {
    const readme = read('README.md');
    const missing = operations.filter((operation) => {
      const [method, path] = operation.split(' ');
      const last = `/${path!.split('/').pop()!}`;
      // The README groups the report sections in one row: `GET /reports/monthly`, `/split`, …
      return !readme.includes(`${method} ${path}`) && !readme.includes(`\`${last}\``);
    });
    expect(missing).toEqual([]);
  });

  it('names only environment variables and error codes the code has', () => {
    const unknown = ALL_DOCS.flatMap((file) => {
      const text = read(file);
      const quoted = [...text.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map(([, name]) => name!);
      const assigned = [...text.matchAll(/(?<![\w-])([A-Z][A-Z0-9_]{2,})=/g)].map(
        ([, name]) => name!,
      );
      return [...quoted, ...assigned]
        .filter(
          (name) =>
            !VARIABLES.has(name) &&
            !COMPOSE_VARIABLES.has(name) &&
            !CODES.has(name) &&
            !CONSTANTS.has(name) &&
            !OTHER_NAMES.has(name),
        )
        .map((name) => `${file}: ${name}`);
    });
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('documents every environment variable in the README, and in the French guide', () => {
    const readme = read('README.md');
    const guide = read('docs/fr/guide-utilisateur.md');
    expect([...VARIABLES].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
    expect([...VARIABLES].filter((name) => !guide.includes(name))).toEqual([]);
  });

  it('links only to files that exist', () => {
    const broken = ALL_DOCS.flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map(([, target]) => target!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(dirname(file), target)))
        .map((target) => `${file}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('documents every error code', () => {
    const reference = REFERENCE.map(read).join('\n');
    expect([...CODES].filter((code) => !reference.includes(code))).toEqual([]);
  });
});
