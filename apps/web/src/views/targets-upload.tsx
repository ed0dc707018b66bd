import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { uploadTargets } from '../api/client.js';
import type { ApiErrorBody, TargetsOutcome } from '../api/types.js';
import { apiErrorDetail, apiErrorText } from '../ui/api-errors.js';
import { RowTable } from '../ui/row-table.js';
import { useUi } from '../ui/ui-context.js';

type Sent =
  | { readonly state: 'idle' | 'sending' }
  | { readonly state: 'done'; readonly outcome: TargetsOutcome }
  | { readonly state: 'failed'; readonly error: ApiErrorBody };

/** The revenue targets file: sent as it is picked, answered with what was stored and refused. */
export function TargetsUpload({
  apiKey,
  charset,
  onStored,
}: {
  apiKey: string | undefined;
  charset: 'utf-8' | 'windows-1252';
  onStored: () => void;
}): JSX.Element {
  const { t, lang } = useUi();
  const [sent, setSent] = useState<Sent>({ state: 'idle' });
  async function send(file: File): Promise<void> {
    setSent({ state: 'sending' });
    const result = await uploadTargets(file, apiKey, charset);
    if (result.ok) {
      setSent({ state: 'done', outcome: result.outcome });
      onStored();
    } else setSent({ state: 'failed', error: result.error });
  }
  const errors =
    sent.state === 'done'
      ? sent.outcome.errors
      : sent.state === 'failed'
        ? (sent.error.errors ?? [])
        : [];
  return (
    <section
      class="targets-upload"
      aria-labelledby="targets-upload-title"
      data-testid="targets-upload"
    >
      <h3 id="targets-upload-title">{t('importTargets')}</h3>
      <p class="help">{t('targetsFileHelp')}</p>
      <label class="button">
        {t('sendTargets')}
        <input
          type="file"
          class="visually-hidden"
          accept=".csv,text/csv"
          data-testid="targets-file-input"
          disabled={sent.state === 'sending'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file !== undefined) void send(file);
          }}
        />
      </label>
      {sent.state === 'done' && (
        <p role="status" data-testid="targets-outcome">
          {t('targetsStored', {
            stored: sent.outcome.stored,
            replaced: sent.outcome.replaced,
            rejected: sent.outcome.rejected,
          })}
        </p>
      )}
      {sent.state === 'failed' && (
        <p class="banner" role="alert" data-testid="targets-failed">
          <span title={apiErrorDetail(sent.error)} data-code={sent.error.code}>
            {t('importFailed')} : {apiErrorText(sent.error, lang)}
          </span>
        </p>
      )}
      <RowTable caption={t('rejectedLines')} rows={errors} testId="targets-rejected-lines" />
    </section>
  );
}
