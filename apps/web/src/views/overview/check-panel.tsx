import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { modelDisplayName } from '#domain/labels';
import {
  KEY_STORAGE,
  correctTransaction,
  type ListedTransaction,
  type TransactionList,
} from '../../api/client.js';
import { apiErrorDetail, apiErrorText } from '../../ui/api-errors.js';
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
  const { t, f, lang } = useUi();
  const [message, setMessage] = useState<{ text: string; detail?: string } | undefined>();
  if (flagged.total === 0) return null;

  async function apply(row: ListedTransaction, change: { prix: number } | 'delete'): Promise<void> {
    let refused = await correctTransaction(row, change);
    if (refused?.code === 'UNAUTHORIZED') {
      const key = prompt(t('apiKeyPrompt'));
      if (key === null || key === '') return;
      sessionStorage.setItem(KEY_STORAGE, key);
      refused = await correctTransaction(row, change);
    }
    if (refused === undefined) {
      setMessage({
        text: t(change === 'delete' ? 'deleted' : 'corrected', { id: row.transaction_id }),
      });
      onChanged();
    } else {
      setMessage({ text: apiErrorText(refused, lang), detail: apiErrorDetail(refused) });
    }
  }

  function correct(row: ListedTransaction): void {
    const suggested = row.usualPrice === null ? '' : String(row.usualPrice);
    const answer = prompt(
      t('newPrice', { id: row.transaction_id, price: f.moneyCents(row.prix) }),
      suggested,
    );
    if (answer === null) return;
    const prix = Number(answer.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(prix) || prix <= 0) {
      setMessage({ text: t('badPrice', { value: answer }) });
      return;
    }
    void apply(row, { prix });
  }

  function remove(row: ListedTransaction): void {
    if (confirm(t('confirmDelete', { id: row.transaction_id, city: row.ville })))
      void apply(row, 'delete');
  }

  return (
    <section class="card check" data-testid="check-panel" aria-labelledby="check-title">
      <h2 id="check-title">
        {t('toCheck')} ({f.integer(flagged.total)})
      </h2>
      <p class="help">{t('toCheckHelp')}</p>
      {message !== undefined && (
        <p role="status" title={message.detail} data-testid="check-status">
          {message.text}
        </p>
      )}
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
                <td class="text actions">
                  <button
                    type="button"
                    data-testid={`correct-${row.transaction_id}`}
                    onClick={() => {
                      correct(row);
                    }}
                  >
                    {t('correctPrice')}
                  </button>{' '}
                  <button
                    type="button"
                    data-testid={`delete-${row.transaction_id}`}
                    onClick={() => {
                      remove(row);
                    }}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
