import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the built CLI entry points (`npm test` builds first) as its own process. */
export function runCli(
  entry: 'report' | 'generate' | 'demo' | 'users',
  args: readonly string[],
  input?: string,
): CliRun {
  const script = fileURLToPath(new URL(`../../dist/apps/cli/src/${entry}.js`, import.meta.url));
  const run = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    input,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
