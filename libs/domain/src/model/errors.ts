/** Stable codes for everything the domain rejects. Clients may switch on them. */
export const ErrorCode = {
  MissingColumn: 'MISSING_COLUMN',
  EmptyFile: 'EMPTY_FILE',
  UnterminatedQuote: 'UNTERMINATED_QUOTE',
  TooFewFields: 'TOO_FEW_FIELDS',
  TooManyFields: 'TOO_MANY_FIELDS',
  RecordTooLong: 'RECORD_TOO_LONG',
  MissingTransactionId: 'MISSING_TRANSACTION_ID',
  InvalidDate: 'INVALID_DATE',
  MissingCity: 'MISSING_CITY',
  CityNotServed: 'CITY_NOT_SERVED',
  InvalidType: 'INVALID_TYPE',
  MissingModel: 'MISSING_MODEL',
  InvalidPrice: 'INVALID_PRICE',
  InvalidDuration: 'INVALID_DURATION',
  UnexpectedDuration: 'UNEXPECTED_DURATION',
  InvalidCost: 'INVALID_COST',
  /** A number of a French Excel file with a dot that groups no thousands (`799.90`). */
  AmbiguousNumber: 'AMBIGUOUS_NUMBER',
  InvalidQuery: 'INVALID_QUERY',
  UnknownCity: 'UNKNOWN_CITY',
  InvalidBatch: 'INVALID_BATCH',
  ConflictingDuplicate: 'CONFLICTING_DUPLICATE',
  DateOutOfRange: 'DATE_OUT_OF_RANGE',
  /** A row whose model would take its city past MAX_MODELS_PER_CITY distinct models. */
  TooManyModels: 'TOO_MANY_MODELS',
  /** A row of a city the writer may not write (an importer bound to other cities). */
  ForbiddenCity: 'FORBIDDEN_CITY',
  /** A targets file's month that is not `YYYY-MM` (or `MM/YYYY` as Excel writes it). */
  InvalidMonth: 'INVALID_MONTH',
  /** A targets file's amount that is not a positive number of euros. */
  InvalidTarget: 'INVALID_TARGET',
  /** A second line of one targets file for the same city, month and type. */
  DuplicateTarget: 'DUPLICATE_TARGET',
  /** A warning, not a rejection: the row is stored. */
  PriceOutlier: 'PRICE_OUTLIER',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Why one CSV record was rejected. `line` is 1-based; the header is line 1. */
export interface RowError {
  readonly line: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly transactionId: string | undefined;
  readonly message: string;
  /** CONFLICTING_DUPLICATE: every field in which the record differs from the stored one. */
  readonly fields?: readonly string[];
}

/** A failure that concerns a whole input or request, not one row. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A report asked for a city nobody serves; the message names the ones served. */
export function unknownCity(name: string, known: readonly string[]): DomainError {
  return new DomainError(
    ErrorCode.UnknownCity,
    `unknown city "${name}"; known cities: ${known.join(', ') || 'none'}`,
    { city: name, known },
  );
}
