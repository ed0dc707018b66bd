import { CODE_LABELS, isCellCode } from '../../labels/code-labels.js';
import type { Lang } from '../../labels/lang.js';
import { modelDisplayName } from '../../labels/model-names.js';
import { REPORT_SECTIONS, type ReportData, type SectionName } from '../sections/registry.js';
import type { SectionDefinition } from '../sections/define-section.js';
import type { Cell, CellKind } from '../sections/section-table.js';

export type { Cell, CellKind };

export interface ExportColumn {
  /** The header of the standard CSV: stable, for programs. */
  readonly key: string;
  /** The header people read (French CSV, XLSX, the CLI). */
  readonly label: string;
  readonly kind: CellKind;
}

/** One section as a flat table: one row per fact, nothing merged, ready for a spreadsheet. */
export interface ExportTable {
  readonly title: string;
  /** Its sheet's name in a workbook (31 characters at most). */
  readonly sheet: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

/** One section's table in `lang`, from its data as the report holds it. */
export function sectionTable<K extends SectionName>(
  section: K,
  data: ReportData[K],
  lang: Lang = 'fr',
): ExportTable {
  const { table, labels } = REPORT_SECTIONS[section] as unknown as SectionDefinition<
    ReportData[K],
    string
  >;
  const keys = Object.keys(table.columns);
  const { title, sheet, columns } = labels[lang];
  return {
    title,
    sheet,
    columns: keys.map((key) => ({ key, label: columns[key]!, kind: table.columns[key]! })),
    rows: table.rows(data).map((row) => keys.map((key) => row[key] ?? null)),
  };
}

/** A value as exported: money to the cent, shares and decimals to 4 places. */
export function roundCell(kind: CellKind, value: Cell): Cell {
  if (typeof value !== 'number') return value;
  if (kind === 'money') return Math.round(value * 100) / 100;
  if (kind === 'ratio' || kind === 'decimal') return Math.round(value * 10_000) / 10_000;
  return value;
}

/** A cell as people read it: a code's label, a model's name; anything else as it is. */
export function peopleCell(kind: CellKind, value: Cell, lang: Lang): Cell {
  if (typeof value !== 'string') return value;
  if (kind === 'code') return isCellCode(value) ? CODE_LABELS[lang][value] : value;
  return kind === 'model' ? modelDisplayName(value) : value;
}
