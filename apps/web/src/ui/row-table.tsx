import type { JSX } from 'preact';
import type { RowError } from '../api/types.js';
import { rowCodeLabel } from './row-codes.js';
import { TableHead } from './table-head.js';
import { useUi } from './ui-context.js';

/** Rows of an import named by line: the rejected ones, or the stored ones worth a look. */
export function RowTable({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: readonly RowError[];
  testId: string;
}): JSX.Element | null {
  const { t, lang } = useUi();
  if (rows.length === 0) return null;
  return (
    <div class="scroll">
      <table class="data" data-testid={testId}>
        <caption>{caption}</caption>
        <TableHead columns={[t('line'), t('field'), t('reason')]} text={[1, 2]} />
        <tbody>
          {rows.map((row, index) => (
            // The API's code and English message stay for engineers, in the row's tooltip.
            <tr key={index} title={`${row.code}: ${row.message}`} data-code={row.code}>
              <td>{row.line}</td>
              <td class="text">{row.fields?.join(', ') ?? row.field ?? '—'}</td>
              <td class="text">{rowCodeLabel(row.code, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
