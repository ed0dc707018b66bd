import type { ModelRank } from '#domain/report';
import { modelDisplayName } from '#domain/labels';
import { DEALER_TIME_ZONE } from '#domain/model';
import { COMPANY_SCOPE, type ReviewContent, type ReviewLine } from './review-content.js';
import { change, euros, monthName, percent } from './review-format.js';

const MARGIN = 48;
const COLUMNS = [150, 95, 95, 70, 85]; // widths of the figures tables

/**
 * The review as an A4 PDF, in French: what the printed page shows, from the same API figures.
 * pdfkit is loaded on the first review (its import took 0.28 s): a gateway that sends none never
 * pays for it at start.
 */
export async function renderReviewPdf(review: ReviewContent, generatedAt: Date): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title(review), Author: 'AutoConnect Analytics' },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(18).text(title(review));
  document
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555555')
    .text(
      `Chiffres arrêtés au ${generatedAt.toLocaleString('fr-FR', { timeZone: DEALER_TIME_ZONE })} (heure de Paris), base contrat.`,
    )
    .fillColor('#000000')
    .moveDown();
  keyFigures(document, review.total);
  document.moveDown();
  heading(document, 'Par ville');
  table(
    document,
    ['Ville', 'CA du mois', 'Objectif', 'Atteinte', 'Sur un an'],
    review.cities.map((line) => [
      line.name,
      euros(line.month.total),
      euros(line.target.target),
      percent(line.target.attainment),
      change(line.month.yearOverYear),
    ]),
  );
  document.moveDown();
  heading(document, 'Depuis le 1er janvier');
  table(
    document,
    ['Ville', 'Cumul annuel', 'Même période N-1', 'Évolution', 'Atteinte'],
    [...review.cities, ...(review.scope === COMPANY_SCOPE ? [review.total] : [])].map((line) => [
      line.name,
      euros(line.month.yearToDate),
      euros(line.month.yearToDateLastYear),
      change(line.month.yearToDateChange),
      percent(line.target.yearToDate.attainment),
    ]),
  );
  document
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555555')
    .text('Atteinte depuis janvier : sur les mois qui ont un objectif.', MARGIN)
    .fillColor('#000000');
  document.moveDown();
  heading(document, 'Modèles les plus vendus du mois');
  for (const city of review.topModels) {
    document
      .font('Helvetica')
      .fontSize(10)
      .text(`${city.city} : ${models(city.sales)}`);
  }
  document.end();
  return done;
}

export function title(review: ReviewContent): string {
  const who = review.scope === COMPANY_SCOPE ? 'AutoConnect' : review.scope;
  return `Revue mensuelle ${who} — ${monthName(review.month)}`;
}

function keyFigures(document: PDFKit.PDFDocument, line: ReviewLine): void {
  const { month, target } = line;
  heading(document, line.name);
  const rows: [string, string][] = [
    ['Chiffre d’affaires du mois', euros(month.total)],
    ['dont ventes / locations', `${euros(month.sales)} / ${euros(month.rentals)}`],
    ['Transactions', String(month.salesCount + month.rentalsCount)],
    ['Objectif', euros(target.target)],
    ['Atteinte de l’objectif', percent(target.attainment)],
    ['Écart à l’objectif', euros(target.variance)],
    ['Évolution sur le mois précédent', change(month.growth)],
    ['Évolution sur le même mois N-1', change(month.yearOverYear)],
  ];
  for (const [label, value] of rows) {
    const y = document.y;
    document.font('Helvetica').fontSize(11).text(label, MARGIN, y, { width: 250 });
    document.font('Helvetica-Bold').text(value, MARGIN + 260, y, { width: 230 });
  }
  document.x = MARGIN;
}

function heading(document: PDFKit.PDFDocument, text: string): void {
  document.x = MARGIN;
  document.font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
}

function table(document: PDFKit.PDFDocument, head: string[], rows: string[][]): void {
  const line = (cells: string[], bold: boolean): void => {
    const y = document.y;
    let x = MARGIN;
    document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, index) => {
      document.text(cell, x, y, {
        width: COLUMNS[index]! - 6,
        align: index === 0 ? 'left' : 'right',
      });
      x += COLUMNS[index]!;
    });
    document.x = MARGIN;
  };
  line(head, true);
  for (const row of rows) line(row, false);
}

function models(ranks: readonly ModelRank[]): string {
  return ranks.length === 0
    ? 'aucune vente'
    : ranks.map((rank) => `${modelDisplayName(rank.model)} (${rank.count})`).join(', ');
}
