import type { Lang } from './i18n.js';

export const VIEWS = ['overview', 'import', 'review'] as const;
export type View = (typeof VIEWS)[number];

/** Everything a link must carry to show the same page: the view, its filters, the language. */
export interface PageState {
  readonly view: View;
  /** Empty: every city. */
  readonly cities: readonly string[];
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly basis: 'contract' | 'recognized';
  readonly lang: Lang;
  /** The monthly review's month. */
  readonly month: string | undefined;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(value: string | null): string | undefined {
  return value !== null && MONTH.test(value) ? value : undefined;
}

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview',
    cities: (params.get('cities') ?? '').split(',').filter((city) => city !== ''),
    from: month(params.get('from')),
    to: month(params.get('to')),
    basis: params.get('basis') === 'recognized' ? 'recognized' : 'contract',
    lang: params.get('lang') === 'en' ? 'en' : 'fr',
    month: month(params.get('month')),
  };
}

/** The query string of a state, defaults left out so that links stay short. */
export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  if (state.view !== 'overview') params.set('view', state.view);
  if (state.cities.length > 0) params.set('cities', state.cities.join(','));
  if (state.from !== undefined) params.set('from', state.from);
  if (state.to !== undefined) params.set('to', state.to);
  if (state.basis !== 'contract') params.set('basis', state.basis);
  if (state.lang !== 'fr') params.set('lang', state.lang);
  if (state.month !== undefined && state.view === 'review') params.set('month', state.month);
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

/** `2025-01` plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [year, index] = month.split('-').map(Number);
  const total = (year ?? 0) * 12 + (index ?? 1) - 1 + delta;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}
