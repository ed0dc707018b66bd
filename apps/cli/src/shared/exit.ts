/** Prints the problem and the usage, then exits with status 2 (bad invocation). */
export function exitWithUsage(usage: string, problem: string): never {
  process.stderr.write(`error: ${problem}\n${usage}\n`);
  process.exit(2);
}
