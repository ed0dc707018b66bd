import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  SECTION_NAMES,
  roundCell,
  sectionTable,
  tableToCsv,
  DomainError,
  ErrorCode,
  type CellKind,
  type ExportTable,
  type ReportData,
  type SectionName,
} from '#domain';
import type { ReportEnvelope } from '../reports/report-envelope.js';

/** What `format` accepts on every report endpoint; `json` is the envelope itself. */
export const REPORT_FORMATS = ['json', 'csv', 'csv-fr', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's number formats, as a French Excel shows them. */
const XLSX_NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  money: '#,##0.00 "€"',
  ratio: '0.00%',
  decimal: '0.00',
};

/**
 * The answer as a file: one section as CSV (standard or French Excel) or XLSX; every section
 * (the summary) as an XLSX workbook of one sheet per section. A CSV holds one table, so the summary
 * has none.
 */
export async function reportFile(
  envelope: ReportEnvelope,
  section: SectionName | undefined,
  format: Exclude<ReportFormat, 'json'>,
): Promise<StreamableFile> {
  const tables =
    section === undefined
      ? SECTION_NAMES.map((name) => sectionTable(name, (envelope.data as ReportData)[name]))
      : [sectionTable(section, envelope.data as ReportData[typeof section])];
  const name = `autoconnect-${envelope.report}-${envelope.from ?? 'na'}-${envelope.to ?? 'na'}`;
  if (format === 'xlsx') {
    const body = await workbook(tables);
    return new StreamableFile(body, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${name}.xlsx"`,
      length: body.length,
    });
  }
  checkFormat(section, format);
  const [table] = tables;
  if (table === undefined) throw new Error('no table to export');
  const suffix = format === 'csv-fr' ? '-fr' : '';
  const body = Buffer.from(tableToCsv(table, format === 'csv-fr' ? 'french' : 'standard'));
  return new StreamableFile(body, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}${suffix}.csv"`,
    length: body.length,
  });
}

/** Refuses, before any work, a format the endpoint cannot give. */
export function checkFormat(section: SectionName | undefined, format: ReportFormat): void {
  if (section === undefined && (format === 'csv' || format === 'csv-fr')) {
    throw new DomainError(
      ErrorCode.InvalidQuery,
      `format=${format} holds one table: ask for one section (/reports/monthly, …), or format=xlsx for every section`,
      { parameter: 'format' },
    );
  }
}

async function workbook(tables: readonly ExportTable[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'AutoConnect Analytics';
  for (const table of tables) {
    // Excel limits sheet names to 31 characters and forbids a few signs.
    const sheet = book.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, '-').slice(0, 31));
    sheet.columns = table.columns.map((column) => ({
      header: column.label,
      key: column.key,
      width: Math.max(12, column.label.length + 2),
      style: numberStyle(column.kind),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) {
      sheet.addRow(
        row.map((value, index) => roundCell(table.columns[index]?.kind ?? 'text', value)),
      );
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function numberStyle(kind: CellKind): Partial<ExcelJS.Style> {
  const numFmt = XLSX_NUMBER_FORMATS[kind];
  return numFmt === undefined ? {} : { numFmt };
}
