import type { CityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import { monthIndex } from '../model/month.js';
import { MAX_RENTAL_MONTHS, TransactionType, type Transaction } from '../model/transaction.js';
import type { ColumnLayout, ColumnName } from './columns.js';
import type { CsvRecord } from './csv-record.js';
import { AMBIGUOUS_NUMBER_MARK, parseCents, parseDate, parseWholeNumber } from './numbers.js';

/**
 * Checks one CSV record against the contract (docs/metrics.md, "CSV input") and returns the
 * transaction it describes, or the first rule it breaks, in column order. Fields are read in
 * place; only the id, the city and the model become strings.
 */
export function validateRecord(
  record: CsvRecord,
  layout: ColumnLayout,
  cities: CityDirectory,
): Transaction | RowError {
  const { line, text } = record;
  const transactionId =
    layout.transaction_id < record.count ? record.field(layout.transaction_id) : '';

  if (record.count !== layout.width) {
    // A field too many is a shifted record: `…,799,5,12` with a decimal comma would store 799 € x 5.
    return rowError(
      line,
      transactionId,
      record.count < layout.width ? ErrorCode.TooFewFields : ErrorCode.TooManyFields,
      undefined,
      `${record.count} fields where the header has ${layout.width}`,
    );
  }
  if (transactionId === '') {
    return rowError(
      line,
      transactionId,
      ErrorCode.MissingTransactionId,
      'transaction_id',
      'transaction_id is empty',
    );
  }
  const date = parseDate(text, record.start(layout.date), record.end(layout.date));
  if (date === undefined) {
    return rowError(
      line,
      transactionId,
      ErrorCode.InvalidDate,
      'date',
      `date "${record.field(layout.date)}" is not a real date written YYYY-MM-DD`,
    );
  }
  const cityText = record.field(layout.ville);
  if (cityText === '')
    return rowError(line, transactionId, ErrorCode.MissingCity, 'ville', 'ville is empty');
  const city = cities.resolve(cityText);
  if (city === undefined) {
    return rowError(
      line,
      transactionId,
      ErrorCode.CityNotServed,
      'ville',
      `ville "${cityText}" is not a served city`,
    );
  }
  const type = parseType(record, layout.type);
  if (type === undefined) {
    return rowError(
      line,
      transactionId,
      ErrorCode.InvalidType,
      'type',
      `type "${record.field(layout.type)}" is neither vente nor location`,
    );
  }
  const model = record.field(layout.modele);
  if (model === '')
    return rowError(line, transactionId, ErrorCode.MissingModel, 'modele', 'modele is empty');
  const ambiguous = ambiguousNumber(record, layout, transactionId);
  if (ambiguous !== undefined) return ambiguous;
  const priceCents = parseCents(text, record.start(layout.prix), record.end(layout.prix));
  if (priceCents === undefined || priceCents === 0) {
    return rowError(
      line,
      transactionId,
      ErrorCode.InvalidPrice,
      'prix',
      `prix "${record.field(layout.prix)}" is not a decimal number > 0 in euros (at most 2 decimals)`,
    );
  }
  const durationStart = record.start(layout.duree_location_mois);
  const durationEnd = record.end(layout.duree_location_mois);
  let durationMonths = 0;
  if (type === TransactionType.Rental) {
    const duration = parseWholeNumber(text, durationStart, durationEnd);
    if (duration === undefined || duration < 1 || duration > MAX_RENTAL_MONTHS) {
      return rowError(
        line,
        transactionId,
        ErrorCode.InvalidDuration,
        'duree_location_mois',
        `duree_location_mois "${record.field(layout.duree_location_mois)}" of a location is not a whole number from 1 to ${MAX_RENTAL_MONTHS}`,
      );
    }
    durationMonths = duration;
  } else if (!isAbsent(text, durationStart, durationEnd)) {
    return rowError(
      line,
      transactionId,
      ErrorCode.UnexpectedDuration,
      'duree_location_mois',
      `duree_location_mois "${record.field(layout.duree_location_mois)}" of a vente must be empty or NULL`,
    );
  }
  let costCents: number | undefined;
  if (layout.cout >= 0) {
    const costStart = record.start(layout.cout);
    const costEnd = record.end(layout.cout);
    if (!isAbsent(text, costStart, costEnd)) {
      costCents = parseCents(text, costStart, costEnd);
      if (costCents === undefined) {
        return rowError(
          line,
          transactionId,
          ErrorCode.InvalidCost,
          'cout',
          `cout "${record.field(layout.cout)}" is not a decimal number >= 0 in euros (at most 2 decimals)`,
        );
      }
    }
  }
  return {
    transactionId,
    month: monthIndex(Math.floor(date / 10_000), Math.floor(date / 100) % 100),
    day: date % 100,
    city,
    type,
    model,
    priceCents,
    durationMonths,
    costCents,
  };
}

const NUMBER_FIELDS = ['prix', 'duree_location_mois', 'cout'] as const;

/** The first number the French dialect marked as unreadable for sure, as its line's error. */
function ambiguousNumber(
  record: CsvRecord,
  layout: ColumnLayout,
  transactionId: string,
): RowError | undefined {
  for (const name of NUMBER_FIELDS) {
    const index = layout[name];
    if (index < 0 || record.text[record.start(index)] !== AMBIGUOUS_NUMBER_MARK) continue;
    const value = record.field(index).slice(AMBIGUOUS_NUMBER_MARK.length);
    return rowError(
      record.line,
      transactionId,
      ErrorCode.AmbiguousNumber,
      name,
      `${name} "${value}" cannot be read for sure in a French Excel file, where the comma is the decimal mark and a dot groups thousands (45.000 is 45 000): write it with a decimal comma, or without the dot`,
    );
  }
  return undefined;
}

function rowError(
  line: number,
  transactionId: string,
  code: ErrorCode,
  field: ColumnName | undefined,
  message: string,
): RowError {
  return {
    line,
    code,
    field,
    transactionId: transactionId === '' ? undefined : transactionId,
    message: `line ${line}: ${message}`,
  };
}

export function isRowError(result: Transaction | RowError): result is RowError {
  return 'code' in result;
}

function parseType(record: CsvRecord, column: number): TransactionType | undefined {
  const start = record.start(column);
  const end = record.end(column);
  if (isWord(record.text, start, end, 'vente')) return TransactionType.Sale;
  if (isWord(record.text, start, end, 'location')) return TransactionType.Rental;
  return undefined;
}

function isAbsent(text: string, start: number, end: number): boolean {
  return start === end || isWord(text, start, end, 'null');
}

/** Whether text[start, end) is `word`, ignoring case; `word` is lower case. */
function isWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  return text.startsWith(word, start) || text.slice(start, end).toLowerCase() === word;
}
