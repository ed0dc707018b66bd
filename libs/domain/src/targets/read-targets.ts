import type { CityDirectory } from '../model/cities.js';
import { DomainError, ErrorCode, type RowError } from '../model/errors.js';
import { formatMonth } from '../model/month.js';
import type { CsvDialect } from '../ingest/csv-dialect.js';
import type { CityRefusal } from '../ingest/import-router.js';
import { splitCsvLine } from './split-line.js';
import { targetKey, type Target } from './target.js';
import { parseTargetCents, parseTargetMonth, parseTargetScope } from './target-fields.js';

export const TARGET_COLUMNS = ['ville', 'mois', 'objectif'] as const;
const OPTIONAL_COLUMN = 'type';

/** A targets file read: the valid lines' targets, and why each other line was refused. */
export interface TargetsReading {
  readonly dialect: CsvDialect;
  /** Non-blank lines after the header. */
  readonly received: number;
  readonly targets: readonly Target[];
  readonly errors: readonly RowError[];
}

/**
 * Reads a targets CSV (`ville,mois,objectif[,type]`, or Excel's French dialect with `;`): every
 * line is checked on its own and refused by its number and code; a bad header refuses the file.
 * Two lines for the same city, month and type: the second is refused (which one was meant?).
 */
export function readTargetsCsv(
  text: string,
  cities: CityDirectory,
  refusal: CityRefusal = () => undefined,
): TargetsReading {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header.trim() === '') {
    throw new DomainError(
      ErrorCode.EmptyFile,
      'the file is empty: expected a header ville,mois,objectif[,type]',
    );
  }
  const separator = detectSeparator(header);
  const layout = targetLayout(splitCsvLine(header, separator) ?? []);
  const targets: Target[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let received = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    received += 1;
    const result = readLine(line, index + 1, separator, layout, cities, refusal);
    if ('code' in result) {
      errors.push(result);
      continue;
    }
    const key = targetKey(result);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        lineError(
          index + 1,
          ErrorCode.DuplicateTarget,
          undefined,
          `${result.city} ${formatMonth(result.month)} (${result.scope}) is already set on line ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, index + 1);
    targets.push(result);
  }
  return {
    dialect: separator === ';' ? 'french-excel' : 'standard',
    received,
    targets,
    errors,
  };
}

interface TargetLayout {
  readonly ville: number;
  readonly mois: number;
  readonly objectif: number;
  readonly type: number;
  readonly width: number;
}

function detectSeparator(header: string): ',' | ';' {
  const has = (separator: ',' | ';'): boolean => {
    const names = (splitCsvLine(header, separator) ?? []).map(columnName);
    return TARGET_COLUMNS.every((column) => names.includes(column));
  };
  return !has(',') && has(';') ? ';' : ',';
}

function columnName(field: string): string {
  return field.trim().toLowerCase();
}

function targetLayout(fields: readonly string[]): TargetLayout {
  const names = fields.map(columnName);
  const missing = TARGET_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.MissingColumn,
      `the header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(expected ville,mois,objectif[,type], separated by "," or, as Excel in French, by ";")`,
      { missing },
    );
  }
  return {
    ville: names.indexOf('ville'),
    mois: names.indexOf('mois'),
    objectif: names.indexOf('objectif'),
    type: names.indexOf(OPTIONAL_COLUMN),
    width: names.length,
  };
}

function readLine(
  text: string,
  line: number,
  separator: ',' | ';',
  layout: TargetLayout,
  cities: CityDirectory,
  refusal: CityRefusal,
): Target | RowError {
  const fields = splitCsvLine(text, separator);
  if (fields === undefined) {
    return lineError(line, ErrorCode.UnterminatedQuote, undefined, 'a quote is never closed');
  }
  if (fields.length !== layout.width) {
    const few = fields.length < layout.width;
    return lineError(
      line,
      few ? ErrorCode.TooFewFields : ErrorCode.TooManyFields,
      undefined,
      `${fields.length} fields where the header has ${layout.width}`,
    );
  }
  const name = fields[layout.ville]!.trim();
  if (name === '') return lineError(line, ErrorCode.MissingCity, 'ville', 'ville is empty');
  const city = cities.resolve(name);
  if (city === undefined) {
    return lineError(
      line,
      ErrorCode.CityNotServed,
      'ville',
      `ville "${name}" is not a city served here`,
    );
  }
  const refused = refusal(city);
  if (refused !== undefined) return lineError(line, ErrorCode.ForbiddenCity, 'ville', refused);
  const month = parseTargetMonth(fields[layout.mois]!);
  if (month === undefined) {
    return lineError(
      line,
      ErrorCode.InvalidMonth,
      'mois',
      `mois "${fields[layout.mois]!.trim()}" is not a month (YYYY-MM, or MM/YYYY)`,
    );
  }
  const scope = layout.type < 0 ? 'total' : parseTargetScope(fields[layout.type]!);
  if (scope === undefined) {
    return lineError(
      line,
      ErrorCode.InvalidType,
      'type',
      `type "${fields[layout.type]!.trim()}" is neither vente, location nor empty (the total)`,
    );
  }
  const cents = parseTargetCents(fields[layout.objectif]!, separator === ';');
  if (cents === undefined || cents === 0) {
    return lineError(
      line,
      ErrorCode.InvalidTarget,
      'objectif',
      `objectif "${fields[layout.objectif]!.trim()}" is not a positive amount in euros`,
    );
  }
  return { city, month, scope, cents };
}

function lineError(
  line: number,
  code: ErrorCode,
  field: string | undefined,
  message: string,
): RowError {
  return { line, code, field, transactionId: undefined, message: `line ${line}: ${message}` };
}
