import { describe, expect, it } from '@jest/globals';
import type { ExportTable } from './export-tables.js';
import { tableToCsv } from './table-csv.js';

const table: ExportTable = {
  title: 't',
  columns: [
    { key: 'model', label: 'Modèle', kind: 'text' },
    { key: 'revenue', label: 'CA (€)', kind: 'money' },
    { key: 'share', label: 'Part', kind: 'ratio' },
  ],
  rows: [
    ['=HYPERLINK("http://x")', 75624217.19999999, 0.3000000000000001],
    ['BMW; X3', 0.1 + 0.2, null],
  ],
};

describe(tableToCsv.name, () => {
  it('writes money to the cent and shares to 4 decimals, with no float noise', () => {
    expect(tableToCsv(table, 'standard').split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://x"")",75624217.2,0.3`,
    );
  });

  it('never lets a text cell start a spreadsheet formula', () => {
    expect(tableToCsv(table, 'french')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('quotes a field holding the French separator and writes decimal commas', () => {
    expect(tableToCsv(table, 'french')).toBe(
      '\uFEFFModèle;CA (€);Part\r\n' +
        `"'=HYPERLINK(""http://x"")";75624217,2;0,3\r\n` +
        '"BMW; X3";0,3;\r\n',
    );
  });
});
