/** The cities a section exported as CSV (`format=csv`) holds rows of, from its `city` column. */
export function citiesOfCsv(csv: string): string[] {
  const [header = '', ...rows] = csv.trim().split('\n');
  const column = header.split(',').indexOf('city');
  return [...new Set(rows.map((line) => line.split(',')[column] ?? ''))];
}
