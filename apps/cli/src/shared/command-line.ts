import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitWithUsage } from './exit.js';

/**
 * `parseArgs` for a command of ours: `--help` (or `-h`) prints the usage and exits 0, and an
 * option it does not know exits 2 with the usage, rather than a stack trace.
 */
export function parseCommandLine<T extends ParseArgsConfig & { args: string[] }>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  if (config.args.includes('--help') || config.args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    exitWithUsage(usage, (error as Error).message);
  }
}
