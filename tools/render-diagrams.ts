import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumBinary } from './chromium.js';
import { diagramSources, hashComment } from './diagram-sources.js';

/**
 * Renders the Mermaid blocks of docs/fr/diagrammes.md to SVG with Debian's Chromium and the
 * mermaid package (no browser download, no network): `npm run docs:diagrams`.
 */

async function main(): Promise<void> {
  const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: chromiumOrFail(),
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidScript });
    for (const { svg, mermaid, hash } of diagramSources()) {
      // The element id names the SVG's styles: fixed per file, so a rendering changes only with its source.
      const id = basename(svg, '.svg');
      const rendered = await page.evaluate(
        async ([source, elementId]) => {
          const api = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
          // SVG text, not HTML in a foreignObject: a standalone SVG file must be valid XML.
          api.initialize({
            startOnLoad: false,
            theme: 'default',
            fontFamily: 'Arial, sans-serif',
            htmlLabels: false,
            flowchart: { htmlLabels: false },
          });
          return (await api.render(elementId, source)).svg;
        },
        [mermaid, id] as const,
      );
      writeFileSync(svg, `${hashComment(hash)}\n${rendered}\n`);
      console.log(`wrote ${svg}`);
    }
  } finally {
    await browser.close();
  }
}

function chromiumOrFail(): string {
  const binary = chromiumBinary();
  if (binary === undefined) throw new Error('chromium is not installed (apt-get install chromium)');
  return binary;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

await main();
