import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders a Vega-Lite spec to an SVG file, in Node, without a browser. */
export async function writeSvgPlot(file: string, spec: TopLevelSpec): Promise<void> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  writeFileSync(file, await view.toSVG());
  view.finalize();
}

/** Results as CSV, one object per line, columns in the first object's key order. */
export function writeCsv(
  file: string,
  rows: readonly Readonly<Record<string, string | number>>[],
): void {
  const columns = Object.keys(rows[0] ?? {});
  const lines = rows.map((row) => columns.map((column) => String(row[column])).join(','));
  writeFileSync(file, `${[columns.join(','), ...lines].join('\n')}\n`);
}
