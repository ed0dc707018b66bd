import { useState } from 'preact/hooks';
import { KEY_STORAGE, correctTransaction, type ListedTransaction } from '../api/client.js';
import { apiErrorDetail, apiErrorText } from './api-errors.js';
import { useMe } from './me-context.js';
import { useUi } from './ui-context.js';

export interface RowActions {
  /** What the last action did, in the page's language; the API's own words as `detail`. */
  readonly message: { readonly text: string; readonly detail?: string } | undefined;
  /** Asks for the new price (the usual one offered), then stores it. */
  readonly correct: (row: ListedTransaction) => void;
  /** Asks for a confirmation, then deletes the row. */
  readonly remove: (row: ListedTransaction) => void;
}

/**
 * Correcting or deleting a stored transaction from the page: the "À vérifier" panel and the
 * explorer do it the same way, with the tab's API key asked for when writes need one.
 */
export function useRowActions(onChanged: () => void): RowActions {
  const { t, f, lang } = useUi();
  const [message, setMessage] = useState<RowActions['message']>();
  const me = useMe();

  async function apply(row: ListedTransaction, change: { prix: number } | 'delete'): Promise<void> {
    let refused = await correctTransaction(row, change);
    if (refused?.code === 'UNAUTHENTICATED' && me.mode === 'demo') {
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

  return {
    message,
    correct(row) {
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
    },
    remove(row) {
      if (confirm(t('confirmDelete', { id: row.transaction_id, city: row.ville })))
        void apply(row, 'delete');
    },
  };
}
