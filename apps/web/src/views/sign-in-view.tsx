import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { signIn } from '../api/auth.js';
import { useUi } from '../ui/ui-context.js';

/** The sign-in form; a success loads the page again, now with the session's cookie. */
export function SignInView(): JSX.Element {
  const { t } = useUi();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const text = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const result = await signIn(text('username'), text('password'));
    setBusy(false);
    if (result.ok) {
      location.reload();
      return;
    }
    const wait = result.error.retryAfterSeconds;
    setError(typeof wait === 'number' ? t('signInWait', { seconds: wait }) : t('signInFailed'));
  }

  return (
    <main id="main" class="sign-in">
      <h1>{t('title')}</h1>
      <form data-testid="sign-in-form" onSubmit={(event) => void submit(event)}>
        <h2>{t('signInTitle')}</h2>
        <p class="muted">{t('signInIntro')}</p>
        <label>
          {t('username')}
          <input name="username" autocomplete="username" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error !== undefined && (
          <p class="banner" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
