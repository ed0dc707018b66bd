import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isAlias, isMap, isPair, isScalar, parse, parseDocument } from 'yaml';
import { REPO, loadCompose } from '../support/compose.js';

const compose = loadCompose();
const BASE_WORKERS = ['worker-lyon', 'worker-paris', 'worker-marseille'];
const EXPANSION_WORKERS = ['worker-toulouse', 'worker-bordeaux'];
const WORKERS = [...BASE_WORKERS, ...EXPANSION_WORKERS];
const MONITORING = ['nats-exporter', 'prometheus', 'grafana'];
const HA_NATS = ['nats-1', 'nats-2', 'nats-3'];
const HA_REPLICAS = ['lyon', 'paris', 'marseille'].flatMap((city) =>
  ['a', 'b'].map((copy) => `replica-${city}-${copy}`),
);
const HA = [...HA_NATS, 'gateway-ha', ...HA_REPLICAS];
/** Its image has no HTTP client to check itself with: Prometheus' `up{job="nats"}` tells. */
const UNCHECKED = new Set(['nats-exporter']);

/** The alias a service merges in (`<<: *worker`), read from the file itself. */
function mergedAnchor(service: string): string | undefined {
  const document = parseDocument(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'));
  const node = document.getIn(['services', service], true);
  if (!isMap(node)) return undefined;
  const merge = node.items.find(
    (item) => isPair(item) && isScalar(item.key) && item.key.value === '<<',
  );
  return merge !== undefined && isAlias(merge.value) ? merge.value.source : undefined;
}

describe('docker-compose.yml', () => {
  it('runs NATS, the gateway and one worker per city', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['gateway', 'nats', ...WORKERS, ...MONITORING, ...HA].sort(),
    );
    const always = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    // The brief's 3 to 6 containers: NATS, the gateway, a worker per city.
    expect(always.map(([name]) => name).sort()).toEqual(
      ['gateway', 'nats', ...BASE_WORKERS].sort(),
    );
  });

  it.each(WORKERS)('defines %s through the shared worker anchor and image', (name) => {
    expect(mergedAnchor(name)).toBe('worker');
    const worker = compose.services[name]!;
    expect(worker.image).toBe(compose.services.gateway!.image);
    expect(worker.command).toEqual(['dist/apps/city-worker/src/main.js']);
    expect(worker.environment).toMatchObject({
      TRANSPORT: 'nats',
      NATS_URL: 'nats://nats:4222',
      DATA_DIR: '/data/shards',
    });
  });

  it('gives each worker its own CITY and its own named volume for DATA_DIR', () => {
    const cities = WORKERS.map((name) => compose.services[name]!.environment?.CITY);
    expect(cities).toEqual(['Lyon', 'Paris', 'Marseille', 'Toulouse', 'Bordeaux']);
    const volumes = WORKERS.map((name) => compose.services[name]!.volumes?.[0]);
    expect(new Set(volumes).size).toBe(WORKERS.length);
    for (const volume of volumes) {
      const [source, target] = (volume ?? '').split(':');
      expect(target).toBe('/data/shards');
      expect(Object.keys(compose.volumes)).toContain(source);
    }
  });

  it('checks the health of every service and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (UNCHECKED.has(name)) continue;
      expect([name, (service.healthcheck?.test.length ?? 0) > 0]).toEqual([name, true]);
    }
    expect(compose.services.nats!.healthcheck?.test.join(' ')).toContain('/healthz');
    for (const name of ['gateway', ...WORKERS]) {
      expect(compose.services[name]!.depends_on).toEqual({
        nats: { condition: 'service_healthy' },
      });
    }
  });

  it('puts Toulouse and Bordeaux under the expansion profile, and only them', () => {
    for (const name of EXPANSION_WORKERS)
      expect(compose.services[name]!.profiles).toEqual(['expansion']);
    for (const name of ['nats', 'gateway', ...BASE_WORKERS])
      expect(compose.services[name]!.profiles).toBeUndefined();
  });

  it('publishes the gateway on 3000 and seeds it from ./data mounted read-only', () => {
    const gateway = compose.services.gateway!;
    expect(gateway.ports).toEqual(['${GATEWAY_PORT:-3000}:3000']);
    expect(gateway.volumes).toEqual([
      './data:/seed:ro',
      '${USERS_FILE_PATH:-./deploy/auth/users.yml}:/etc/autoconnect/users.yml:ro',
      'gateway-data:/data/gateway',
    ]);
    expect(gateway.environment).toMatchObject({
      TRANSPORT: 'nats',
      SEED_FILE: '/seed/transactions_autoconnect.csv',
    });
  });
});

describe('the ha profile', () => {
  const cluster = readFileSync(join(REPO, 'deploy/nats/nats-cluster.conf'), 'utf8');
  const urls = HA_NATS.map((name) => `nats://${name}:4222`).join(',');

  it('runs three NATS servers of one JetStream cluster, each acknowledging after fsync', () => {
    for (const [index, name] of HA_NATS.entries()) {
      const server = compose.services[name]!;
      expect(server.profiles).toEqual(['ha']);
      // sync_interval came with NATS 2.10; 2.10.20 to 2.10.22 lost streams on crashes.
      expect(server.image).toBe('nats:2.12-alpine');
      expect(server.command).toEqual([
        '--config',
        '/etc/nats/nats-cluster.conf',
        '--server_name',
        `nats-${index + 1}`,
      ]);
      expect(server.volumes).toEqual([
        './deploy/nats/nats-cluster.conf:/etc/nats/nats-cluster.conf:ro',
        `${name}-data:/data`,
      ]);
    }
    expect(cluster).toMatch(/^\s*sync_interval: always$/m);
    expect(cluster).toContain(
      `routes: [${HA_NATS.map((name) => `nats://${name}:6222`).join(', ')}]`,
    );
  });

  it('runs two workers per city on services of their own, each a replica of the city stream', () => {
    const cities = HA_REPLICAS.map((name) => compose.services[name]!.environment?.CITY);
    expect(cities).toEqual(['Lyon', 'Lyon', 'Paris', 'Paris', 'Marseille', 'Marseille']);
    const volumes = HA_REPLICAS.map((name) => compose.services[name]!.volumes?.[0]);
    expect(new Set(volumes).size).toBe(HA_REPLICAS.length);
    for (const name of HA_REPLICAS) {
      expect(compose.services[name]).toMatchObject({
        profiles: ['ha'],
        command: ['dist/apps/city-worker/src/main.js'],
        environment: { TRANSPORT: 'nats', NATS_URL: urls, JETSTREAM_REPLICAS: '3' },
      });
    }
    expect(compose.services['gateway-ha']).toMatchObject({
      profiles: ['ha'],
      environment: { NATS_URL: urls, NATS_USER: 'gateway' },
      ports: ['${GATEWAY_HA_PORT:-3002}:3000'],
    });
    // `up -d gateway-ha` brings the whole replicated stack, and only it.
    expect(Object.keys(compose.services['gateway-ha']!.depends_on ?? {}).sort()).toEqual(
      [...HA_REPLICAS].sort(),
    );
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');

  it('builds in one stage and ships production dependencies only, as a non-root user, with a health check', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    // `npm run build` builds the dashboard too: its sources and Vite's configuration go in.
    expect(dockerfile).toMatch(/^COPY .*\bvite\.config\.ts\b/m);
    expect(dockerfile).toMatch(/^COPY apps apps$/m);
    expect(readFileSync(join(REPO, '.dockerignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.git']),
    );
  });
});

describe('the monitoring profile', () => {
  const prometheusFile = 'deploy/monitoring/prometheus.yml';
  const scrape = parse(readFileSync(join(REPO, prometheusFile), 'utf8')) as {
    scrape_configs: {
      job_name: string;
      static_configs?: { targets: string[] }[];
      dns_sd_configs?: { names: string[]; port: number }[];
    }[];
  };
  const job = (name: string): string[] => {
    const config = scrape.scrape_configs.find((entry) => entry.job_name === name);
    return [
      ...(config?.static_configs ?? []).flatMap((entry) => entry.targets),
      ...(config?.dns_sd_configs ?? []).flatMap((entry) =>
        entry.names.map((host) => `${host}:${entry.port}`),
      ),
    ];
  };

  it('adds Prometheus, Grafana and the NATS exporter under the monitoring profile only', () => {
    for (const name of MONITORING) expect(compose.services[name]!.profiles).toEqual(['monitoring']);
    expect(compose.services.prometheus!.volumes).toEqual(
      expect.arrayContaining([
        `./${prometheusFile}:/etc/prometheus/prometheus.yml:ro`,
        './deploy/monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro',
      ]),
    );
  });

  it('scrapes every worker, replica and gateway at the METRICS_PORT the file gives each', () => {
    const expected = [...WORKERS, ...HA_REPLICAS].map((name) => {
      const port = String(compose.services[name]!.environment?.METRICS_PORT);
      expect(compose.services[name]!.environment?.WORKER_HOST).toBe('0.0.0.0');
      return `${name}:${port}`;
    });
    expect(job('city-workers').sort()).toEqual(expected.sort());
    // Each gateway's own metrics listener (no sign-in, unpublished), not its signed-in port.
    expect(job('gateway')).toEqual(
      ['gateway', 'gateway-ha'].map(
        (name) => `${name}:${String(compose.services[name]!.environment?.METRICS_PORT)}`,
      ),
    );
    expect(compose.services.gateway!.ports).toEqual(['${GATEWAY_PORT:-3000}:3000']);
    expect(job('nats')).toEqual(['nats-exporter:7777']);
  });
});

describe('NATS in docker-compose.yml', () => {
  it('runs with the shipped users and permissions, published on this host only', () => {
    const nats = compose.services.nats!;
    expect(nats.command?.slice(0, 2)).toEqual(['--config', '/etc/nats/nats.conf']);
    expect(nats.volumes).toContain('./deploy/nats/nats.conf:/etc/nats/nats.conf:ro');
    for (const port of nats.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it('gives the gateway and every worker their own identity, with the password NATS checks', () => {
    const passwordOf = (variable: string): string =>
      String(compose.services.nats!.environment?.[variable]);
    expect(compose.services.gateway!.environment).toMatchObject({
      NATS_USER: 'gateway',
      NATS_PASSWORD: passwordOf('NATS_GATEWAY_PASSWORD'),
    });
    for (const name of WORKERS) {
      expect(compose.services[name]!.environment).toMatchObject({
        NATS_USER: 'worker',
        NATS_PASSWORD: passwordOf('NATS_WORKER_PASSWORD'),
      });
    }
  });

  it('runs its apps under an init, from an image that declares no volume, checked without booting NestJS', () => {
    for (const name of ['gateway', ...WORKERS]) {
      expect([name, compose.services[name]!.init]).toEqual([name, true]);
    }
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    expect(dockerfile).not.toMatch(/^VOLUME/m);
    // Every 10 s in six containers: a check that loaded NestJS cost ~0.6 s of CPU each time.
    const check = readFileSync(join(REPO, 'apps/cli/src/healthcheck.ts'), 'utf8');
    expect(check).not.toMatch(/from '(@nestjs\/[a-z-]+|#platform|rxjs)'/);
  });
});
