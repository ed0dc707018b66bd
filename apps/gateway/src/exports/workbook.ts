import ExcelJS from 'exceljs';
import { DEALER_TIME_ZONE } from '#domain/model';
import {
  neutralizeFormula,
  peopleCell,
  roundCell,
  type Cell,
  type CellKind,
  type ExportTable,
} from '#domain/report';

/** Excel's number formats, as a French Excel shows them. */
const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  code: undefined,
  model: undefined,
  month: 'mmm yyyy',
  integer: '#,##0',
  money: '#,##0.00 "€"',
  ratio: '0.00%',
  decimal: '0.00',
};

const fr = (options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  new Intl.NumberFormat('fr-FR', options);
const MONEY = fr({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INTEGER = fr({ maximumFractionDigits: 0 });
const PERCENT = fr({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const DECIMAL = fr({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MONTH = new Intl.DateTimeFormat('fr-FR', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** What the workbook says of itself on its first sheet. */
export interface AboutSheet {
  readonly rows: readonly (readonly [label: string, value: string])[];
}

/** `YYYY-MM` as the first day of that month, a date Excel shows with the column's format. */
function monthDate(month: string): Date {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (index ?? 1) - 1, 1));
}

/** A cell as written into the workbook: rounded, a month a date, a code or model as people read it. */
function workbookValue(kind: CellKind, value: Cell): Cell | Date {
  const rounded = roundCell(kind, value);
  if (kind === 'month' && typeof rounded === 'string') return monthDate(rounded);
  const shown = peopleCell(kind, rounded, 'fr');
  return typeof shown === 'string' ? neutralizeFormula(shown) : shown;
}

/** The text French Excel shows for a value in the column's format: what sizes the column. */
function shownText(kind: CellKind, value: Cell | Date): string {
  if (value === null) return '';
  if (value instanceof Date) return MONTH.format(value);
  if (typeof value === 'string') return value;
  if (kind === 'money') return `${MONEY.format(value)} €`;
  if (kind === 'ratio') return PERCENT.format(value);
  if (kind === 'decimal') return DECIMAL.format(value);
  return INTEGER.format(value);
}

/**
 * The tables as an Excel workbook a French office can hand on: a first sheet "À propos" saying
 * what it holds, then one sheet per table, each with its header frozen, an autofilter, and columns
 * as wide as their widest value as shown.
 */
export async function workbook(tables: readonly ExportTable[], about: AboutSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'AutoConnect Analytics';
  const aboutSheet = book.addWorksheet('À propos');
  aboutSheet.columns = [
    { header: 'Rubrique', key: 'label', width: 2 + Math.max(...about.rows.map(([l]) => l.length)) },
    { header: 'Valeur', key: 'value', width: 2 + Math.max(...about.rows.map(([, v]) => v.length)) },
  ];
  aboutSheet.getRow(1).font = { bold: true };
  for (const row of about.rows) aboutSheet.addRow([...row]);
  for (const table of tables) {
    const sheet = book.addWorksheet(table.sheet);
    const rows = table.rows.map((row) =>
      row.map((value, index) => workbookValue(table.columns[index]?.kind ?? 'text', value)),
    );
    sheet.columns = table.columns.map((column, index) => ({
      header: column.label,
      key: column.key,
      width:
        2 +
        Math.max(
          column.label.length,
          ...rows.map((row) => shownText(column.kind, row[index] ?? null).length),
        ),
      style: numberStyle(column.kind),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.columns.length },
    };
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function numberStyle(kind: CellKind): Partial<ExcelJS.Style> {
  const numFmt = NUMBER_FORMATS[kind];
  return numFmt === undefined ? {} : { numFmt };
}

/** The moment of extraction in the dealer's calendar: `02/12/2026 08:15`. */
export function extractionTime(now: Date): string {
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: DEALER_TIME_ZONE,
  }).format(now);
}
