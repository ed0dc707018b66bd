import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../apps/cli/src/start/local-services.js';

const worker = fileURLToPath(new URL('../../dist/apps/city-worker/src/main.js', import.meta.url));

/**
 * Starts the built Lyon worker on `dataDir`, on a free port of its own, and waits for it to exit:
 * for the cases where it must refuse to start. `as` runs it as another user (when this is root).
 */
export async function runLyonWorker(
  dataDir: string,
  as: { uid: number; gid: number } | Record<string, never> = {},
): Promise<{ status: number | null; stderr: string }> {
  const run = spawnSync(process.execPath, [worker], {
    ...as,
    env: {
      ...process.env,
      CITY: 'Lyon',
      DATA_DIR: dataDir,
      WORKER_PORT: String(await freePort()),
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr };
}
