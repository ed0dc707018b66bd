import type { JSX } from 'preact';
import type { ListedTransaction } from '../api/client.js';
import type { RowActions } from './row-actions.js';
import { useUi } from './ui-context.js';

/** A transaction's two actions, in the last cell of its row. */
export function RowButtons({
  row,
  actions,
}: {
  row: ListedTransaction;
  actions: RowActions;
}): JSX.Element {
  const { t } = useUi();
  return (
    <td class="text actions">
      <button
        type="button"
        data-testid={`correct-${row.transaction_id}`}
        onClick={() => {
          actions.correct(row);
        }}
      >
        {t('correctPrice')}
      </button>{' '}
      <button
        type="button"
        data-testid={`delete-${row.transaction_id}`}
        onClick={() => {
          actions.remove(row);
        }}
      >
        {t('delete')}
      </button>
    </td>
  );
}

/** What the last action did, for screen readers too. */
export function ActionStatus({ actions }: { actions: RowActions }): JSX.Element | null {
  if (actions.message === undefined) return null;
  return (
    <p role="status" title={actions.message.detail} data-testid="check-status">
      {actions.message.text}
    </p>
  );
}
