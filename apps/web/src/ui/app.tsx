import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  fetchCities,
  fetchFlagged,
  fetchSummary,
  fetchTopByRevenue,
  fetchWholeHistory,
} from '../api/client.js';
import type { TransactionList } from '../api/client.js';
import { FailureBanner, failureOf, type Failure } from './load-failure.js';
import type { CityStatus, ReportData, ReportEnvelope } from '../api/types.js';
import { CitiesPanel, PartialBanner } from '../views/cities-panel.js';
import { AccountBar } from '../views/account-bar.js';
import { AuditPanel } from '../views/audit-panel.js';
import { ExplorerView } from '../views/explorer-view.js';
import { ImportView } from '../views/import-view.js';
import { OverviewView } from '../views/overview/overview-view.js';
import { ReviewView } from '../views/review-view.js';
import { Filters } from './filters.js';
import { useMe } from './me-context.js';
import { useLiveUpdates } from './live.js';
import { Skeleton } from './skeleton.js';
import { makeUi, UiContext, type PageLink } from './ui-context.js';
import { addMonths } from './months.js';
import { readState, reportParams, writeState, type PageState, type View } from './url-state.js';

interface Loaded {
  readonly summary: ReportEnvelope<ReportData>;
  readonly topByRevenue: ReportData['topModels'];
  readonly forecast: ReportEnvelope<ReportData['forecast']>;
  readonly seasonality: ReportEnvelope<ReportData['seasonality']>;
  readonly flagged: TransactionList;
  readonly at: Date;
}

const NAV: readonly View[] = ['overview', 'transactions', 'import', 'review'];

export function App(): JSX.Element {
  const [state, setState] = useState<PageState>(() => readState(location.search));
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [statuses, setStatuses] = useState<readonly CityStatus[]>([]);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  /** Cities the explorer's last page was listed without. */
  const [unlisted, setUnlisted] = useState<readonly string[]>([]);
  const params = useMemo(() => reportParams(state), [state]);
  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);
  const live = useLiveUpdates(refresh);
  const me = useMe();

  const navigate = useCallback((change: Partial<PageState>, push = false) => {
    setState((current) => {
      const next = { ...current, ...change };
      const url = `${location.pathname}${writeState(next)}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      return next;
    });
  }, []);
  const link = useCallback(
    (change: Partial<PageState>): PageLink => {
      const go = (): void => {
        navigate(change, true);
        scrollTo(0, 0);
      };
      return {
        href: writeState({ ...state, ...change }) || '/',
        go,
        onClick: (event) => {
          event.preventDefault();
          go();
        },
      };
    },
    [state, navigate],
  );
  const ui = useMemo(() => makeUi(state.lang, params, link), [state.lang, params, link]);

  useEffect(() => {
    const back = (): void => {
      setState(readState(location.search));
    };
    addEventListener('popstate', back);
    return () => {
      removeEventListener('popstate', back);
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);

  useEffect(() => {
    let current = true;
    fetchCities().then(
      (cities) => {
        if (current) setStatuses(cities);
      },
      () => undefined,
    );
    if (state.view !== 'overview') return undefined;
    Promise.all([
      fetchSummary(params),
      fetchTopByRevenue(params),
      fetchWholeHistory('forecast', params),
      fetchWholeHistory('seasonality', params),
      fetchFlagged(params),
    ]).then(
      ([summary, top, forecast, seasonality, flagged]) => {
        if (!current) return;
        setLoaded({
          summary,
          topByRevenue: top.data,
          forecast,
          seasonality,
          flagged,
          at: new Date(),
        });
        setFailure(undefined);
      },
      (error: unknown) => {
        if (!current) return;
        // Figures of another query must not stay on screen under the error of this one.
        setLoaded(undefined);
        setFailure(failureOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, [params, version, state.view]);

  useEffect(() => {
    if (loaded !== undefined && state.view === 'overview') {
      // The charts are drawn in their own effects, which ran before this one.
      if (performance.getEntriesByName('overview-drawn').length === 0) {
        performance.mark('overview-drawn');
      }
      document.body.dataset.version = String(version);
    }
  }, [loaded, state.view, version]);

  const { t, f } = ui;
  const missing = [
    ...new Set([
      ...(state.view === 'transactions' ? unlisted : (loaded?.summary.meta.missingCities ?? [])),
      ...statuses.filter((s) => s.status === 'down').map((s) => s.city),
    ]),
  ].sort();
  const reviewMonth = state.month ?? latestMonth(statuses);

  return (
    <UiContext.Provider value={ui}>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top no-print">
        <div>
          <h1>{t('title')}</h1>
          <p class="muted">{t('subtitle')}</p>
        </div>
        <nav aria-label="Navigation">
          {NAV.map((view) => (
            <a
              key={view}
              href={writeState({ ...state, view }) || '/'}
              aria-current={state.view === view ? 'page' : undefined}
              data-testid={`nav-${view}`}
              onClick={(event) => {
                event.preventDefault();
                navigate({ view }, true);
              }}
            >
              {t(view)}
            </a>
          ))}
          <a
            href={writeState({ ...state, lang: state.lang === 'fr' ? 'en' : 'fr' }) || '/'}
            data-testid="lang-switch"
            lang={state.lang === 'fr' ? 'en' : 'fr'}
            onClick={(event) => {
              event.preventDefault();
              navigate({ lang: state.lang === 'fr' ? 'en' : 'fr' });
            }}
          >
            {t('language')}
          </a>
        </nav>
        <AccountBar />
        <p class={`live ${live ? 'on' : 'off'}`} data-testid="live-state" aria-live="polite">
          {live ? t('live') : t('offline')}
          {loaded !== undefined && ` · ${t('updated')} ${f.time(loaded.at)}`}
        </p>
      </header>
      <main id="main">
        <PartialBanner missing={missing} />
        {state.view === 'overview' && <FailureBanner failure={failure} />}
        {(state.view === 'overview' || state.view === 'review') && (
          <Filters state={state} statuses={statuses} onChange={navigate} />
        )}
        {state.view === 'overview' &&
          (loaded === undefined ? (
            failure === undefined && <Skeleton tiles={3} rows={10} />
          ) : (
            <OverviewView
              summary={loaded.summary}
              topByRevenue={loaded.topByRevenue}
              forecast={loaded.forecast}
              seasonality={loaded.seasonality}
              flagged={loaded.flagged}
              onChanged={refresh}
            />
          ))}
        {state.view === 'transactions' && (
          <ExplorerView
            state={state}
            statuses={statuses}
            onChange={navigate}
            version={version}
            onMissing={setUnlisted}
            onChanged={refresh}
          />
        )}
        {state.view === 'import' && <ImportView onImported={refresh} />}
        {state.view === 'import' && me.role === 'admin' && <AuditPanel version={version} />}
        {state.view === 'review' && reviewMonth !== undefined && (
          <ReviewView
            month={reviewMonth}
            latest={latestMonth(statuses)}
            params={params}
            version={version}
            onMonth={(month) => {
              navigate({ month });
            }}
          />
        )}
        {state.view !== 'review' && <CitiesPanel statuses={statuses} />}
      </main>
      <footer class="bottom no-print">
        <a href="/docs" data-testid="api-docs">
          {t('apiDocs')}
        </a>
      </footer>
    </UiContext.Provider>
  );
}

/**
 * The review's month when none is chosen: the last month any city holds, unless it is the month
 * in progress (the dealer's calendar, Europe/Paris), which is not reviewed before it is over.
 */
function latestMonth(statuses: readonly CityStatus[]): string | undefined {
  const months = statuses.flatMap((s) => (s.lastMonth === null ? [] : [s.lastMonth]));
  const latest = months.sort().at(-1);
  const current = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  }).format(new Date());
  return latest === current ? addMonths(latest, -1) : latest;
}
