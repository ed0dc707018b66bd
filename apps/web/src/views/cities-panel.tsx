import type { JSX } from 'preact';
import type { CityStatus } from '../api/types.js';
import { useUi } from '../ui/ui-context.js';
import { TableHead } from '../ui/table-head.js';

/** The cities missing from the figures shown, said once at the top of the page. */
export function PartialBanner({ missing }: { missing: readonly string[] }): JSX.Element | null {
  const { t } = useUi();
  if (missing.length === 0) return null;
  const cities = missing.join(', ');
  return (
    <div class="banner" role="alert" data-testid="partial-banner" data-missing={missing.join(',')}>
      {t(missing.length === 1 ? 'partialBanner' : 'partialBannerMany', { cities })}
    </div>
  );
}

/** Each city's worker: up or down, what it holds, how fast it answered. */
export function CitiesPanel({ statuses }: { statuses: readonly CityStatus[] }): JSX.Element {
  const { t, f } = useUi();
  return (
    <section class="card" id="cities" aria-labelledby="cities-title" data-testid="cities-panel">
      <h2 id="cities-title">{t('clusterPanel')}</h2>
      <div class="scroll">
        <table class="data">
          <TableHead columns={[t('city'), t('status'), t('held'), t('answerTime')]} />
          <tbody>
            {statuses.map((s) => (
              <tr key={s.city} data-testid={`city-${s.city}`} data-status={s.status}>
                <th scope="row">{s.city}</th>
                <td>
                  <span class={`badge ${s.status}`} title={s.error}>
                    {t(s.status === 'up' ? 'statusUp' : 'statusDown')}
                  </span>
                </td>
                <td>{f.integer(s.transactions)}</td>
                <td>{s.latencyMs === null ? '—' : `${f.decimal(s.latencyMs)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
