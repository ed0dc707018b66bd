import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse, stringify } from 'yaml';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { freePortRange } from '../../apps/cli/src/start/local-services.js';
import { E2E_CITIES, startCluster } from '../support/cluster.js';
import { eventually, post } from '../support/http.js';
import {
  prometheusOrSkip,
  promtool,
  startPrometheus,
  type PrometheusServer,
} from '../support/prometheus.js';

jest.setTimeout(180_000);

const SPEC = 'the monitoring profile against a running cluster';
const MONITORING = fileURLToPath(new URL('../../deploy/monitoring/', import.meta.url));
const RULES = `${MONITORING}alerts.yml`;
const DASHBOARD = `${MONITORING}grafana/dashboards/autoconnect.json`;

interface ScrapeConfig {
  job_name: string;
  static_configs?: { targets: string[] }[];
}

/** Every expression of the alert rules and of the Grafana dashboard's panels. */
function shippedExpressions(): string[] {
  const rules = parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { expr: string }[] }[] };
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: { targets: { expr: string }[] }[];
  };
  return [
    ...rules.groups.flatMap((group) => group.rules.map((rule) => rule.expr)),
    ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
  ];
}

/** The metric names an expression selects (ours, the process defaults, and `up`). */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b((?:autoconnect|process|nodejs)_[a-z0-9_]+|up(?=\{))/g)].map(
    ([name]) => name,
  );
}

if (prometheusOrSkip(SPEC)) {
  describe(SPEC, () => {
    let cluster: ClusterProcesses;
    let prometheus: PrometheusServer;
    let metricsBasePort: number;
    const workerTarget = (city: string): string =>
      `127.0.0.1:${metricsBasePort + E2E_CITIES.indexOf(city)}`;

    beforeAll(async () => {
      metricsBasePort = await freePortRange(E2E_CITIES.length);
      cluster = await startCluster('tcp', '', {}, undefined, { metricsBasePort });
      // The shipped configuration, its targets mapped to this machine's processes and its
      // intervals shortened; its job names, which the rules select on, are kept. NATS' exporter
      // is not run here (no package of it): its job is left out.
      const shipped = parse(readFileSync(`${MONITORING}prometheus.yml`, 'utf8')) as {
        scrape_configs: ScrapeConfig[];
      };
      const targets: Record<string, string[]> = {
        gateway: [new URL(cluster.baseUrl).host],
        'city-workers': E2E_CITIES.map(workerTarget),
      };
      const config = {
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: [RULES],
        scrape_configs: shipped.scrape_configs
          .filter(({ job_name }) => job_name in targets)
          .map(({ job_name }) => ({ job_name, static_configs: [{ targets: targets[job_name] }] })),
      };
      expect(config.scrape_configs.map(({ job_name }) => job_name)).toEqual([
        'gateway',
        'city-workers',
      ]);
      prometheus = await startPrometheus(stringify(config));
    });

    afterAll(async () => {
      await prometheus.stop();
      await cluster.stop();
    });

    it('passes promtool: the shipped configuration, its rules, and what every process exposes', async () => {
      for (const args of [
        ['check', 'config', `${MONITORING}prometheus.yml`],
        ['check', 'rules', RULES],
      ]) {
        const run = promtool(args);
        expect([args.join(' '), run.status, run.output]).toEqual([
          args.join(' '),
          0,
          expect.stringContaining('SUCCESS'),
        ]);
      }
      const exposed = [
        `${cluster.baseUrl}/metrics`,
        ...E2E_CITIES.map((city) => `http://${workerTarget(city)}/metrics`),
      ];
      for (const url of exposed) {
        const run = promtool(['check', 'metrics'], await (await fetch(url)).text());
        expect([url, run.status, run.output]).toEqual([url, 0, '']);
      }
    });

    it("finds every worker and the gateway up, and each city's accepted rows equal to the import's answer", async () => {
      await eventually(async () => {
        const up = await prometheus.query('up');
        return up.length === E2E_CITIES.length + 1 && up.every(({ value }) => value === 1);
      }, 30_000);
      const csv = [
        'transaction_id,date,ville,type,modele,prix,duree_location_mois',
        ...Array.from({ length: 30 }, (_, index) => {
          const city = E2E_CITIES[index % E2E_CITIES.length]!;
          return `MON${index},2025-04-${String((index % 28) + 1).padStart(2, '0')},${city},vente,BMW_X3,5${index}000,NULL`;
        }),
        'MONX,2025-04-31,Lyon,vente,BMW_X3,50000,NULL',
      ].join('\n');
      const answer = await post(`${cluster.baseUrl}/imports`, csv);
      expect(answer.status).toBe(200);
      const expected = Object.fromEntries(
        (answer.body.cities as { city: string; accepted: number }[]).map(({ city, accepted }) => [
          city,
          accepted,
        ]),
      );
      expect(Object.values(expected).reduce((sum, count) => sum + count, 0)).toBe(30);
      let seen: Record<string, number> = {};
      await eventually(async () => {
        const rows = await prometheus.query('autoconnect_rows_total{outcome="accepted"}');
        seen = Object.fromEntries(
          rows
            .filter(({ metric }) => metric.city !== 'none')
            .map(({ metric, value }) => [metric.city!, value]),
        );
        return JSON.stringify(seen) === JSON.stringify(expected);
      }, 30_000).catch(() => undefined);
      expect(seen).toEqual(expected);
      const requests = await prometheus.query(
        'sum(autoconnect_http_request_duration_seconds_count)',
      );
      expect(requests[0]?.value).toBeGreaterThan(0);
    });

    it('knows every metric the alert rules and the Grafana dashboard use', async () => {
      const names = [...new Set(shippedExpressions().flatMap(metricNames))].sort();
      expect(names).toEqual(
        expect.arrayContaining(['autoconnect_city_up', 'autoconnect_rows_held', 'up']),
      );
      let known = new Set<string>();
      await eventually(async () => {
        known = new Set(await prometheus.api<string[]>('/api/v1/label/__name__/values'));
        return names.every((name) => known.has(name));
      }, 30_000).catch(() => undefined);
      expect(names.filter((name) => !known.has(name))).toEqual([]);
      for (const expr of shippedExpressions()) {
        expect(Array.isArray(await prometheus.query(expr))).toBe(true);
      }
    });

    it("shows a killed worker's up at 0 and its city-down alert pending", async () => {
      await cluster.killWorker('Marseille');
      await eventually(async () => {
        const up = await prometheus.query(`up{instance="${workerTarget('Marseille')}"}`);
        return up[0]?.value === 0;
      }, 30_000);
      const alerts = async (): Promise<{ labels: Record<string, string>; state: string }[]> =>
        (
          await prometheus.api<{ alerts: { labels: Record<string, string>; state: string }[] }>(
            '/api/v1/alerts',
          )
        ).alerts;
      // Both rules are evaluated on Prometheus' own tick, which may come after the scrape that
      // saw the worker down: wait for the two alerts rather than for the scrape.
      const name = ({ labels }: { labels: Record<string, string> }): string =>
        `${labels.alertname} ${labels.city ?? labels.instance}`;
      const expected = ['CityDown Marseille', `WorkerDown ${workerTarget('Marseille')}`];
      let down: { labels: Record<string, string>; state: string }[] = [];
      await eventually(async () => {
        down = (await alerts()).filter(({ state }) => state !== 'inactive');
        return expected.every((alert) => down.map(name).includes(alert));
      }, 30_000).catch(() => undefined);
      expect(down.map(name)).toEqual(expect.arrayContaining(expected));
      expect(down.map(({ labels }) => labels.city ?? labels.instance)).not.toContain('Lyon');
    });
  });
}
