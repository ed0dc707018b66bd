import { statSync } from 'node:fs';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { type Summary } from '#domain/summary';
import { loadCsvFile } from '#input';
import { benchFile, median } from './support/bench-file.js';

const ROUNDS = 5;
const BUILD_ROUNDS = 50;

async function main(): Promise<void> {
  const file = benchFile(process.argv[2]);
  const loads: number[] = [];
  const summaries: number[] = [];
  let rows = 0;
  let summary: Summary = { cities: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const { stores, ingest } = await loadCsvFile(file, new OpenCityDirectory());
    const loaded = performance.now();
    summary = stores.summarize();
    summaries.push(performance.now() - loaded);
    loads.push(loaded - started);
    rows = ingest.counts.rows;
  }
  const query = parseReportQuery({});
  const builds: number[] = [];
  for (let round = 0; round < BUILD_ROUNDS; round += 1) {
    const started = performance.now();
    buildReport(summary, query);
    builds.push(performance.now() - started);
  }
  const load = median(loads);
  const summarize = median(summaries);
  const total = median(loads.map((time, round) => time + summaries[round]!));
  const perSecond = (time: number): string => Math.round(rows / (time / 1000)).toLocaleString('en');
  console.log(
    `file: ${file} (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB, ${rows.toLocaleString('en')} rows); medians of ${ROUNDS} rounds`,
  );
  console.log(`read + split + validate + store: ${load.toFixed(0)} ms (${perSecond(load)} rows/s)`);
  console.log(`summarize (one pass over the columns): ${summarize.toFixed(1)} ms`);
  console.log(
    `parse + validate + summarize: ${total.toFixed(0)} ms = ${perSecond(total)} rows/s (target >= 1,500,000)`,
  );
  console.log(
    `build all eight sections from the summary: ${median(builds).toFixed(2)} ms, median of ${BUILD_ROUNDS} (target <= 50 ms)`,
  );
  console.log(`summary size as JSON: ${(JSON.stringify(summary).length / 1024).toFixed(0)} KiB`);
}

await main();
