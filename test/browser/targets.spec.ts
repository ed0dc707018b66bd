import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fixturePath } from '../support/fixtures.js';
import { chromiumOrSkip, screenshot } from '../support/browser.js';
import { startDashboard, type Dashboard } from '../support/dashboard.js';

jest.setTimeout(30_000);

/** Text as read, with the narrow no-break spaces French formatting puts in as plain spaces. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');
const chromium = chromiumOrSkip('targets and periods in a browser');

/** The month in progress in Paris and the year before it, worked out apart from the page's code. */
function lastYearRange(): { from: string; to: string } {
  const year = Number(
    new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }).slice(0, 4),
  );
  return { from: `${year - 1}-01`, to: `${year - 1}-12` };
}

(chromium === undefined ? describe.skip : describe)('targets and periods in a browser', () => {
  let dashboard: Dashboard;

  beforeAll(async () => {
    dashboard = await startDashboard(chromium!, { seed: false });
    const imported = await fetch(`${dashboard.base}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(fixturePath('ok/three-cities.csv')),
    });
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await dashboard.close();
  });

  it('imports a targets file from the page, naming each refused line in French', async () => {
    const { page, base } = dashboard;
    await page.goto(`${base}/?view=import`);
    await page
      .getByTestId('targets-file-input')
      .setInputFiles(fixturePath('not-ok/targets-bad-lines.csv'));
    await page.getByTestId('targets-outcome').filter({ hasText: '2 objectif' }).waitFor();
    expect(plain(await page.getByTestId('targets-outcome').textContent())).toBe(
      '2 objectif(s) enregistré(s), dont 0 remplacé(s) ; 11 ligne(s) refusée(s).',
    );
    const rows = page.getByTestId('targets-rejected-lines').locator('tbody tr');
    expect(await rows.count()).toBe(11);
    expect(await rows.first().textContent()).toBe('3moismois invalide (AAAA-MM ou MM/AAAA)');
    await page
      .getByTestId('targets-file-input')
      .setInputFiles(fixturePath('ok/targets-three-cities-excel-fr.csv'));
    await page.getByTestId('targets-outcome').filter({ hasText: '7 objectif' }).waitFor();
    expect(plain(await page.getByTestId('targets-outcome').textContent())).toBe(
      '7 objectif(s) enregistré(s), dont 1 remplacé(s) ; 0 ligne(s) refusée(s).',
    );
  });

  it('shows each month against its target: the table, the tiles and the API agree with the hand computation', async () => {
    const { page, base } = dashboard;
    await page.goto(`${base}/?from=2024-01&to=2024-03`);
    const table = page.getByTestId('table-targets');
    await table.waitFor();
    // Lyon: 47 400 / 50 000, 50 000 / 40 000, 6 000 / 10 000 (docs/metrics.md).
    const lyon = table.locator('tr[data-city="Lyon"] td:nth-child(6)');
    expect(plain(await lyon.first().textContent())).toBe('94,8 %');
    const attainments = await Promise.all(
      (await table.locator('tr[data-city="Lyon"] td:nth-child(6)').all()).map((cell) =>
        cell.getAttribute('data-value'),
      ),
    );
    expect(attainments).toEqual(['0.948', '1.25', '0.6']);
    const api = (await (await fetch(`${base}/reports/targets?city=Lyon`)).json()) as {
      data: { cities: { months: { attainment: number }[] }[] };
    };
    expect(api.data.cities[0]!.months.map((m) => m.attainment)).toEqual([0.948, 1.25, 0.6]);
    // The tiles show March, Lyon's 6 000 € against 10 000 €.
    const tile = page.getByTestId('tile-Lyon');
    await expect(tile.getAttribute('data-attainment')).resolves.toBe('0.6');
    expect(plain(await tile.textContent())).toContain('Atteinte objectif (10 k €)60,0 %');
    await screenshot(page, 'targets-overview');
  });

  it('keeps a ready-made period in the address and shows its months', async () => {
    const { page, base } = dashboard;
    await page.goto(`${base}/`);
    await page.getByTestId('period-last-year').click();
    await page.waitForURL(/period=last-year/);
    const { from, to } = lastYearRange();
    await expect(page.getByTestId('filter-from').inputValue()).resolves.toBe(from);
    await expect(page.getByTestId('filter-to').inputValue()).resolves.toBe(to);
    await page.reload();
    await expect(page.getByTestId('filter-from').inputValue()).resolves.toBe(from);
    await expect(page.getByTestId('period-last-year').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
  });
});
