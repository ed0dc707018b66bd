import { quoteCsvField } from '../../csv/quote-field.js';
import {
  peopleCell,
  roundCell,
  type Cell,
  type CellKind,
  type ExportTable,
} from './export-tables.js';

/**
 * `standard`: RFC 4180, `,` and a decimal point, headers are the column keys, codes as they are.
 * `french`: what Excel in French opens as it is: UTF-8 BOM, `;`, decimal comma, French headers and
 * labels for codes; shares and changes as percentages (the header says `(%)`).
 */
export type CsvExportDialect = 'standard' | 'french';

/** The table as CSV text, CRLF line ends, values rounded as {@link roundCell} says. */
export function tableToCsv(table: ExportTable, dialect: CsvExportDialect): string {
  const french = dialect === 'french';
  const separator = french ? ';' : ',';
  const header = table.columns.map((c) =>
    quoteCsvField(french ? frenchHeader(c.label, c.kind) : c.key, separator),
  );
  const lines = table.rows.map((row) =>
    row
      .map((value, index) => writeCell(table.columns[index]?.kind ?? 'text', value, french))
      .map((field) => quoteCsvField(field, separator))
      .join(separator),
  );
  return (french ? '\uFEFF' : '') + [header.join(separator), ...lines].join('\r\n') + '\r\n';
}

function frenchHeader(label: string, kind: CellKind): string {
  return kind === 'ratio' ? `${label} (%)` : label;
}

function writeCell(kind: CellKind, value: Cell, french: boolean): string {
  const rounded = roundCell(kind, value);
  if (rounded === null) return '';
  if (typeof rounded === 'number') {
    if (!french) return String(rounded);
    // A share to 4 decimals is a percentage to 2: 0.1234 is 12,34.
    const shown = kind === 'ratio' ? Math.round(rounded * 10_000) / 100 : rounded;
    return String(shown).replace('.', ',');
  }
  return neutralizeFormula(String(french ? peopleCell(kind, rounded, 'fr') : rounded));
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula, and skips a leading tab, line
 * break or NUL before judging (OWASP, CSV injection): text from an imported file (a model name)
 * must not become one, so it is prefixed with an apostrophe, as Excel itself does. The CSV files
 * and the workbook both write their text cells through this.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r\n\0]/.test(text) ? `'${text}` : text;
}
