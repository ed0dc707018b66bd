import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { parseString } from 'fast-csv';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { SECTION_NAMES, roundCell, sectionTable, type ReportData } from '#domain/report';
import { reportName } from '../reports/report-routes.js';
import { XLSX_TYPE } from './report-file.js';

interface MonthlyJson {
  data: { city: string; months: { month: string; sales: number; total: number }[] }[];
}

function parseCsv(text: string, delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => {
        resolve(rows);
      });
  });
}

/** `[city, month, sales, total]` of every month, from the JSON answer. */
function monthlyFacts(json: MonthlyJson): (string | number)[][] {
  return json.data.flatMap(({ city, months }) =>
    months.map((m) => [city, m.month, m.sales, m.total]),
  );
}

describe('report exports (format=csv, csv-fr, xlsx)', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let json: MonthlyJson;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers));
    const imported = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(fixturePath('ok/three-cities.csv')),
    });
    expect(imported.status).toBe(200);
    json = (await (await fetch(`${baseUrl}/reports/monthly`)).json()) as MonthlyJson;
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('gives the standard CSV the JSON numbers, with its file name and type', async () => {
    const response = await fetch(`${baseUrl}/reports/monthly?format=csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="autoconnect-monthly-2024-01-2024-03.csv"',
    );
    const [header, ...rows] = await parseCsv(await response.text(), ',');
    expect(header).toEqual([
      'city',
      'month',
      'sales',
      'rentals',
      'total',
      'sales_count',
      'rentals_count',
      'growth',
      'year_over_year',
      'target',
      'year_to_date',
      'year_to_date_last_year',
      'year_to_date_change',
    ]);
    expect(rows.map((r) => [r[0], r[1], Number(r[2]), Number(r[4])])).toEqual(monthlyFacts(json));
    // By hand (docs/metrics.md): Lyon 2024-01 is sales 45 000, total 47 400.
    // No month before 2024-01: no growth to give; no target is set; January is its year to date.
    expect(rows[0]).toEqual([
      'Lyon',
      '2024-01',
      '45000',
      '2400',
      '47400',
      '1',
      '1',
      '',
      '',
      '',
      '47400',
      '0',
      '',
    ]);
  });

  it('gives the French CSV a BOM, semicolons, decimal commas and French headers', async () => {
    const response = await fetch(`${baseUrl}/reports/monthly?format=csv-fr`);
    expect(response.headers.get('content-disposition')).toContain('-fr.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = await parseCsv(bytes.toString('utf8').slice(1), ';');
    expect(header?.slice(0, 3)).toEqual(['Ville', 'Mois', 'Ventes (€)']);
    const number = (text: string | undefined): number => Number(text?.replace(',', '.'));
    expect(rows.map((r) => [r[0], r[1], number(r[2]), number(r[4])])).toEqual(monthlyFacts(json));
    // Marseille's 35 000,50 € sale keeps its cents behind a comma.
    expect(rows.some((r) => r[2] === '35000,5')).toBe(true);
  });

  it('gives the XLSX the JSON numbers, read back with exceljs', async () => {
    const response = await fetch(`${baseUrl}/reports/monthly?format=xlsx`);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    // The first sheet says what the workbook holds; the table comes next.
    const sheet = book.worksheets[1];
    const rows: (string | number)[][] = [];
    sheet?.eachRow((row, index) => {
      if (index > 1) {
        const cell = (n: number): string | number => row.getCell(n).value as string | number;
        const month = row.getCell(2).value as Date;
        rows.push([cell(1), month.toISOString().slice(0, 7), cell(3), cell(5)]);
      }
    });
    expect(rows).toEqual(monthlyFacts(json));
    expect(sheet?.getColumn(2).numFmt).toBe('mmm yyyy');
  });

  it.each(SECTION_NAMES)('gives every row and cell of %s in the CSV, rounded', async (section) => {
    const path = reportName(section);
    const answer = (await (await fetch(`${baseUrl}/reports/${path}`)).json()) as {
      data: ReportData[typeof section];
    };
    const table = sectionTable(section, answer.data);
    const csv = await (await fetch(`${baseUrl}/reports/${path}?format=csv`)).text();
    const [header, ...rows] = await parseCsv(csv, ',');
    expect(header).toEqual(table.columns.map((c) => c.key));
    expect(rows).toEqual(
      table.rows.map((row) =>
        row.map((cell, index) => {
          const value = roundCell(table.columns[index]?.kind ?? 'text', cell);
          return value === null ? '' : String(value);
        }),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('gives the summary as a workbook of one sheet per section', async () => {
    const response = await fetch(`${baseUrl}/reports/summary?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'À propos',
      'CA mensuel',
      'Objectifs',
      'Ventes et locations',
      'Comparaison des villes',
      'Meilleurs modèles',
      'Saisonnalité',
      'Rotation des locations',
      'Marges',
      'Tendance et prévision',
      'Entreprise',
      'Mois en cours',
    ]);
  });

  it('gives a workbook a French office can hand on: sized columns, filters, French labels, what it holds', async () => {
    const response = await fetch(`${baseUrl}/reports/summary?format=xlsx&city=Lyon,Paris`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const [about, ...tables] = book.worksheets;
    const facts = new Map<string, string>();
    about?.eachRow((row) => facts.set(row.getCell(1).text, row.getCell(2).text));
    expect(facts.get('Villes')).toBe('Lyon, Paris');
    expect(facts.get('Période')).toBe('2024-01 à 2024-03');
    expect(facts.get('Base')).toMatch(/^contrat/);
    expect(facts.get('Extraction')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // What Excel shows of a value in French, as long as the column must be to show it.
    const money = new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const percent = new Intl.NumberFormat('fr-FR', {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const shown = (value: unknown, format: string | undefined): string => {
      if (value === null || value === undefined) return '';
      if (value instanceof Date) return 'sept. 2025';
      if (typeof value === 'string') return value;
      if (typeof value !== 'number') throw new Error(`unexpected cell ${JSON.stringify(value)}`);
      if (format?.includes('€') === true) return `${money.format(value)} €`;
      if (format === '0.00%') return percent.format(value);
      return String(value);
    };
    const english = new Set(['history', 'forecast', 'seasonal_forecast', 'up', 'down', 'flat']);
    for (const each of ['actual', 'estimated', 'mixed', 'linear', 'seasonal']) english.add(each);
    for (const sheet of tables) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.autoFilter).toBeDefined();
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      sheet.columns.forEach((column, index) => {
        const values: unknown[] = [];
        sheet.getColumn(index + 1).eachCell((cell) => values.push(cell.value));
        const widest = Math.max(...values.map((v) => shown(v, column.numFmt).length));
        expect([sheet.name, column.key, (column.width ?? 0) >= widest]).toEqual([
          sheet.name,
          column.key,
          true,
        ]);
        for (const value of values) {
          expect(typeof value === 'string' && english.has(value)).toBe(false);
        }
      });
    }
  });

  it('refuses a CSV of the summary, which holds eight tables', async () => {
    const response = await fetch(`${baseUrl}/reports/summary?format=csv`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_QUERY', parameter: 'format' });
  });

  it('refuses an unknown format', async () => {
    const response = await fetch(`${baseUrl}/reports/monthly?format=pdf`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_QUERY', parameter: 'format' });
  });
});
