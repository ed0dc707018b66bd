import type { JSX } from 'preact';
import type { ReportData } from '../../api/types.js';
import { SectionCard } from '../../ui/section-card.js';
import { TableHead } from '../../ui/table-head.js';
import { useUi } from '../../ui/ui-context.js';

type TargetMonth = ReportData['targets']['cities'][number]['months'][number];

/**
 * Each month with a target against it, city by city, then the selection's: actual, target,
 * variance, attainment, and attainment since January.
 */
export function TargetsSection({ targets }: { targets: ReportData['targets'] }): JSX.Element {
  const { t, f } = useUi();
  const rows: [string, TargetMonth][] = [
    ...targets.cities.flatMap(({ city, months }) =>
      months.map((month): [string, TargetMonth] => [city, month]),
    ),
    ...(targets.cities.length > 1
      ? (targets.company?.months ?? []).map((month): [string, TargetMonth] => [t('total'), month])
      : []),
  ].filter(([, month]) => month.target !== null);
  return (
    <SectionCard id="targets" title={t('targets')} path="targets" help={t('targetsHelp')}>
      {rows.length === 0 ? (
        <p class="muted" data-testid="targets-none">
          {t('noTargets')}
        </p>
      ) : (
        <div class="scroll">
          <table class="data" data-testid="table-targets">
            <TableHead
              columns={[
                t('city'),
                t('month'),
                t('revenue'),
                t('target'),
                t('variance'),
                t('attainment'),
                t('yearToDateAttainment'),
              ]}
            />
            <tbody>
              {rows.map(([name, m]) => (
                <tr key={`${name}-${m.month}`} data-city={name} data-month={m.month}>
                  <th scope="row">{name}</th>
                  <td>{f.month(m.month)}</td>
                  <td data-value={m.actual}>{f.money(m.actual)}</td>
                  <td data-value={m.target}>{f.money(m.target)}</td>
                  <td class={tone(m.variance)}>{f.money(m.variance)}</td>
                  <td data-value={m.attainment} class={tone(m.varianceRate)}>
                    {f.percent(m.attainment)}
                  </td>
                  <td data-value={m.yearToDate.attainment}>{f.percent(m.yearToDate.attainment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

function tone(value: number | null): string | undefined {
  return value === null || value === 0 ? undefined : value > 0 ? 'up' : 'down';
}
