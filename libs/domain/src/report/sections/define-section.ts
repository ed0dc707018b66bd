import type { ReportQuery } from '../../query/report-query.js';
import type { TargetBook } from '../../targets/target-book.js';
import type { CityFacts } from '../city-facts.js';
import type { JsonSchema } from './json-schema.js';
import type { SectionLabelsByLang, SectionTable } from './section-table.js';

/**
 * What every section is built from: the selected cities' facts over the range, the same from
 * January of the year before it (`historyStart`: growth on the month before, on the year
 * before, year to date), the query, and the revenue targets in force.
 */
export interface SectionContext {
  readonly facts: readonly CityFacts[];
  readonly history: readonly CityFacts[];
  readonly query: ReportQuery;
  readonly targets: TargetBook;
}

/**
 * Everything about one report section, in its folder: how it is built, the JSON schema of its
 * answer (the OpenAPI document and the contract test), its table (exports and the CLI) and the
 * labels people read (exports, CLI, dashboard).
 */
export interface SectionDefinition<Data, Key extends string, Path extends string = string> {
  /** GET /reports/{path} */
  readonly path: Path;
  /** The operation's one-line summary in the OpenAPI document (for engineers: English). */
  readonly summary: string;
  readonly build: (context: SectionContext) => Data;
  readonly schema: JsonSchema;
  readonly table: SectionTable<Data, Key>;
  readonly labels: SectionLabelsByLang<Key>;
}

/** Checks a definition whole: a table column without its label in every language fails to compile. */
export function defineSection<Data, Key extends string, const Path extends string>(
  definition: SectionDefinition<Data, Key, Path>,
): SectionDefinition<Data, Key, Path> {
  return definition;
}
