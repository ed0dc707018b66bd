import type { JSX } from 'preact';
import { modelDisplayName } from '#domain/labels';
import type { TransactionList } from '../../api/client.js';
import { useRowActions } from '../../ui/row-actions.js';
import { NO_EXPLORER_FILTER } from '../../ui/url-state.js';
import { ActionStatus, RowButtons } from '../../ui/row-buttons.js';
import { TableHead } from '../../ui/table-head.js';
import { useUi } from '../../ui/ui-context.js';

interface Props {
  readonly flagged: TransactionList;
  /** Called once a correction is stored: the page asks for its figures again. */
  readonly onChanged: () => void;
}

/**
 * "À vérifier": the selection's transactions whose price is far from their model's usual price
 * (PRICE_OUTLIER), each correctable or deletable here, after a confirmation.
 */
export function CheckPanel({ flagged, onChanged }: Props): JSX.Element | null {
  const { t, f, link } = useUi();
  const actions = useRowActions(onChanged);
  if (flagged.total === 0) return null;
  const all = link({ view: 'transactions', explorer: { ...NO_EXPLORER_FILTER, flagged: true } });
  return (
    <section class="card check" data-testid="check-panel" aria-labelledby="check-title">
      <h2 id="check-title">
        {t('toCheck')} ({f.integer(flagged.total)})
      </h2>
      <p class="help">
        {t('toCheckHelp')}{' '}
        {flagged.total > flagged.rows.length && (
          <a href={all.href} onClick={all.onClick} data-testid="check-all">
            {t('seeTransactions')}
          </a>
        )}
      </p>
      <ActionStatus actions={actions} />
      <div class="scroll">
        <table class="data">
          <TableHead
            columns={[
              t('id'),
              t('city'),
              t('date'),
              t('model'),
              t('price'),
              t('usualPrice'),
              t('actions'),
            ]}
            text={[0, 1, 2, 3, 6]}
          />
          <tbody>
            {flagged.rows.map((row) => (
              <tr
                key={`${row.ville}/${row.transaction_id}`}
                data-testid={`check-${row.transaction_id}`}
              >
                <td class="text">{row.transaction_id}</td>
                <td class="text">{row.ville}</td>
                <td class="text">{f.day(row.date)}</td>
                <td class="text">{modelDisplayName(row.modele)}</td>
                <td>{f.moneyCents(row.prix)}</td>
                <td>{f.moneyCents(row.usualPrice)}</td>
                <RowButtons row={row} actions={actions} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
