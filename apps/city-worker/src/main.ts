import { exitOnStartupError } from '#platform';
import { readWorkerConfig } from './worker-config.js';
import { runWorker } from './worker-app.js';

try {
  await runWorker(readWorkerConfig(process.env));
} catch (error) {
  exitOnStartupError('city-worker', error);
}
