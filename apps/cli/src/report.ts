import { readFileSync } from 'node:fs';
import { dateWindow } from '#domain/ingest';
import { DEALER_TIME_ZONE, DomainError, OpenCityDirectory, calendarDayIn } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { TargetBook, readTargetsCsv } from '#domain/targets';
import { loadCsvFile } from '#input';
import { formatReport } from './report/print-report.js';
import { parseReportArgs } from './report/report-args.js';

/** Rejected rows listed on stderr; the rest are only counted. */
const LISTED_ERRORS = 20;

async function main(): Promise<void> {
  const args = parseReportArgs(process.argv.slice(2));
  const query = parseReportQuery(
    args.query,
    args.costRates,
    calendarDayIn(new Date(), DEALER_TIME_ZONE),
  );
  const { stores, ingest } = await loadCsvFile(args.file, new OpenCityDirectory(), {
    keptErrors: LISTED_ERRORS,
    dates: dateWindow(new Date(), args.maxFutureDays),
    charset: args.charset,
  });
  for (const error of ingest.errors) {
    process.stderr.write(`rejected ${error.message} [${error.code}]\n`);
  }
  for (const warning of ingest.warnings) {
    process.stderr.write(`warning ${warning.message} [${warning.code}]\n`);
  }
  // Conflicting duplicates are listed with the rejections: neither is in the report.
  const refused = ingest.counts.rejected + ingest.counts.conflicts;
  if (refused > ingest.errors.length) {
    process.stderr.write(`... and ${refused - ingest.errors.length} more rejected rows\n`);
  }
  const targets = args.targets === undefined ? new TargetBook() : readTargets(args.targets);
  const report = buildReport(stores.summarize(), query, undefined, targets);
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ ...report, ingest: ingest.counts }, null, 2)}\n`
      : formatReport(report, ingest.counts, args.lang),
  );
}

/** The targets file's valid lines; each refused one said on stderr, as rejected rows are. */
function readTargets(file: string): TargetBook {
  const reading = readTargetsCsv(readFileSync(file, 'utf8'), new OpenCityDirectory());
  for (const error of reading.errors) {
    process.stderr.write(`target ${error.message} [${error.code}]\n`);
  }
  return new TargetBook(reading.targets);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`error: ${describe(error)}\n`);
  process.exitCode = 1;
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.message} [${error.code}]`;
  if (
    error instanceof TypeError &&
    (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
  ) {
    return 'the file is not valid UTF-8 text';
  }
  if (error instanceof Error && 'code' in error && 'path' in error) {
    return `cannot read ${String(error.path)}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
