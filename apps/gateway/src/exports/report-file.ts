import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DomainError, ErrorCode } from '#domain/model';
import {
  SECTION_NAMES,
  roundCell,
  sectionTable,
  tableToCsv,
  type CellKind,
  type ExportTable,
  type ReportData,
  type SectionName,
} from '#domain/report';
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
 * What a report is answered as, decided from the query before any work: the envelope, one section
 * as CSV (standard or French Excel), or an XLSX workbook (the summary: one sheet per section). A
 * CSV holds one table, so the summary has none.
 */
export type ReportAnswer =
  | { readonly kind: 'json' }
  | { readonly kind: 'xlsx'; readonly section: SectionName | undefined }
  | { readonly kind: 'csv'; readonly section: SectionName; readonly french: boolean };

export function reportAnswer(section: SectionName | undefined, format: ReportFormat): ReportAnswer {
  if (format === 'json') return { kind: 'json' };
  if (format === 'xlsx') return { kind: 'xlsx', section };
  if (section === undefined) {
    throw new DomainError(
      ErrorCode.InvalidQuery,
      `format=${format} holds one table: ask for one section (/reports/monthly, …), or format=xlsx for every section`,
      { parameter: 'format' },
    );
  }
  return { kind: 'csv', section, french: format === 'csv-fr' };
}

/** The report as the file `answer` asks for, named in Content-Disposition. */
export async function reportFile(
  envelope: ReportEnvelope,
  answer: Exclude<ReportAnswer, { kind: 'json' }>,
): Promise<StreamableFile> {
  const name = `autoconnect-${envelope.report}-${envelope.from ?? 'na'}-${envelope.to ?? 'na'}`;
  if (answer.kind === 'xlsx') {
    const { section } = answer;
    const tables =
      section === undefined
        ? SECTION_NAMES.map((each) => sectionTable(each, (envelope.data as ReportData)[each]))
        : [sectionTable(section, envelope.data as ReportData[typeof section])];
    const body = await workbook(tables);
    return new StreamableFile(body, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${name}.xlsx"`,
      length: body.length,
    });
  }
  const table = sectionTable(answer.section, envelope.data as ReportData[typeof answer.section]);
  const body = Buffer.from(tableToCsv(table, answer.french ? 'french' : 'standard'));
  return new StreamableFile(body, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}${answer.french ? '-fr' : ''}.csv"`,
    length: body.length,
  });
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
