import type { JSX } from 'preact';
import type { ReportData } from '../api/types.js';
import { modelDisplayName } from '#domain/labels';
import { TableHead } from './table-head.js';
import { useUi } from './ui-context.js';

type ModelRank = ReportData['topModels'][number]['sales'][number];

/** A ranked list of models with their count and revenue. */
export function RankTable({
  caption,
  models,
}: {
  caption: string;
  models?: readonly ModelRank[];
}): JSX.Element {
  const { t, f } = useUi();
  return (
    <table class="data compact">
      <caption>{caption}</caption>
      <TableHead columns={['#', t('model'), t('count'), t('revenue')]} />
      <tbody>
        {(models ?? []).map((m, index) => (
          <tr key={m.model}>
            <td>{index + 1}</td>
            <th scope="row">{modelDisplayName(m.model)}</th>
            <td>{f.integer(m.count)}</td>
            <td>{f.money(m.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
