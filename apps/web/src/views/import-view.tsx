import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { KEY_STORAGE, uploadCsv } from '../api/client.js';
import { useMe } from '../ui/me-context.js';
import type { ApiErrorBody, ImportOutcome } from '../api/types.js';
import { apiErrorDetail, apiErrorText } from '../ui/api-errors.js';
import { RowTable } from '../ui/row-table.js';
import { useUi } from '../ui/ui-context.js';
import { TargetsUpload } from './targets-upload.js';

type Upload =
  | { readonly state: 'idle' }
  | { readonly state: 'sending'; readonly share: number; readonly file: string }
  | { readonly state: 'done'; readonly outcome: ImportOutcome; readonly file: string }
  | {
      readonly state: 'failed';
      readonly error: ApiErrorBody;
      readonly outcome: ImportOutcome | undefined;
      readonly file: string;
    };

/** What a failed import stored anyway: some errors carry it whole, others inline. */
function storedPart(error: ApiErrorBody): ImportOutcome | undefined {
  if (error.outcome !== undefined) return error.outcome;
  return error.rows === undefined ? undefined : (error as unknown as ImportOutcome);
}

/** Drop or pick a CSV; watch it upload; read what was stored and which lines were refused. */
export function ImportView({ onImported }: { onImported: () => void }): JSX.Element {
  const { t } = useUi();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<File | undefined>(undefined);
  const [key, setKey] = useState(sessionStorage.getItem(KEY_STORAGE) ?? '');
  const me = useMe();
  const [charset, setCharset] = useState<'utf-8' | 'windows-1252'>('utf-8');

  async function send(file: File, apiKey: string): Promise<void> {
    setPending(undefined);
    setUpload({ state: 'sending', share: 0, file: file.name });
    const result = await uploadCsv(file, apiKey === '' ? undefined : apiKey, charset, (share) => {
      setUpload({ state: 'sending', share, file: file.name });
    });
    if (result.ok) {
      setUpload({ state: 'done', outcome: result.outcome, file: file.name });
      onImported();
      return;
    }
    // In demo mode a 401 means API_KEY is set: the page asks for it. Signed in, it means the
    // session is over, which the failure says.
    if (result.status === 401 && me.mode === 'demo') {
      setPending(file);
      setUpload({ state: 'idle' });
      return;
    }
    const outcome = storedPart(result.error);
    setUpload({ state: 'failed', error: result.error, outcome, file: file.name });
    if (outcome !== undefined && outcome.accepted > 0) onImported();
  }

  function pick(files: FileList | null): void {
    const file = files?.[0];
    if (file !== undefined) void send(file, key);
  }

  return (
    <section class="card" aria-labelledby="import-title" data-testid="import-view">
      <h2 id="import-title">{t('import')}</h2>
      <p class="help">{t('importHelp')}</p>
      <label class="charset">
        {t('encoding')}{' '}
        <select
          value={charset}
          data-testid="charset"
          onChange={(event) => {
            setCharset(event.currentTarget.value === 'windows-1252' ? 'windows-1252' : 'utf-8');
          }}
        >
          <option value="utf-8">UTF-8</option>
          <option value="windows-1252">Windows-1252 (Excel)</option>
        </select>
      </label>
      <label
        class={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          pick(event.dataTransfer?.files ?? null);
        }}
      >
        <strong>{t('dropHere')}</strong>
        <span>{t('orPick')}</span>
        {/* The browser's own button speaks its install language ("Choose File"): ours is French. */}
        <span class="button" aria-hidden="true">
          {t('chooseFile')}
        </span>
        <input
          type="file"
          class="visually-hidden"
          aria-label={t('chooseFile')}
          accept=".csv,text/csv"
          data-testid="file-input"
          onChange={(event) => {
            pick(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {pending !== undefined && (
        <form
          class="key-form"
          data-testid="api-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            sessionStorage.setItem(KEY_STORAGE, key);
            void send(pending, key);
          }}
        >
          <p>{t('apiKeyNeeded')}</p>
          <label>
            {t('apiKey')}{' '}
            <input
              type="password"
              autoComplete="off"
              value={key}
              onInput={(event) => {
                setKey(event.currentTarget.value);
              }}
            />
          </label>{' '}
          <button type="submit">{t('send')}</button>
        </form>
      )}
      <UploadState upload={upload} />
      <TargetsUpload
        apiKey={key === '' ? undefined : key}
        charset={charset}
        onStored={onImported}
      />
    </section>
  );
}

function UploadState({ upload }: { upload: Upload }): JSX.Element | null {
  const { t, lang } = useUi();
  if (upload.state === 'idle') return null;
  if (upload.state === 'sending') {
    return (
      <div class="progress" data-testid="upload-progress">
        <label>
          {t('uploading')} {upload.file}
          <progress max={1} value={upload.share} />
        </label>
      </div>
    );
  }
  if (upload.state === 'done') {
    return <Outcome title={`${t('importDone')} : ${upload.file}`} outcome={upload.outcome} />;
  }
  return (
    <div data-testid="import-failed">
      <p class="banner" role="alert">
        <span title={apiErrorDetail(upload.error)} data-code={upload.error.code}>
          {t('importFailed')} : {apiErrorText(upload.error, lang)}
        </span>
      </p>
      {upload.outcome !== undefined && <Outcome title={upload.file} outcome={upload.outcome} />}
    </div>
  );
}

function Outcome({ title, outcome }: { title: string; outcome: ImportOutcome }): JSX.Element {
  const { t, f, noun } = useUi();
  return (
    <div class="outcome" data-testid="import-outcome" role="status">
      <h3>{title}</h3>
      <p>
        <span data-testid="outcome-rows">{f.integer(outcome.rows)}</span>{' '}
        {noun('rows', outcome.rows)} ·{' '}
        <strong data-testid="outcome-accepted">{f.integer(outcome.accepted)}</strong>{' '}
        {noun('accepted', outcome.accepted)} ·{' '}
        <span data-testid="outcome-duplicates">{f.integer(outcome.duplicates)}</span>{' '}
        {noun('duplicates', outcome.duplicates)} ·{' '}
        <span data-testid="outcome-conflicts">{f.integer(outcome.conflicts)}</span>{' '}
        {noun('conflicts', outcome.conflicts)} ·{' '}
        <span data-testid="outcome-rejected">{f.integer(outcome.rejected)}</span>{' '}
        {noun('rejected', outcome.rejected)}
      </p>
      <RowTable caption={t('rejectedLines')} rows={outcome.errors} testId="rejected-lines" />
      <RowTable caption={t('warnedLines')} rows={outcome.warnings} testId="warned-lines" />
    </div>
  );
}
