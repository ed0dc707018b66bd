/** A cell that reads as a number (money, count, percentage) is aligned right. */
const NUMERIC = /^[-+]?[\d\s,.%€-]*$/u;

/** Formats rows as a text table: numeric columns right-aligned, the others left-aligned. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const numeric = headers.map((_, column) => rows.every((row) => NUMERIC.test(row[column]!)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

const MONEY = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const COUNT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'auto',
});

export function money(value: number | null): string {
  return value === null ? '-' : MONEY.format(value);
}

export function count(value: number | null): string {
  return value === null ? '-' : COUNT.format(value);
}

export function percent(value: number | null): string {
  return value === null ? '-' : PERCENT.format(value);
}

const DECIMAL = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** A plain number that is not money nor a share (an index, r², a mean length). */
export function decimal(value: number | null): string {
  return value === null ? '-' : DECIMAL.format(value);
}
