import type { JSX } from 'preact';
import type { ReportData } from '../api/types.js';
import { modelDisplayName } from '#domain/labels';
import { TableHead } from './table-head.js';
import { useUi } from './ui-context.js';
import { NO_EXPLORER_FILTER, type PageState } from './url-state.js';

type ModelRank = ReportData['topModels'][number]['sales'][number];

/** Where a model's row leads: the explorer on its transactions of that type (and city). */
export interface ModelDrill {
  readonly type: 'vente' | 'location';
  /** Its city; undefined: the page's selection. */
  readonly city?: string;
  readonly month?: string;
}

/** A ranked list of models with their count and revenue, each opening its transactions. */
export function RankTable({
  caption,
  models,
  drill,
}: {
  caption: string;
  models?: readonly ModelRank[];
  drill: ModelDrill;
}): JSX.Element {
  const { t, f, link } = useUi();
  const open = (model: string): ReturnType<typeof link> => {
    const change: Partial<PageState> = {
      view: 'transactions',
      month: drill.month,
      explorer: { ...NO_EXPLORER_FILTER, model, type: drill.type },
    };
    return link(drill.city === undefined ? change : { ...change, cities: [drill.city] });
  };
  return (
    <table class="data compact">
      <caption>{caption}</caption>
      <TableHead columns={['#', t('model'), t('count'), t('revenue')]} />
      <tbody>
        {(models ?? []).map((m, index) => {
          const target = open(m.model);
          return (
            <tr key={m.model}>
              <td>{index + 1}</td>
              <th scope="row">
                <a href={target.href} onClick={target.onClick} title={t('seeTransactions')}>
                  {modelDisplayName(m.model)}
                </a>
              </th>
              <td>{f.integer(m.count)}</td>
              <td>{f.money(m.revenue)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
