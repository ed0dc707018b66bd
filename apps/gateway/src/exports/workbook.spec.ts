import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { ExportTable } from '#domain/report';
import { workbook } from './workbook.js';

// No NUL: XML cannot hold one, and the workbook's writer drops it.
const FORMULAS = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\n=1+1'];

describe(workbook.name, () => {
  it('never writes a text cell a spreadsheet would run as a formula', async () => {
    const table: ExportTable = {
      title: 'Modèles',
      sheet: 'Modèles',
      columns: [
        { key: 'modele', label: 'Modèle', kind: 'model' },
        { key: 'note', label: 'Note', kind: 'text' },
      ],
      rows: FORMULAS.map((text) => [text, text]),
    };
    const book = new ExcelJS.Workbook();
    const written = await workbook([table], { rows: [['Source', 'test']] });
    await book.xlsx.load(new Uint8Array(written).buffer);
    const sheet = book.getWorksheet('Modèles');
    const cells = FORMULAS.map((_, index) => sheet?.getRow(index + 2).values);
    expect(cells).toEqual(FORMULAS.map((text) => [undefined, `'${text}`, `'${text}`]));
  });
});
