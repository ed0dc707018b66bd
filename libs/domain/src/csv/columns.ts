import { DomainError, ErrorCode } from '../model/errors.js';

export const REQUIRED_COLUMNS = [
  'transaction_id',
  'date',
  'ville',
  'type',
  'modele',
  'prix',
  'duree_location_mois',
] as const;
export const OPTIONAL_COLUMNS = ['cout'] as const;

export type ColumnName = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Where each known column sits in a file's records; `cout` is -1 when the file has none. */
export type ColumnLayout = Readonly<Record<ColumnName, number>> & { readonly width: number };

/**
 * Finds the columns by name (trimmed, case-insensitive), in any order. Unknown columns are
 * ignored; a missing required column rejects the whole file.
 */
export function parseHeader(fields: readonly string[]): ColumnLayout {
  const names = fields.map((field) => field.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.MissingColumn,
      `the header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(expected ${REQUIRED_COLUMNS.join(',')}[,cout], separated by "," or, as Excel in French ` +
        `saves it, by ";"${detectedSeparator(fields)})`,
      { missing },
    );
  }
  const position = (column: ColumnName): number => names.indexOf(column);
  return {
    transaction_id: position('transaction_id'),
    date: position('date'),
    ville: position('ville'),
    type: position('type'),
    modele: position('modele'),
    prix: position('prix'),
    duree_location_mois: position('duree_location_mois'),
    cout: position('cout'),
    width: fields.length,
  };
}

/** What a header that is not read seems to be separated by, for the error to say. */
function detectedSeparator(fields: readonly string[]): string {
  const text = fields.join(',');
  const seen = [
    ['";"', ';'],
    ['tabs', '\t'],
    ['"|"', '|'],
  ].filter(([, separator]) => text.includes(separator!));
  const found = seen.map(([name]) => name).join(' and ');
  return found === ''
    ? ''
    : `; this header holds ${found}: detected columns ${JSON.stringify(text.slice(0, 120))}`;
}
