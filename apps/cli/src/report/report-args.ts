import { parseWholeNumber } from '#domain/csv';
import { DEFAULT_MAX_FUTURE_DAYS } from '#domain/ingest';
import { LANGS, isLang, type Lang } from '#domain/labels';
import { DEFAULT_COST_RATES, type CostRates, type RawReportQuery } from '#domain/query';
import { parseCharset, type Charset } from '#input';
import { parseCommandLine } from '../shared/command-line.js';
import { exitWithUsage } from '../shared/exit.js';

export const REPORT_USAGE = `usage: npm run report -- FILE [--from YYYY-MM] [--to YYYY-MM] [--basis contract|recognized]
                         [--city A,B] [--limit N] [--by count|revenue] [--window N] [--horizon N] [--json]
                         [--sale-cost-rate R] [--rental-cost-rate R] [--max-future-days N]
                         [--charset utf-8|windows-1252] [--lang fr|en] [--as-of YYYY-MM-DD]
                         [--targets TARGETS.csv]`;

export interface ReportArgs {
  readonly file: string;
  readonly json: boolean;
  readonly query: RawReportQuery;
  readonly costRates: CostRates;
  /** Dates later than today + this are refused (DATE_OUT_OF_RANGE), as the workers do. */
  readonly maxFutureDays: number;
  readonly charset: Charset;
  /** The language of the tables' titles and headers (numbers are written the French way). */
  readonly lang: Lang;
  /** A targets CSV (`ville,mois,objectif[,type]`), as `POST /targets` reads it. */
  readonly targets: string | undefined;
}

export function parseReportArgs(argv: string[]): ReportArgs {
  const { values, positionals } = parseCommandLine(REPORT_USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      basis: { type: 'string' },
      city: { type: 'string' },
      limit: { type: 'string' },
      by: { type: 'string' },
      window: { type: 'string' },
      horizon: { type: 'string' },
      json: { type: 'boolean', default: false },
      'sale-cost-rate': { type: 'string' },
      'rental-cost-rate': { type: 'string' },
      'max-future-days': { type: 'string' },
      charset: { type: 'string' },
      lang: { type: 'string', default: 'fr' },
      'as-of': { type: 'string' },
      targets: { type: 'string' },
    },
  });
  if (positionals.length !== 1) exitWithUsage(REPORT_USAGE, 'give exactly one CSV file');
  const {
    json,
    'sale-cost-rate': saleRate,
    'rental-cost-rate': rentalRate,
    'max-future-days': maxFutureDays,
    charset,
    lang,
    'as-of': asOf,
    targets,
    ...query
  } = values;
  if (!isLang(lang))
    exitWithUsage(REPORT_USAGE, `--lang must be one of ${LANGS.join(', ')}, not "${lang}"`);
  return {
    file: positionals[0]!,
    json,
    query: asOf === undefined ? query : { ...query, asOf },
    costRates: {
      sale: costRate('--sale-cost-rate', saleRate, DEFAULT_COST_RATES.sale),
      rental: costRate('--rental-cost-rate', rentalRate, DEFAULT_COST_RATES.rental),
    },
    maxFutureDays: futureDays(maxFutureDays),
    charset: fileCharset(charset),
    lang,
    targets,
  };
}

function costRate(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const rate = Number(text);
  if (text.trim() === '' || !Number.isFinite(rate) || rate < 0) {
    exitWithUsage(
      REPORT_USAGE,
      `${option} must be a number >= 0 (a share of revenue), not "${text}"`,
    );
  }
  return rate;
}

function futureDays(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_FUTURE_DAYS;
  const days = parseWholeNumber(text.trim());
  if (days === undefined || days > 3650) {
    exitWithUsage(
      REPORT_USAGE,
      `--max-future-days must be a whole number from 0 to 3650, not "${text}"`,
    );
  }
  return days;
}

function fileCharset(text: string | undefined): Charset {
  if (text === undefined) return 'utf-8';
  const charset = parseCharset(text);
  if (charset === undefined) {
    exitWithUsage(REPORT_USAGE, `--charset must be utf-8 or windows-1252, not "${text}"`);
  }
  return charset;
}
