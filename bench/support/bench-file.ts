import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The file named on the command line, or a generated file of `rows` rows (with costs, and the
 * generator's `options`), made once under tmp/ and reused.
 */
export function benchFile(
  argument: string | undefined,
  rows = 1_000_000,
  options: readonly string[] = [],
): string {
  if (argument !== undefined) return argument;
  const directory = fileURLToPath(new URL('../../../tmp/', import.meta.url));
  const suffix = options.length === 0 ? '' : `-${options.join('-').replace(/[^a-zA-Z0-9-]+/g, '')}`;
  const file = `${directory}bench-${rows}${suffix}.csv`;
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true });
    const generator = fileURLToPath(new URL('../../apps/cli/src/generate.js', import.meta.url));
    process.stderr.write(`generating ${file} ...\n`);
    const run = spawnSync(
      process.execPath,
      [generator, '--rows', String(rows), '--out', file, '--with-cost', ...options],
      {
        stdio: 'inherit',
      },
    );
    if (run.status !== 0) throw new Error(`generating ${file} failed`);
  }
  return file;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs each candidate `rounds` times, interleaved so that machine noise hits all alike. */
export async function interleaved(
  candidates: Readonly<Record<string, () => Promise<unknown>>>,
  rounds: number,
): Promise<Map<string, number[]>> {
  const times = new Map(Object.keys(candidates).map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(candidates)) {
      const started = performance.now();
      await run();
      times.get(name)?.push(performance.now() - started);
    }
  }
  return times;
}
