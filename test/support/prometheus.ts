import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { freePort, waitForPort } from '../../apps/cli/src/start/local-services.js';

/**
 * Whether Prometheus and promtool are installed; when not, registers `spec` as skipped and says
 * so loudly (`.ci/run` installs Debian's prometheus package, so CI never skips).
 */
export function prometheusOrSkip(spec: string): boolean {
  const installed = ['prometheus', 'promtool'].every(
    (binary) => spawnSync(binary, ['--version']).status === 0,
  );
  if (!installed) {
    describe(spec, () => {
      it.skip('SKIPPED: prometheus is not installed (apt-get install prometheus)', () => undefined);
    });
    process.stderr.write(`\n*** ${spec}: SKIPPED, prometheus is not installed ***\n\n`);
  }
  return installed;
}

/** promtool with `args`, `input` on its standard input: its exit status and what it printed. */
export function promtool(
  args: readonly string[],
  input?: string,
): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { input, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export interface PrometheusServer {
  readonly url: string;
  /** The result of an instant query: each series' labels and value. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: number }[]>;
  /** GET `path` of the HTTP API (`/api/v1/...`): its `data`. */
  api<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}

/** A private Prometheus on a free port, with `config` (YAML text) as its configuration. */
export async function startPrometheus(config: string): Promise<PrometheusServer> {
  const directory = mkdtempSync(join(tmpdir(), 'prometheus-'));
  const configFile = join(directory, 'prometheus.yml');
  writeFileSync(configFile, config);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(directory, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port, 20_000);
  const url = `http://127.0.0.1:${port}`;
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${path}: ${body.error ?? response.status}`);
    return body.data;
  };
  return {
    url,
    api,
    query: async (expr) => {
      const data = await api<{
        result: { metric: Record<string, string>; value: [number, string] }[];
      }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      return data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
