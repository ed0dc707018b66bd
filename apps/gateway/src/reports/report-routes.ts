import { REPORT_SECTIONS, type SectionName } from '#domain/report';

/** What `GET /reports/summary` answers: every section at once. */
export const SUMMARY = 'summary';

/** A report endpoint's name, as in the envelope's `report`: a section's path, or `summary`. */
export type ReportName = (typeof REPORT_SECTIONS)[SectionName]['path'] | typeof SUMMARY;

/** The name of the report a section (or, undefined, the summary) answers. */
export function reportName(section: SectionName | undefined): ReportName {
  return section === undefined ? SUMMARY : REPORT_SECTIONS[section].path;
}

/** A client generator's name for the operation: `getMonthlyReport`, `getSummaryReport`. */
export function operationId(section: SectionName | undefined): string {
  const name = section ?? SUMMARY;
  return `get${name.charAt(0).toUpperCase()}${name.slice(1)}Report`;
}
