import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumBinary } from '../../tools/chromium.js';

/** Where the browser tests save a screenshot of each view (docs/ shows some of them). */
export const SCREENSHOTS = join(process.cwd(), 'tmp', 'screenshots');

/**
 * Chromium's path; when it is not installed, registers `spec` as skipped and says so loudly
 * (`.ci/run` installs it, so CI never skips).
 */
export function chromiumOrSkip(spec: string): string | undefined {
  const binary = chromiumBinary();
  if (binary === undefined) {
    describe(spec, () => {
      it.skip('SKIPPED: chromium is not installed (apt-get install chromium)', () => undefined);
    });
    process.stderr.write(`\n*** ${spec}: SKIPPED, chromium is not installed ***\n\n`);
  }
  return binary;
}

/** A fresh headless browser profile (downloads accepted, 1366×768 by default). */
export function launchBrowser(executablePath: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
}

/** Saves the page as tmp/screenshots/{name}.png: all of it, or what the screen shows. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
