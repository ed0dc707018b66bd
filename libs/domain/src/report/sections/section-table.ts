import type { Lang } from '../../labels/lang.js';

/**
 * How a column's values are written: money to the cent, shares and decimals to 4 places; a
 * `month` is `YYYY-MM` (a date in a workbook); a `code` is one of CELL_CODES (labels/code-labels.ts),
 * kept as it is for programs and given its label for people; a `model` likewise keeps its stored
 * code for programs and shows its catalogue name (labels/model-names.ts) to people.
 */
export type CellKind =
  'text' | 'code' | 'model' | 'month' | 'integer' | 'money' | 'ratio' | 'decimal';
export type Cell = string | number | null;

/**
 * A section as a flat table, one row per fact: its columns (key: the standard CSV's header, stable
 * for programs; value: how its cells are written) in order, and its rows by column key.
 */
export interface SectionTable<Data, Key extends string> {
  readonly columns: Readonly<Record<Key, CellKind>>;
  readonly rows: (data: Data) => readonly Readonly<Record<Key, Cell>>[];
}

/** What people read of a section: its title, its sheet's name in a workbook, its column headers. */
export interface SectionLabels<Key extends string> {
  readonly title: string;
  /** At most 31 characters, none of \ / ? * [ ] : (Excel's rule for a sheet's name). */
  readonly sheet: string;
  readonly columns: Readonly<Record<Key, string>>;
}

export type SectionLabelsByLang<Key extends string> = Readonly<Record<Lang, SectionLabels<Key>>>;
