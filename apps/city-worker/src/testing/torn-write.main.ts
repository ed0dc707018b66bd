import { exitOnStartupError } from '#platform';
import { FILE_WRITER, type ShardWriter } from '../shard/shard-writer.js';
import { readWorkerConfig } from '../worker-config.js';
import { runWorker } from '../worker-app.js';

/**
 * A worker for the durability tests only, never deployed: the first append longer than
 * `argv[2]` bytes is cut there and the process killed, as a crash in the middle of a write would.
 */
const tornAfter = Number(process.argv[2]);

const tornWriter: ShardWriter = {
  write(fd: number, data: Buffer): void {
    if (data.length > tornAfter) {
      FILE_WRITER.write(fd, data.subarray(0, tornAfter));
      process.kill(process.pid, 'SIGKILL');
    }
    FILE_WRITER.write(fd, data);
  },
};

try {
  await runWorker(readWorkerConfig(process.env), tornWriter);
} catch (error) {
  exitOnStartupError('city-worker', error);
}
