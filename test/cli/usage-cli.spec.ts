import { describe, expect, it } from '@jest/globals';
import { runCli } from '../support/run-cli.js';

const COMMANDS = ['report', 'generate', 'demo', 'users'] as const;

describe('the commands of npm run', () => {
  it.each(COMMANDS)('%s --help prints its usage and exits 0', (command) => {
    const run = runCli(command, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^usage: npm run ${command} --`));
    expect(run.stderr).toBe('');
  });

  it.each(COMMANDS)(
    '%s refuses an option it does not know: exit 2, the option, the usage',
    (command) => {
      const run = runCli(command, ['--bogus']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("error: Unknown option '--bogus'");
      expect(run.stderr).toContain(`usage: npm run ${command} --`);
      expect(run.stderr).not.toContain('    at ');
    },
  );
});
