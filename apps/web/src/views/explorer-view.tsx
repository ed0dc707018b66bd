import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CATALOGUE_MODELS, modelDisplayName } from '#domain/labels';
import type { TransactionSort } from '#domain/model';
import { fetchTransactions, type TransactionList } from '../api/client.js';
import type { CityStatus } from '../api/types.js';
import { FailureBanner, failureOf, type Failure } from '../ui/load-failure.js';
import { useRowActions } from '../ui/row-actions.js';
import { ActionStatus, RowButtons } from '../ui/row-buttons.js';
import { Skeleton } from '../ui/skeleton.js';
import { TableHead } from '../ui/table-head.js';
import { useUi } from '../ui/ui-context.js';
import {
  EXPLORER_PAGE_SIZE,
  NO_EXPLORER_FILTER,
  SORT_MESSAGES,
  explorerParams,
  type ExplorerState,
  type PageState,
} from '../ui/url-state.js';

interface Props {
  readonly state: PageState;
  readonly statuses: readonly CityStatus[];
  /** Changes the page's state (its URL); a new filter starts again from page 1. */
  readonly onChange: (change: Partial<PageState>) => void;
  /** Bumped by every live update: the page is asked for again. */
  readonly version: number;
  /** The cities this page was listed without (they did not answer in time). */
  readonly onMissing: (cities: readonly string[]) => void;
  readonly onChanged: () => void;
}

/** The explorer: the stored transactions, filtered, sorted, page by page, each correctable. */
export function ExplorerView(props: Props): JSX.Element {
  const { state, onMissing, version } = props;
  const { t } = useUi();
  const [list, setList] = useState<TransactionList | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const query = explorerParams(state).toString();

  useEffect(() => {
    let current = true;
    fetchTransactions(new URLSearchParams(query)).then(
      (answer) => {
        if (!current) return;
        setList(answer);
        setFailure(undefined);
        onMissing(answer.missingCities);
      },
      (error: unknown) => {
        if (!current) return;
        setList(undefined);
        setFailure(failureOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, [query, version, onMissing]);

  return (
    <section class="card" aria-labelledby="explorer-title" data-testid="explorer">
      <h2 id="explorer-title">{t('transactions')}</h2>
      <p class="help">{t('explorerHelp')}</p>
      <ExplorerFilters {...props} />
      <FailureBanner failure={failure} />
      {list === undefined ? (
        failure === undefined && <Skeleton rows={8} />
      ) : (
        <ExplorerTable list={list} {...props} />
      )}
    </section>
  );
}

function ExplorerFilters({ state, statuses, onChange }: Props): JSX.Element {
  const { t } = useUi();
  const explorer = state.explorer;
  const filter = (change: Partial<ExplorerState>): void => {
    onChange({ explorer: { ...explorer, page: 1, ...change } });
  };
  const models = [
    ...new Set([...CATALOGUE_MODELS, ...(explorer.model === undefined ? [] : [explorer.model])]),
  ].sort((a, b) => modelDisplayName(a).localeCompare(modelDisplayName(b)));
  return (
    <form
      class="filters"
      aria-label={t('filters')}
      data-testid="explorer-filters"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <label>
        {t('city')}{' '}
        <select
          value={state.cities.length === 1 ? state.cities[0] : ''}
          data-testid="explorer-city"
          onChange={(event) => {
            const city = event.currentTarget.value;
            onChange({ cities: city === '' ? [] : [city], explorer: { ...explorer, page: 1 } });
          }}
        >
          <option value="">{t('allCities')}</option>
          {statuses.map((s) => (
            <option key={s.city} value={s.city}>
              {s.city}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('month')}{' '}
        <input
          type="month"
          value={state.month ?? ''}
          data-testid="explorer-month"
          onChange={(event) => {
            onChange({
              month: event.currentTarget.value || undefined,
              explorer: { ...explorer, page: 1 },
            });
          }}
        />
      </label>
      <label>
        {t('model')}{' '}
        <select
          value={explorer.model ?? ''}
          data-testid="explorer-model"
          onChange={(event) => {
            filter({ model: event.currentTarget.value || undefined });
          }}
        >
          <option value="">{t('anyModel')}</option>
          {models.map((model) => (
            <option key={model} value={model}>
              {modelDisplayName(model)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('type')}{' '}
        <select
          value={explorer.type ?? ''}
          data-testid="explorer-type"
          onChange={(event) => {
            const type = event.currentTarget.value;
            filter({ type: type === 'vente' || type === 'location' ? type : undefined });
          }}
        >
          <option value="">{t('anyType')}</option>
          <option value="vente">{t('sales')}</option>
          <option value="location">{t('rentals')}</option>
        </select>
      </label>
      <label>
        {t('id')}{' '}
        <input
          type="search"
          size={12}
          value={explorer.id ?? ''}
          data-testid="explorer-id"
          onChange={(event) => {
            filter({ id: event.currentTarget.value.trim() || undefined });
          }}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={explorer.flagged}
          data-testid="explorer-flagged"
          onChange={(event) => {
            filter({ flagged: event.currentTarget.checked });
          }}
        />{' '}
        {t('onlyToCheck')}
      </label>
      <label>
        {t('sortBy')}{' '}
        <select
          value={explorer.sort}
          data-testid="explorer-sort"
          onChange={(event) => {
            filter({ sort: event.currentTarget.value as TransactionSort });
          }}
        >
          {Object.entries(SORT_MESSAGES).map(([sort, message]) => (
            <option key={sort} value={sort}>
              {t(message)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          onChange({ cities: [], month: undefined, explorer: NO_EXPLORER_FILTER });
        }}
      >
        {t('clearFilters')}
      </button>
    </form>
  );
}

function ExplorerTable({
  list,
  state,
  onChange,
  onChanged,
}: Props & { list: TransactionList }): JSX.Element {
  const { t, f, code, noun } = useUi();
  const actions = useRowActions(onChanged);
  const pages = Math.max(1, Math.ceil(list.total / EXPLORER_PAGE_SIZE));
  const page = (to: number): void => {
    onChange({ explorer: { ...state.explorer, page: to } });
  };
  if (list.total === 0) {
    return (
      <p class="empty" data-testid="explorer-empty">
        {t('noMatch')}{' '}
        <button
          type="button"
          onClick={() => {
            onChange({ month: undefined, explorer: NO_EXPLORER_FILTER });
          }}
        >
          {t('clearFilters')}
        </button>
      </p>
    );
  }
  return (
    <>
      <p data-testid="explorer-total">
        <strong>{f.integer(list.total)}</strong> {noun('matching', list.total)} ·{' '}
        {t('pageOf', { page: f.integer(list.page), pages: f.integer(pages) })}
      </p>
      <ActionStatus actions={actions} />
      <div class="scroll" tabIndex={0} aria-label={t('transactions')}>
        <table class="data" data-testid="explorer-table">
          <TableHead
            columns={[
              t('id'),
              t('city'),
              t('date'),
              t('type'),
              t('model'),
              t('price'),
              t('duration'),
              t('cost'),
              t('usualPrice'),
              t('actions'),
            ]}
            text={[0, 1, 2, 3, 4, 9]}
          />
          <tbody>
            {list.rows.map((row) => (
              <tr
                key={`${row.ville}/${row.transaction_id}`}
                data-testid={`row-${row.transaction_id}`}
                class={row.usualPrice === null ? undefined : 'flagged'}
              >
                <td class="text">{row.transaction_id}</td>
                <td class="text">{row.ville}</td>
                <td class="text">{f.day(row.date)}</td>
                <td class="text">{code(row.type === 'location' ? 'location' : 'vente')}</td>
                <td class="text">{modelDisplayName(row.modele)}</td>
                <td data-value={row.prix}>{f.moneyCents(row.prix)}</td>
                <td>
                  {row.duree_location_mois === null ? '—' : f.integer(row.duree_location_mois)}
                </td>
                <td>{f.moneyCents(row.cout)}</td>
                <td>{f.moneyCents(row.usualPrice)}</td>
                <RowButtons row={row} actions={actions} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label={t('pageOf', { page: list.page, pages })}>
        <button
          type="button"
          disabled={list.page <= 1}
          data-testid="explorer-previous"
          onClick={() => {
            page(list.page - 1);
          }}
        >
          {t('previous')}
        </button>
        <button
          type="button"
          disabled={list.page >= pages}
          data-testid="explorer-next"
          onClick={() => {
            page(list.page + 1);
          }}
        >
          {t('next')}
        </button>
      </nav>
    </>
  );
}
