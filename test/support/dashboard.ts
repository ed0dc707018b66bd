import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { InProcessCityWorkers } from './in-process-city-workers.js';
import { inProcessGateway } from './in-process-gateway.js';

export const SAMPLE = join(process.cwd(), 'data', 'transactions_autoconnect.csv');

/** The dashboard served by an in-process gateway over in-process workers, and a browser on it. */
export interface Dashboard {
  readonly workers: InProcessCityWorkers;
  readonly base: string;
  readonly browser: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Lyon, Marseille and Paris in this process, the built dashboard (`dist/web`) served, the sample
 * imported unless `seed` is false, and a fresh Chromium profile with one page open.
 */
export async function startDashboard(
  chromium: string,
  { env = {}, seed = true }: { env?: Record<string, string>; seed?: boolean } = {},
): Promise<Dashboard> {
  const workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
  const gateway = await inProcessGateway(workers, {
    WEB_DIR: join(process.cwd(), 'dist', 'web'),
    ...env,
  });
  const base = gateway.baseUrl;
  if (seed) {
    const imported = await fetch(`${base}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(SAMPLE),
    });
    if (imported.status !== 200) throw new Error(`the sample import answered ${imported.status}`);
  }
  const browser = await launchBrowser(chromium);
  const page = await browser.newPage();
  return {
    workers,
    base,
    browser,
    page,
    async close() {
      await browser.close();
      await gateway.app.close();
      await workers.close();
    },
  };
}
