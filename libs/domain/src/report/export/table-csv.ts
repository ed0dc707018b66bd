import { quoteCsvField } from '../../csv/quote-field.js';
import { roundCell, type Cell, type CellKind, type ExportTable } from './export-tables.js';

/**
 * `standard`: RFC 4180, `,` and a decimal point, headers are the column keys.
 * `french`: what Excel in French opens as it is: UTF-8 BOM, `;`, decimal comma, French headers.
 */
export type CsvExportDialect = 'standard' | 'french';

/** The table as CSV text, CRLF line ends, values rounded as {@link roundCell} says. */
export function tableToCsv(table: ExportTable, dialect: CsvExportDialect): string {
  const french = dialect === 'french';
  const separator = french ? ';' : ',';
  const header = table.columns.map((c) => quoteCsvField(french ? c.label : c.key, separator));
  const lines = table.rows.map((row) =>
    row
      .map((value, index) => writeCell(table.columns[index]?.kind ?? 'text', value, french))
      .map((field) => quoteCsvField(field, separator))
      .join(separator),
  );
  return (french ? '\uFEFF' : '') + [header.join(separator), ...lines].join('\r\n') + '\r\n';
}

function writeCell(kind: CellKind, value: Cell, french: boolean): string {
  const rounded = roundCell(kind, value);
  if (rounded === null) return '';
  if (typeof rounded === 'number') {
    const text = String(rounded);
    return french ? text.replace('.', ',') : text;
  }
  return neutralizeFormula(rounded);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula: text from an imported file
 * (a model name) must not become one, so it is prefixed with an apostrophe, as Excel itself does.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
