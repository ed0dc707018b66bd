import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { chromiumOrSkip, screenshot } from '../support/browser.js';
import { citiesOfCsv } from '../support/export-cities.js';
import { SAMPLE, startDashboard, type Dashboard } from '../support/dashboard.js';
import { passwordOf, signInCookie, testUsersFile } from '../support/users.js';

jest.setTimeout(30_000);
const chromium = chromiumOrSkip('sign-in in a browser');

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

if (chromium !== undefined) {
  describe('the dashboard signed in as a Marseille manager', () => {
    let dashboard: Dashboard;
    let admin: Record<string, string>;

    beforeAll(async () => {
      dashboard = await startDashboard(chromium, {
        env: { USERS_FILE: await testUsersFile() },
        seed: false,
      });
      admin = { cookie: await signInCookie(dashboard.base, 'admin') };
      const imported = await fetch(`${dashboard.base}/imports`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'text/csv' },
        body: readFileSync(SAMPLE),
      });
      expect(imported.status).toBe(200);
    });

    afterAll(async () => {
      await dashboard.close();
    });

    it('asks for a sign-in in French, refuses a wrong password without naming the user, then shows Marseille only', async () => {
      const { page, base } = dashboard;
      await page.goto(base);
      const form = page.getByTestId('sign-in-form');
      await form.waitFor();
      expect(await form.innerText()).toContain('Connexion');
      await page.getByLabel('Identifiant').fill('claire');
      await page.getByLabel('Mot de passe').fill('not-her-password');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      expect(await page.getByTestId('sign-in-error').innerText()).toBe(
        'Identifiant ou mot de passe incorrect.',
      );
      await screenshot(page, 'sign-in');
      await page.getByLabel('Mot de passe').fill(passwordOf('claire'));
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByTestId('cities-panel').waitFor();
      expect(await page.getByTestId('account').innerText()).toContain(
        'Connecté : claire (responsable de site · Marseille)',
      );
      await page.getByTestId('city-Marseille').waitFor();
      expect(await page.locator('[data-testid^="city-"]').count()).toBe(1);
      await page.getByTestId('section-monthly').waitFor();
      // Her cities' sum is titled as hers, not as the company's.
      expect(await page.getByText('Vos villes', { exact: false }).count()).toBeGreaterThan(0);
      expect(await page.getByText('Toutes les villes', { exact: false }).count()).toBe(0);
      await screenshot(page, 'signed-in-manager');

      // The page's export link, fetched with the page's own cookie.
      const href = await page.getByTestId('export-monthly-csv').getAttribute('href');
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
      expect(citiesOfCsv(csv)).toEqual(['Marseille']);
      const paris = await page.evaluate(
        async () => (await fetch('/reports/summary?city=Paris')).status,
      );
      expect(paris).toBe(403);
    });

    it('hears no Paris event on its live stream during a Paris import', async () => {
      const { page, base } = dashboard;
      await page.evaluate(() => {
        const heard: unknown[] = [];
        (globalThis as unknown as { heard: unknown[] }).heard = heard;
        const source = new EventSource('/events');
        source.addEventListener('data', (event) =>
          heard.push(JSON.parse((event as unknown as { data: string }).data)),
        );
        return new Promise((resolve) => {
          source.onopen = resolve;
        });
      });
      const write = (row: string): Promise<Response> =>
        fetch(`${base}/imports`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/csv' },
          body: `${HEADER}\n${row}`,
        });
      expect((await write('BP1,2025-06-01,Paris,vente,BMW_X1,30000,NULL')).status).toBe(200);
      expect((await write('BM1,2025-06-02,Marseille,vente,BMW_X1,30000,NULL')).status).toBe(200);
      await page.waitForFunction(
        () => (globalThis as unknown as { heard: unknown[] }).heard.length > 0,
      );
      // The city watch (LIVE_WATCH_MS, 1 s) may also announce both cities' new counts: two of its
      // ticks give it the chance to leak Paris too.
      await setTimeout(2_500);
      const heard = await page.evaluate(
        () => (globalThis as unknown as { heard: { cities: string[] }[] }).heard,
      );
      expect(heard[0]).toEqual({ cities: ['Marseille'], accepted: 1 });
      expect(heard.map((event) => event.cities)).toEqual(heard.map(() => ['Marseille']));
    });

    it('signs out: the page asks for a sign-in again', async () => {
      const { page } = dashboard;
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-form').waitFor();
      expect(await page.evaluate(async () => (await fetch('/cities')).status)).toBe(401);
    });

    it("shows an admin the audit trail, in French, with the manager's failed sign-in and the imports", async () => {
      const { page } = dashboard;
      await page.getByLabel('Identifiant').fill('admin');
      await page.getByLabel('Mot de passe').fill(passwordOf('admin'));
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByTestId('nav-import').click();
      const panel = page.getByTestId('audit-panel');
      await panel.waitFor();
      expect(await panel.locator('h2').innerText()).toBe('Journal des écritures');
      const rows = await panel.locator('tbody tr').allInnerTexts();
      const failed = rows.find((row) => row.includes('Connexion refusée'));
      expect(failed).toContain('claire');
      expect(
        rows.filter((row) => row.includes('Import de fichier') && row.includes('admin')).length,
      ).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'audit-panel');
    });
  });
}
