import { describe, expect, it } from '@jest/globals';
import type { ExportTable } from './export-tables.js';
import { tableToCsv } from './table-csv.js';

const table: ExportTable = {
  title: 't',
  sheet: 't',
  columns: [
    { key: 'model', label: 'Modèle', kind: 'text' },
    { key: 'revenue', label: 'CA (€)', kind: 'money' },
    { key: 'share', label: 'Part', kind: 'ratio' },
    { key: 'type', label: 'Type', kind: 'code' },
  ],
  rows: [
    ['=HYPERLINK("http://x")', 75624217.19999999, 0.3000000000000001, 'vente'],
    ['BMW; X3', 0.1 + 0.2, null, 'location'],
  ],
};

describe(tableToCsv.name, () => {
  it('writes money to the cent and shares to 4 decimals, with no float noise', () => {
    expect(tableToCsv(table, 'standard').split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://x"")",75624217.2,0.3,vente`,
    );
  });

  it('never lets a text cell start a spreadsheet formula', () => {
    expect(tableToCsv(table, 'french')).toContain(`"'=HYPERLINK(""http://x"")"`);
    // A line break or a NUL first: the spreadsheet skips them, then reads what follows.
    const hidden: ExportTable = {
      ...table,
      rows: [
        ['\n=1+1', 1, 0.1, 'x'],
        ['\0@SUM(A1)', 1, 0.1, 'x'],
      ],
    };
    const [, first, second] = tableToCsv(hidden, 'standard').split('\r\n');
    expect([first, second]).toEqual([`"'\n=1+1",1,0.1,x`, `'\0@SUM(A1),1,0.1,x`]);
  });

  it('quotes a field holding the French separator, writes decimal commas and shares in %', () => {
    expect(tableToCsv(table, 'french')).toBe(
      '\uFEFFModèle;CA (€);Part (%);Type\r\n' +
        `"'=HYPERLINK(""http://x"")";75624217,2;30;vente\r\n` +
        '"BMW; X3";0,3;;location\r\n',
    );
  });

  it('gives codes their labels in French, and keeps them for programs', () => {
    const english: ExportTable = { ...table, rows: [['x', 1, 0.1234, 'seasonal_forecast']] };
    expect(tableToCsv(english, 'french').split('\r\n')[1]).toBe('x;1;12,34;prévision saisonnière');
    expect(tableToCsv(english, 'standard').split('\r\n')[1]).toBe('x,1,0.1234,seasonal_forecast');
  });
});
