import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseMonth } from '#domain/model';
import { generateLines, type GeneratorOptions } from './generate/row-generator.js';
import { parseCommandLine } from './shared/command-line.js';
import { exitWithUsage } from './shared/exit.js';

const USAGE = `usage: npm run generate -- --rows N --out FILE [--seed S] [--cities Lyon,Paris,...]
                           [--from YYYY-MM] [--to YYYY-MM] [--with-cost]`;

function parseOptions(argv: string[]): GeneratorOptions & { out: string } {
  const { values } = parseCommandLine(USAGE, {
    args: argv,
    options: {
      rows: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      cities: { type: 'string', default: 'Lyon,Paris,Marseille' },
      from: { type: 'string', default: '2023-01' },
      to: { type: 'string', default: '2025-12' },
      'with-cost': { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  const from = parseMonth(values.from);
  const to = parseMonth(values.to);
  const cities = values.cities
    .split(',')
    .map((city) => city.trim())
    .filter(Boolean);
  if (!Number.isSafeInteger(rows) || rows < 0)
    exitWithUsage(USAGE, '--rows must be a whole number');
  if (values.out === undefined) exitWithUsage(USAGE, '--out is required');
  if (!Number.isSafeInteger(seed)) exitWithUsage(USAGE, '--seed must be a whole number');
  if (from === undefined || to === undefined || from > to) {
    exitWithUsage(USAGE, '--from and --to must be months YYYY-MM, from <= to');
  }
  if (cities.length === 0) exitWithUsage(USAGE, '--cities must name at least one city');
  return { rows, seed, from, to, cities, withCost: values['with-cost'], out: values.out };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const output = createWriteStream(options.out);
  for (const batch of generateLines(options)) {
    if (!output.write(`${batch.join('\n')}\n`)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
  process.stderr.write(`wrote ${options.rows} rows to ${options.out}\n`);
}

await main();
