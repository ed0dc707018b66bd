import { CsvRecordReader, quoteCsvField } from '#domain/csv';

type Row = Readonly<Record<string, string | number>>;

/** Results as CSV text, one object per line, columns in the first object's key order. */
export function csvText(rows: readonly Row[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const line = (cells: readonly string[]): string =>
    cells.map((cell) => quoteCsvField(cell)).join(',');
  return `${[line(columns), ...rows.map((row) => line(columns.map((c) => String(row[c]))))].join('\n')}\n`;
}

/** What {@link csvText} wrote, back as objects of strings, keyed by the header's columns. */
export function csvRows(text: string): Record<string, string>[] {
  const records: string[][] = [];
  const reader = new CsvRecordReader({
    record: (record) => records.push(record.fields()),
    malformed: (error) => {
      throw new Error(error.message);
    },
  });
  reader.push(text);
  reader.end();
  const [columns = [], ...lines] = records;
  return lines.map((fields) =>
    Object.fromEntries(columns.map((column, index) => [column, fields[index] ?? ''])),
  );
}
