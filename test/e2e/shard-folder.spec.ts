import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { runLyonWorker } from '../support/worker-run.js';

jest.setTimeout(60_000);

const root = process.getuid?.() === 0;

describe('a shard folder the worker may not write', () => {
  // As root every folder is writable: the worker runs as uid 1000, as in the image.
  (root ? it : it.skip)(
    'refuses to start saying why and what to do, not that another worker holds the shard',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'root-owned-shards-'));
      const run = await runLyonWorker(folder, { uid: 1000, gid: 1000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Permission denied');
      expect(run.stderr).toContain('must be writable by this worker');
      expect(run.stderr).toContain('chown 1000:1000');
      expect(run.stderr).not.toContain('locked by another worker');
    },
  );
});
