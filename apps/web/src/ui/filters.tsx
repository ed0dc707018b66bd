import type { JSX } from 'preact';
import type { CityStatus } from '../api/types.js';
import { PERIODS, PERIOD_LABELS, currentMonth, periodRange } from './periods.js';
import type { PageState } from './url-state.js';
import { useUi } from './ui-context.js';

interface Props {
  readonly state: PageState;
  readonly statuses: readonly CityStatus[];
  readonly onChange: (change: Partial<PageState>) => void;
}

/** Cities, period and basis: every change goes to the URL, so a link shows the same view. */
export function Filters({ state, statuses, onChange }: Props): JSX.Element {
  const { t } = useUi();
  const all = statuses.map((s) => s.city);
  const selected = state.cities.length === 0 ? all : state.cities;
  function toggle(city: string, on: boolean): void {
    const next = all.filter((c) => (c === city ? on : selected.includes(c)));
    onChange({ cities: next.length === all.length ? [] : next });
  }
  return (
    <form
      class="filters no-print"
      aria-label={t('filters')}
      data-testid="filters"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <fieldset>
        <legend>{t('cities')}</legend>
        {all.map((city) => (
          <label key={city} class="check">
            <input
              type="checkbox"
              checked={selected.includes(city)}
              data-testid={`filter-city-${city}`}
              onChange={(event) => {
                toggle(city, event.currentTarget.checked);
              }}
            />{' '}
            {city}
          </label>
        ))}
      </fieldset>
      <fieldset class="periods">
        <legend>{t('periods')}</legend>
        {PERIODS.map((period) => (
          <button
            key={period}
            type="button"
            aria-pressed={state.period === period}
            data-testid={`period-${period}`}
            onClick={() => {
              onChange({ period, ...periodRange(period, currentMonth()) });
            }}
          >
            {t(PERIOD_LABELS[period])}
          </button>
        ))}
      </fieldset>
      {(['from', 'to'] as const).map((bound) => (
        <label key={bound}>
          {t(bound)}{' '}
          <input
            type="month"
            value={state[bound] ?? ''}
            data-testid={`filter-${bound}`}
            onChange={(event) => {
              onChange({ [bound]: event.currentTarget.value || undefined, period: undefined });
            }}
          />
        </label>
      ))}
      <label>
        {t('basis')}{' '}
        <select
          value={state.basis}
          data-testid="filter-basis"
          onChange={(event) => {
            onChange({
              basis: event.currentTarget.value === 'recognized' ? 'recognized' : 'contract',
            });
          }}
        >
          <option value="contract">{t('contract')}</option>
          <option value="recognized">{t('recognized')}</option>
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          onChange({
            cities: [],
            from: undefined,
            to: undefined,
            period: undefined,
            basis: 'contract',
          });
        }}
      >
        {t('reset')}
      </button>
    </form>
  );
}
