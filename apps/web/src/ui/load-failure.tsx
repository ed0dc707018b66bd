import type { JSX } from 'preact';
import { ApiError } from '../api/client.js';
import type { ApiErrorBody } from '../api/types.js';
import { apiErrorDetail, apiErrorText } from './api-errors.js';
import { useUi } from './ui-context.js';

/** Why figures could not be shown: the gateway's refusal, or no answer at all. */
export type Failure = ApiErrorBody | 'unreachable';

export function failureOf(error: unknown): Failure {
  return error instanceof ApiError ? error.body : 'unreachable';
}

/** The failure in the page's language; the API's own words for engineers in the tooltip. */
export function FailureBanner({ failure }: { failure: Failure | undefined }): JSX.Element | null {
  const { t, lang } = useUi();
  if (failure === undefined) return null;
  if (failure === 'unreachable') {
    return (
      <p class="banner" role="alert">
        {t('unreachable')}
      </p>
    );
  }
  return (
    <p class="banner" role="alert" title={apiErrorDetail(failure)} data-code={failure.code}>
      {apiErrorText(failure, lang)}
    </p>
  );
}
