import type { Lang } from '../../labels/lang.js';

/** How a column's values are written: money to the cent, shares and decimals to 4 places. */
export type CellKind = 'text' | 'integer' | 'money' | 'ratio' | 'decimal';
export type Cell = string | number | null;

/**
 * A section as a flat table, one row per fact: its columns (key: the standard CSV's header, stable
 * for programs; value: how its cells are written) in order, and its rows by column key.
 */
export interface SectionTable<Data, Key extends string> {
  readonly columns: Readonly<Record<Key, CellKind>>;
  readonly rows: (data: Data) => readonly Readonly<Record<Key, Cell>>[];
}

/** What people read of a section: its title and its column headers. */
export interface SectionLabels<Key extends string> {
  readonly title: string;
  readonly columns: Readonly<Record<Key, string>>;
}

export type SectionLabelsByLang<Key extends string> = Readonly<Record<Lang, SectionLabels<Key>>>;
