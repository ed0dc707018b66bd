import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ParsedMail } from 'mailparser';
import { eventually } from '../../../../test/support/http.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { SmtpSink } from '../../../../test/support/smtp-sink.js';
import { ReviewDispatcher } from './review-dispatcher.service.js';

jest.setTimeout(60_000);

const CITIES = ['Lyon', 'Marseille', 'Paris'];
const MANAGEMENT = ['direction@autoconnect.test', 'daf@autoconnect.test'];

/** The month before this one in Paris, written independently of the gateway's code. */
function previousMonthInParis(): string {
  const [year, month] = new Date()
    .toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })
    .split('-')
    .map(Number);
  const date = new Date(Date.UTC(year!, month! - 2, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * A 6-field cron schedule (seconds first) firing `seconds` from now, Paris time, on today's date
 * only: no earlier time of this month is due, so nothing is sent at start.
 */
function scheduleIn(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000);
  const [h, m, s] = at
    .toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris', hour12: false })
    .split(':')
    .map(Number);
  const [, month, day] = at
    .toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })
    .split('-')
    .map(Number);
  return `${s} ${m} ${h} ${day} ${month} *`;
}

/** The PDF attached to a message, as text; spaces of any width read as one kind. */
function attachedPdfText(mail: ParsedMail): string {
  const pdf = mail.attachments.find((file) => file.contentType === 'application/pdf');
  if (pdf === undefined) throw new Error(`no PDF attached to "${mail.subject ?? ''}"`);
  const file = join(mkdtempSync(join(tmpdir(), 'review-')), pdf.filename ?? 'review.pdf');
  writeFileSync(file, pdf.content);
  return normalise(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

const normalise = (text: string): string => text.replace(/[\u00A0\u202F]/g, ' ');
const euros = (value: number): string =>
  normalise(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value));

const recipientOf = (mail: ParsedMail): string =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';

describe(ReviewDispatcher.name, () => {
  const month = previousMonthInParis();
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let sink: SmtpSink;
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    workers = await InProcessCityWorkers.start(CITIES);
    env = {
      GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'reviews-')),
      SMTP_URL: sink.url,
      REVIEW_FROM: 'AutoConnect Analytics <rapports@autoconnect.test>',
      REVIEW_TO: MANAGEMENT.join(','),
      REVIEW_TO_LYON: 'lyon@autoconnect.test',
      REVIEW_TO_PARIS: 'paris@autoconnect.test',
      REVIEW_SCHEDULE: scheduleIn(4),
      // The test may run on a public holiday: the review must still go out now (working-day.spec
      // holds the holidays).
      REVIEW_HOLIDAYS: 'none',
    };
    ({ app, baseUrl } = await inProcessGateway(workers, env));
    const rows = [
      'transaction_id,date,ville,type,modele,prix,duree_location_mois',
      `L1,${month}-03,Lyon,vente,BMW_X3,45000,NULL`,
      `L2,${month}-12,Lyon,location,Tesla_Model_3,800,3`,
      `P1,${month}-05,Paris,vente,Audi_A4,61000.50,NULL`,
      `M1,${month}-20,Marseille,vente,Audi_A3,35000,NULL`,
    ];
    const imported = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: rows.join('\n'),
    });
    expect(imported.status).toBe(200);
    const targets = await fetch(`${baseUrl}/targets`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `ville,mois,objectif\nLyon,${month},50000\nParis,${month},50000\nMarseille,${month},40000\n`,
    });
    expect(targets.status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
    await sink.close();
  });

  it('e-mails the month just closed on schedule: one PDF per recipient, with the API’s figures', async () => {
    expect(sink.messages).toHaveLength(0);
    await eventually(() => Promise.resolve(sink.messages.length >= 4), 20_000);
    expect(sink.messages.map(recipientOf).sort()).toEqual(
      [...MANAGEMENT, 'lyon@autoconnect.test', 'paris@autoconnect.test'].sort(),
    );
    const company = (await (
      await fetch(`${baseUrl}/reports/summary?from=${month}&to=${month}`)
    ).json()) as {
      data: {
        company: { months: { total: number }[] };
        monthly: { city: string; months: { total: number }[] }[];
        targets: { cities: { city: string; months: { attainment: number }[] }[] };
      };
    };
    const monthName = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const direction = sink.messages.find((mail) => recipientOf(mail) === MANAGEMENT[0])!;
    const text = attachedPdfText(direction);
    expect(text).toContain(`Revue mensuelle AutoConnect — ${monthName}`);
    // 45 000 + 800 x 3 + 61 000.50 + 35 000 = 143 400.50
    expect(company.data.company.months[0]!.total).toBe(143400.5);
    expect(text).toContain(euros(143400.5));
    for (const city of company.data.monthly) {
      const line = text.split('\n').find((row) => row.trimStart().startsWith(city.city));
      expect(line).toContain(euros(city.months[0]!.total));
    }
    // Lyon: 47 400 against 50 000, 94,8 %.
    const lyon = attachedPdfText(
      sink.messages.find((mail) => recipientOf(mail) === 'lyon@autoconnect.test')!,
    );
    expect(lyon).toContain(`Revue mensuelle Lyon — ${monthName}`);
    expect(lyon).toContain(euros(47400));
    expect(lyon).toContain('94,8 %');
    expect(lyon.split('\n').filter((row) => /^\s*(Paris|Marseille)\b/.test(row))).toEqual([]);
  });

  it('sends nothing again after a restart, nor when asked for the same month', async () => {
    await app.close();
    ({ app, baseUrl } = await inProcessGateway(workers, env));
    const asked = await fetch(`${baseUrl}/reviews/send?month=${month}`, { method: 'POST' });
    const deliveries = (await asked.json()) as { status: string }[];
    expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(4).fill('already-sent'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.messages).toHaveLength(4);
  });
});
