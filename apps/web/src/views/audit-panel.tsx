import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fetchAudit, type AuditPage } from '../api/auth.js';
import type { Formats } from '../ui/format.js';
import { MESSAGES, type MessageKey } from '../ui/i18n.js';
import { useUi, type Ui } from '../ui/ui-context.js';

const PAGE = 20;

/** The audit trail for admins: the latest writes, sign-ins and refusals, page by page. */
export function AuditPanel({ version }: { readonly version: number }): JSX.Element {
  const { t, f } = useUi();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | undefined>(undefined);
  useEffect(() => {
    let current = true;
    fetchAudit(offset, PAGE).then(
      (answer) => {
        if (current) setPage(answer);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [offset, version]);
  if (page === undefined) return <section class="card" aria-busy="true" />;
  return (
    <section class="card" data-testid="audit-panel">
      <h2>{t('auditTitle')}</h2>
      {page.entries.length === 0 ? (
        <p class="muted">{t('auditEmpty')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditWho')}</th>
                <th scope="col">{t('auditAction')}</th>
                <th scope="col">{t('auditRequest')}</th>
                <th scope="col">{t('auditStatus')}</th>
                <th scope="col">{t('auditOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{f.dateTime(new Date(entry.at))}</td>
                  <td>
                    {entry.role === null
                      ? entry.user
                      : `${entry.user} (${t(`role_${entry.role}` as 'role_admin')})`}
                  </td>
                  <td data-action={entry.action}>{label(t, 'audit_', entry.action)}</td>
                  <td>{entry.request}</td>
                  <td>{entry.status}</td>
                  <td>{outcomeText(t, f, entry.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => {
            setOffset(Math.max(0, offset - PAGE));
          }}
        >
          {t('auditNewer')}
        </button>{' '}
        <button
          type="button"
          disabled={offset + PAGE >= page.total}
          onClick={() => {
            setOffset(offset + PAGE);
          }}
        >
          {t('auditOlder')}
        </button>
      </p>
    </section>
  );
}

type Translate = Ui['t'];

/** The page's word for a code of the trail, or the code itself when the page has none. */
function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in MESSAGES.fr ? t(key as MessageKey) : code;
}

/** The counts of an entry, in the page's words: `3 lignes · 2 acceptées · 1 rejetées`. */
function outcomeText(
  t: Translate,
  f: Formats,
  outcome: Readonly<Record<string, unknown>> | null,
): string {
  if (outcome === null) return '';
  return Object.entries(outcome)
    .filter(([key]) => key !== 'elapsedMs' && key !== 'rejectedByCode')
    .map(([key, value]) => `${label(t, 'outcome_', key)} : ${shown(f, value)}`)
    .join(' · ');
}

function shown(f: Formats, value: unknown): string {
  if (typeof value === 'number') return f.integer(value);
  return Array.isArray(value) ? value.join(', ') : String(value);
}
