import { type IngestCounts } from '#domain/ingest';
import { type Lang } from '#domain/labels';
import {
  SECTION_NAMES,
  peopleCell,
  sectionTable,
  type Cell,
  type CellKind,
  type Report,
  type ReportData,
  type SectionName,
} from '#domain/report';
import { count, decimal, formatTable, money, percent } from './table.js';

/** How the CLI writes a cell of each kind: French number formats, in either language. */
const CELL_TEXT: Record<CellKind, (value: number) => string> = {
  text: String,
  code: String,
  model: String,
  month: String,
  integer: count,
  money,
  ratio: percent,
  decimal,
};

function cellText(kind: CellKind, value: Cell, lang: Lang): string {
  if (value === null) return '-';
  if (typeof value === 'number') return CELL_TEXT[kind](value);
  return String(peopleCell(kind, value, lang));
}

/** One section as a titled table: the export's columns and labels, from the section registry. */
export function formatSection(name: SectionName, data: ReportData, lang: Lang = 'fr'): string {
  const table = sectionTable(name, data[name], lang);
  const rows = table.rows.map((row) =>
    row.map((cell, index) => cellText(table.columns[index]?.kind ?? 'text', cell, lang)),
  );
  return `== ${table.title}\n${formatTable(
    table.columns.map((column) => column.label),
    rows,
  )}`;
}

const HEADERS: Record<Lang, (report: Report, ingest: IngestCounts) => string> = {
  fr: (report, ingest) =>
    `Rapport AutoConnect : ${report.from ?? '-'} à ${report.to ?? '-'}, base ${report.basis === 'contract' ? 'contrat' : 'étalée'}, ` +
    `${report.cities.join(', ') || 'aucune ville'}\n` +
    `${count(ingest.rows)} lignes lues : ${count(ingest.accepted)} acceptées, ` +
    `${count(ingest.duplicates)} doublons, ${count(ingest.conflicts)} doublons en conflit, ` +
    `${count(ingest.rejected)} refusées`,
  en: (report, ingest) =>
    `AutoConnect report: ${report.from ?? '-'} to ${report.to ?? '-'}, ${report.basis} basis, ` +
    `${report.cities.join(', ') || 'no city'}\n` +
    `Read ${count(ingest.rows)} rows: ${count(ingest.accepted)} accepted, ` +
    `${count(ingest.duplicates)} duplicates, ${count(ingest.conflicts)} conflicting duplicates, ` +
    `${count(ingest.rejected)} rejected`,
};

/** The report as readable tables, one block per section. */
export function formatReport(report: Report, ingest: IngestCounts, lang: Lang = 'fr'): string {
  const blocks = SECTION_NAMES.map((name) => formatSection(name, report.data, lang));
  return [HEADERS[lang](report, ingest), ...blocks].join('\n\n') + '\n';
}
