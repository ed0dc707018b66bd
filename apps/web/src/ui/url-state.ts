import type { TransactionSort } from '#domain/model';
import type { Lang, MessageKey } from './i18n.js';
import { currentMonth, isPeriod, periodRange, type Period } from './periods.js';

export const VIEWS = ['overview', 'transactions', 'import', 'review'] as const;
export type View = (typeof VIEWS)[number];

/** The explorer's orders, as the API names them (the compiler holds it to the domain's list). */
export const SORT_MESSAGES: Readonly<Record<TransactionSort, MessageKey>> = {
  '-date': 'sortNewest',
  date: 'sortOldest',
  '-prix': 'sortDearest',
  prix: 'sortCheapest',
};

/** The explorer's own filters (its cities and month are the page's). */
export interface ExplorerState {
  /** The stored model code. */
  readonly model: string | undefined;
  readonly type: 'vente' | 'location' | undefined;
  readonly id: string | undefined;
  /** Only the transactions to check. */
  readonly flagged: boolean;
  readonly sort: TransactionSort;
  readonly page: number;
}

export const NO_EXPLORER_FILTER: ExplorerState = {
  model: undefined,
  type: undefined,
  id: undefined,
  flagged: false,
  sort: '-date',
  page: 1,
};

/** Everything a link must carry to show the same page: the view, its filters, the language. */
export interface PageState {
  readonly view: View;
  /** Empty: every city. */
  readonly cities: readonly string[];
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** A ready-made period: the URL keeps it, not its months, so that a link stays current. */
  readonly period: Period | undefined;
  readonly basis: 'contract' | 'recognized';
  readonly lang: Lang;
  /** The monthly review's month, or the explorer's. */
  readonly month: string | undefined;
  readonly explorer: ExplorerState;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(value: string | null): string | undefined {
  return value !== null && MONTH.test(value) ? value : undefined;
}

export function readState(search: string, current = currentMonth()): PageState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const period = params.get('period');
  const range = isPeriod(period)
    ? periodRange(period, current)
    : { from: month(params.get('from')), to: month(params.get('to')) };
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview',
    cities: (params.get('cities') ?? '').split(',').filter((city) => city !== ''),
    ...range,
    period: isPeriod(period) ? period : undefined,
    basis: params.get('basis') === 'recognized' ? 'recognized' : 'contract',
    lang: params.get('lang') === 'en' ? 'en' : 'fr',
    month: month(params.get('month')),
    explorer: readExplorer(params),
  };
}

function readExplorer(params: URLSearchParams): ExplorerState {
  const text = (name: string): string | undefined => {
    const value = params.get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const type = params.get('type');
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  return {
    model: text('model'),
    type: type === 'vente' || type === 'location' ? type : undefined,
    id: text('id'),
    flagged: params.get('flagged') === 'true',
    sort: Object.hasOwn(SORT_MESSAGES, sort) ? (sort as TransactionSort) : NO_EXPLORER_FILTER.sort,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * The query string of a state, defaults left out so that links stay short. A period is written
 * as such while the months are still its own (a change of `from` or `to` leaves it).
 */
export function writeState(state: PageState, current = currentMonth()): string {
  const params = new URLSearchParams();
  if (state.view !== 'overview') params.set('view', state.view);
  if (state.cities.length > 0) params.set('cities', state.cities.join(','));
  const preset = state.period === undefined ? undefined : periodRange(state.period, current);
  if (state.period !== undefined && preset?.from === state.from && preset?.to === state.to) {
    params.set('period', state.period);
  } else {
    if (state.from !== undefined) params.set('from', state.from);
    if (state.to !== undefined) params.set('to', state.to);
  }
  if (state.basis !== 'contract') params.set('basis', state.basis);
  if (state.lang !== 'fr') params.set('lang', state.lang);
  const monthly = state.view === 'review' || state.view === 'transactions';
  if (state.month !== undefined && monthly) params.set('month', state.month);
  if (state.view === 'transactions') {
    const { model, type, id, flagged, sort, page } = state.explorer;
    if (model !== undefined) params.set('model', model);
    if (type !== undefined) params.set('type', type);
    if (id !== undefined) params.set('id', id);
    if (flagged) params.set('flagged', 'true');
    if (sort !== NO_EXPLORER_FILTER.sort) params.set('sort', sort);
    if (page !== 1) params.set('page', String(page));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The report endpoints' query for a state; a missing city never blanks the page. */
export function reportParams(state: PageState): URLSearchParams {
  const params = new URLSearchParams({ basis: state.basis, partial: 'true' });
  if (state.cities.length > 0) params.set('city', state.cities.join(','));
  if (state.from !== undefined) params.set('from', state.from);
  if (state.to !== undefined) params.set('to', state.to);
  return params;
}

/** The explorer's query for a state: its filters, one page of 50. */
export function explorerParams(state: PageState): URLSearchParams {
  const params = new URLSearchParams({ partial: 'true', size: String(EXPLORER_PAGE_SIZE) });
  const { model, type, id, flagged, sort, page } = state.explorer;
  if (state.cities.length > 0) params.set('city', state.cities.join(','));
  if (state.month !== undefined) params.set('month', state.month);
  if (model !== undefined) params.set('model', model);
  if (type !== undefined) params.set('type', type);
  if (id !== undefined) params.set('id', id);
  if (flagged) params.set('flagged', 'true');
  params.set('sort', sort);
  params.set('page', String(page));
  return params;
}

export const EXPLORER_PAGE_SIZE = 50;
