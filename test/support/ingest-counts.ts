interface Counted {
  readonly rows?: unknown;
  readonly accepted?: unknown;
  readonly duplicates?: unknown;
  readonly conflicts?: unknown;
  readonly rejected?: unknown;
}

/** The counts of an import's answer, as the one-process CLI and `loadFixture` give them. */
export function ingestCounts({
  rows,
  accepted,
  duplicates,
  conflicts,
  rejected,
}: Counted): Counted {
  return { rows, accepted, duplicates, conflicts, rejected };
}
