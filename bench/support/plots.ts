import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { csvText } from './csv-text.js';

/** Renders a Vega-Lite spec to an SVG file, in Node, without a browser. */
export async function writeSvgPlot(file: string, spec: TopLevelSpec): Promise<void> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  writeFileSync(file, await view.toSVG());
  view.finalize();
}

/** Results as a CSV file (see {@link csvText}). */
export function writeCsv(
  file: string,
  rows: readonly Readonly<Record<string, string | number>>[],
): void {
  writeFileSync(file, csvText(rows));
}
