import { StreamableFile } from '@nestjs/common';
import { DomainError, ErrorCode } from '#domain/model';
import {
  SECTION_NAMES,
  sectionTable,
  tableToCsv,
  type ReportData,
  type SectionName,
} from '#domain/report';
import type { ReportEnvelope } from '../reports/report-envelope.js';
import { extractionTime, workbook, type AboutSheet } from './workbook.js';

/** What `format` accepts on every report endpoint; `json` is the envelope itself. */
export const REPORT_FORMATS = ['json', 'csv', 'csv-fr', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    const body = await workbook(tables, aboutSheet(envelope));
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

/** What the workbook holds, said on its first sheet. */
function aboutSheet(envelope: ReportEnvelope): AboutSheet {
  const missing = envelope.meta.missingCities;
  return {
    rows: [
      ['Rapport', envelope.report],
      ['Période', `${envelope.from ?? '—'} à ${envelope.to ?? '—'}`],
      [
        'Base',
        envelope.basis === 'contract'
          ? 'contrat (une location compte prix × mois à son premier mois)'
          : 'étalée (une location compte son prix chaque mois)',
      ],
      ['Villes', envelope.cities.join(', ') || 'aucune'],
      [
        'Villes manquantes',
        missing.length === 0 ? 'aucune' : `${missing.join(', ')} (n’ont pas répondu)`,
      ],
      ['Extraction', extractionTime(new Date())],
      ['Source', `AutoConnect Analytics, GET /reports/${envelope.report}`],
      ['Unités', 'montants en euros au centime ; parts et évolutions en pourcentage'],
    ],
  };
}
